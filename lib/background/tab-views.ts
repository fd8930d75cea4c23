import { browser } from 'wxt/browser';
import type { OutboxItemView } from '../messaging/outbox-item-view';
import { type RecordRefMessage, RecordRefSchema } from '../messaging/record-ref-schema';
import type { SidebarView } from '../messaging/sidebar-view';
import { LookupRateLimit } from './lookup-rate-limit';
import { type PurgeGuard, PurgedClients } from './purged-clients';
import type { LoadOptions } from './record-view-loader';
import type { SidebarHub } from './sidebar-hub';

type Loader = (ref: RecordRefMessage, signal: AbortSignal, push: (view: SidebarView) => void, options?: LoadOptions) => Promise<void>;

interface TabState {
  ref: RecordRefMessage | null;
  controller: AbortController;
  view: SidebarView;
  /** The user's unsent writes for a client this view found unavailable (shown with "restricted"). */
  unsent?: OutboxItemView[];
  /** Shows "restricted" because of a purge: kept through reloadAll (a fresh look-up would only say "not found"). */
  purged?: boolean;
}

export interface TabViewsOptions {
  /** Deletes a purged client's cached data; returns the user's writes for it that were not delivered. */
  forgetClient?: (clientId: string) => Promise<OutboxItemView[]>;
  limiter?: LookupRateLimit;
  purged?: PurgedClients;
}

const sessionKey = (tabId: number) => `lens.tab.${tabId}`;

/**
 * Which record each tab shows and the latest view of it. Each record view gets its own
 * AbortController, so a late answer for the previous record never reaches the next one. The record
 * (never client data) is kept in storage.session so that a restarted worker still knows it.
 * A purged client leaves every tab's view at once, and no view started before the purge can bring
 * it back (see PurgedClients).
 */
export class TabViews {
  private readonly tabs = new Map<number, TabState>();
  private readonly limiter: LookupRateLimit;
  private readonly purged: PurgedClients;

  constructor(private readonly hub: SidebarHub, private readonly load: Loader, private readonly options: TabViewsOptions = {}) {
    this.limiter = options.limiter ?? new LookupRateLimit();
    this.purged = options.purged ?? new PurgedClients();
  }

  async setRecord(tabId: number, ref: RecordRefMessage | null, pageLoad = false): Promise<void> {
    const previous = this.tabs.get(tabId);
    if (!pageLoad && previous && sameRecord(previous.ref, ref)) return;
    // Kept for a restarted worker; not awaited: the look-up must not wait on it.
    void browser.storage.session.set({ [sessionKey(tabId)]: ref });
    if (!pageLoad && previous?.ref && ref && sameIdentity(previous.ref, ref)) {
      // Only the label arrived (the page finished rendering): relabel what is shown, no new look-up.
      previous.ref = ref;
      if ('record' in previous.view) previous.view = { ...previous.view, record: ref };
      this.hub.push(tabId, previous.view);
      return;
    }
    await this.show(tabId, ref, {}, true);
  }

  /** Loads again (after a write, a refresh or a sign-in), keeping what is on screen until then. */
  async reload(tabId: number, options: LoadOptions = {}): Promise<void> {
    await this.show(tabId, await this.recordOf(tabId), options);
  }

  /**
   * Loads again after a write the sidebar queued, resolving once the look-up's first view (the
   * cache's, with the write in it) is pushed: the write's answer, and the form waiting on it, need
   * not wait for the endpoint's revalidation (PAINT_FIRST_MS and a round trip later).
   */
  async reloadUntilShown(tabId: number): Promise<void> {
    const ref = await this.recordOf(tabId);
    await new Promise<void>((resolve) => void this.show(tabId, ref, {}, false, resolve).finally(resolve));
  }

  /**
   * After a sign-in, sign-out or user switch: no view of the previous session stays in memory, for
   * tabs with a sidebar open now or later (a side panel opened afterwards, a frame re-inserted).
   */
  async resetAll(): Promise<void> {
    for (const state of this.tabs.values()) state.controller.abort();
    this.tabs.clear();
    await Promise.all(this.hub.tabsShown().map((tabId) => this.current(tabId)));
  }

  async reloadAll(options: LoadOptions = {}): Promise<void> {
    await Promise.all(this.hub.tabsShown().filter((tabId) => !this.tabs.get(tabId)?.purged).map((tabId) => this.reload(tabId, options)));
  }

  /** A sidebar connected: give it the latest view, loading it if this worker has none yet. */
  async current(tabId: number): Promise<void> {
    const ref = await this.recordOf(tabId);
    // A report that came in meanwhile has started its own look-up: show that one, not a second.
    const state = this.tabs.get(tabId);
    if (state) this.hub.push(tabId, state.view);
    else await this.show(tabId, ref);
  }

  forget(tabId: number): void {
    this.tabs.get(tabId)?.controller.abort();
    this.tabs.delete(tabId);
    this.limiter.forget(tabId);
    void browser.storage.session.remove(sessionKey(tabId));
  }

