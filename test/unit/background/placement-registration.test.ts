import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CONTENT_SCRIPT_MATCHES } from '@/lib/adapters';
import { FLAG_SCRIPT_FILE, FLAG_SCRIPT_ID, PlacementRegistrar, type PlacementSources } from '@/lib/background/placement-registration';
import type { PlacementChange } from '@/lib/messaging/content-guard';
import { loadSettings, saveUserSettings } from '@/lib/settings/load-settings';
import { fakeScripting } from '../support/fake-scripting';

// The content script learns the placement from a flag script the background registers at
// document_start while the side panel is the placement; open pages are told when it changes.

beforeEach(() => fakeBrowser.reset());

function setUp(sources?: PlacementSources) {
  const scripting = fakeScripting();
  const told: PlacementChange[] = [];
  const registrar = new PlacementRegistrar(scripting.api, sources, async (change) => void told.push(change));
  return { scripting, told, registrar };
}

describe('PlacementRegistrar', () => {
  it('registers nothing and tells nobody while the page is the placement (the default)', async () => {
    const { scripting, told, registrar } = setUp();
    expect(await registrar.sync()).toBe('page');
    expect(scripting.calls).toEqual([]);
    expect(told).toEqual([]);
  });

  it('with the user’s choice of the side panel: the flag script at document_start wherever the content script runs; open pages told once', async () => {
    const { scripting, told, registrar } = setUp();
    await saveUserSettings({ sidebarPlacement: 'side-panel' });
    expect(await registrar.sync()).toBe('side-panel');
    expect(await registrar.sync()).toBe('side-panel');
    expect(scripting.scripts.get(FLAG_SCRIPT_ID)).toEqual({
      id: FLAG_SCRIPT_ID, js: [FLAG_SCRIPT_FILE], matches: [...CONTENT_SCRIPT_MATCHES], runAt: 'document_start', allFrames: false, persistAcrossSessions: true,
    });
    expect(told).toEqual([{ type: 'bg.setPlacement', sidePanelOnly: true }]);
    await saveUserSettings({ sidebarPlacement: 'page' });
    expect(await registrar.sync()).toBe('page');
    expect(scripting.scripts.has(FLAG_SCRIPT_ID)).toBe(false);
    expect(told).toEqual([{ type: 'bg.setPlacement', sidePanelOnly: true }, { type: 'bg.setPlacement', sidePanelOnly: false }]);
  });

  it('follows the firm’s rules’ origins while registered', async () => {
    let origins = ['https://intranet.firm.example/*'];
    const { scripting, registrar } = setUp({ placement: async () => 'side-panel', matches: async () => [...CONTENT_SCRIPT_MATCHES, ...origins] });
    await registrar.sync();
    origins = ['https://crm.firm.example/*'];
    await registrar.sync();
    expect(scripting.scripts.get(FLAG_SCRIPT_ID)?.matches).toEqual([...CONTENT_SCRIPT_MATCHES, 'https://crm.firm.example/*']);
    expect(scripting.calls).toEqual(['register', 'update']);
  });

  it('a side panel set by policy wins over the user’s choice; a policy value that is no placement changes nothing', async () => {
    await saveUserSettings({ sidebarPlacement: 'page' });
    await fakeBrowser.storage.managed.set({ sidebarPlacement: 'side-panel' });
    const first = setUp();
    expect(await first.registrar.sync()).toBe('side-panel');
    expect(first.scripting.scripts.has(FLAG_SCRIPT_ID)).toBe(true);

    await fakeBrowser.storage.managed.set({ sidebarPlacement: 'sidepanel' });
    const second = setUp();
    expect(await second.registrar.sync()).toBe('page');
    const { managedKeys, problems } = await loadSettings();
    expect(managedKeys).not.toContain('sidebarPlacement');
    expect(problems.map((p) => [p.key, p.source])).toEqual([['sidebarPlacement', 'policy']]);
  });

  it('runs one after the other: the last placement read is the one registered', async () => {
    const answers = ['side-panel', 'page'] as const;
    let call = 0;
    const { scripting, registrar } = setUp({
      placement: async () => {
        const answer = answers[call++]!;
        await new Promise((resolve) => setTimeout(resolve, answer === 'side-panel' ? 20 : 0));
        return answer;
      },
      matches: async () => [...CONTENT_SCRIPT_MATCHES],
    });
    await Promise.all([registrar.sync(), registrar.sync()]);
    expect(scripting.scripts.has(FLAG_SCRIPT_ID)).toBe(false);
    expect(scripting.calls).toEqual(['register', 'unregister']);
  });
});
