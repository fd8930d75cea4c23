import { z } from 'zod';
import { UserRole } from '../contract/user';
import { ShortText } from '../contract/primitives';

/**
 * The background's answer to `ui.pipelineSource`: which cache partition (IndexedDB database) holds
 * the signed-in user's book, so the pipeline page can read it itself (read-only) instead of
 * receiving 50,000 needs as a message. Never the token. Validated on receipt by the page.
 */
export const PipelineSource = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ready'),
    partition: z.string().regex(/^lens-[0-9a-f]{24}$/),
    user: z.object({ name: ShortText.min(1), role: UserRole }),
  }),
  z.object({ state: z.literal('signed-out'), reason: z.enum(['no-endpoint', 'no-token', 'rejected', 'no-permission']) }),
]);
export type PipelineSource = z.infer<typeof PipelineSource>;

/** The extension page of the book, opened from the toolbar menu, the sidebar and the options page. */
export const PIPELINE_PAGE = '/pipeline.html';
