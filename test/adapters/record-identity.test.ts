import { describe, expect, it } from 'vitest';
import { PLUGINS } from '../../lib/adapters';
import { ExternalRecord, PmsSystem } from '../../lib/contract/pms';
import { PMS_SYSTEM_NAMES, PMS_SYSTEMS, RECORD_KINDS } from '../../lib/contract/record-identity';

// One list of systems and kinds: the adapters, the contract's schemas and the pages all read it.
describe('the record identity', () => {
  it('gives every built-in plug-in exactly one system id, and every system but generic a plug-in', () => {
    const pluginIds = PLUGINS.map((p) => p.id);
    expect(new Set(pluginIds).size).toBe(pluginIds.length);
    expect([...pluginIds].sort()).toEqual(PMS_SYSTEMS.filter((s) => s !== 'generic').sort());
  });

  it('names every system for the pages', () => {
    for (const system of PMS_SYSTEMS) expect(PMS_SYSTEM_NAMES[system]).toMatch(/\S/);
  });

  it('is what the contract accepts on the wire, and nothing else', () => {
    for (const system of PMS_SYSTEMS) expect(PmsSystem.safeParse(system).success).toBe(true);
    expect(PmsSystem.safeParse('clio2').success).toBe(false);
    for (const kind of RECORD_KINDS) expect(ExternalRecord.safeParse({ system: 'clio', kind, externalId: '1', tenant: null }).success).toBe(true);
    expect(ExternalRecord.safeParse({ system: 'clio', kind: 'deal', externalId: '1', tenant: null }).success).toBe(false);
  });
});
