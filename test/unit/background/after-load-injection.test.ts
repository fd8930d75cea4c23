import { describe, expect, it } from 'vitest';
import { AfterLoadInjector, contentScriptCovers, FLAG_SCRIPT_FILE, INJECTED_CONTENT_SCRIPT, type InjectionApi, type InjectionSources } from '@/lib/background/after-load-injection';
import type { SidebarPlacement } from '@/lib/settings/sidebar-placement';

// The side panel's pages get the content script once loaded (nothing of ours runs during the load);
// pages open at install get it whatever the placement; a page whose script answers is left alone. Real Chromium: sidebar-sidepanel.spec.ts.

const CLIO_RECORD = 'https://app.clio.com/nc/#/contacts/1001';
const RULE_ORIGIN = 'https://intranet.firm.example/*';

/** A tab per id: the page now in it, and whether a live content script of ours answers there. */
function fakeTabs(pages: Record<number, { href: string; running?: boolean; closed?: boolean }>) {
  const injected: { tabId: number; files: string[] }[] = [];
  const tab = (tabId: number) => {
    const page = pages[tabId];
    if (!page || page.closed) throw new Error(`No tab with id: ${tabId}.`);
    return page;
  };
  const api: InjectionApi = {
    async inject(tabId, files) {
      tab(tabId).running = true;
      injected.push({ tabId, files });
    },
    tabUrl: async (tabId) => tab(tabId).href,
    async ping(tabId) {
      if (!tab(tabId).running) throw new Error('Could not establish connection. Receiving end does not exist.');
      return false;
    },
  };
  return { api, injected };
}

function sources(placement: SidebarPlacement, ruleOrigins: string[] = []): InjectionSources {
  return { placement: async () => placement, ruleOrigins: async () => ruleOrigins };
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
  it('with the side panel: a loaded CRM page gets the flag, then the content script, once', async () => {
    const { api, injected } = fakeTabs({ 7: { href: CLIO_RECORD } });
    const injector = new AfterLoadInjector(api, sources('side-panel'));
    expect(await injector.pageLoaded(7, CLIO_RECORD)).toBe(true);
    expect(await injector.pageLoaded(7, CLIO_RECORD)).toBe(false);
    expect(injected).toEqual([{ tabId: 7, files: [FLAG_SCRIPT_FILE, INJECTED_CONTENT_SCRIPT] }]);
  });

  it('two events for the same page at once give it one copy', async () => {
    const { api, injected } = fakeTabs({ 7: { href: CLIO_RECORD } });
    const injector = new AfterLoadInjector(api, sources('side-panel'));
    expect(await Promise.all([injector.pageLoaded(7, CLIO_RECORD), injector.pageLoaded(7, CLIO_RECORD)])).toEqual([true, false]);
    expect(injected).toHaveLength(1);
  });

  it('with the page as the placement, injects nothing (the registration gave the page its script at load)', async () => {
    const { api, injected } = fakeTabs({ 7: { href: CLIO_RECORD } });
    expect(await new AfterLoadInjector(api, sources('page')).pageLoaded(7, CLIO_RECORD)).toBe(false);
    expect(injected).toEqual([]);
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
    expect(injected).toEqual([{ tabId: 3, files: [FLAG_SCRIPT_FILE, INJECTED_CONTENT_SCRIPT] }]);
  });

  it('a tab closed meanwhile is no error', async () => {
    const { api } = fakeTabs({ 4: { href: CLIO_RECORD, closed: true } });
    expect(await new AfterLoadInjector(api, sources('side-panel')).pageLoaded(4, CLIO_RECORD)).toBe(false);
  });

  it('at install: open CRM pages that have loaded without the script get it, flagged only with the side panel', async () => {
    for (const [placement, files] of [['page', [INJECTED_CONTENT_SCRIPT]], ['side-panel', [FLAG_SCRIPT_FILE, INJECTED_CONTENT_SCRIPT]]] as const) {
      const { api, injected } = fakeTabs({
        1: { href: CLIO_RECORD }, 2: { href: CLIO_RECORD, running: true }, 3: { href: 'https://news.example/' }, 4: { href: CLIO_RECORD, closed: true }, 6: { href: CLIO_RECORD },
      });
      const open = [
        { id: 1, url: CLIO_RECORD }, { id: 2, url: CLIO_RECORD }, { id: 3, url: 'https://news.example/' }, { id: 4, url: CLIO_RECORD },
        { url: CLIO_RECORD }, { id: 5 }, { id: 6, url: CLIO_RECORD, status: 'loading' },
      ].map((tab) => ({ status: 'complete', ...tab }));
      expect(await new AfterLoadInjector(api, sources(placement)).openPages(open)).toBe(1);
      expect(injected).toEqual([{ tabId: 1, files }]);
    }
  });
});
