// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isBackgroundToContent, isOwnLocationChange, isPlacementChange, isTrustedRestore } from '@/lib/messaging/content-guard';
import { isSidePanelFlagged, SIDE_PANEL_FLAG } from '@/lib/settings/sidebar-placement';

// The content script's hand guard: what it accepts from the background, and which page events count.

describe('content-script guard', () => {
  it('accepts exactly the background’s collapse message', () => {
    expect(isBackgroundToContent({ type: 'bg.setCollapsed', collapsed: true })).toBe(true);
    expect(isBackgroundToContent({ type: 'bg.setCollapsed', collapsed: 'yes' })).toBe(false);
    expect(isBackgroundToContent({ type: 'bg.setCollapsed', collapsed: true, html: '<img onerror=alert(1)>' })).toBe(false);
    expect(isBackgroundToContent({ type: 'bg.other', collapsed: true })).toBe(false);
    expect(isBackgroundToContent(null)).toBe(false);
    expect(isBackgroundToContent('bg.setCollapsed')).toBe(false);
  });

  it('accepts exactly the background’s placement message, and only the flag’s own `true` (set by the background) removes the frame', () => {
    expect(isPlacementChange({ type: 'bg.setPlacement', sidePanelOnly: true })).toBe(true);
    expect(isPlacementChange({ type: 'bg.setPlacement', sidePanelOnly: false })).toBe(true);
    expect(isPlacementChange({ type: 'bg.setPlacement', sidePanelOnly: 'true' })).toBe(false);
    expect(isPlacementChange({ type: 'bg.setPlacement', sidePanelOnly: true, extra: 1 })).toBe(false);
    expect(isPlacementChange({ type: 'bg.setCollapsed', collapsed: true })).toBe(false);
    expect(isSidePanelFlagged({ [SIDE_PANEL_FLAG]: true })).toBe(true);
    expect(isSidePanelFlagged({})).toBe(false);
    for (const value of ['true', 1, 'side-panel', {}, null]) expect(isSidePanelFlagged({ [SIDE_PANEL_FLAG]: value })).toBe(false);
  });

  it('a pageshow the page dispatched itself never counts as a restore from the back/forward cache', () => {
    const forged = new Event('pageshow');
    Object.defineProperty(forged, 'persisted', { value: true });
    expect(forged.isTrusted).not.toBe(true);
    expect(isTrustedRestore(forged)).toBe(false);
    const browserMade = new Event('pageshow');
    Object.defineProperty(browserMade, 'isTrusted', { value: true });
    Object.defineProperty(browserMade, 'persisted', { value: true });
    expect(isTrustedRestore(browserMade)).toBe(true);
    const firstLoad = new Event('pageshow');
    Object.defineProperty(firstLoad, 'isTrusted', { value: true });
    Object.defineProperty(firstLoad, 'persisted', { value: false });
    expect(isTrustedRestore(firstLoad)).toBe(false);
  });

  it('a location change counts only with a URL object (WXT’s own event), not a page’s lookalike', () => {
    const forged = Object.assign(new Event('wxt:locationchange'), { newUrl: { href: 'https://app.clio.com/nc/#/contacts/666' } });
    expect(isOwnLocationChange(forged)).toBe(false);
    const own = Object.assign(new Event('wxt:locationchange'), { newUrl: new URL('https://app.clio.com/nc/#/contacts/1002') });
    expect(isOwnLocationChange(own)).toBe(true);
  });
});
