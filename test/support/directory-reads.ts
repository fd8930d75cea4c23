import { vi } from 'vitest';
import { META_KEYS } from '@/lib/cache/lens-db';

/**
 * Counts reads of the book's directory (the sorted list of every client id in `meta`) while `run`
 * runs: fake-indexeddb's `get`, which idb calls underneath.
 */
export async function countDirectoryReads(run: () => Promise<unknown>): Promise<number> {
  const get = vi.spyOn(IDBObjectStore.prototype, 'get');
  try {
    await run();
    return get.mock.calls.filter(([key]) => key === META_KEYS.bookDirectory).length;
  } finally {
    get.mockRestore();
  }
}
