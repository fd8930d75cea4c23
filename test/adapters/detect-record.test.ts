// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectRecord } from '../../lib/adapters';
import { loadFixture } from './load-fixture';

const MATTER_URL = 'https://app.clio.com/nc/#/matters/987654';

describe('detectRecord', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each(['', 'not a url', 'javascript:alert(1)', 'about:blank', 'https://', 'file:///etc/passwd', 'data:text/html,x'])(
    'returns null for %j', (url) => {
      expect(detectRecord(url, loadFixture('clio/matter.html'))).toBeNull();
    });

  it('never throws, even when the document does', () => {
    const hostile = new Proxy(document, {
      get: () => () => { throw new Error('hostile page'); },
    });
    expect(() => detectRecord(MATTER_URL, hostile)).not.toThrow();
    expect(() => detectRecord('https://acme.lightning.force.com/lightning/r/Account/001A0000006Vm9r/view', hostile)).not.toThrow();
  });

  it('neither fetches nor changes the page', () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const doc = loadFixture('clio/matter.html');
    const before = doc.documentElement.outerHTML;
    expect(detectRecord(MATTER_URL, doc)?.externalId).toBe('987654');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('bounds a label a hostile page makes huge', () => {
    const doc = new DOMParser().parseFromString(`<main><header data-testid="record-header"><h1>${'A'.repeat(10_000)}</h1></header></main>`, 'text/html');
    expect(detectRecord(MATTER_URL, doc)?.label).toHaveLength(200);
  });

  it('lets a built-in plug-in win over a generic rule for the same page', () => {
    const rule = { id: 'clio-too', name: 'Clio', kind: 'client' as const, urlPattern: String.raw`^https://app\.clio\.com/nc/#/matters/(?<externalId>\d+)` };
    expect(detectRecord(MATTER_URL, loadFixture('clio/matter.html'), [rule])?.system).toBe('clio');
  });
});
