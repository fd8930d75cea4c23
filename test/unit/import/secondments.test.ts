import { describe, expect, it } from 'vitest';
import { readHeaderMapping } from '../../../server/import/mapping';
import { readTable } from '../../../server/import/read-table';
import { parseObjectives } from '../../../server/import/specs/objectives';
import { SECONDMENTS_SPEC, secondmentNaturalKey, validateSecondments, type SecondmentRow } from '../../../server/import/specs/secondments';
import { fixture } from './fixture-path';
import { csvTable, reasonsByRow as reasons } from './make-table';


describe('secondments from the semicolon CSV (BOM, CRLF, DD/MM/YYYY)', async () => {
  const result = validateSecondments(await readTable(fixture('secondments-semicolon-bom-crlf.csv')), { dateFormat: 'DD/MM/YYYY' });

  it('accepts the good rows and rejects each bad one with its row number and reason', () => {
    expect(result.accepted.map((a) => a.rowNumber)).toEqual([2, 3, 5, 11]);
    expect(reasons(result)).toEqual({
      6: 'duplicate of row 2 (same client, secondee, planned start and direction; other columns differ)',
      7: 'secondee: empty',
      8: 'planned end: 2026-01-31 is before the planned start 2026-04-01',
      9: 'planned start: "31/02/2026" is not a real date in DD/MM/YYYY',
      10: 'status: "Paused" is not a known status (planned, active, completed, ended-early)',
    });
    expect(result.rejected.find((r) => r.rowNumber === 7)!.raw[1]).toBe('Harbor Biotech');
  });

  it('maps the spreadsheet words to the contract: outbound/inbound, in progress, finished, at cost', () => {
    const value = (n: number) => result.accepted.find((a) => a.rowNumber === n)!.value;
    expect(value(2)).toMatchObject({ direction: 'outbound', status: 'active', billingBasis: 'flat-fee', plannedStart: '2026-09-01', plannedEnd: '2027-05-31' });
    expect(value(3)).toMatchObject({ direction: 'reverse', billingBasis: 'no-charge', hostContact: { name: 'Eleanor Marsh', title: '' } });
    expect(value(5)).toMatchObject({ status: 'completed', billingBasis: 'cost-recovery', actualEnd: '2025-06-30' });
    expect(value(11)).toMatchObject({ person: { name: 'Zoë Müller', title: 'Counsel', email: null }, status: 'ended-early' });
  });

  it('splits the objectives cell on line breaks and semicolons, with "status: text" forms', () => {
    expect(result.accepted[0]!.value.objectives).toEqual([
      { category: 'relationship', description: 'Learn the procurement cycle', status: 'met' },
      { category: 'business-development', description: 'Find two new matters', status: 'open' },
      { category: 'knowledge-exchange', description: 'Run a "GDPR in practice" session', status: 'in-progress' },
    ]);
    expect(result.accepted[0]!.value.checkIns).toEqual({ last: '2026-11-15', nextDue: '2026-12-15' });
  });

  it('reads the review ("most: …") and the reintegration plan', () => {
    expect(result.accepted.find((a) => a.rowNumber === 5)!.value).toMatchObject({
      review: { objectivesMet: 'most', summary: 'Strong feedback from the GC; asked for a repeat' },
      reintegrationPlan: "Back to Commercial; share the bank's playbook",
    });
  });
});

describe('secondments from the XLSX with merged headers', async () => {
  const result = validateSecondments(await readTable(fixture('secondments-merged-header.xlsx')), { dateFormat: 'DD/MM/YYYY' });

  it('accepts and rejects by the row numbers Excel shows', () => {
    expect(result.accepted.map((a) => a.rowNumber)).toEqual([5, 8, 12]);
    expect(reasons(result)).toEqual({
      9: 'duplicate of row 5 (same client, secondee, planned start and direction; other columns differ)',
      10: 'planned start: "31/02/2026" is not a real date in DD/MM/YYYY',
      11: 'status: "On hold" is not a known status (planned, active, completed, ended-early)',
    });
  });

  it('reads the merged groups, date cells, a serial date and client numbers stored as text', () => {
    expect(result.accepted[0]!.value).toMatchObject({ clientId: '1001', plannedStart: '2026-09-01', checkIns: { last: '2026-11-15', nextDue: '2026-12-15' } });
    expect(result.accepted[2]!.value).toMatchObject({
      clientId: '1004', clientName: 'Aldgate Foods', plannedStart: '2026-03-01', plannedEnd: '2026-06-30', actualEnd: '2026-06-12',
      status: 'completed', review: { objectivesMet: 'all', summary: 'Excellent' }, reintegrationPlan: 'Rejoin Regulatory',
    });
  });
});

