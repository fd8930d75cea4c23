import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CONTENT_SCRIPT_MATCHES } from '@/lib/adapters';
import { CONTENT_SCRIPT_FILE } from '@/lib/background/content-script-registration';
import { LEGACY_FLAG_SCRIPT_ID, PAGE_SCRIPT_ID, PlacementRegistrar } from '@/lib/background/placement-registration';
import type { PlacementChange } from '@/lib/messaging/content-guard';
import { loadSettings, saveUserSettings } from '@/lib/settings/load-settings';
import type { SidebarPlacement } from '@/lib/settings/sidebar-placement';
import { fakeScripting } from '../support/fake-scripting';

// With the page as the placement the content script is registered at document_end on the
// built-in systems' hosts; with the side panel nothing is (it is injected once a page has loaded:
// after-load-injection.test.ts). Open pages are told when the placement changes.

beforeEach(() => fakeBrowser.reset());

function setUp(placement?: () => Promise<SidebarPlacement>) {
  const scripting = fakeScripting();
  const told: PlacementChange[] = [];
  const registrar = new PlacementRegistrar(scripting.api, placement, async (change) => void told.push(change));
  return { scripting, told, registrar };
}

const PAGE_SCRIPT = {
  id: PAGE_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE], matches: [...CONTENT_SCRIPT_MATCHES], runAt: 'document_end', allFrames: false, persistAcrossSessions: true,
};

describe('PlacementRegistrar', () => {
  it('with the page as the placement (the default): the content script at document_end on the built-in hosts, registered, then kept', async () => {
    const { scripting, told, registrar } = setUp();
    expect(await registrar.sync()).toBe('page');
    expect(await registrar.sync()).toBe('page');
    expect([...scripting.scripts.values()]).toEqual([PAGE_SCRIPT]);
    expect(scripting.calls).toEqual(['register', 'update']);
    // Told once, when first registered (a first install: no page runs the script yet to hear it).
    expect(told).toEqual([{ type: 'bg.setPlacement', sidePanelOnly: false }]);
  });

  it('with the user’s choice of the side panel: nothing registered; open pages told once, and again when the page comes back', async () => {
    const { scripting, told, registrar } = setUp();
    await registrar.sync();
    told.length = 0;
    await saveUserSettings({ sidebarPlacement: 'side-panel' });
    expect(await registrar.sync()).toBe('side-panel');
    expect(await registrar.sync()).toBe('side-panel');
    expect(scripting.scripts.size).toBe(0);
    expect(told).toEqual([{ type: 'bg.setPlacement', sidePanelOnly: true }]);
    await saveUserSettings({ sidebarPlacement: 'page' });
    expect(await registrar.sync()).toBe('page');
    expect([...scripting.scripts.values()]).toEqual([PAGE_SCRIPT]);
    expect(told).toEqual([{ type: 'bg.setPlacement', sidePanelOnly: true }, { type: 'bg.setPlacement', sidePanelOnly: false }]);
  });

  it('removes the flag registration an earlier version left, whatever the placement', async () => {
    const { scripting, registrar } = setUp(async () => 'side-panel');
    scripting.scripts.set(LEGACY_FLAG_SCRIPT_ID, { id: LEGACY_FLAG_SCRIPT_ID, js: ['side-panel-flag.js'], matches: [...CONTENT_SCRIPT_MATCHES], runAt: 'document_start' });
    await registrar.sync();
    expect(scripting.scripts.size).toBe(0);
    expect(scripting.calls).toEqual(['unregister']);
  });

  it('a side panel set by policy wins over the user’s choice; a policy value that is no placement changes nothing', async () => {
    await saveUserSettings({ sidebarPlacement: 'page' });
    await fakeBrowser.storage.managed.set({ sidebarPlacement: 'side-panel' });
    const first = setUp();
    expect(await first.registrar.sync()).toBe('side-panel');
    expect(first.scripting.scripts.has(PAGE_SCRIPT_ID)).toBe(false);

    await fakeBrowser.storage.managed.set({ sidebarPlacement: 'sidepanel' });
    const second = setUp();
    expect(await second.registrar.sync()).toBe('page');
    expect(second.scripting.scripts.has(PAGE_SCRIPT_ID)).toBe(true);
    const { managedKeys, problems } = await loadSettings();
    expect(managedKeys).not.toContain('sidebarPlacement');
    expect(problems.map((p) => [p.key, p.source])).toEqual([['sidebarPlacement', 'policy']]);
  });

  it('runs one after the other: the last placement read is the one registered', async () => {
    const answers = ['page', 'side-panel'] as const;
    let call = 0;
    const { scripting, registrar } = setUp(async () => {
      const answer = answers[call++]!;
      await new Promise((resolve) => setTimeout(resolve, answer === 'page' ? 20 : 0));
      return answer;
    });
    await Promise.all([registrar.sync(), registrar.sync()]);
    expect(scripting.scripts.has(PAGE_SCRIPT_ID)).toBe(false);
    expect(scripting.calls).toEqual(['register', 'unregister']);
  });
});
