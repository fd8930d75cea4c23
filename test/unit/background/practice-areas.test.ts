import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Active } from '@/lib/background/active-session';
import { cachedPracticeAreas, FALLBACK_PRACTICE_AREAS, refreshPracticeAreas } from '@/lib/background/practice-areas';
import { type LensDb, META_KEYS, openLensDb } from '@/lib/cache/lens-db';
import { httpError, okResult, scriptedApi } from '../sync/fake-api';

// The need form's practice areas come from the cache at once; the endpoint is asked at most daily.

const DAY = 24 * 3_600_000;
let db: LensDb;
const activeWith = (api: Active['api']) => ({ db, api }) as unknown as Active;

beforeEach(async () => {
  db = await openLensDb(`lens-test-pa-${Math.random().toString(36).slice(2)}`);
  vi.useRealTimers();
});

describe('practice areas', () => {
  it('offers the fallback until the endpoint has answered, then its list', async () => {
    expect(await cachedPracticeAreas(db)).toEqual(FALLBACK_PRACTICE_AREAS);
    const { api } = scriptedApi({ practiceAreas: async () => okResult({ practiceAreas: ['Employment', 'Tax'] }) });
    expect(await refreshPracticeAreas(activeWith(api))).toBe(true);
    expect(await cachedPracticeAreas(db)).toEqual(['Employment', 'Tax']);
  });

  it('does not ask again within a day, and asks after it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(10 * DAY);
    const { api, calls } = scriptedApi({ practiceAreas: async () => okResult({ practiceAreas: ['Employment'] }) });
    await refreshPracticeAreas(activeWith(api));
    vi.setSystemTime(10 * DAY + DAY / 2);
    expect(await refreshPracticeAreas(activeWith(api))).toBe(false);
    expect(calls).toHaveLength(1);
    vi.setSystemTime(11 * DAY + 1);
    expect(await refreshPracticeAreas(activeWith(api))).toBe(false); // asked again; same list
    expect(calls).toHaveLength(2);
  });

  it('keeps the cached list when the endpoint fails', async () => {
    const { api: good } = scriptedApi({ practiceAreas: async () => okResult({ practiceAreas: ['Employment'] }) });
    await refreshPracticeAreas(activeWith(good));
    await db.put('meta', { list: ['Employment'], at: 0 }, META_KEYS.practiceAreas); // a day old by now
    const { api: failing } = scriptedApi({ practiceAreas: async () => httpError(503) });
    expect(await refreshPracticeAreas(activeWith(failing))).toBe(false);
    expect(await cachedPracticeAreas(db)).toEqual(['Employment']);
  });
});
