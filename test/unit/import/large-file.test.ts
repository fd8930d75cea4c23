import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../server/import/read-table';
import { validateSecondments } from '../../../server/import/specs/secondments';
import { largeSecondmentsCsv, largeSecondmentsXlsx } from '../../fixtures/import/make-fixtures';

// Speed is measured by test/fixtures/import/measure-large.ts, not asserted here (shared machine).
describe('a 5,000-row programme spreadsheet', () => {
  it.each([
    ['XLSX', 'programme.xlsx', largeSecondmentsXlsx],
    ['semicolon CSV', 'programme.csv', largeSecondmentsCsv],
  ])('reads and validates every row of the %s', async (_, name, make) => {
    const path = join(mkdtempSync(join(tmpdir(), 'lens-import-large-')), name);
    writeFileSync(path, make(5000));
    const result = validateSecondments(await readTable(path), { dateFormat: 'DD/MM/YYYY' });
    expect(result.rejected).toEqual([]);
    expect(result.accepted).toHaveLength(5000);
    expect(result.accepted.at(-1)).toMatchObject({
      rowNumber: 5001,
      value: { direction: 'outbound', clientName: 'Client 99', person: { name: 'Person 4999' }, status: 'ended-early', plannedStart: '2021-05-19', plannedEnd: '2021-11-15' },
    });
    expect(result.accepted[0]!.value.objectives).toHaveLength(3);
  });
});
