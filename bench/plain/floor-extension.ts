import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLIO_HOST } from './bench-host-server';

/**
 * The floor of the host-page figures: an unpacked extension whose only part is one empty content
 * script at document_end on the same host as ours. What it costs the page's load event is what
 * Chromium charges any extension with a content script there (the isolated world, the injection),
 * before a line of ours runs; the bench reports its ratio beside ours. Written to a throwaway folder.
 */
export function writeFloorExtension(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lens-bench-floor-'));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3,
    name: 'Secondment Lens bench floor',
    version: '1.0.0',
    content_scripts: [{ matches: [`https://${CLIO_HOST}/*`], js: ['empty.js'], run_at: 'document_end' }],
  }));
  writeFileSync(path.join(dir, 'empty.js'), '// Intentionally empty: only the injection is measured.\n');
  return dir;
}
