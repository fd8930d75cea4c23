import { type LensDb, META_KEYS } from '../cache/lens-db';
import type { Active } from './active-session';

const KEY = META_KEYS.practiceAreas;
const MAX_AGE_MS = 24 * 60 * 60_000;

/** Offered until the endpoint has supplied its own list. */
export const FALLBACK_PRACTICE_AREAS = ['General'];

interface CachedList {
  list: string[];
  at: number;
}

/** The endpoint's practice areas for the need form, from the cache only: painting never waits on the network. */
export async function cachedPracticeAreas(db: LensDb): Promise<string[]> {
  const cached = (await db.get('meta', KEY)) as CachedList | undefined;
  return cached?.list ?? FALLBACK_PRACTICE_AREAS;
}

/** Fetches the list when it is missing or a day old. Returns whether it changed. */
export async function refreshPracticeAreas(active: Active): Promise<boolean> {
  const cached = (await active.db.get('meta', KEY)) as CachedList | undefined;
  if (cached && Date.now() - cached.at < MAX_AGE_MS) return false;
  const answer = await active.api.practiceAreas();
  if (!answer.ok || !('value' in answer)) return false;
  await active.db.put('meta', { list: answer.value.practiceAreas, at: Date.now() } satisfies CachedList, KEY);
  return JSON.stringify(cached?.list) !== JSON.stringify(answer.value.practiceAreas);
}
