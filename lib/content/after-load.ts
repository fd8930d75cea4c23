import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** How long an idle moment is waited for after the load event before `run` goes anyway. */
const IDLE_TIMEOUT_MS = 2_000;

/**
 * Runs `run` once the page's load event is over and its main thread is idle (or after
 * `IDLE_TIMEOUT_MS`): work that must not hold up the host page's own loading. Nothing runs once
 * the context is invalidated (WXT cancels its idle callbacks and listeners).
 */
export function afterLoadWhenIdle(ctx: Pick<ContentScriptContext, 'addEventListener' | 'requestIdleCallback'>, run: () => void): void {
  const schedule = () => ctx.requestIdleCallback(() => run(), { timeout: IDLE_TIMEOUT_MS });
  if (document.readyState === 'complete') schedule();
  else ctx.addEventListener(window, 'load', schedule, { once: true });
}
