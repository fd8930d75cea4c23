/**
 * Broken (and harmless) variants of a change for the agreement test of the precompiled check: at
 * every path of the sample (every key, every first array element), every replacement below, the key
 * removed, an unknown key added to every object, and arrays past their bounds. The replacements
 * cover each way the contract constrains a field: type, length (counted in code points: astral
 * characters and lone surrogates around each bound), the id regex, enums, calendar dates and instants, null.
 */
const LENGTHS = [0, 1, 63, 64, 65, 99, 100, 101, 127, 128, 129, 199, 200, 201, 252, 253, 254, 999, 1000, 1001, 1999, 2000, 2001, 3999, 4000, 4001];

const REPLACEMENTS: unknown[] = [
  null, 0, 42, -1, 1.5, true, false, [], {}, [1], { type: 'client.upsert' },
  ...LENGTHS.map((n) => 'x'.repeat(n)),
  ...LENGTHS.map((n) => '😀'.repeat(Math.ceil(n / 2))),
  ...LENGTHS.filter((n) => n > 0).map((n) => `${'é'.repeat(n - 1)}a`),
  // Lone and reversed surrogates: each counts as one code point for zod.
  ...LENGTHS.map((n) => '\uD83D'.repeat(n)),
  ...LENGTHS.map((n) => `a${'\uDE00\uD83D'.repeat(Math.ceil(n / 2))}`),
  ...LENGTHS.map((n) => `${'😀'.repeat(Math.floor(n / 2))}\uD83D`),
  'a b', 'a"b', 'a/b', 'a\nb', 'é', ' ', 'lb-c-1', 'A.b:c_d-e', 'abc\u0000', '"', '!', '~', '\u007f',
  'unknown', 'clio', 'contact', 'outbound', 'active', 'flat-fee', 'skills', 'open', 'all', 'new', 'high', 'client.delete',
  '2026-12-02', '2024-02-29', '2026-02-29', '2026-02-30', '2026-13-01', '2026-1-01', '26-12-02', '2026-12-02 ', '+2026-12-02',
  '2026-12-02T09:00:00Z', '2026-12-02T09:00:00.123Z', '2026-12-02T09:00:00+01:00', '2026-12-02T09:00:00-00:00',
  '2026-12-02T09:00:00', '2026-12-02T09:00Z', '2026-12-02T24:00:00Z', '2026-12-02T09:60:00Z', '2026-12-02T09:00:00+24:00',
  '2024-02-29T00:00:00Z', '2026-02-29T00:00:00Z', '2026-12-02t09:00:00z', '2026-12-02T09:00:00.Z', '2026-12-02T09:00:00.1234567Z',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value of `sample` (keys and array index 0), the root excluded. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = at.length ? [at] : [];
  if (Array.isArray(value)) return value.length ? [...here, ...paths(value[0]!, [...at, 0])] : here;
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return here;
}

/** `sample` with the value at `path` set (`undefined`: the key removed). */
function withValue(sample: Json, path: (string | number)[], next: unknown): unknown {
  const copy = structuredClone(sample) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (next === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = next;
  return copy;
}

/** Objects with an unknown key (`__proto__` too, as JSON.parse makes it: an own key) at `path`. */
function withExtraKeys(sample: Json, path: (string | number)[]): unknown[] {
  const copy = (extra: string) => {
    const root = JSON.parse(JSON.stringify(sample)) as Record<string | number, unknown>;
    let node = root;
    for (const key of path) node = node[key] as Record<string | number, unknown>;
    Object.assign(node, JSON.parse(`{${extra}}`));
    return root;
  };
  return [copy('"extra":1'), copy('"__proto__":{"x":1}'), copy('"constructor":"x","toString":null')];
}

export function changeVariants(change: object): unknown[] {
  const sample = change as Json;
  const out: unknown[] = [];
  const all = paths(sample);
  for (const path of [[], ...all]) {
    const value = path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, sample);
    if (value && typeof value === 'object' && !Array.isArray(value)) out.push(...withExtraKeys(sample, path));
    if (Array.isArray(value) && value.length) {
      for (const n of [2, 50, 51, 200, 201, 500, 501]) out.push(withValue(sample, path, Array.from({ length: n }, () => value[0])));
    }
  }
  for (const path of all) {
    out.push(withValue(sample, path, undefined));
    for (const next of REPLACEMENTS) out.push(withValue(sample, path, next));
  }
  return out;
}
