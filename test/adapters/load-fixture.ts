import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// From a string, not `new URL(…)`: under happy-dom, URL is the DOM's class, which Node rejects.
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/pms');

const cache = new Map<string, string>();

/** A saved fixture page as a fresh Document (needs the happy-dom environment for DOMParser). */
export function loadFixture(file: string): Document {
  let html = cache.get(file);
  if (html === undefined) {
    html = readFileSync(join(FIXTURE_DIR, file), 'utf8');
    cache.set(file, html);
  }
  return new DOMParser().parseFromString(html, 'text/html');
}

/** How a failing case names itself: which file, at which URL, and why it is there. */
export function caseName(c: { file: string; url: string; note?: string }): string {
  return `${c.file} at ${c.url}${c.note ? ` (${c.note})` : ''}`;
}
