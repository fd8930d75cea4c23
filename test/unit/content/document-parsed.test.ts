import { describe, expect, it } from 'vitest';
import { documentParsed } from '@/lib/content/document-parsed';

// The content script starts at document_start and inserts its frame once the page is parsed,
// judged by readyState, which the page cannot forge (it can dispatch DOMContentLoaded itself).

function fakeDocument(readyState: DocumentReadyState) {
  const target = new EventTarget();
  return Object.assign(target, { readyState }) as EventTarget & { readyState: DocumentReadyState };
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => { done = true; });
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
};

describe('documentParsed', () => {
  it('resolves at once for a parsed document', async () => {
    expect(await settled(documentParsed(fakeDocument('interactive') as unknown as Document))).toBe(true);
  });

  it('waits while the page is parsed, and a DOMContentLoaded the page dispatched does not end the wait', async () => {
    const doc = fakeDocument('loading');
    const parsed = documentParsed(doc as unknown as Document);
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    doc.dispatchEvent(new Event('readystatechange'));
    expect(await settled(parsed)).toBe(false);
    doc.readyState = 'interactive';
    doc.dispatchEvent(new Event('readystatechange'));
    expect(await settled(parsed)).toBe(true);
  });
});
