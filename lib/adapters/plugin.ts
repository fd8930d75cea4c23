import type { PmsSystem, RecordRef } from './record-ref';

/**
 * A built-in practice-management plug-in: data plus two small pure functions.
 * Detection is two-stage (as Zotero translators do it): `urlGate` is a cheap URL-only check of
 * the host, and only pages that pass it run `detect`, which parses the path and reads the DOM.
 * Whether there is a record is the URL's to say: `detect` returns null only for a URL that names
 * none, and a record whose page is not rendered yet without its label (the content script's
 * watcher relies on it: it waits for a label, but not on a page loaded at a URL that names none).
 * `detect` re-checks the host itself, so it is safe to call on any URL (the negative matrix does).
 */
export interface PmsPlugin {
  readonly id: Exclude<PmsSystem, 'generic'>;
  /** The system's name as users know it. */
  readonly label: string;
  /** WebExtension match patterns for every host `urlGate` accepts (the content script's `matches`). */
  readonly matches: readonly string[];
  urlGate(url: URL): boolean;
  detect(url: URL, doc: Document): RecordRef | null;
}
