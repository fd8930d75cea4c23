import { describe, expect, it } from 'vitest';
import { AfterLoadInjector, contentScriptCovers, type InjectionApi, type InjectionSources } from '@/lib/background/after-load-injection';
import type { PlacementChange } from '@/lib/messaging/content-guard';
import type { SidebarPlacement } from '@/lib/settings/sidebar-placement';

// A CRM page gets the content script once loaded where no registration gave it one: always with the
// side panel (nothing of ours runs during the load), with the frame when the registration was
// missing; pages open at install too. A page whose script answers is left alone. Real Chromium:
// sidebar-placement.spec.ts, sidebar-sidepanel.spec.ts.

const CLIO_RECORD = 'https://app.clio.com/nc/#/contacts/1001';
const RULE_ORIGIN = 'https://intranet.firm.example/*';

/** A tab per id: the page now in it, and whether a live content script of ours answers there. */
function fakeTabs(pages: Record<number, { href: string; running?: boolean; closed?: boolean }>) {
  const injected: { tabId: number; sidePanel: boolean }[] = [];
  const told: { tabId: number; change: PlacementChange }[] = [];
  const tab = (tabId: number) => {
    const page = pages[tabId];
    if (!page || page.closed) throw new Error(`No tab with id: ${tabId}.`);
    return page;
  };
  const api: InjectionApi = {
    async inject(tabId, sidePanel) {
      tab(tabId).running = true;
      injected.push({ tabId, sidePanel });
    },
    tabUrl: async (tabId) => tab(tabId).href,
    async ping(tabId) {
      if (!tab(tabId).running) throw new Error('Could not establish connection. Receiving end does not exist.');
      return false;
    },
    async tell(tabId, change) {
      told.push({ tabId, change });
    },
  };
  return { api, injected, told };
}

function sources(placement: SidebarPlacement | (() => SidebarPlacement), ruleOrigins: string[] = []): InjectionSources {
  return { placement: async () => (typeof placement === 'function' ? placement() : placement), ruleOrigins: async () => ruleOrigins };
}

describe('contentScriptCovers', () => {
  it('covers the built-in systems’ hosts and the firm’s rules’ hosts, nothing else', () => {
    expect(contentScriptCovers(CLIO_RECORD, [])).toBe(true);
    expect(contentScriptCovers('https://acme.lightning.force.com/lightning/r/Account/001/view', [])).toBe(true);
    expect(contentScriptCovers('https://intranet.firm.example/c/12', [])).toBe(false);
    expect(contentScriptCovers('https://intranet.firm.example/c/12', [RULE_ORIGIN])).toBe(true);
    for (const url of ['http://app.clio.com/nc/', 'https://app.clio.com.evil.example/', 'https://user:pw@app.clio.com/', 'chrome://newtab/', 'not a url']) {
      expect(contentScriptCovers(url, [RULE_ORIGIN]), url).toBe(false);
    }
  });
});

describe('AfterLoadInjector', () => {
  it('with the side panel: a loaded CRM page gets the content script, flagged, once', async () => {
    const { api, injected } = fakeTabs({ 7: { href: CLIO_RECORD } });
    const injector = new AfterLoadInjector(api, sources('side-panel'));
    expect(await injector.pageLoaded(7, CLIO_RECORD)).toBe(true);
    expect(await injector.pageLoaded(7, CLIO_RECORD)).toBe(false);
    expect(injected).toEqual([{ tabId: 7, sidePanel: true }]);
  });

  it('two events for the same page at once give it one copy', async () => {
    const { api, injected } = fakeTabs({ 7: { href: CLIO_RECORD } });
    const injector = new AfterLoadInjector(api, sources('side-panel'));
    expect(await Promise.all([injector.pageLoaded(7, CLIO_RECORD), injector.pageLoaded(7, CLIO_RECORD)])).toEqual([true, false]);
    expect(injected).toHaveLength(1);
  });

  it('with the frame: a page the registration gave its script is left alone; one that loaded without it gets it, unflagged', async () => {
    const { api, injected } = fakeTabs({ 1: { href: CLIO_RECORD, running: true }, 2: { href: CLIO_RECORD } });
    const injector = new AfterLoadInjector(api, sources('page'));
    expect(await injector.pageLoaded(1, CLIO_RECORD)).toBe(false);
    expect(await injector.pageLoaded(2, CLIO_RECORD)).toBe(true);
    expect(injected).toEqual([{ tabId: 2, sidePanel: false }]);
  });

  it('a placement changed while injecting is told to that page (the registrar told the others before it could hear)', async () => {
    const { api, injected, told } = fakeTabs({ 7: { href: CLIO_RECORD } });
    const answers: SidebarPlacement[] = ['side-panel', 'page'];
    const injector = new AfterLoadInjector(api, sources(() => answers.shift() ?? 'page'));
    expect(await injector.pageLoaded(7, CLIO_RECORD)).toBe(true);
    expect(injected).toEqual([{ tabId: 7, sidePanel: true }]);
    expect(told).toEqual([{ tabId: 7, change: { type: 'bg.setPlacement', sidePanelOnly: false } }]);
  });

  it('leaves alone a page of another site, and a tab that moved on to one before the injection', async () => {
    const { api, injected } = fakeTabs({ 1: { href: 'https://news.example/' }, 2: { href: 'https://news.example/' } });
    const injector = new AfterLoadInjector(api, sources('side-panel'));
    expect(await injector.pageLoaded(1, 'https://news.example/')).toBe(false);
    expect(await injector.pageLoaded(2, CLIO_RECORD)).toBe(false);
    expect(injected).toEqual([]);
  });

  it('a page of a firm rule’s host gets the script too', async () => {
    const url = 'https://intranet.firm.example/c/12';
    const { api, injected } = fakeTabs({ 3: { href: url } });
    expect(await new AfterLoadInjector(api, sources('side-panel', [RULE_ORIGIN])).pageLoaded(3, url)).toBe(true);
    expect(injected).toEqual([{ tabId: 3, sidePanel: true }]);
  });

  it('a tab closed meanwhile is no error', async () => {
    const { api } = fakeTabs({ 4: { href: CLIO_RECORD, closed: true } });
    expect(await new AfterLoadInjector(api, sources('side-panel')).pageLoaded(4, CLIO_RECORD)).toBe(false);
  });

  it('at install: open CRM pages that have loaded without the script get it, flagged only with the side panel', async () => {
    for (const placement of ['page', 'side-panel'] as const) {
      const { api, injected } = fakeTabs({
        1: { href: CLIO_RECORD }, 2: { href: CLIO_RECORD, running: true }, 3: { href: 'https://news.example/' }, 4: { href: CLIO_RECORD, closed: true }, 6: { href: CLIO_RECORD },
      });
      const open = [
        { id: 1, url: CLIO_RECORD }, { id: 2, url: CLIO_RECORD }, { id: 3, url: 'https://news.example/' }, { id: 4, url: CLIO_RECORD },
        { url: CLIO_RECORD }, { id: 5 }, { id: 6, url: CLIO_RECORD, status: 'loading' },
      ].map((tab) => ({ status: 'complete', ...tab }));
      expect(await new AfterLoadInjector(api, sources(placement)).openPages(open)).toBe(1);
      expect(injected).toEqual([{ tabId: 1, sidePanel: placement === 'side-panel' }]);
    }
  });
});
