import { describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { classifySender } from '@/lib/messaging/sender';

// Who may talk to the background, built up from hostile senders one property at a time.

const extension = { id: 'lens-id', origin: 'chrome-extension://lens-id' };
const tab = { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false } as NonNullable<Runtime.MessageSender['tab']>;
const sender = (s: Partial<Runtime.MessageSender> & { origin?: string }) => s as Runtime.MessageSender;

describe('classifySender', () => {
  it.each([
    ['another extension', sender({ id: 'other-id', origin: 'chrome-extension://lens-id', tab, frameId: 0 })],
    ['no extension id at all (a web page through externally_connectable)', sender({ origin: 'https://app.clio.com', tab, frameId: 0 })],
    ['a content script in a sub-frame (an iframe the page controls)', sender({ id: 'lens-id', origin: 'https://evil.example', tab, frameId: 3 })],
    ['a page-origin sender with no tab', sender({ id: 'lens-id', origin: 'https://app.clio.com' })],
  ])('refuses %s', (_, s) => {
    expect(classifySender(s, extension)).toBeNull();
  });

  it('a content script is the top frame of a tab, with the page’s origin', () => {
    expect(classifySender(sender({ id: 'lens-id', origin: 'https://app.clio.com', url: 'https://app.clio.com/nc/', tab, frameId: 0 }), extension)).toEqual({ kind: 'content', tabId: 7 });
  });

  it('a content script cannot pass as an extension page by its URL: the browser-set origin decides', () => {
    const forged = sender({ id: 'lens-id', origin: 'https://app.clio.com', url: 'chrome-extension://lens-id/sidebar.html', tab, frameId: 0 });
    expect(classifySender(forged, extension)).toEqual({ kind: 'content', tabId: 7 });
  });

  it('the sidebar frame in a tab is an extension page speaking for that tab', () => {
    expect(classifySender(sender({ id: 'lens-id', origin: 'chrome-extension://lens-id', tab, frameId: 12 }), extension)).toEqual({ kind: 'extension-page', tabId: 7 });
  });

  it('the side panel and the options page are extension pages with no tab', () => {
    expect(classifySender(sender({ id: 'lens-id', origin: 'chrome-extension://lens-id' }), extension)).toEqual({ kind: 'extension-page', tabId: null });
  });

  it('no origin and an unreadable URL: refused', () => {
    expect(classifySender(sender({ id: 'lens-id', url: 'not a url' }), extension)).toBeNull();
  });
});
