import { describe, expect, it } from 'vitest';
import { matchColumns, normaliseHeader, type FieldSpec } from '../../../server/import/headers';
import { parseHeaderMapping } from '../../../server/import/mapping';
import { ImportFileError } from '../../../server/import/table';

const FIELDS: FieldSpec[] = [
  { key: 'secondee', label: 'secondee', required: true, synonyms: ['lawyer', 'name', 'person'] },
  { key: 'clientId', label: 'client id', synonyms: ['client number'] },
  { key: 'clientName', label: 'client', synonyms: ['client name', 'host', 'organisation'] },
  { key: 'plannedStart', label: 'planned start', required: true, synonyms: ['start', 'from'] },
];
const ONE_CLIENT = { oneOf: [['clientId', 'clientName']] };
const columnsOf = (headers: string[], options = {}) => Object.fromEntries(matchColumns(headers, FIELDS, { ...ONE_CLIENT, ...options }));

describe('normaliseHeader', () => {
  it('ignores case, spacing, punctuation and accents', () => {
    for (const h of ['Planned start', '  PLANNED_START ', 'planned-start', 'Plannéd  Start', 'plannedStart']) {
      expect(normaliseHeader(h)).toBe('plannedstart');
    }
    expect(normaliseHeader('Risk & Compliance')).toBe('riskandcompliance');
  });
});

describe('matchColumns', () => {
  it('finds fields by key, label or synonym, case- and space-insensitively', () => {
    expect(columnsOf(['LAWYER', ' Organisation ', 'From'])).toEqual({ secondee: 0, clientName: 1, plannedStart: 2 });
    expect(columnsOf(['Client Number', 'Planned  Start', 'Secondee'])).toEqual({ clientId: 0, plannedStart: 1, secondee: 2 });
  });

  it('prefers the earlier synonym when several headers fit, and gives each column to one field', () => {
    expect(columnsOf(['Name', 'Lawyer', 'Host', 'Start'])).toEqual({ secondee: 1, clientName: 2, plannedStart: 3 });
  });

  it('takes columns named by a mapping first, then finds the rest by synonyms', () => {
    const columns = columnsOf(['Placed person', 'Name', 'Kick-off', 'Host'], { mapping: { secondee: 'placed person', 'Planned start': 'Kick-off' } });
    expect(columns).toEqual({ secondee: 0, plannedStart: 2, clientName: 3 });
  });

  it('names every missing required column and the headers found, in one error', () => {
    const read = () => columnsOf(['Client', 'Notes']);
    expect(read).toThrow(ImportFileError);
    expect(read).toThrow(/lacks required columns: "secondee" \(or "lawyer", "name", "person"\); "planned start" \(or "start", "from"\)\. Headers found: "Client", "Notes"\./);
  });

  it('names a group of which one column is needed', () => {
    expect(() => columnsOf(['Secondee', 'Start'])).toThrow(/lacks a required column: "client id" \(or "client number"\) or "client" \(or "client name", "host", "organisation"\)/);
  });

  it('refuses a mapping to a column the file does not have', () => {
    expect(() => columnsOf(['Secondee', 'Start', 'Client'], { mapping: { clientName: 'Host org' } })).toThrow(
      /puts client in a column "Host org", which the file does not have\. Headers found: "Secondee", "Start", "Client"/,
    );
  });
});

describe('parseHeaderMapping', () => {
  it('accepts { "<our field>": "<their header>" } with field keys or labels', () => {
    expect(parseHeaderMapping({ secondee: 'Fee earner', 'planned start': 'Kick-off' }, FIELDS)).toEqual({ secondee: 'Fee earner', 'planned start': 'Kick-off' });
  });

  it.each([
    ['an array', ['secondee'], /expected record/],
    ['a header that is not text', { secondee: 3 }, /expected string/],
    ['an empty header', { secondee: '  ' }, /a header is empty/],
    ['a field this import does not have', { sponsor: 'Partner' }, /unknown field "sponsor"/],
  ])('refuses %s, listing the fields', (_, json, reason) => {
    const parse = () => parseHeaderMapping(json, FIELDS, 'map.json');
    expect(parse).toThrow(reason);
    expect(parse).toThrow(/fields among: secondee, clientId, clientName, plannedStart/);
  });
});
