/** The browser refused to store more (disk full, or the origin's quota reached). */
export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

export const STORAGE_FULL_MESSAGE =
  'This computer has no room left for Secondment Lens, so this was NOT saved. What you typed is kept; free some disk space or ask IT, then try again.';
