import type { Context, Hono } from 'hono';
import { Need, NeedPatch, type PersonRef } from '../../lib/contract';
import { honoPath, routes } from '../../lib/contract/api-routes';
import { noteAudit, requireClientAccess, requireRole } from '../access';
import { readJson } from '../body';
import type { AppDeps, AppEnv } from '../env';
import { requireIfMatch } from '../if-match';
import { ProblemError, PROBLEM_TYPES } from '../problem';
import type { FirmStore } from '../store/firm-store';

const NO_SUCH_NEED = 'No need with this id at this client.';

/**
 * Triage of a need: read one (with its ETag), move it on (BD: status, owner, matter — JSON merge,
 * If-Match), or withdraw it (its author, while it is still new). Each change is audited and
 * re-announced on the change feed; confidential text stays redacted for those who may not read it.
 */
export function needTriageRoutes(app: Hono<AppEnv>, { store }: AppDeps) {
  app.get(honoPath(routes.getNeed.path), async (c) => {
    noteAudit(c, 'need.view');
    const { clientId, needId } = await needOf(c, store);
    noteAudit(c, 'need.view', { clientId, target: needId });
    const need = (await store.getNeed(needId, c.get('user')))!;
    return c.json(Need.parse(need), 200, { ETag: `"${need.version}"`, 'Cache-Control': 'private, no-cache' });
  });

  app.patch(honoPath(routes.patchNeed.path), async (c) => {
    const user = c.get('user');
    noteAudit(c, 'need.update');
    const { clientId, needId } = await needOf(c, store);
    noteAudit(c, 'need.update', { clientId, target: needId });
    requireRole(user, 'bd', 'triage needs');
    const patch = await readJson(c, NeedPatch);
    const current = (await store.getNeed(needId))!;
    requireIfMatch(c.req.header('if-match'), current.version!, 'need', () => current.statusChangedBy
      ? `${current.statusChangedBy.name} changed this need (now ${current.status}) after you saw it.`
      : 'This need changed after you saw it.');

    const status = patch.status ?? current.status;
    const owner = patch.owner === undefined ? current.owner ?? null : patch.owner === null ? null : await ownerFor(store, patch.owner.userId);
    const matter = patch.matter === undefined ? current.matter ?? null : patch.matter;
    if (matter && status !== 'won') {
      throw new ProblemError(422, 'A matter is linked only to a won need: set status to won with it.', { type: PROBLEM_TYPES.validation, errors: [{ path: 'matter', message: 'Only for a won need.' }] });
    }
    const moved = status !== current.status;
    await store.updateNeedTriage(needId, {
      status, owner, matter,
      statusChangedBy: moved ? { userId: user.id, name: user.name } : current.statusChangedBy ?? null,
      statusChangedAt: moved ? new Date().toISOString() : current.statusChangedAt ?? null,
    });
    const updated = (await store.getNeed(needId, user))!;
    noteAudit(c, 'need.update', { clientId, target: `${needId}: ${current.status} → ${updated.status}${owner ? `, owner ${owner.userId}` : ''}${matter ? `, matter ${matter.system} ${matter.externalId}` : ''}` });
    return c.json(Need.parse(updated), 200, { ETag: `"${updated.version}"` });
  });

  app.delete(honoPath(routes.withdrawNeed.path), async (c) => {
    const user = c.get('user');
    noteAudit(c, 'need.withdraw');
    const { clientId, needId } = await needOf(c, store);
    noteAudit(c, 'need.withdraw', { clientId, target: needId });
    const current = (await store.getNeed(needId))!;
    if (current.identifiedBy.userId !== user.id) throw new ProblemError(403, 'Only whoever logged a need may withdraw it.');
    requireIfMatch(c.req.header('if-match'), current.version!, 'need', () => 'This need changed after you saw it.');
    if (current.status !== 'new') throw new ProblemError(409, `This need is already ${current.status}: ask business development to decline it instead.`);
    await store.withdrawNeed(needId);
    return c.body(null, 204);
  });
}

/** The client and need of the path, if the user may see them; a hidden client's need is a missing need. */
async function needOf(c: Context<AppEnv>, store: FirmStore): Promise<{ clientId: string; needId: string }> {
  const clientId = await requireClientAccess(c, store, c.req.param('id'));
  const needId = c.req.param('needId') ?? '';
  const need = await store.getNeed(needId);
  if (!need || need.clientId !== clientId) throw new ProblemError(404, NO_SUCH_NEED);
  return { clientId, needId };
}

/** An owner must be an active user who can act on a need: a lawyer (partner) or BD. */
async function ownerFor(store: FirmStore, userId: string): Promise<PersonRef> {
  const user = await store.getUser(userId);
  if (!user || user.role === 'risk' || (await store.users.byEmail(user.email))?.disabledAt) {
    throw new ProblemError(422, 'The owner must be an active partner, lawyer or business-development user.', { type: PROBLEM_TYPES.validation, errors: [{ path: 'owner.userId', message: 'Not an active lawyer or BD user.' }] });
  }
  return { userId: user.id, name: user.name };
}
