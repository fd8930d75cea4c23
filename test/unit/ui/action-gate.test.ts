import { describe, expect, it } from 'vitest';
import { ActionGate, STABLE_MS } from '@/lib/ui/action-gate';
import type { SidebarView } from '@/lib/messaging/sidebar-view';
import { readyView, RECORD } from '../components/fixtures';

// When a click in the sidebar may act, and what it is bound to.

const other: SidebarView = { status: 'not-found', record: { ...RECORD, externalId: '1998', label: undefined } };

function gateAt(start = 1_000, inFrame = true) {
  let now = start;
  const gate = new ActionGate(() => now, inFrame);
  return { gate, later: (ms: number) => (now += ms) };
}

describe('action gate', () => {
  it('binds a click to the record, client and flag version on screen', () => {
    const { gate, later } = gateAt();
    gate.showing(readyView({ record: RECORD }));
    later(STABLE_MS);
    const checked = gate.check();
    expect(checked).toMatchObject({ ok: true, shown: { record: { externalId: '1001' }, clientId: 'c-northwind' } });
  });

  it('refuses a click pressed on one record and released on another (the page changed its URL in between)', () => {
    const { gate, later } = gateAt();
    gate.showing(readyView({ record: RECORD }));
    later(5_000);
    gate.press();
    gate.showing(other);
    later(STABLE_MS + 10);
    expect(gate.check()).toMatchObject({ ok: false, error: { code: 'changed' } });
  });

  it('in the frame, refuses a click on a record swapped in a moment ago', () => {
    const { gate, later } = gateAt();
    gate.showing(readyView({ record: RECORD }));
    expect(gate.check().ok).toBe(true); // the frame's first record: it just appeared, nothing was swapped
    gate.showing(other);
    later(STABLE_MS - 1);
    expect(gate.check()).toMatchObject({ ok: false, error: { code: 'changed' } });
    later(1);
    expect(gate.check().ok).toBe(true);
  });

  it('in the side panel (the browser’s own), only the press/release check applies', () => {
    const { gate, later } = gateAt(1_000, false);
    gate.showing(readyView({ record: RECORD }));
    gate.showing(other);
    expect(gate.check().ok).toBe(true);
    gate.press();
    gate.showing(readyView({ record: RECORD }));
    later(10);
    expect(gate.check()).toMatchObject({ ok: false, error: { code: 'changed' } });
  });

  it('refuses while the frame is covered or see-through', () => {
    const { gate, later } = gateAt();
    gate.showing(readyView({ record: RECORD }));
    later(STABLE_MS);
    gate.setVisible(false);
    expect(gate.check()).toMatchObject({ ok: false, error: { code: 'covered' } });
    gate.setVisible(true);
    expect(gate.check().ok).toBe(true);
  });
});
