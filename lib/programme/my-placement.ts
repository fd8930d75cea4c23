import type { Secondment } from '../contract/secondment';

/**
 * The placement at this client that belongs to the signed-in user, shown first in the sidebar: one
 * they are on now, else one about to start. Null for everyone else.
 */
export function myPlacement(secondments: readonly Secondment[], userId: string | null | undefined): Secondment | null {
  if (!userId) return null;
  const mine = secondments.filter((s) => s.person.userId === userId);
  return mine.find((s) => s.status === 'active')
    ?? mine.filter((s) => s.status === 'planned').sort((a, b) => a.plannedStart.localeCompare(b.plannedStart))[0]
    ?? null;
}
