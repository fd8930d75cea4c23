import { browser } from 'wxt/browser';

/**
 * How long a read of the firm's policy (storage.managed) may take before the last policy seen
 * stands in. Chromium answers it through its policy service, which can take seconds after the
 * worker starts, or not answer at all while tabs come and go (seen here: sign-in hung with it;
 * w3c/webextensions#547); nothing else in the extension may wait on it forever.
 */
export const MANAGED_READ_TIMEOUT_MS = 1_500;
/** The last policy read, in storage.local: policy values are settings, not secrets. */
export const LAST_POLICY_KEY = 'lens.lastPolicy';

/**
 * 'read': the browser answered now. 'last-seen': it did not answer in time, and the policy read
 * last time stands in. 'unknown': it did not answer and none was ever read (a first start).
 */
export type PolicySource = 'read' | 'last-seen' | 'unknown';

export interface ManagedPolicy {
  values: Record<string, unknown>;
  source: PolicySource;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The firm's policy, within MANAGED_READ_TIMEOUT_MS; a late answer still updates the last policy seen. */
export async function readManagedPolicy(timeoutMs = MANAGED_READ_TIMEOUT_MS): Promise<ManagedPolicy> {
  // No policy installed, or a browser without managed storage (unpacked, Firefox without policy): none.
  // (A browser may also throw at once rather than refuse: read inside a promise either way.)
  const read = Promise.resolve().then(() => browser.storage.managed.get(null)).then((values) => (isRecord(values) ? values : {}), () => ({}));
  void read.then(rememberPolicy).catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), timeoutMs); });
  const values = await Promise.race([read, late]);
  clearTimeout(timer);
  if (values) return { values, source: 'read' };
  const last: unknown = (await browser.storage.local.get(LAST_POLICY_KEY))[LAST_POLICY_KEY];
  return isRecord(last) ? { values: last, source: 'last-seen' } : { values: {}, source: 'unknown' };
}

async function rememberPolicy(values: Record<string, unknown>): Promise<void> {
  const last: unknown = (await browser.storage.local.get(LAST_POLICY_KEY))[LAST_POLICY_KEY];
  if (JSON.stringify(last) !== JSON.stringify(values)) await browser.storage.local.set({ [LAST_POLICY_KEY]: values });
}
