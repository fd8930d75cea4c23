import { z } from 'zod';
import { CandidateFlag } from './candidate-flag';

/** RFC 9457 problem details: every error the endpoint returns (`application/problem+json`). */
export const Problem = z.object({
  type: z.string().max(500).default('about:blank'),
  title: z.string().max(500),
  status: z.number().int().min(400).max(599),
  detail: z.string().max(2000).optional(),
  instance: z.string().max(500).optional(),
  /** Field errors for 400/422: `path` is the dotted field path (`title`, `record.externalId`). */
  errors: z.array(z.object({ path: z.string().max(200), message: z.string().max(500) })).max(100).optional(),
  /**
   * On 412 from a candidate-flag write: the flag as it is now (null when someone cleared it), so the
   * user can see who changed it meanwhile and choose theirs or apply their own again.
   */
  currentFlag: CandidateFlag.nullable().optional(),
});
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
