/**
 * `npx tsx bench/book-index-cost.ts [--reps=N]` (under the browser lock): what the `book` store's
 * index entries cost a full sync, measured on IndexedDB alone. The large book's feed is read from
 * the store page by page (the sync's page sizes), folded and packed as the sync does (book-chunk.ts),
 * then written in plain Chromium, one relaxed transaction per page with its cursor, by layouts that
 * differ only in their index entries, rotating layout by layout (one browser: far less noise than
 * whole syncs on a busy machine). After each write, look-ups of a client's chunks as each layout
 * reads them. Figures, not pass/fail; only `current` keeps every read of the product working.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import type { Change } from '../lib/contract/changes';
import { type BookChunk, packParts, partsOf } from '../lib/cache/book-chunk';
import { DEMO_USERS } from '../server/demo/demo-ids';
import { seedLargeBook } from '../server/demo/large-book';
import { feedPageObject } from '../server/store/feed-page-json';
import { GROW_AFTER_PAGES, growPageSize, PAGE_SIZE } from '../lib/sync/page-size';
import { machineLoad, withBenchEndpoint } from './bench-endpoint';
import { distribution } from './stats';

const reps = Number(process.argv.find((a) => a.startsWith('--reps='))?.split('=')[1] ?? 5);

/**
 * One page's chunks as the sync appends them (full sync: upserts only, one part per client; the
 * bench book numbers each client before its children, so partsOf's order is the sync's).
 */
function chunksOfPage(changes: Change[], now: number): BookChunk[] {
  const entities = {
    clients: changes.flatMap((c) => (c.type === 'client.upsert' ? [c.client] : [])),
    secondments: changes.flatMap((c) => (c.type === 'secondment.upsert' ? [c.secondment] : [])),
    needs: changes.flatMap((c) => (c.type === 'need.upsert' ? [c.need] : [])),
  };
  return packParts(partsOf(entities), now);
}

const pages = await withBenchEndpoint('lens-index-cost-', async (server) => {
  await seedLargeBook(server.store);
  const viewer = { id: DEMO_USERS.partner.id, role: DEMO_USERS.partner.role };
  const out: BookChunk[][] = [];
  let since = 0;
  let size: number = PAGE_SIZE.start;
  for (let fitted = 1; ; fitted++) {
    const page = feedPageObject((await server.store.changes(viewer, since, size)).page);
    out.push(chunksOfPage(page.changes, Date.now()));
    since = Number(page.nextCursor);
    if (!page.hasMore) break;
    if (fitted >= GROW_AFTER_PAGES && size < PAGE_SIZE.max) [size, fitted] = [growPageSize(size), 0];
  }
  return out;
});

const site = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>idb</title>'));
await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage();
await page.addInitScript('globalThis.__name = (f) => f'); // tsx names the functions evaluated in the page
await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
await page.evaluate((json) => { (globalThis as unknown as { pages: unknown }).pages = JSON.parse(json); }, JSON.stringify(pages));

/**
 * Layouts: `current` (main: byClient and byRecord multiEntry, byWrittenAt); `noMultiEntry` (only
 * byWrittenAt: the upper bound, nothing reachable by client or record); `recordOnly` (byRecord and
 * byWrittenAt, no byClient); `pointersN` (byRecord and byWrittenAt, plus the client → chunk map of each
 * page written as N rows, one per hash shard of the client ids, in a `bookPointers` store);
 * `hashedKeys` (both multiEntry indexes over 32-bit hashes of the ids and record keys: numbers
 * instead of strings, the value keeping both).
 */
const layouts = ['current', 'hashedKeys', 'noMultiEntry', 'recordOnly', 'pointers64'] as const;
type Layout = (typeof layouts)[number];
type Result = { writeMs: number; diskMB: number; lookupMs: number };
const results = new Map<Layout, Result[]>(layouts.map((l) => [l, []]));

