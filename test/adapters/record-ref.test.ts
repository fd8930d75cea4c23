import { describe, expect, expectTypeOf, it } from 'vitest';
import * as contract from '../../lib/contract/pms';
import { PMS_SYSTEM_IDS, RECORD_KIND_IDS, type PmsSystem, type RecordKind } from '../../lib/adapters';

// The adapters declare plain types (no zod in the content script); the contract's enums are the truth.
describe('RecordRef types match lib/contract/pms.ts', () => {
  it('lists the same systems and kinds at run time', () => {
    expect([...PMS_SYSTEM_IDS]).toEqual([...contract.PMS_SYSTEMS]);
    expect([...RECORD_KIND_IDS]).toEqual([...contract.RECORD_KINDS]);
  });

  it('declares the same unions (checked by tsc)', () => {
    expectTypeOf<PmsSystem>().toEqualTypeOf<contract.PmsSystem>();
    expectTypeOf<RecordKind>().toEqualTypeOf<contract.RecordKind>();
    expectTypeOf<(typeof PMS_SYSTEM_IDS)[number]>().toEqualTypeOf<PmsSystem>();
    expectTypeOf<(typeof RECORD_KIND_IDS)[number]>().toEqualTypeOf<RecordKind>();
  });
});
