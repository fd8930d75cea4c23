import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Change } from '@/lib/contract/changes';
import { validate } from '@/lib/sync/change-check.generated';
import { GENERATED_CHANGE_CHECK, generateChangeCheck } from '../../../scripts/change-check/generate';
import { largeBookChanges } from '../../../scripts/large-book-changes';
import { changeVariants } from './change-variants';

/** What each check makes of one change: zod's verdict and output, the precompiled one's (its input, stripped). */
function disagreement(change: unknown): string | null {
  const byZod = Change.safeParse(structuredClone(change));
  const mine = structuredClone(change);
  const ok = validate(mine);
  if (ok !== byZod.success) return `zod ${byZod.success ? 'accepts' : 'rejects'}, precompiled ${ok ? 'accepts' : 'rejects'}: ${JSON.stringify(change).slice(0, 300)}`;
  if (ok && !isDeepStrictEqual(mine, byZod.data)) return `outputs differ: ${JSON.stringify(mine).slice(0, 300)} vs ${JSON.stringify(byZod.data).slice(0, 300)}`;
  return null;
}

const person = { userId: 'u-1', name: 'A Person' };
const record = { system: 'clio', kind: 'matter', externalId: '5001', tenant: 'app.clio.com' };
/** Every key of every change type set, nullable ones to a value (the book leaves many null or out). */
const FULL_SAMPLES = [
  { type: 'client.upsert', client: { id: 'c-1', name: 'Client', industry: 'Banking', externalIds: [record] } },
  { type: 'client.delete', clientId: 'c-1' },
  {
    type: 'secondment.upsert',
    secondment: {
      id: 's-1', clientId: 'c-1', direction: 'reverse', person: { ...person, title: 'Associate' }, hostTeam: 'Legal',
      hostContact: { name: 'GC', title: 'General Counsel' }, plannedStart: '2026-01-05', plannedEnd: '2026-07-05', actualEnd: '2026-06-30',
      status: 'ended-early', billingBasis: 'cost-recovery',
      objectives: [{ id: 's-1-o1', category: 'knowledge-exchange', description: 'Learn', status: 'met' }],
      checkIns: { last: '2026-03-01', nextDue: '2026-04-01' }, review: { objectivesMet: 'most', summary: 'Went well.' },
      reintegrationPlan: 'Back to the team.', firmMentor: person, version: 'v1',
    },
  },
  { type: 'secondment.delete', clientId: 'c-1', secondmentId: 's-1' },
  {
    type: 'need.upsert',
    need: {
      id: 'n-1', clientId: 'c-1', title: 'Need', detail: 'Detail', practiceArea: 'Employment', identifiedBy: person,
      identifiedAt: '2026-10-13T14:34:00+01:00', sourceSecondmentId: 's-1', confidential: false, status: 'won', owner: person,
      matter: record, statusChangedBy: person, statusChangedAt: '2026-11-01T09:00:00.5Z', redacted: false, askContact: person, version: 'v2',
    },
  },
  { type: 'need.delete', clientId: 'c-1', needId: 'n-1' },
  { type: 'flag.set', flag: { clientId: 'c-1', flaggedBy: person, flaggedAt: '2026-11-25T10:10:00Z', reason: 'Why', priority: 'low', version: 'seed1' } },
  { type: 'flag.clear', clientId: 'c-1' },
  { type: 'access.revoke', clientId: 'c-1' },
];

describe('the precompiled change check (lib/sync/change-check.generated.js)', () => {
  it('is what scripts/write-change-check.ts makes of the zod contract now (run `npm run change-check` if not)', () => {
    const onDisk = readFileSync(path.resolve(import.meta.dirname, '../../..', GENERATED_CHANGE_CHECK), 'utf8');
    expect(onDisk === generateChangeCheck(), 'lib/sync/change-check.generated.js is stale').toBe(true);
  });

  it('agrees with zod on every change of the bench book: all accepted, the same objects', async () => {
    const pages = await largeBookChanges();
    const changes = pages.flat();
    expect(changes.length).toBeGreaterThan(75_000);
    const found = changes.map(disagreement).filter((d) => d !== null);
    expect(found.slice(0, 5)).toEqual([]);
  }, 180_000);

  it('agrees with zod on every broken variant of every change type, field by field', () => {
    const variants = FULL_SAMPLES.flatMap((s) => [s, ...changeVariants(s)]);
    const found = variants.map(disagreement).filter((d) => d !== null);
    expect(found.slice(0, 5)).toEqual([]);
    // Both outcomes are exercised, and widely.
    const accepted = variants.filter((v) => Change.safeParse(v).success).length;
    expect(accepted).toBeGreaterThan(1_000);
    expect(variants.length - accepted).toBeGreaterThan(10_000);
    console.log(`${variants.length} variants: ${accepted} accepted, ${variants.length - accepted} rejected, by both`);
  }, 120_000);

  it('agrees with zod on what is not a change at all', () => {
    const odd = [null, undefined, 0, 'client.upsert', [], [{ type: 'flag.clear', clientId: 'c-1' }], {}, { type: null }, { type: 1 }, { type: 'flag.clear' }, { type: 'unknown', clientId: 'c-1' }, { type: 'toString', clientId: 'c-1' }, { type: '__proto__', clientId: 'c-1' }];
    expect(odd.map(disagreement).filter((d) => d !== null)).toEqual([]);
  });
});
