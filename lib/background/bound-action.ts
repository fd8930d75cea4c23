import { readResolution, settledClientId } from '../cache/resolution-cache';
import { GATE_MESSAGES } from '../messaging/gate-messages';
import { fail, type Failure } from '../messaging/result';
import { frameShownPlainly } from './frame-shown';
import type { RecordRefMessage } from '../messaging/record-ref-schema';
import type { ActiveSession } from './active-session';
import { toExternalRecord } from './record-view-loader';
import { sameIdentity, type TabViews } from './tab-views';

export const MOVED_ON_MESSAGE = 'This page shows another record now, so nothing was done. Check the sidebar and try again.';

/**
 * An action from the sidebar is bound to what the sidebar displayed: the record, and (for writes)
 * the client. The host page can change the record under the user's pointer (its URL, between
 * mousedown and click); the background then refuses rather than act on the page's choice. Null
 * when the action may go ahead.
 */
export async function checkBound(
  deps: { tabs: TabViews; sessions: ActiveSession },
  tabId: number | null,
  shown: { record: RecordRefMessage; clientId?: string },
  /** The action came from the frame in the host page (not the side panel): it must be shown plainly. */
  fromPageFrame = false,
): Promise<Failure | null> {
  if (tabId === null) return fail('no-record', 'No record is open.');
  if (fromPageFrame && !(await frameShownPlainly(tabId))) return fail('covered', GATE_MESSAGES.covered);
  const current = await deps.tabs.recordOf(tabId);
  if (!current || !sameIdentity(current, shown.record)) return fail('moved-on', MOVED_ON_MESSAGE);
  if (shown.clientId === undefined) return null;
  const clientShown = deps.tabs.clientShown(tabId) ?? (await settledClient(deps.sessions, current));
  return clientShown === shown.clientId ? null : fail('moved-on', MOVED_ON_MESSAGE);
}

/** After a worker restart nothing is shown in memory yet: the client the record is settled on. */
async function settledClient(sessions: ActiveSession, record: RecordRefMessage): Promise<string | null> {
  const active = await sessions.get();
  if ('signedOut' in active) return null;
  const resolution = await readResolution(active.db, toExternalRecord(record));
  return resolution ? settledClientId(resolution) : null;
}
