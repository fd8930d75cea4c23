import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_TOKENS } from '../server/demo/demo-ids';
import { seedLargeBook } from '../server/demo/large-book';
import { startServer } from '../server/start-server';

/**
 * Every change the bench's full sync receives, page by page: the demo firm plus the large book
 * (20,000 clients / 5,000 secondments / 50,000 needs, 75,173 changes), paged out of the reference
 * endpoint's `/v1/changes` as the partner, raw JSON as the worker gets it. With `cacheFile`, kept
 * there once fetched (seeding and paging take ~20 s on the 2-core machine).
 */
export async function largeBookChanges(cacheFile?: string): Promise<unknown[][]> {
  if (cacheFile && existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as unknown[][];
  const dir = mkdtempSync(path.join(tmpdir(), 'lens-book-changes-'));
  const server = await startServer({ port: 0, dbPath: path.join(dir, 'firm.sqlite'), seed: true });
  try {
    await seedLargeBook(server.store, { clients: 20_000, secondments: 5_000, needs: 50_000 });
    const pages: unknown[][] = [];
    for (let since = '0'; ;) {
      const res = await fetch(`${server.url}/v1/changes?since=${encodeURIComponent(since)}&limit=5000`, { headers: { authorization: `Bearer ${DEMO_TOKENS.partner}` } });
      if (!res.ok) throw new Error(`GET /v1/changes answered ${res.status}`);
      const page = (await res.json()) as { changes: unknown[]; nextCursor: string; hasMore: boolean };
      pages.push(page.changes);
      if (!page.hasMore) break;
      since = page.nextCursor;
    }
    if (cacheFile) writeFileSync(cacheFile, JSON.stringify(pages));
    return pages;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
