import { describe, expect, it } from 'vitest';
import { lensTx, META_KEYS, openLensDb } from '@/lib/cache/lens-db';
import { keepRead, markWrites, onUnscopedWrite, stillCurrent, writingOnlyClient } from '@/lib/cache/write-generations';

const open = () => openLensDb(`lens-test-wg-${Math.random().toString(36).slice(2)}`);

describe('the cache’s write counts', () => {
  it('a read kept for a client stays current through reads and through writes scoped to other clients only', async () => {
    const db = await open();
    const read = keepRead(db, markWrites(db), 'c-a')!;
    expect(read).not.toBeNull();
    await db.get('meta', META_KEYS.syncCursor);
    await writingOnlyClient('c-b', () => lensTx(db, ['views'], 'readwrite').done);
    expect(stillCurrent(db, read)).toBe(true);
    await writingOnlyClient('c-a', () => lensTx(db, ['views'], 'readwrite').done);
    expect(stillCurrent(db, read)).toBe(false);
  });

  it('any write not scoped to a client (idb’s shortcuts too) voids every kept read and tells the listeners as it is opened', async () => {
    const db = await open();
    const read = keepRead(db, markWrites(db), 'c-a')!;
    let told = 0;
    onUnscopedWrite(db, () => told++);
    await writingOnlyClient('c-a', () => lensTx(db, ['views'], 'readwrite').done);
    expect(told).toBe(0);
    const writing = db.put('meta', 'x', META_KEYS.syncCursor);
    expect(told).toBe(1); // before the write has even run
    await writing;
    expect(stillCurrent(db, keepRead(db, markWrites(db), 'c-b')!)).toBe(true);
    expect(stillCurrent(db, read)).toBe(false);
  });

  it('keeps nothing read while any write was opened, scoped or not', async () => {
    const db = await open();
    const mark = markWrites(db);
    await writingOnlyClient('c-b', () => lensTx(db, ['views'], 'readwrite').done);
    expect(keepRead(db, mark, 'c-a')).toBeNull();
  });

  it('a scope ends with the call that opened it, even when that call throws', async () => {
    const db = await open();
    let told = 0;
    onUnscopedWrite(db, () => told++);
    expect(() => writingOnlyClient('c-a', () => { throw new Error('boom'); })).toThrow('boom');
    await lensTx(db, ['views'], 'readwrite').done; // unscoped again: counts against everything
    expect(told).toBe(1);
  });
});
