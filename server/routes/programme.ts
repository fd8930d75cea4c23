import type { Context, Hono } from 'hono';
import { CheckIn, NewCheckIn, ObjectivePatch, Secondment } from '../../lib/contract';
import { honoPath, routes } from '../../lib/contract/api-routes';
import { noteAudit, requireClientAccess } from '../access';
import { readJson } from '../body';
import type { AppDeps, AppEnv } from '../env';
import { fingerprint, requireIdempotencyKey, runIdempotent } from '../idempotency';
import { requireIfMatch } from '../if-match';
import { ProblemError, PROBLEM_TYPES } from '../problem';
import type { FirmStore, StoredUser } from '../store/firm-store';

/** Check-ins are expected monthly while a secondment runs. */
const CHECK_IN_CADENCE_DAYS = 30;
const NO_SUCH_SECONDMENT = 'No secondment with this id.';

/**
 * Keeping the programme's rhythm: the secondee, their firm-side mentor and BD record check-ins
 * (exactly once per Idempotency-Key) and move objectives on (If-Match on the secondment's version).
 */
export function programmeRoutes(app: Hono<AppEnv>, { store }: AppDeps) {
  app.post(honoPath(routes.createCheckIn.path), async (c) => {
    const user = c.get('user');
    noteAudit(c, 'checkin.create');
    const key = requireIdempotencyKey(c);
    const input = await readJson(c, NewCheckIn);
    const secondmentId = c.req.param('id') ?? '';
    return runIdempotent(store, {
      userId: user.id, key, fingerprint: fingerprint('POST', new URL(c.req.url).pathname, input),
      onReplay: () => noteAudit(c, 'checkin.create', { target: 'replayed answer' }),
      validate: async () => {
        const s = await secondmentFor(c, store, secondmentId);
        requireKeeper(user, s, 'record a check-in');
        if (input.date > today()) throw new ProblemError(422, 'A check-in cannot be dated in the future.', { type: PROBLEM_TYPES.validation, errors: [{ path: 'date', message: 'Today or earlier.' }] });
      },
    }, async () => {
      const s = (await store.getSecondment(secondmentId))!;
      const checkIn = CheckIn.parse({
        id: `ci-${crypto.randomUUID()}`, secondmentId, date: input.date, note: input.note,
        recordedBy: { userId: user.id, name: user.name }, recordedAt: new Date().toISOString(),
      });
      await store.recordCheckIn(secondmentId, checkIn, nextDue(s, input.date));
      noteAudit(c, 'checkin.create', { clientId: s.clientId, target: `${secondmentId} ${input.date}` });
      return { status: 201, body: checkIn };
    });
  });

  app.patch(honoPath(routes.patchObjective.path), async (c) => {
    const user = c.get('user');
    noteAudit(c, 'objective.update');
    const patch = await readJson(c, ObjectivePatch);
    const s = await secondmentFor(c, store, c.req.param('id') ?? '');
    requireKeeper(user, s, 'change an objective');
    const objectiveId = c.req.param('objectiveId') ?? '';
    const objective = s.objectives.find((o) => o.id === objectiveId);
    if (!objective) throw new ProblemError(404, 'No objective with this id on this secondment.');
    requireIfMatch(c.req.header('if-match'), s.version!, 'secondment', () => 'This secondment changed after you saw it (a check-in or another objective). Look again and retry.');
    await store.setObjectives(s.id, s.objectives.map((o) => (o.id === objectiveId ? { ...o, status: patch.status } : o)));
    noteAudit(c, 'objective.update', { clientId: s.clientId, target: `${s.id}/${objectiveId}: ${objective.status} → ${patch.status}` });
    const updated = (await store.getSecondment(s.id))!;
    return c.json(Secondment.parse(updated), 200, { ETag: `"${updated.version}"` });
  });
}

/** The secondment, if its client is visible to the user; a hidden client's secondment is a missing one. */
async function secondmentFor(c: Context<AppEnv>, store: FirmStore, id: string): Promise<Secondment> {
  const s = await store.getSecondment(id);
  if (!s) throw new ProblemError(404, NO_SUCH_SECONDMENT);
  if (await store.isWalled(c.get('user').id, s.clientId)) {
    noteAudit(c, 'access.refused', { clientId: s.clientId, target: c.get('audit')?.action ?? null });
    throw new ProblemError(404, NO_SUCH_SECONDMENT);
  }
  await requireClientAccess(c, store, s.clientId);
  noteAudit(c, c.get('audit')!.action, { clientId: s.clientId, target: s.id });
  return s;
}

/** The secondee, their firm-side mentor, or business development. */
function requireKeeper(user: StoredUser, s: Secondment, action: string): void {
  if (user.role === 'bd' || s.person.userId === user.id || s.firmMentor?.userId === user.id) return;
  throw new ProblemError(403, `Only the secondee, their firm mentor or business development may ${action}.`);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A month after the latest check-in while the placement runs, never past its end; none once it ended. */
function nextDue(s: Secondment, date: string): string | null {
  if (s.status !== 'active' && s.status !== 'planned') return null;
  const latest = s.checkIns.last && s.checkIns.last > date ? s.checkIns.last : date;
  const due = new Date(Date.parse(`${latest}T00:00:00Z`) + CHECK_IN_CADENCE_DAYS * 86_400_000).toISOString().slice(0, 10);
  return due > s.plannedEnd ? s.plannedEnd : due;
}
