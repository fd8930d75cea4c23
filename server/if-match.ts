import { ProblemError, PROBLEM_TYPES } from './problem';

/**
 * If-Match against a resource's current version (RFC 9110 §13.1.1, strong comparison): required
 * (428 without it), `*` matches, a stale version is 412 with `stale` as the detail.
 */
export function requireIfMatch(header: string | undefined, currentVersion: string, what: string, stale: () => string): void {
  if (header === undefined || header.trim() === '') {
    throw new ProblemError(428, `Send If-Match with the version of this ${what} you saw, so that a newer change is not overwritten.`, { type: PROBLEM_TYPES.preconditionRequired });
  }
  const tags = header.split(',').map((t) => t.trim());
  if (tags.includes('*') || tags.includes(`"${currentVersion}"`)) return;
  throw new ProblemError(412, stale(), { type: PROBLEM_TYPES.stale });
}
