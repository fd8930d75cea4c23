import { describe, expect, it } from 'vitest';
import { openLensDb } from '@/lib/cache/lens-db';
import { QUARANTINE_CHANGE_MAX_CHARS, QUARANTINE_MAX } from '@/lib/cache/quarantine-store';
import { applyChanges } from '@/lib/sync/apply-changes';
import { checkChanges } from '@/lib/sync/validate-changes';
import { readyView } from '../components/fixtures';
import { bookIds } from '../../support/book-fixtures';

const client = readyView().context.client;

describe('checking each change of a page on its own', () => {
  it('keeps the valid changes in order and describes each bad one', () => {
    const raw = [{ type: 'client.upsert', client }, { type: 'client.explode' }, null, { type: 'flag.clear', clientId: 'c-1' }];
    const { valid, invalid } = checkChanges(raw, '42', 7);
    expect(valid.map((c) => c.type)).toEqual(['client.upsert', 'flag.clear']);
    expect(invalid).toHaveLength(2);
    expect(invalid[0]).toMatchObject({ cursor: '42', at: 7, change: '{"type":"client.explode"}' });
    expect(invalid[0]!.reason).toMatch(/^Change 2 of the page does not match the contract/);
    expect(invalid[1]!.change).toBe('null');
  });

  it('returns valid changes without unknown keys, and says where and why zod refused a bad one', () => {
    const flag = { clientId: 'c-1', flaggedBy: { userId: null, name: 'BD' }, flaggedAt: '2026-11-25T10:10:00Z', reason: 'Why', priority: 'high' };
    const raw = [{ type: 'flag.set', flag: { ...flag, note: 'unknown' }, extra: 1 }, { type: 'flag.set', flag: { ...flag, reason: 'x'.repeat(1001) } }];
    const { valid, invalid } = checkChanges(raw, '1', 0);
    expect(valid).toStrictEqual([{ type: 'flag.set', flag }]);
    expect(invalid[0]!.reason).toMatch(/^Change 2 of the page does not match the contract at flag\.reason: Too big: expected string to have <=1000 characters$/);
  });

  it('clips a huge bad change', () => {
    const { invalid } = checkChanges([{ type: 'need.upsert', need: { pad: 'x'.repeat(100_000) } }], '0', 0);
    expect(invalid[0]!.change.length).toBe(QUARANTINE_CHANGE_MAX_CHARS);
  });
});

describe('the quarantine', () => {
  it('is written with the page and its cursor, and bounded to the newest entries', async () => {
    const db = await openLensDb(`lens-test-q-${Math.random().toString(36).slice(2)}`);
    const bad = (i: number) => ({ at: i, cursor: String(i), reason: 'bad', change: `{"n":${i}}` });
    await applyChanges(db, [], '1', 0, Array.from({ length: QUARANTINE_MAX - 1 }, (_, i) => bad(i)));
    await applyChanges(db, [{ type: 'client.upsert', client }], '2', 0, [bad(1000), bad(1001), bad(1002)]);
    expect(await db.count('quarantine')).toBe(QUARANTINE_MAX);
    const kept = await db.getAll('quarantine');
    expect(kept[0]!.at).toBe(2); // the two oldest went
    expect(kept.at(-1)!.at).toBe(1002);
    expect((await bookIds(db)).clients).toHaveLength(1);
  });
});
