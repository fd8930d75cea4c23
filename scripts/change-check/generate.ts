import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { z } from 'zod';
import { Change } from '../../lib/contract/changes';

export const GENERATED_CHANGE_CHECK = 'lib/sync/change-check.generated.js';

/**
 * String length in code points, as zod 4.6 and ajv's `ucs2length` count it: a surrogate pair once,
 * a lone surrogate as itself. Inlined in place of ajv's run-time import so the check stands alone;
 * the probe skips the count for strings with no astral character (nearly all of them).
 */
const CODE_POINT_LENGTH = `const func2 = (str) => {
  if (!/[\\uD800-\\uDBFF]/.test(str)) return str.length;
  let count = str.length;
  for (let i = 0; i < str.length - 1; i++) if ((str.charCodeAt(i) & 0xfc00) === 0xd800 && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { count--; i++; }
  return count;
};`;
const AJV_CODE_POINT_LENGTH = 'const func2 = require("ajv/dist/runtime/ucs2length").default;';

/** Where the object literal opening at `start` closes (string literals skipped). */
function closingBrace(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      for (i++; code[i] !== '"'; i++) if (code[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  throw new Error('unbalanced object literal in the generated check');
}

/**
 * Every error object ajv writes (`{instancePath:…, schemaPath:…, keyword:…, params:{…}}`) becomes
 * `{}`, as ajv itself writes where no one reads them (inside `not`, with `createErrors: false`,
 * which no option sets for a whole schema). Nothing reads them here: zod explains a rejection. The
 * arrays and counters they go into stay, so every branch decides exactly as before; only the paths
 * are no longer built, and half the code and the enum values they quote go.
 */
function withoutErrorObjects(code: string): string {
  let out = '';
  let from = 0;
  for (const error of code.matchAll(/\{instancePath[:,]/g)) {
    if (error.index < from) continue;
    out += code.slice(from, error.index) + '{}';
    from = closingBrace(code, error.index) + 1;
  }
  return out + code.slice(from);
}

/**
 * ajv still embeds a whole schema (`const schemaN = {…}`, patterns and all) where it reads one part
 * of it at run time: for an object of more than 8 properties, whether a key is one of them
 * (`hasOwnProperty.call(schemaN.properties…, key)`). Each constant keeps only the paths the code
 * reads; an object read whole keeps its keys (values 0), which is all `hasOwnProperty` looks at.
 */
function pruneSchemaConstants(code: string): string {
  let out = '';
  let from = 0;
  for (const declaration of code.matchAll(/const (schema\d+) = (?=\{)/g)) {
    const name = declaration[1]!;
    const start = declaration.index + declaration[0].length;
    const end = closingBrace(code, start) + 1;
    const reads = [...code.matchAll(new RegExp(`\\b${name}((?:\\.[A-Za-z_$][\\w$]*|\\[\\d+\\])+)`, 'g'))].map((m) => m[1]!);
    const whole = JSON.parse(code.slice(start, end)) as unknown;
    const pruned: Record<string, unknown> = {};
    for (const read of reads) {
      const keys = [...read.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map((m) => m[1] ?? m[2]!);
      let source = whole as Record<string, unknown>;
      let target = pruned;
      keys.forEach((key, i) => {
        source = source[key] as Record<string, unknown>;
        if (i < keys.length - 1) target = (target[key] ??= Array.isArray(source) ? [] : {}) as Record<string, unknown>;
        else target[key] = source && typeof source === 'object' && !Array.isArray(source) ? Object.fromEntries(Object.keys(source).map((k) => [k, 0])) : source;
      });
    }
    // An unread constant goes whole (its `;` with it).
    out += reads.length ? code.slice(from, start) + JSON.stringify(pruned) : code.slice(from, declaration.index);
    from = reads.length ? end : end + (code[end] === ';' ? 1 : 0);
  }
  return out + code.slice(from);
}

/**
 * The source of lib/sync/change-check.generated.js: zod's own JSON Schema of `Change` compiled by
 * ajv into plain JavaScript (no `new Function` at run time, so MV3's CSP allows it). Options chosen
 * so that it accepts exactly what zod accepts and leaves the same object zod returns:
 * - `removeAdditional`: zod strips unknown keys; ajv deletes them (in place) where the schema says
 *   `additionalProperties: false`, which zod's output-side schema says of every object;
 * - `discriminator`: only the branch named by `type` is checked, so stripping never runs in a
 *   branch that does not apply;
 * - string lengths in code points (ajv's default, zod 4.6's too), counted by `CODE_POINT_LENGTH`;
 * - `unicodeRegExp: false`: zod's regexes carry no `u` flag;
 * - `validateFormats: false`: dates and instants are checked by the `pattern` zod emits beside
 *   `format` (the very regex zod tests), not by ajv's own format functions;
 * - `messages: false`: a rejected change is explained by zod (lib/sync/validate-changes.ts); for
 *   the same reason the error objects are emptied and the embedded schemas pruned to what the code
 *   reads (below), and `lines: false`: the service worker parses this again at every restart
 *   (151 KB → 71 KB, worker bundle 310 → 250 KB minified; docs/BENCHMARKS.md).
 */
export function generateChangeCheck(): string {
  const schema = z.toJSONSchema(Change, { io: 'output' }) as Record<string, unknown>;
  delete schema.$schema; // 2020-12; nothing below needs more than ajv's default draft
  // One function per change type (a `$ref` each, not inlined): V8 optimises the one a page is full
  // of sooner than one function of every type (measured: bench/validation-timings.ts).
  const branches = schema.oneOf as Record<string, unknown>[];
  Object.assign(schema, {
    type: 'object', required: ['type'], discriminator: { propertyName: 'type' },
    oneOf: branches.map((_, i) => ({ $ref: `#/$defs/change${i}` })),
    $defs: Object.fromEntries(branches.map((branch, i) => [`change${i}`, branch])),
  });
  const ajv = new Ajv({
    inlineRefs: false,
    code: { source: true, esm: true, lines: false },
    removeAdditional: true, discriminator: true, unicodeRegExp: false,
    validateFormats: false, messages: false, allErrors: false, verbose: false,
  });
  const full = standaloneCode(ajv, ajv.compile(schema)).replace(AJV_CODE_POINT_LENGTH, CODE_POINT_LENGTH);
  const code = pruneSchemaConstants(withoutErrorObjects(full));
  if (/\brequire\(/.test(code)) throw new Error('The generated check imports from ajv at run time; it must stand alone.');
  return `// Generated by scripts/write-change-check.ts from lib/contract/changes.ts (zod → JSON Schema → ajv). Do not edit.\n// test/unit/sync/change-check.test.ts fails when it is stale and proves it agrees with zod.\n${code}\n`;
}
