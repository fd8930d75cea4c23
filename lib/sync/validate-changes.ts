import type { Change } from '../contract/changes';
import type { QuarantinedChange } from '../cache/lens-db';
import { describeChange } from '../cache/quarantine-store';
import { parseChange } from './parse-change';

/** A page's changes, each checked on its own: the valid ones to apply, the rest to quarantine. */
export interface CheckedChanges {
  valid: Change[];
  invalid: QuarantinedChange[];
}

/**
 * Validates each change of a page separately (issue 9, item 1): one change that fails the contract
 * is skipped and kept with its reason, and never stops the rest of the page or the pages after it.
 * Nothing is lost by skipping a bad `access.revoke`: a change whose client id fails the contract
 * cannot name a cached client (every cached id passed it).
 *
 * Every change goes through the contract precompiled from zod's `Change` (parse-change.ts; issue
 * 12: 0.14–0.18 s instead of 0.6–1.2 s per full book in the worker); the quarantine keeps a refused
 * change as it is then (unknown keys may be gone).
 */
export function checkChanges(raw: readonly unknown[], cursor: string, now: number): CheckedChanges {
  const valid: Change[] = [];
  const invalid: QuarantinedChange[] = [];
  raw.forEach((entry, index) => {
    const parsed = parseChange(entry);
    if (parsed.success) valid.push(parsed.data);
    else {
      const first = parsed.error.issues[0];
      const reason = `Change ${index + 1} of the page does not match the contract at ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}`;
      invalid.push({ at: now, cursor, reason: reason.slice(0, 500), change: describeChange(entry) });
    }
  });
  return { valid, invalid };
}
