import { z } from 'zod';

/** RFC 9457 problem details: every error the endpoint returns (`application/problem+json`). */
export const Problem = z.object({
  type: z.string().max(500).default('about:blank'),
  title: z.string().max(500),
  status: z.number().int().min(400).max(599),
  detail: z.string().max(2000).optional(),
  instance: z.string().max(500).optional(),
  /** Field errors for 400/422: `path` is the dotted field path (`title`, `record.externalId`). */
  errors: z.array(z.object({ path: z.string().max(200), message: z.string().max(500) })).max(100).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
