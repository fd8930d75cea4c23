import { Change } from '../contract/changes';
import type { QuarantinedChange } from '../cache/lens-db';
import { describeChange } from '../cache/quarantine-store';

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
 */
export function checkChanges(raw: readonly unknown[], cursor: string, now: number): CheckedChanges {
  const valid: Change[] = [];
  const invalid: QuarantinedChange[] = [];
  raw.forEach((entry, index) => {
    const parsed = Change.safeParse(entry);
    if (parsed.success) valid.push(parsed.data);
    else {
      const first = parsed.error.issues[0];
      const reason = `Change ${index + 1} of the page does not match the contract at ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}`;
      invalid.push({ at: now, cursor, reason: reason.slice(0, 500), change: describeChange(entry) });
    }
  });
  return { valid, invalid };
}
