import type { RunningServer } from '../server/start-server';
import { DEMO_TOKENS, DEMO_USERS } from '../server/demo/demo-ids';
import { launchWithExtension, signInThroughOptions } from '../scripts/chromium-with-extension';

interface Progress { state: string; applied: number; pages: number; startedAt: number; finishedAt: number | null; fetchMs: number; applyMs: number }

/** Full book sync into a fresh profile, then a delta of 100 changes, timed by the extension's own progress record. */
export async function measureSync(server: RunningServer, clientId: string) {
  const browser = await launchWithExtension();
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const syncNow = () => options.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ value: { sync: Progress } }> } } }).chrome;
    return (await api.runtime.sendMessage({ type: 'options.syncNow' })).value.sync;
  });
  await signInThroughOptions(browser, server.url, DEMO_TOKENS.partner); // starts the full sync
  let full = await syncNow(); // joins the running sync
  while (full.state !== 'done') full = await syncNow();
  const usageBytes = await browser.worker.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

  for (let i = 0; i < 100; i++) {
    await server.store.createNeed(clientId, { title: `Bench need ${i}`, practiceArea: 'Employment', detail: '', confidential: false, sourceSecondmentId: null }, { id: DEMO_USERS.partner.id, name: 'Eleanor Marsh' });
  }
  const delta = await syncNow();
  await browser.context.close();
  return {
    full: { ms: (full.finishedAt ?? 0) - full.startedAt, applied: full.applied, pages: full.pages, fetchMs: full.fetchMs, applyMs: full.applyMs },
    delta: { ms: (delta.finishedAt ?? 0) - delta.startedAt, applied: delta.applied },
    usageBytes,
  };
}
