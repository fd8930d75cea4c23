import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { withBenchEndpoint } from '../bench/bench-endpoint';
import { DEMO_TOKENS } from '../server/demo/demo-ids';
import { seedLargeBook } from '../server/demo/large-book';

/**
 * Every change the bench's full sync receives, page by page: the demo firm plus the large book
 * (20,000 clients / 5,000 secondments / 50,000 needs, 75,173 changes), paged out of the reference
 * endpoint's `/v1/changes` as the partner, raw JSON as the worker gets it. With `cacheFile`, kept
 * there once fetched (seeding and paging take ~20 s on the 2-core machine).
 */
export async function largeBookChanges(cacheFile?: string): Promise<unknown[][]> {
  if (cacheFile && existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as unknown[][];
  return withBenchEndpoint('lens-book-changes-', async (server) => {
    await seedLargeBook(server.store);
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
  });
}
