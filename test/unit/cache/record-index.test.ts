import { describe, expect, it } from 'vitest';
import { mappingMatches, recordIndexKeys, recordKey } from '@/lib/cache/record-index';
import type { ExternalRecord } from '@/lib/contract/pms';

const rec = (externalId: string, tenant: string | null, system: ExternalRecord['system'] = 'clio', kind: ExternalRecord['kind'] = 'contact'): ExternalRecord => ({ system, kind, externalId, tenant });
/** Found through the index (same key), then kept by the tenant check, as resolveFromBook does. */
const finds = (mapped: ExternalRecord, onScreen: ExternalRecord) =>
  recordIndexKeys({ externalIds: [mapped] }).includes(recordKey(onScreen)) && mappingMatches(mapped, onScreen);

// The endpoint's rule (server/store/firm-store.ts, resolve): same system, kind and id; tenants
// equal ignoring case, or either side without a tenant.
describe('the record index follows the endpoint’s matching rule', () => {
  const cases: [string, ExternalRecord, ExternalRecord, boolean][] = [
    ['same tenant', rec('1001', 'app.clio.com'), rec('1001', 'app.clio.com'), true],
    ['tenant differing in case', rec('1001', 'App.Clio.com'), rec('1001', 'app.clio.com'), true],
    ['another tenant', rec('1001', 'eu.app.clio.com'), rec('1001', 'app.clio.com'), false],
    ['mapping without a tenant', rec('1001', null), rec('1001', 'app.clio.com'), true],
    ['record without a tenant', rec('1001', 'app.clio.com'), rec('1001', null), true],
    ['neither with a tenant', rec('1001', null), rec('1001', null), true],
    ['another id', rec('1001', 'app.clio.com'), rec('1002', 'app.clio.com'), false],
    ['ids differing in case', rec('001Dn00000AbCdE', 'acme', 'salesforce', 'client'), rec('001dn00000abcde', 'acme', 'salesforce', 'client'), false],
    ['another kind', rec('1001', 'app.clio.com', 'clio', 'matter'), rec('1001', 'app.clio.com'), false],
    ['another system', rec('1001', 'x', 'hubspot', 'contact'), rec('1001', 'x'), false],
    ['an id that tries to forge a separator', rec('1|x', null), rec('1', 'x'), false],
    ['a tenant that tries to look like "any"', rec('1', '%*'), rec('1', 'other'), false],
  ];
  for (const [name, mapped, onScreen, expected] of cases) {
    it(`${expected ? 'finds' : 'does not find'} the client: ${name}`, () => expect(finds(mapped, onScreen)).toBe(expected));
  }

  it('gives each mapped record one key, without duplicates', () => {
    expect(recordIndexKeys({ externalIds: [rec('1', 'a'), rec('1', 'b'), rec('2', null)] })).toEqual(['clio|contact|1', 'clio|contact|2']);
  });
});
