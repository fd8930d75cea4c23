import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PlacementMirror } from '@/lib/background/placement-mirror';
import type { PlacementChange } from '@/lib/messaging/content-guard';
import { loadSettings, saveUserSettings } from '@/lib/settings/load-settings';
import { PLACEMENT_KEY } from '@/lib/settings/sidebar-placement';

// The content script reads the placement from storage.local before it inserts a frame; the
// background keeps it there from the settings (policy over the user's) and tells open pages.

beforeEach(() => fakeBrowser.reset());

const stored = async () => (await fakeBrowser.storage.local.get(PLACEMENT_KEY))[PLACEMENT_KEY];

function mirror() {
  const told: PlacementChange[] = [];
  const tellTabs = vi.fn(async (change: PlacementChange) => void told.push(change));
  return { mirror: new PlacementMirror(undefined, tellTabs), told };
}

describe('PlacementMirror', () => {
  it('stores the default (the page) at the first start without troubling open pages', async () => {
    const { mirror: m, told } = mirror();
    expect(await m.sync()).toBe('page');
    expect(await stored()).toBe('page');
    expect(told).toEqual([]);
  });

  it('follows the user’s choice, telling open pages only when it changes', async () => {
    const { mirror: m, told } = mirror();
    await m.sync();
    await saveUserSettings({ sidebarPlacement: 'side-panel' });
    expect(await m.sync()).toBe('side-panel');
    expect(await m.sync()).toBe('side-panel');
    expect(await stored()).toBe('side-panel');
    expect(told).toEqual([{ type: 'bg.setPlacement', sidePanelOnly: true }]);
    await saveUserSettings({ sidebarPlacement: 'page' });
    await m.sync();
    expect(told).toEqual([{ type: 'bg.setPlacement', sidePanelOnly: true }, { type: 'bg.setPlacement', sidePanelOnly: false }]);
  });

  it('a side panel set by policy applies at the first start and wins over the user’s choice', async () => {
    await saveUserSettings({ sidebarPlacement: 'page' });
    await fakeBrowser.storage.managed.set({ sidebarPlacement: 'side-panel' });
    const { mirror: m, told } = mirror();
    expect(await m.sync()).toBe('side-panel');
    expect(told).toEqual([{ type: 'bg.setPlacement', sidePanelOnly: true }]);
  });

  it('a policy value that is not a placement is reported and changes nothing (the user’s choice stands)', async () => {
    await saveUserSettings({ sidebarPlacement: 'side-panel' });
    await fakeBrowser.storage.managed.set({ sidebarPlacement: 'sidepanel' });
    const { mirror: m } = mirror();
    expect(await m.sync()).toBe('side-panel');
    const { managedKeys, problems } = await loadSettings();
    expect(managedKeys).not.toContain('sidebarPlacement');
    expect(problems.map((p) => [p.key, p.source])).toEqual([['sidebarPlacement', 'policy']]);
  });

  it('runs one after the other: the last settings read is the one stored', async () => {
    const answers = ['side-panel', 'page'] as const;
    let call = 0;
    const m = new PlacementMirror(async () => {
      const answer = answers[call++]!;
      await new Promise((resolve) => setTimeout(resolve, answer === 'side-panel' ? 20 : 0));
      return answer;
    }, async () => undefined);
    await Promise.all([m.sync(), m.sync()]);
    expect(await stored()).toBe('page');
  });
});
