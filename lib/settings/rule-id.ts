/**
 * A readable, stable id for a rule the user adds ("Intranet CRM clients" → `intranet-crm-clients`),
 * unique among `taken`. The id travels as the record's object type, so it never changes afterwards.
 */
export function ruleIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56) || 'rule';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