  /** The record on a tab, also after the worker was restarted. */
  async recordOf(tabId: number): Promise<RecordRefMessage | null> {
    const known = this.tabs.get(tabId);
    if (known) return known.ref;
    const stored = await this.storedRecord(tabId);
    // The page may have reported while storage answered (a worker just started, the frame's port
    // first): that report is newer than anything stored, which a fresh tab does not even have.
    const reported = this.tabs.get(tabId);
    return reported ? reported.ref : stored;
  }

  /** The client whose context the tab's sidebar shows now (null: none, or not known to this worker). */
  clientShown(tabId: number): string | null {
    const view = this.tabs.get(tabId)?.view;
    return view?.status === 'ready' ? view.context.client.id : null;
  }

  /**
   * The client may no longer be shown (403/404 from the endpoint, revoked or deleted by sync): its
   * cached data goes, and every tab showing it (frames and side panels) says so at once. `from`:
   * the tab whose own look-up found out, which shows it itself.
   */
  async purge(clientId: string, from?: number): Promise<void> {
    this.purged.add(clientId); // first: from here on no answer fetched before can be shown or saved
    const unsent = (await this.options.forgetClient?.(clientId)) ?? [];
    for (const [tabId, state] of this.tabs) {
      if (tabId === from) {
        state.unsent = unsent;
        continue;
      }
      if (state.view.status !== 'ready' || state.view.context.client.id !== clientId || !state.ref) continue;
      state.controller.abort();
      state.purged = true;
      state.view = { status: 'restricted', record: state.ref, ...(unsent.length ? { unsent } : {}) };
      this.hub.push(tabId, state.view);
    }
  }

  /**
   * `fromPage`: the page's record report started this look-up, so its endpoint requests spend the
   * tab's tokens. `pushed`: called after the look-up's first view is pushed.
   */
  private async show(tabId: number, ref: RecordRefMessage | null, options: LoadOptions = {}, fromPage = false, pushed?: () => void): Promise<void> {
    this.tabs.get(tabId)?.controller.abort();
    const controller = new AbortController();
    const keep = this.tabs.get(tabId);
    // Until the look-up's first view, a sidebar that connects is told it is under way, not "no record".
    const pending: SidebarView = ref ? { status: 'loading', record: ref } : { status: 'idle' };
    const state: TabState = { ref, controller, view: keep && sameRecord(keep.ref, ref) ? keep.view : pending };
    this.tabs.set(tabId, state);
    const startedAt = this.purged.mark();
    const push = (view: SidebarView) => {
      // The page may have supplied the record's label while this look-up ran: show the latest.
      let labelled = 'record' in view && state.ref ? { ...view, record: state.ref } : view;
      // A client purged while this look-up ran is never shown by it, from the cache or otherwise.
      if (labelled.status === 'ready' && this.purged.purgedSince(labelled.context.client.id, startedAt)) {
        labelled = { status: 'restricted', record: labelled.record };
      }
      if (labelled.status === 'restricted' && state.unsent?.length) labelled = { ...labelled, unsent: state.unsent };
      state.view = labelled;
      this.hub.push(tabId, labelled);
      pushed?.();
    };
    if (!ref) return push({ status: 'idle' });
    const purges: PurgeGuard = {
      isPurged: (clientId) => this.purged.purgedSince(clientId, startedAt),
      purge: (clientId) => this.purge(clientId, tabId),
    };
    try {
      const endpointTurn = fromPage ? this.endpointTurn(tabId, controller.signal) : undefined;
      await this.load(ref, controller.signal, push, { ...options, purges, endpointTurn });
    } catch (error) {
      // A bug or a storage failure (quota, a deleted database) must still leave words on screen.
      push({ status: 'error', record: ref, problem: { code: 'internal', message: 'Secondment Lens could not load this record.', detail: String(error).slice(0, 2000) } });
    }
  }

  /** One token per look-up, however many endpoint requests it makes (resolve, context, a re-fetch). */
  private endpointTurn(tabId: number, signal: AbortSignal): () => Promise<boolean> {
    let turn: Promise<boolean> | null = null;
    return async () => (await (turn ??= this.limiter.turn(tabId, signal))) && !signal.aborted;
  }

  private async storedRecord(tabId: number): Promise<RecordRefMessage | null> {
    const stored = (await browser.storage.session.get(sessionKey(tabId)))[sessionKey(tabId)];
    const parsed = RecordRefSchema.safeParse(stored);
    return parsed.success ? parsed.data : null;
  }
}

export function sameIdentity(a: RecordRefMessage, b: RecordRefMessage): boolean {
  return a.system === b.system && a.kind === b.kind && a.externalId === b.externalId && a.tenant === b.tenant;
}

function sameRecord(a: RecordRefMessage | null, b: RecordRefMessage | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
