/**
 * `npx tsx bench/validation-timings.ts [--runs=5] [--passes=4] [--book=/tmp/lens-book-changes.json] [--json]`:
 * zod against the precompiled check (lib/sync/change-check.generated.js) over every change of the
 * bench's book (75,173, raw JSON as the endpoint pages it), side by side, interleaved, each run a
 * fresh Node process (a full sync meets the validator cold): its first pass over the book, and the
 * median of the passes after it. Three validators:
 * - `zod`: `Change.safeParse` as Node runs it, with zod's `new Function` fast path;
 * - `zod-no-eval`: the same without that fast path (`{ jitless: true }`), as in the extension's
 *   worker, where MV3's CSP forbids `new Function` and zod falls back to it by itself;
 * - `precompiled`: the generated check.
 * Each under plain `node` and `node --jitless` (V8's interpreter only: no optimising compiler).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Change } from '../lib/contract/changes';
import { validate } from '../lib/sync/change-check.generated';
import { distribution } from './stats';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const book = arg('book', '/tmp/lens-book-changes.json');
const runs = Number(arg('runs', '5'));
const passes = Number(arg('passes', '4'));
const VALIDATORS = {
  zod: (c: unknown) => Change.safeParse(c).success,
  'zod-no-eval': (c: unknown) => Change.safeParse(c, { jitless: true }).success,
  precompiled: (c: unknown) => validate(c),
};
type Validator = keyof typeof VALIDATORS;
const NODES: Record<string, string[]> = { node: [], 'node --jitless': ['--jitless'] };

/** In a child: `passes` timed passes of one validator over the whole book, as JSON on stdout. */
function child(name: Validator): void {
  const pages = JSON.parse(readFileSync(book, 'utf8')) as unknown[][];
  const check = VALIDATORS[name];
  const times: number[] = [];
  for (let p = 0; p < passes; p++) {
    let accepted = 0;
    const start = performance.now();
    for (const page of pages) for (const change of page) if (check(change)) accepted++;
    times.push(performance.now() - start);
    if (accepted !== pages.flat().length) throw new Error(`${name} refused ${pages.flat().length - accepted} changes of the book`);
  }
  process.stdout.write(JSON.stringify(times));
}

async function main(): Promise<void> {
  // Imported here only: the endpoint's modules need WebAssembly, which `node --jitless` lacks.
  const { largeBookChanges } = await import('../scripts/large-book-changes');
  const changes = (await largeBookChanges(book)).flat().length;
  const say = (line: string) => (process.argv.includes('--json') ? process.stderr : process.stdout).write(`${line}\n`);
  const figures: Record<string, Record<string, { firstPass: ReturnType<typeof distribution>; laterPasses: ReturnType<typeof distribution> }>> = {};
  const names = Object.keys(VALIDATORS) as Validator[];
  for (const [node, flags] of Object.entries(NODES)) {
    const first: Record<string, number[]> = {};
    const later: Record<string, number[]> = {};
    for (let run = 0; run < runs; run++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + run) % names.length]!; // the order turns each run: no validator always goes first
        const out = execFileSync(process.execPath, [...flags, '--import', 'tsx', import.meta.filename, `--child=${name}`, `--book=${book}`, `--passes=${passes}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
        const times = JSON.parse(out) as number[];
        (first[name] ??= []).push(times[0]!);
        (later[name] ??= []).push(...times.slice(1));
      }
      say(`  ${node}: run ${run + 1}/${runs} done`);
    }
    figures[node] = Object.fromEntries(names.map((n) => [n, { firstPass: distribution(first[n]!), laterPasses: distribution(later[n]!) }]));
  }
  say(`validating the book's ${changes} changes, ms (p50 / p95; first pass over ${runs} fresh processes, later passes ${passes - 1} in each):`);
  for (const [node, byName] of Object.entries(figures)) {
    for (const [name, f] of Object.entries(byName)) {
      say(`  ${node.padEnd(15)} ${name.padEnd(12)} first pass ${f.firstPass.p50.toFixed(0).padStart(5)} / ${f.firstPass.p95.toFixed(0).padStart(5)}   later passes ${f.laterPasses.p50.toFixed(0).padStart(5)} / ${f.laterPasses.p95.toFixed(0).padStart(5)}`);
    }
  }
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ changes, harness: 'node', runs, passes, figures })}\n`);
}

const childOf = process.argv.find((a) => a.startsWith('--child='))?.slice('--child='.length) as Validator | undefined;
if (childOf) child(childOf);
else await main();
