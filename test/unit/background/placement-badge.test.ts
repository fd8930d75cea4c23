import { describe, expect, it } from 'vitest';
import { CLIENT_BADGE, CLIENT_TITLE, type BadgeApi, PlacementBadge } from '@/lib/background/placement-badge';
import type { SidebarView } from '@/lib/messaging/sidebar-view';

// With the side panel as the placement, the toolbar button is the only sign on a CRM page that its
// record is a client of the firm.

function fakeAction() {
  const badge = new Map<number, string>();
  const title = new Map<number, string>();
  const api: BadgeApi = {
    setBadgeText: async ({ tabId, text }) => void badge.set(tabId, text),
    setTitle: async ({ tabId, title: t }) => void title.set(tabId, t),
  };
  return { api, badge, title };
}

const record = { system: 'clio' as const, kind: 'contact' as const, externalId: '1001', label: 'Northwind' };
const ready = { status: 'ready', record, context: { client: { id: 'c-1', name: 'Northwind Logistics plc' } } } as unknown as SidebarView;
const notFound: SidebarView = { status: 'not-found', record };

describe('PlacementBadge', () => {
  it('leaves the button plain while the frame is the placement', () => {
    const action = fakeAction();
    const badge = new PlacementBadge(action.api);
    badge.viewFor(1, ready);
    expect(action.badge.size).toBe(0);
  });

  it('marks a tab whose record is a client, with nothing of the client on it, and unmarks it when the record is not', () => {
    const action = fakeAction();
    const badge = new PlacementBadge(action.api);
    badge.setPlacement(true);
    badge.viewFor(1, ready);
    badge.viewFor(2, notFound);
    expect(action.badge.get(1)).toBe(CLIENT_BADGE);
    expect(action.title.get(1)).toBe(CLIENT_TITLE);
    expect(action.title.get(1)).not.toContain('Northwind');
    expect(action.badge.get(2)).toBe('');
    badge.viewFor(1, notFound);
    expect(action.badge.get(1)).toBe('');
  });

  it('marks the tabs seen before the placement was known, and clears them when the frame is the placement again', () => {
    const action = fakeAction();
    const badge = new PlacementBadge(action.api);
    badge.viewFor(1, ready);
    badge.viewFor(2, notFound);
    badge.setPlacement(true);
    expect([...action.badge]).toEqual([[1, CLIENT_BADGE]]);
    badge.setPlacement(false);
    expect([...action.badge]).toEqual([[1, '']]);
  });
});
