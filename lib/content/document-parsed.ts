/**
 * Resolves once the document is parsed (what `DOMContentLoaded` marks), judged by `readyState`:
 * the content script starts at `document_start`, before the page's DOM exists, and the page can
 * dispatch a `DOMContentLoaded` of its own but cannot change `readyState`.
 */
export function documentParsed(doc: Document = document): Promise<void> {
  return new Promise((resolve) => {
    if (doc.readyState !== 'loading') return resolve();
    const check = () => {
      if (doc.readyState === 'loading') return;
      doc.removeEventListener('readystatechange', check);
      resolve();
    };
    doc.addEventListener('readystatechange', check);
  });
}
