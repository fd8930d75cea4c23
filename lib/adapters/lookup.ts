/**
 * Own-property lookup in a mapping table. Keys come from URLs, so `constructor` or `__proto__`
 * must not reach Object.prototype.
 */
export function lookup<V>(table: Readonly<Record<string, V>>, key: string | undefined | null): V | undefined {
  return key != null && Object.hasOwn(table, key) ? table[key] : undefined;
}
