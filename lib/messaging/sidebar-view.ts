import { z } from 'zod';
import { ClientContext } from '../contract/client-context';
import { ClientSummary } from '../contract/client';
import { User } from '../contract/user';
import { IsoDateTime } from '../contract/primitives';
import { OutboxItemView } from './outbox-item-view';
import { RecordRefSchema } from './record-ref-schema';

/** A failure as the sidebar shows it: a sentence for the lawyer, details for IT behind a toggle. */
export const ProblemView = z.object({
  code: z.string().max(60),
  message: z.string().max(300),
  detail: z.string().max(2000).optional(),
});
export type ProblemView = z.infer<typeof ProblemView>;

/**
 * How fresh the shown context is. `fetchedAt` is when the endpoint last confirmed it; `state` says
 * whether a check is running or why the last one failed (the cached data stays on screen).
 */
export const Freshness = z.object({
  fetchedAt: IsoDateTime,
  state: z.enum(['fresh', 'revalidating', 'offline', 'error']),
  problem: ProblemView.optional(),
});
export type Freshness = z.infer<typeof Freshness>;

const record = RecordRefSchema;

/** Everything the sidebar renders, pushed by the background and validated on receipt. */
export const SidebarView = z.discriminatedUnion('status', [
  z.object({ status: z.literal('idle') }),
  // `firm`: the firm's identity provider is configured; the sidebar offers "Sign in with <firm>".
  z.object({ status: z.literal('signed-out'), reason: z.enum(['no-endpoint', 'no-token', 'rejected', 'no-permission']), firm: z.string().min(1).max(260).optional() }),
  z.object({ status: z.literal('loading'), record }),
  z.object({ status: z.literal('not-found'), record }),
  z.object({ status: z.literal('ambiguous'), record, matches: z.array(ClientSummary).max(50) }),
  // The client is not available to this user (a wall, or it does not exist for them: the endpoint
  // answers both alike). `unsent`: the user's own writes for it that can no longer be delivered,
  // shown so that their text is not lost.
  z.object({ status: z.literal('restricted'), record, unsent: z.array(OutboxItemView).max(100).optional() }),
  z.object({ status: z.literal('error'), record, problem: ProblemView }),
  z.object({
    status: z.literal('ready'),
    record,
    me: User.nullable(),
    context: ClientContext,
    freshness: Freshness,
    outbox: z.array(OutboxItemView).max(500),
    practiceAreas: z.array(z.string().max(80)).max(200),
  }),
]);
export type SidebarView = z.infer<typeof SidebarView>;
export type ReadyView = Extract<SidebarView, { status: 'ready' }>;
