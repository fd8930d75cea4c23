import type { Hono } from 'hono';
import { Need, NewNeed } from '../../lib/contract';
import { honoPath, routes } from '../../lib/contract/api-routes';
import { requireClientAccess } from '../access';
import { readJson } from '../body';
import type { AppDeps, AppEnv } from '../env';
import { fingerprint, requireIdempotencyKey, runIdempotent } from '../idempotency';
import { PROBLEM_TYPES, ProblemError } from '../problem';

/** Logging an unmet need: validated, checked against the practice-area list, exactly once per key. */
export function needRoutes(app: Hono<AppEnv>, { store, hooks }: AppDeps) {
  app.post(honoPath(routes.createNeed.path), async (c) => {
    const user = c.get('user');
    const clientId = requireClientAccess(store, user, c.req.param('id'));
    const key = requireIdempotencyKey(c);
    const input = await readJson(c, NewNeed);

    const errors: { path: string; message: string }[] = [];
    if (!store.isPracticeArea(input.practiceArea)) errors.push({ path: 'practiceArea', message: 'Not one of the firm\'s practice areas (see /v1/practice-areas).' });
    if (input.sourceSecondmentId && !store.secondmentBelongsTo(input.sourceSecondmentId, clientId)) {
      errors.push({ path: 'sourceSecondmentId', message: 'No secondment with this id at this client.' });
    }
    if (errors.length) throw new ProblemError(422, 'The need cannot be logged as it is.', { type: PROBLEM_TYPES.validation, errors });

    return runIdempotent(store, {
      userId: user.id,
      key,
      fingerprint: fingerprint('POST', new URL(c.req.url).pathname, input),
      beforeWrite: hooks?.beforeNeedWrite ? () => hooks.beforeNeedWrite!({ userId: user.id, clientId, idempotencyKey: key }) : undefined,
    }, () => {
      const need = Need.parse(store.createNeed(clientId, input, { id: user.id, name: user.name }));
      return { status: 201, body: need, headers: { Location: `/v1/clients/${encodeURIComponent(clientId)}/needs/${encodeURIComponent(need.id)}` } };
    });
  });
}