describe('the same secondments written day-first and month-first', () => {
  it('give the same rows, each read in the format given', async () => {
    const dmy = validateSecondments(await readTable(fixture('secondments-dmy.csv')), { dateFormat: 'DD/MM/YYYY' });
    const mdy = validateSecondments(await readTable(fixture('secondments-mdy.csv')), { dateFormat: 'MM/DD/YYYY' });
    expect(dmy.rejected).toEqual([]);
    expect(dmy.accepted.map((a) => a.value)).toEqual(mdy.accepted.map((a) => a.value));
    expect(dmy.accepted[0]!.value).toMatchObject({ plannedStart: '2026-04-03', plannedEnd: '2026-09-30', checkIns: { last: '2026-06-05' } });
  });

  it('are never guessed: without a format every slashed date is a rejected row', async () => {
    const result = validateSecondments(await readTable(fixture('secondments-dmy.csv')));
    expect(result.accepted).toEqual([]);
    expect(result.rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^planned start: "03\/04\/2026" could be day-first or month-first.*; planned end: "30\/09\/2026" could be/),
      expect.stringMatching(/^planned start: "12\/01\/2026" could be/),
      expect.stringMatching(/^planned start: "02\/11\/2025" could be/),
    ]);
  });

  it('read in the wrong order, are rejected where no such day exists', async () => {
    const result = validateSecondments(await readTable(fixture('secondments-dmy.csv')), { dateFormat: 'MM/DD/YYYY' });
    expect(reasons(result)[2]).toMatch(/planned end: "30\/09\/2026" is not a real date in MM\/DD\/YYYY/);
  });
});

describe('secondments with a mapping file', () => {
  it('finds columns no synonym knows', async () => {
    const table = await readTable(fixture('secondments-odd-headers.csv'));
    expect(() => validateSecondments(table)).toThrow(/lacks required columns: "direction".*"secondee".*Headers found: "Way", "Host org", "Placed person"/);
    const mapping = await readHeaderMapping(fixture('odd-headers.map.json'), SECONDMENTS_SPEC.fields);
    const result = validateSecondments(table, { mapping });
    expect(result.rejected).toEqual([]);
    expect(result.accepted[0]!.value).toMatchObject({ direction: 'outbound', clientName: 'Northwind Logistics', person: { name: 'Sam Okafor' }, plannedStart: '2026-09-01', status: 'active', billingBasis: 'flat-fee' });
  });
});

