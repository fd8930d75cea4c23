import { randomUUID } from 'node:crypto';
import { SECONDMENTS_SPEC, type SecondmentRow, validateSecondments } from '../../import';
import type { Secondment } from '../../../lib/contract';
import type { Importer } from './run-import';
import { resolveClient } from './resolve-client';

/**
 * The programme manager's spreadsheet. A row is the secondment with the same client, secondee,
 * planned start and direction (the natural key); the rest of the row replaces what is stored.
 * A secondee whose email is a user's is linked to that user (their own placement shows first).
 */
export const secondmentsImporter: Importer<SecondmentRow> = {
  entity: 'secondments',
  fields: SECONDMENTS_SPEC.fields,
  validate: validateSecondments,
  async apply(store, row) {
    const client = await resolveClient(store, row);
    if ('reject' in client) return client;
    const existing = await store.findSecondment({ clientId: client.id, personName: row.person.name, plannedStart: row.plannedStart, direction: row.direction });
    const id = existing?.id ?? `s-${randomUUID()}`;
    const user = row.person.email ? await store.users.byEmail(row.person.email) : null;
    const next: Secondment = {
      id,
      clientId: client.id,
      direction: row.direction,
      person: { userId: user?.id ?? existing?.person.userId ?? null, name: row.person.name, title: row.person.title },
      hostTeam: row.hostTeam,
      hostContact: row.hostContact,
      plannedStart: row.plannedStart,
      plannedEnd: row.plannedEnd,
      actualEnd: row.actualEnd,
      status: row.status,
      billingBasis: row.billingBasis,
      objectives: row.objectives.map((o, i) => ({ id: existing?.objectives[i]?.id ?? `${id}-o${i + 1}`, category: o.category, description: o.description, status: o.status })),
      checkIns: row.checkIns,
      review: row.review,
      reintegrationPlan: row.reintegrationPlan,
      firmMentor: existing?.firmMentor ?? null,
    };
    if (!existing) {
      await store.insertSecondment(next);
      return 'created';
    }
    if (sameSecondment(existing, next)) return 'unchanged';
    await store.updateSecondment(next);
    return 'updated';
  },
};

/** Equal in everything an import sets (the version is the store's own). */
function sameSecondment(a: Secondment, b: Secondment): boolean {
  const strip = ({ version: _v, ...rest }: Secondment) => rest;
  return JSON.stringify(canonical(strip(a))) === JSON.stringify(canonical(strip(b)));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}
