/**
 * The endpoint's own cost of one user's full sync: the large book's whole feed paged out of a
 * reference endpoint on loopback as the partner (gzip accepted, as browsers do), `runs` times; wall
 * time, and the process's CPU time less what the client side of this same process spent un-gzipping
 * and parsing (timed around those calls). In `npm run bench` with `--only=sync` (`fullFeedServed`);
 * on its own: `npx tsx bench/feed-serving.ts [--runs=N]` (seeds its own endpoint; N ≥ 2, the first
 * reported apart).
 */
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { machineLoad, withBenchEndpoint } from './bench-endpoint';
import { DEMO_TOKENS } from '../server/demo/demo-ids';
import { seedLargeBook } from '../server/demo/large-book';
import type { RunningServer } from '../server/start-server';
import { type Distribution, distribution } from './stats';

export interface FeedServingFigures {
  /** Over every run but the first. */
  wallMs: Distribution;
  /** The endpoint's CPU (user + system) per whole feed, over every run but the first. */
  endpointCpuMs: Distribution;
  /**
   * The first run alone: the first whole feed since the book was written, before the endpoint has
   * seen any of its rows pass the contract check (server/store/checked-change-texts.ts), which later
   * feeds skip; also V8's warm-up of the serving code.
   */
  first: { wallMs: number; endpointCpuMs: number };
  /** Bytes of one whole feed as sent (gzip). */
  wireMB: number;
}

export async function measureFeedServing(server: RunningServer, runs: number, log: (line: string) => void = () => {}): Promise<FeedServingFigures> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let r = 0; r < runs; r++) {
    const wall0 = performance.now();
    const cpu0 = cpuMs();
    let clientCpu = 0;
    bytes = 0;
    for (let since = '0'; ;) {
      const res = await get(`${server.url}/v1/changes?since=${encodeURIComponent(since)}&limit=5000`);
      if (res.status !== 200) throw new Error(`GET /v1/changes answered ${res.status}`);
      bytes += res.body.length;
      const c0 = cpuMs();
      const text = res.encoding === 'gzip' ? gunzipSync(res.body).toString('utf8') : res.body.toString('utf8');
      const page = JSON.parse(text) as { nextCursor: string; hasMore: boolean };
      clientCpu += cpuMs() - c0;
      if (!page.hasMore) break;
      since = page.nextCursor;
    }
    wall.push(performance.now() - wall0);
    cpu.push(cpuMs() - cpu0 - clientCpu);
    log(`whole feed served ${r + 1}/${runs}: ${wall.at(-1)!.toFixed(0)} ms wall, endpoint CPU ${cpu.at(-1)!.toFixed(0)} ms, ${(bytes / 1e6).toFixed(1)} MB sent`);
  }
  return {
    wallMs: distribution(wall.slice(1)), endpointCpuMs: distribution(cpu.slice(1)),
    first: { wallMs: wall[0]!, endpointCpuMs: cpu[0]! }, wireMB: bytes / 1e6,
  };
}

function get(url: string): Promise<{ status: number; body: Buffer; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { authorization: `Bearer ${DEMO_TOKENS.partner}`, 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), encoding: res.headers['content-encoding'] }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

if (import.meta.filename === process.argv[1]) {
  const runs = Math.max(2, Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 4));
  await withBenchEndpoint('lens-feed-serving-', async (server) => {
    await seedLargeBook(server.store);
    console.log(JSON.stringify({ ...(await measureFeedServing(server, runs, console.error)), harness: 'node-loopback' }));
    console.error(machineLoad());
  });
}