describe('secondment rows', () => {
  const HEADERS = ['Type', 'Host', 'Lawyer', 'Email', 'Start', 'End', 'Actual end', 'State', 'Fee basis', 'Objectives', 'Review', 'Objectives met'];
  const row = (over: Partial<Record<string, string>> = {}) =>
    HEADERS.map((h) => over[h] ?? ({ Type: 'outbound', Host: 'Acme', Lawyer: 'Ada Lane', Start: '2026-01-05', End: '2026-06-30', State: 'planned', 'Fee basis': 'flat fee' } as Record<string, string>)[h] ?? '');
  const one = (over: Partial<Record<string, string>>) => validateSecondments(csvTable(HEADERS, row(over)));

  it.each([
    ['in progress', 'active'], ['Ongoing', 'active'], ['finished', 'completed'], ['Terminated early', 'ended-early'], ['ENDED-EARLY', 'ended-early'], ['Proposed', 'planned'],
  ])('reads status "%s" as %s', (word, status) => {
    expect(one({ State: word }).accepted[0]!.value.status).toBe(status);
  });

  it.each([['Secondment', 'outbound'], ['Inbound', 'reverse'], ['reverse secondment', 'reverse'], ['OUTBOUND', 'outbound']])('reads direction "%s" as %s', (word, direction) => {
    expect(one({ Type: word }).accepted[0]!.value.direction).toBe(direction);
  });

  it('lists every problem of a row in one reason', () => {
    const result = one({ Type: 'sideways', Lawyer: '  ', State: '', 'Fee basis': 'barter', Email: 'ada@' });
    expect(result.rejected[0]!.reason).toBe(
      'direction: "sideways" is not a known direction (outbound, reverse); secondee: empty; status: empty (planned, active, completed, ended-early); billing basis: "barter" is not a known billing basis (flat-fee, hourly, cost-recovery, no-charge)',
    );
  });

  it('checks what the contract checks: an email, lengths', () => {
    expect(one({ Email: 'ada@' }).rejected[0]!.reason).toBe('secondee email: not an email address');
    expect(one({ Lawyer: 'x'.repeat(201) }).rejected[0]!.reason).toBe('secondee: longer than 200 characters');
  });

  it('rejects an actual end before the start, and keeps the secondee email lower-case', () => {
    expect(one({ 'Actual end': '2025-12-31' }).rejected[0]!.reason).toBe('actual end: 2025-12-31 is before the planned start 2026-01-05');
    expect(one({ Email: 'Ada.Lane@Firm.example' }).accepted[0]!.value.person.email).toBe('ada.lane@firm.example');
  });

  it('takes the review answer from its own column or before the colon, and wants one', () => {
    expect(one({ Review: 'Great', 'Objectives met': 'Mostly' }).accepted[0]!.value.review).toEqual({ objectivesMet: 'most', summary: 'Great' });
    expect(one({ 'Objectives met': 'all' }).accepted[0]!.value.review).toEqual({ objectivesMet: 'all', summary: '' });
    expect(one({ Review: 'Great' }).rejected[0]!.reason).toMatch(/^review: say whether the objectives were met/);
    expect(one({ Review: 'some: Mixed', 'Objectives met': 'all' }).rejected[0]!.reason).toBe('review: says "some" but objectives met says all');
  });

  it('matches duplicates on client, secondee, planned start and direction, case and spacing aside', () => {
    const table = csvTable(HEADERS, row(), row({ Host: ' ACME ', Lawyer: 'ada  lane' }), row({ Type: 'reverse' }), row({ Start: '2026-01-06' }));
    const result = validateSecondments(table);
    expect(result.accepted.map((a) => a.rowNumber)).toEqual([2, 4, 5]);
    expect(result.rejected).toEqual([{ rowNumber: 3, reason: 'duplicate of row 2 (same client, secondee, planned start and direction; other columns differ)', raw: row({ Host: ' ACME ', Lawyer: 'ada  lane' }) }]);
  });

  it('does not count a rejected row as the first of a pair', () => {
    const result = validateSecondments(csvTable(HEADERS, row({ State: 'paused' }), row()));
    expect(result.accepted.map((a) => a.rowNumber)).toEqual([3]);
  });

  it('exports its natural key', () => {
    const a = one({}).accepted[0]!.value;
    const b: SecondmentRow = { ...a, clientName: 'acme', person: { ...a.person, name: 'ADA LANE' }, status: 'active' };
    expect(secondmentNaturalKey(a)).toBe(secondmentNaturalKey(b));
    expect(secondmentNaturalKey(a)).not.toBe(secondmentNaturalKey({ ...a, plannedStart: '2026-01-06' }));
    expect(secondmentNaturalKey(a)).not.toBe(secondmentNaturalKey({ ...a, clientId: 'c-acme' }));
  });
});

describe('parseObjectives', () => {
  it.each([
    ['one per line, bullets dropped', '- Learn X\n• Meet Y\r\n2) Do Z', [['relationship', 'Learn X', 'open'], ['relationship', 'Meet Y', 'open'], ['relationship', 'Do Z', 'open']]],
    ['status and category before a colon, either order', 'BD, met: Win a matter; not met / skills: Learn SAP', [['business-development', 'Win a matter', 'met'], ['skills', 'Learn SAP', 'not-met']]],
    ['a colon that is part of the text', 'Note: ask about the tender', [['relationship', 'Note: ask about the tender', 'open']]],
    ['nothing', '  ', []],
  ])('%s', (_, cell, expected) => {
    const { objectives, problems } = parseObjectives(cell);
    expect(problems).toEqual([]);
    expect(objectives.map((o) => [o.category, o.description, o.status])).toEqual(expected);
  });

  it('refuses more objectives than the contract allows, and an empty objective', () => {
    expect(parseObjectives(Array.from({ length: 51 }, (_, i) => `Goal ${i}`).join(';')).problems).toEqual(['51 objectives, more than 50']);
    expect(parseObjectives('met:').problems).toEqual(['objective "met:" has no text']);
  });
});
