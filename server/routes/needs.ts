import type { Hono } from 'hono';
import { Need, NewNeed } from '../../lib/contract';
import { honoPath, routes } from '../../lib/contract/api-routes';
import { noteAudit, requireClientAccess } from '../access';
import { readJson } from '../body';
import type { AppDeps, AppEnv } from '../env';
import { fingerprint, requireIdempotencyKey, runIdempotent } from '../idempotency';
import { PROBLEM_TYPES, ProblemError } from '../problem';

/**
 * Logging an unmet need: exactly once per key. A key already answered gets that answer back before
 * any other check: a need created before a wall went up (or before the practice areas changed) is
 * not refused on a retry, which the user would then re-send under a new key as a duplicate.
 */
export function needRoutes(app: Hono<AppEnv>, { store, hooks }: AppDeps) {
  app.post(honoPath(routes.createNeed.path), async (c) => {
    const user = c.get('user');
    const requestedId = c.req.param('id') ?? '';
    noteAudit(c, 'need.create');
    const key = requireIdempotencyKey(c);
    const input = await readJson(c, NewNeed);

    return runIdempotent(store, {
      userId: user.id,
      key,
      fingerprint: fingerprint('POST', new URL(c.req.url).pathname, input),
      onReplay: () => noteAudit(c, 'need.create', { clientId: requestedId, target: 'replayed answer' }),
      validate: async () => {
        const clientId = await requireClientAccess(c, store, requestedId);
        noteAudit(c, 'need.create', { clientId });
        const errors: { path: string; message: string }[] = [];
        if (!await store.isPracticeArea(input.practiceArea)) errors.push({ path: 'practiceArea', message: 'Not one of the firm\'s practice areas (see /v1/practice-areas).' });
        if (input.sourceSecondmentId && !await store.secondmentBelongsTo(input.sourceSecondmentId, clientId)) {
          errors.push({ path: 'sourceSecondmentId', message: 'No secondment with this id at this client.' });
        }
        if (errors.length) throw new ProblemError(422, 'The need cannot be logged as it is.', { type: PROBLEM_TYPES.validation, errors });
      },
      beforeWrite: hooks?.beforeNeedWrite ? () => hooks.beforeNeedWrite!({ userId: user.id, clientId: requestedId, idempotencyKey: key }) : undefined,
    }, async () => {
      const need = Need.parse(await store.createNeed(requestedId, input, { id: user.id, name: user.name }));
      noteAudit(c, 'need.create', { clientId: requestedId, target: need.id });
      return { status: 201, body: need, headers: { Location: `/v1/clients/${encodeURIComponent(requestedId)}/needs/${encodeURIComponent(need.id)}` } };
    });
  });
}