for (let r = 0; r < reps; r++) {
  for (const layout of layouts.map((_, i) => layouts[(i + r) % layouts.length]!)) {
    const result = await page.evaluate(async (layout: string): Promise<Result> => {
      type Chunk = { writtenAt: number; clientIds: string[]; recordKeys: string[]; parts: unknown[] };
      const all = (globalThis as unknown as { pages: Chunk[][] }).pages;
      const req = <T>(r: IDBRequest<T>) => new Promise<T>((ok, ko) => { r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
      const done = (tx: IDBTransaction) => new Promise<void>((ok, ko) => { tx.oncomplete = () => ok(); tx.onerror = tx.onabort = () => ko(tx.error); });
      await req(indexedDB.deleteDatabase('bench') as IDBRequest<unknown>);
      const shards = layout.startsWith('pointers') ? Number(layout.slice('pointers'.length)) : 0;
      const open = indexedDB.open('bench', 1);
      open.onupgradeneeded = () => {
        const db = open.result;
        const book = db.createObjectStore('book', { keyPath: 'seq', autoIncrement: true });
        if (layout === 'current') book.createIndex('byClient', 'clientIds', { multiEntry: true });
        if (layout === 'current' || layout === 'recordOnly' || shards) book.createIndex('byRecord', 'recordKeys', { multiEntry: true });
        if (layout === 'hashedKeys') {
          book.createIndex('byClient', 'clientHashes', { multiEntry: true });
          book.createIndex('byRecord', 'recordHashes', { multiEntry: true });
        }
        book.createIndex('byWrittenAt', 'writtenAt');
        db.createObjectStore('meta');
        if (shards) db.createObjectStore('bookPointers');
      };
      const db = await req(open);
      const hash = (id: string) => {
        let h = 0;
        for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
        return h >>> 0;
      };
      const shardOf = (id: string) => hash(id) % shards;
      let nextSeq = 1;
      const usage0 = (await navigator.storage.estimate()).usage ?? 0;
      const t0 = performance.now();
      for (const [p, chunks] of all.entries()) {
        const tx = db.transaction(shards ? ['book', 'meta', 'bookPointers'] : ['book', 'meta'], 'readwrite', { durability: 'relaxed' });
        const book = tx.objectStore('book');
        // The client ids stay in the value whatever is indexed (the fold reads them).
        const stored = (c: Chunk) => (layout === 'current' ? c
          : layout === 'hashedKeys' ? { ...c, clientHashes: c.clientIds.map(hash), recordHashes: c.recordKeys.map(hash) }
            : { ...c, clientIds: [], ids: c.clientIds });
        if (!shards) {
          for (const c of chunks) book.add(layout === 'noMultiEntry' ? { ...stored(c), recordKeys: [], keys: c.recordKeys } : stored(c));
        } else {
          // Keys given, not awaited (a sync would keep the next one in memory).
          const seqs = chunks.map((c) => {
            book.add({ ...stored(c), seq: nextSeq });
            return nextSeq++;
          });
          const rows = new Map<number, Record<string, number[]>>();
          chunks.forEach((c, i) => {
            for (const id of c.clientIds) {
              const s = shardOf(id);
              const row = rows.get(s) ?? rows.set(s, {}).get(s)!;
              (row[id] ??= []).push(seqs[i]!);
            }
          });
          const pointers = tx.objectStore('bookPointers');
          for (const [s, row] of rows) pointers.put(row, [s, seqs[0]!]);
        }
        tx.objectStore('meta').put(String(p), 'sync.cursor');
        await done(tx);
      }
      const writeMs = performance.now() - t0;
      const diskMB = (((await navigator.storage.estimate()).usage ?? 0) - usage0) / 1e6;
      // A client's chunks, as the layout finds them (one read transaction each, 20 clients).
      let lookupMs = 0;
      if (layout !== 'noMultiEntry' && layout !== 'recordOnly') {
        const l0 = performance.now();
        for (let i = 0; i < 20; i++) {
          const id = `lb-c-${(i * 997) % 20_000}`;
          const tx = db.transaction(shards ? ['book', 'bookPointers'] : ['book'], 'readonly');
          let chunks: unknown[];
          if (!shards) chunks = await req(tx.objectStore('book').index('byClient').getAll(layout === 'hashedKeys' ? hash(id) : id));
          else {
            const s = shardOf(id);
            const rows = (await req(tx.objectStore('bookPointers').getAll(IDBKeyRange.bound([s], [s, Infinity])))) as Record<string, number[]>[];
            const seqs = [...new Set(rows.flatMap((row) => row[id] ?? []))].sort((a, b) => a - b);
            chunks = await Promise.all(seqs.map((q) => req(tx.objectStore('book').get(q))));
          }
          if (chunks.length === 0) throw new Error(`no chunk for ${id}`);
          await done(tx);
        }
        lookupMs = (performance.now() - l0) / 20;
      }
      db.close();
      return { writeMs, diskMB, lookupMs };
    }, layout);
    results.get(layout)!.push(result);
    console.error(`rep ${r + 1} ${layout}: ${result.writeMs.toFixed(0)} ms, ${result.diskMB.toFixed(1)} MB, look-up ${result.lookupMs.toFixed(1)} ms`);
  }
}
console.log(`${pages.length} pages, ${pages.flat().length} chunks, ${pages.flat().reduce((n, c) => n + c.clientIds.length, 0)} byClient and ${pages.flat().reduce((n, c) => n + c.recordKeys.length, 0)} byRecord entries (current)`);
for (const [layout, runs] of results) {
  const of = (pick: (r: Result) => number) => distribution(runs.map(pick));
  console.log(`${layout}: ${JSON.stringify({ writeMs: of((r) => Math.round(r.writeMs)), diskMB: of((r) => Math.round(r.diskMB * 10) / 10), lookupMs: of((r) => Math.round(r.lookupMs * 10) / 10) })}`);
}
console.log(machineLoad());
await browser.close();
site.close();
process.exit(0);
