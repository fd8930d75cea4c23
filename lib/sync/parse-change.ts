import type { z } from 'zod';
import { Change } from '../contract/changes';
import { validate as passesChangeContract } from './change-check.generated';

/**
 * zod's `Change.safeParse`, answered by the check precompiled from it (change-check.generated.js)
 * whenever that accepts: several times faster, and in an MV3 worker, where zod may not build its
 * fast path with `new Function`, more so (docs/BENCHMARKS.md). The check strips unknown keys in
 * place as zod would. A change it refuses goes to zod, which gives the reason and has the last word.
 * Used by the extension's worker on every synced change and by the endpoint on every feed row.
 */
export function parseChange(entry: unknown): { success: true; data: Change } | { success: false; error: z.ZodError } {
  if (passesChangeContract(entry)) return { success: true, data: entry as Change };
  const parsed = Change.safeParse(entry);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, error: parsed.error };
}
