// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectRecord, isGenericRule, originPatternOfRule, type GenericRule } from '../../lib/adapters';
import { parseGenericRules } from '../../lib/adapters/generic-rule-schema';

const good: GenericRule = {
  id: 'intranet-clients', name: 'Intranet clients', kind: 'client', labelSelector: 'h1',
  urlPattern: String.raw`^https://intranet\.firm\.example/clients/(?<externalId>\d+)`,
};
const URL_OK = 'https://intranet.firm.example/clients/42';
const page = () => new DOMParser().parseFromString('<h1>Acme Holdings Ltd</h1>', 'text/html');

const BAD_PATTERNS: [string, string, RegExp][] = [
  ['bad regex', String.raw`^https://intranet\.firm\.example/clients/(?<externalId>\d+`, /valid regular expression/],
  ['no externalId group', String.raw`^https://intranet\.firm\.example/clients/(\d+)`, /externalId/],
  ['http', String.raw`^http://intranet\.firm\.example/clients/(?<externalId>\d+)`, /https/],
  ['not anchored', String.raw`https://intranet\.firm\.example/clients/(?<externalId>\d+)`, /anchored/],
  ['host not literal', String.raw`^https://[a-z]+\.firm\.example/clients/(?<externalId>\d+)`, /literal host/],
  ['no path after host', String.raw`^https://intranet\.firm\.example(?<externalId>\d+)`, /literal host/],
];

describe('parseGenericRules', () => {
  it('accepts a valid rule', () => {
    expect(parseGenericRules([good])).toEqual({ rules: [good], errors: [] });
  });

  it.each(BAD_PATTERNS)('reports %s with the rule index', (_name, urlPattern, message) => {
    const { rules, errors } = parseGenericRules([good, { ...good, id: 'bad', urlPattern }]);
    expect(rules).toEqual([good]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.index).toBe(1);
    expect(errors[0]?.message).toMatch(message);
  });

  it('reports a missing field, an unknown kind and a duplicate id', () => {
    const { rules, errors } = parseGenericRules([{ ...good, name: undefined }, { ...good, kind: 'person' }, good, good]);
    expect(rules).toEqual([good]);
    expect(errors.map((e) => e.index)).toEqual([0, 1, 3]);
    expect(errors[2]?.message).toMatch(/earlier rule/);
  });

  it('reports input that is not a list', () => {
    expect(parseGenericRules({ rules: [] }).errors).toEqual([{ index: -1, message: 'rules must be a list' }]);
  });
});

describe('generic rules in detectRecord', () => {
  it('detects with a valid rule, host as tenant, rule id as object type, label from the selector', () => {
    expect(detectRecord(URL_OK, page(), [good])).toEqual({
      system: 'generic', kind: 'client', externalId: '42', tenant: 'intranet.firm.example', objectType: 'intranet-clients', label: 'Acme Holdings Ltd',
    });
  });

  it.each(BAD_PATTERNS)('skips a rule with %s, without throwing, and uses the next one', (_name, urlPattern) => {
    const bad = { ...good, id: 'bad', urlPattern };
    expect(() => detectRecord(URL_OK, page(), [bad])).not.toThrow();
    expect(detectRecord(URL_OK, page(), [bad, good])?.objectType).toBe('intranet-clients');
  });

  it('checks and compiles a rule once, not at every detection', () => {
    let reads = 0;
    const counted = new Proxy({ ...good }, {
      get(target, key, receiver) {
        if (key === 'urlPattern') reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(detectRecord(URL_OK, page(), [counted])?.externalId).toBe('42');
    const afterFirst = reads;
    for (let i = 0; i < 5; i++) expect(detectRecord(URL_OK, page(), [counted])?.externalId).toBe('42');
    expect(afterFirst).toBeGreaterThan(0);
    expect(reads).toBe(afterFirst);
  });

  it('skips rules that are not rules at all', () => {
    const junk = [null, 42, 'rule', {}, { ...good, kind: 'person' }] as unknown as GenericRule[];
    expect(detectRecord(URL_OK, page(), [...junk, good])?.externalId).toBe('42');
  });

  it('leaves out the label when the selector is invalid or finds nothing', () => {
    expect(detectRecord(URL_OK, page(), [{ ...good, labelSelector: '[[[' }])).not.toHaveProperty('label');
    expect(detectRecord(URL_OK, page(), [{ ...good, labelSelector: '.absent' }])).not.toHaveProperty('label');
  });

  it('cannot be escaped by an unescaped dot or a top-level alternative', () => {
    const sloppy = { ...good, urlPattern: String.raw`^https://intranet.firm.example/clients/(?<externalId>\d+)|(?<x>)` };
    expect(isGenericRule(sloppy)).toBe(true);
    expect(detectRecord('https://intranetXfirm.example/clients/42', page(), [sloppy])).toBeNull();
    expect(detectRecord('https://evil.example/?u=https://intranet.firm.example/clients/42', page(), [sloppy])).toBeNull();
  });

  it('does not apply to http pages', () => {
    expect(detectRecord('http://intranet.firm.example/clients/42', page(), [good])).toBeNull();
  });
});

describe('isGenericRule and originPatternOfRule', () => {
  it('accepts exactly the rules the schema accepts', () => {
    expect(isGenericRule(good)).toBe(true);
    for (const [, urlPattern] of BAD_PATTERNS) expect(isGenericRule({ ...good, urlPattern })).toBe(false);
    expect(isGenericRule({ ...good, labelSelector: 3 })).toBe(false);
  });

  it('gives the origin to request host permission for', () => {
    expect(originPatternOfRule(good)).toBe('https://intranet.firm.example/*');
    expect(originPatternOfRule({ ...good, urlPattern: String.raw`^https:\/\/Intranet\.Firm\.Example\/x\/(?<externalId>\d+)` }))
      .toBe('https://intranet.firm.example/*');
    expect(originPatternOfRule({ ...good, urlPattern: BAD_PATTERNS[0]?.[1] ?? '' })).toBeNull();
  });
});
