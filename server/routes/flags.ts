import type { Context, Hono } from 'hono';
import { CandidateFlag, CandidateFlagInput, flagEntityTag } from '../../lib/contract';
import { honoPath, routes } from '../../lib/contract/api-routes';
import { noteAudit, requireClientAccess, requireRole } from '../access';
import { readJson } from '../body';
import type { AppDeps, AppEnv } from '../env';
import { fingerprint, optionalIdempotencyKey, runIdempotent } from '../idempotency';
import { PROBLEM_TYPES, ProblemError } from '../problem';
import type { FirmStore } from '../store/firm-store';

type Outcome = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * Candidate flags, business development only, versioned: changing or clearing a flag that exists
 * needs `If-Match` with the version the user saw (428 without it, 412 with the flag as it is now
 * when it changed meanwhile), so an offline write replayed later cannot overwrite a newer one.
 * With an `Idempotency-Key` a retry gets the first answer back (a set that landed is not then
 * refused as stale by its own version change).
 */
export function flagRoutes(app: Hono<AppEnv>, { store }: AppDeps) {
  const path = honoPath(routes.putCandidateFlag.path);

  app.put(path, async (c) => {
    const user = c.get('user');
    noteAudit(c, 'flag.set');
    requireRole(user, 'bd', 'flag a client as a secondment candidate');
    const input = await readJson(c, CandidateFlagInput);
    return once(c, store, input, async () => {
      const clientId = await requireClientAccess(c, store, c.req.param('id'));
      noteAudit(c, 'flag.set', { clientId });
      const current = await store.getFlag(clientId);
      checkPrecondition(c.req.header('if-match'), current, true);
      const flag = await store.setFlag(CandidateFlag.parse({
        clientId,
        flaggedBy: { userId: user.id, name: user.name },
        flaggedAt: new Date().toISOString(),
        reason: input.reason,
        priority: input.priority,
      }));
      noteAudit(c, 'flag.set', { clientId, target: `${flag.priority}: ${flag.version}` });
      return { status: 200, body: flag, headers: { ETag: flagEntityTag(flag.version!) } };
    });
  });

  app.delete(path, async (c) => {
    const user = c.get('user');
    noteAudit(c, 'flag.clear');
    requireRole(user, 'bd', 'clear a candidate flag');
    return once(c, store, null, async () => {
      const clientId = await requireClientAccess(c, store, c.req.param('id'));
      noteAudit(c, 'flag.clear', { clientId });
      const current = await store.getFlag(clientId);
      // Clearing a flag that is already gone overwrites nobody's change: done, whatever If-Match said.
      if (current) {
        checkPrecondition(c.req.header('if-match'), current, false);
        await store.clearFlag(clientId);
        noteAudit(c, 'flag.clear', { clientId, target: current.version ?? null });
      }
      return { status: 204, body: null };
    });
  });
}

/** Runs the write under the request's Idempotency-Key when it has one, else directly. */
async function once(c: Context<AppEnv>, store: FirmStore, body: unknown, write: () => Promise<Outcome>): Promise<Response> {
  const key = optionalIdempotencyKey(c);
  if (key === null) {
    const out = await store.transaction(write);
    return out.body === null ? c.body(null, out.status as 204, out.headers) : c.json(out.body, out.status as 200, out.headers);
  }
  const user = c.get('user');
  const ifMatch = c.req.header('if-match') ?? '';
  return runIdempotent(store, {
    userId: user.id, key,
    fingerprint: fingerprint(c.req.method, new URL(c.req.url).pathname, { body, ifMatch }),
    onReplay: () => noteAudit(c, c.req.method === 'PUT' ? 'flag.set' : 'flag.clear', { clientId: c.req.param('id') ?? null, target: 'replayed answer' }),
  }, write);
}

/**
 * If-Match against the current flag (RFC 9110 §13.1.1, strong comparison): required when a flag
 * exists; `*` matches any existing flag; a version for a flag that is gone fails (someone cleared it).
 */
function checkPrecondition(header: string | undefined, current: CandidateFlag | null, creating: boolean): void {
  if (header === undefined || header.trim() === '') {
    if (!current) return;
    throw new ProblemError(428, `This client's flag was set by ${current.flaggedBy.name}. Send If-Match with the version you saw, so that a newer change is not overwritten.`, {
      type: PROBLEM_TYPES.flagChanged, currentFlag: current,
    });
  }
  const tags = header.split(',').map((t) => t.trim());
  const matches = current !== null && (tags.includes('*') || (current.version !== undefined && tags.includes(flagEntityTag(current.version))));
  if (matches) return;
  const detail = current
    ? `${current.flaggedBy.name} changed this flag on ${current.flaggedAt.slice(0, 10)} after you saw it.`
    : creating ? 'Someone cleared this flag after you saw it.' : 'This flag changed after you saw it.';
  throw new ProblemError(412, detail, { type: PROBLEM_TYPES.flagChanged, currentFlag: current });
}
