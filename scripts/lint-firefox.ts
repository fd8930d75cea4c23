// `web-ext lint` (Mozilla's add-on linter, offline) on the Firefox build: fails on any error and on
// any warning that is not one of the explained ones below. An explained warning is accepted only
// where the code at the reported position is the library code the explanation is about, so new
// eval or innerHTML in our own code still fails. README "Firefox" says the same for reviewers.
//
//   npm run build:firefox && npm run lint:firefox        (LENS_OUT_DIR as for the build)
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUILD = path.resolve(ROOT, process.env.LENS_OUT_DIR ?? '.output', 'firefox-mv2');
const OWN_SOURCES = ['components', 'entrypoints', 'lib'];

interface Message { code: string; message: string; file?: string; line?: number; column?: number }

/** Warnings the linter cannot tell from unsafe code, why they are safe, and how to recognise them. */
const EXPLAINED: { code: string; file: RegExp; code_at: RegExp; why: string }[] = [
  {
    code: 'DANGEROUS_EVAL',
    file: /^(background\.js|chunks\/[\w-]+\.js)$/,
    code_at: /try\{return Function\(``\),!0\}catch\{return!1\}/,
    why: 'zod 4 tests once whether it may compile parsers with `Function`; the extension CSP forbids it, the test throws, and zod validates without it',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/[\w-]+\.js$/,
    code_at: /dangerouslySetInnerHTML.{0,200}\.innerHTML=/,
    why: 'React DOM’s implementation of `dangerouslySetInnerHTML`, which this project never uses (checked below)',
  },
];

function lint(): { errors: Message[]; warnings: Message[]; notices: Message[] } {
  const out = execFileSync(path.join(ROOT, 'node_modules/.bin/web-ext'),
    ['lint', '--source-dir', BUILD, '--output', 'json', '--no-config-discovery'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out);
}

function codeAround(message: Message): string {
  if (!message.file || !message.line) return '';
  const line = readFileSync(path.join(BUILD, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const at = message.column ?? 0;
  return line.slice(Math.max(0, at - 400), at + 400);
}

function ownSourcesUse(word: string): string[] {
  const files = OWN_SOURCES.flatMap((dir) => readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)));
  return files.filter((f) => /\.(ts|tsx)$/.test(f) && readFileSync(path.join(ROOT, f), 'utf8').includes(word));
}

const result = lint();
const unexplained = result.warnings.filter((w) => !EXPLAINED.some((e) => e.code === w.code && e.file.test(w.file ?? '') && e.code_at.test(codeAround(w))));
const usesDangerousHtml = ownSourcesUse('dangerouslySetInnerHTML');
const describe = (m: Message) => `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}:${m.column}` : ''} ${m.message}`;

console.log(`web-ext lint ${path.relative(ROOT, BUILD)}: ${result.errors.length} errors, ${result.warnings.length} warnings `
  + `(${result.warnings.length - unexplained.length} explained), ${result.notices.length} notices`);
for (const e of EXPLAINED) console.log(`  explained ${e.code}: ${e.why}`);
for (const n of result.notices) console.log(`notice${describe(n)}`);
if (result.errors.length > 0 || unexplained.length > 0 || usesDangerousHtml.length > 0) {
  for (const m of result.errors) console.error(`error${describe(m)}`);
  for (const m of unexplained) console.error(`unexplained warning${describe(m)}`);
  for (const f of usesDangerousHtml) console.error(`${f} uses dangerouslySetInnerHTML: the innerHTML warning is no longer only React's`);
  process.exit(1);
}
