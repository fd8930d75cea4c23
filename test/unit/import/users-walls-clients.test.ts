import { describe, expect, it } from 'vitest';
import { readTable } from '../../../server/import/read-table';
import { clientNaturalKey, validateClients } from '../../../server/import/specs/clients';
import { userNaturalKey, validateUsers } from '../../../server/import/specs/users';
import { validateWalls, wallNaturalKey } from '../../../server/import/specs/walls';
import { fixture } from './fixture-path';
import { csvTable, reasonsByRow as reasons } from './make-table';


describe('users from a tab-separated directory export', async () => {
  const result = validateUsers(await readTable(fixture('users.tsv')));

  it('reads names, lower-cased emails, roles from HR words, and titles', () => {
    expect(result.accepted.map((a) => [a.rowNumber, a.value])).toEqual([
      [2, { name: 'Eleanor Marsh', email: 'eleanor.marsh@firm.example', role: 'lawyer', title: 'Partner, Commercial' }],
      [3, { name: 'Priya Shah', email: 'priya.shah@firm.example', role: 'bd', title: 'BD Manager' }],
      [4, { name: 'Rui Costa', email: 'rui.costa@firm.example', role: 'risk', title: 'Head of Risk' }],
    ]);
  });

  it('rejects a bad email, the same email in other case, an unknown role', () => {
    expect(reasons(result)).toEqual({
      5: 'email: not an email address',
      6: 'duplicate of row 2 (same email; other columns differ)',
      7: 'role: "Intern" is not a known role (lawyer, bd, risk)',
    });
  });

  it('keys users on the email, case aside', () => {
    expect(userNaturalKey({ name: 'A', email: 'A@X.example', role: 'bd', title: '' })).toBe(userNaturalKey({ name: 'B', email: 'a@x.example', role: 'lawyer', title: 'x' }));
  });

  it('names the missing role column', () => {
    expect(() => validateUsers(csvTable(['Name', 'Email'], ['Ada', 'a@x.example']))).toThrow(/lacks a required column: "role"/);
  });
});

describe('walls from a conflicts-system export', async () => {
  const result = validateWalls(await readTable(fixture('walls.csv')));

  it('emits the client as the row gives it (id, name or both) and ignores other columns', () => {
    expect(result.accepted.map((a) => a.value)).toEqual([
      { userEmail: 'sam.okafor@firm.example', clientId: 'c-harbor-biotech', clientName: 'Harbor Biotech' },
      { userEmail: 'priya.shah@firm.example', clientId: null, clientName: 'Kestrel Bank, plc' },
    ]);
  });

  it('rejects a duplicate (email case aside), a row with no client, a bad email', () => {
    expect(reasons(result)).toEqual({
      4: 'duplicate of row 2 (same user and client; other columns differ)',
      5: 'client: no client id or client name',
      6: 'user email: not an email address',
    });
  });

  it('keys walls on user and client id, or client name when there is no id', () => {
    const byName = { userEmail: 'a@x.example', clientId: null, clientName: 'Acme  Ltd' };
    expect(wallNaturalKey(byName)).toBe(wallNaturalKey({ ...byName, userEmail: 'A@X.example', clientName: 'acme ltd' }));
    expect(wallNaturalKey(byName)).not.toBe(wallNaturalKey({ ...byName, clientId: 'acme-ltd' }));
  });

  it('needs a client id or a client name column', () => {
    expect(() => validateWalls(csvTable(['User email', 'Reason'], ['a@x.example', 'x']))).toThrow(/"client id" \(or .*\) or "client name"/);
  });

  it('refuses a client id the contract would refuse', () => {
    expect(reasons(validateWalls(csvTable(['Email', 'Client ID'], ['a@x.example', 'C 42 / Acme'])))).toEqual({ 2: 'client: only letters, digits and _ . : - are allowed' });
  });
});

describe('clients from a CRM export', async () => {
  const result = validateClients(await readTable(fixture('clients.csv')));

  it('maps PMS id columns to ExternalRecords in the form the page adapters report', () => {
    expect(result.accepted[0]!.value).toEqual({
      clientId: 'c-northwind',
      name: 'Northwind Logistics',
      industry: 'Logistics',
      externalIds: [
        { system: 'clio', kind: 'contact', externalId: '1001', tenant: 'app.clio.com' },
        { system: 'clio', kind: 'matter', externalId: '5001', tenant: 'app.clio.com' },
        { system: 'clio', kind: 'matter', externalId: '5002', tenant: 'app.clio.com' },
        // 15-character id made 18, My Domain URL made the tenant name, as the Salesforce adapter does.
        { system: 'salesforce', kind: 'client', externalId: '001Dn00000AbCdEIAV', tenant: 'acme' },
        { system: 'hubspot', kind: 'client', externalId: '12345001', tenant: '4455667' },
      ],
    });
    expect(result.accepted[1]!.value).toEqual({ clientId: 'c-aldgate-foods', name: 'Aldgate Foods', industry: 'Food & drink', externalIds: [] });
  });

  it('rejects a bad PMS id, a duplicate client id, a client with no name', () => {
    expect(reasons(result)).toEqual({
      3: 'Salesforce Account ID: "001XYZ" is not an id (a Salesforce id has 15 or 18 letters and digits)',
      4: 'duplicate of row 2 (same client id, or name where there is no id; other columns differ)',
      5: 'name: empty',
    });
  });

  it.each([
    ['Dynamics account id', '{6F9619FF-8B86-D011-B42D-00C04FC964FF}', 'Dynamics host', 'https://contoso.crm4.dynamics.com/main.aspx',
      { system: 'dynamics365', kind: 'client', externalId: '6f9619ff-8b86-d011-b42d-00c04fc964ff', tenant: 'contoso.crm4.dynamics.com' }],
    ['DealCloud deal id', '778', 'DealCloud site', 'acme.dealcloud.com', { system: 'dealcloud', kind: 'matter', externalId: '778', tenant: 'acme' }],
    ['MyCase case id', '42', 'MyCase firm', 'https://smithlaw.mycase.com/', { system: 'mycase', kind: 'matter', externalId: '42', tenant: 'smithlaw' }],
    ['Filevine project id', '9001', 'Filevine host', 'app.filevine.com', { system: 'filevine', kind: 'matter', externalId: '9001', tenant: 'app' }],
    ['Actionstep action id', '314', 'Notes', 'n/a', { system: 'actionstep', kind: 'matter', externalId: '314', tenant: null }],
    ['SFDC Opportunity ID', '006Dn00000AbCdE', 'Salesforce instance', 'acme--uat.sandbox.my.salesforce.com',
      { system: 'salesforce', kind: 'matter', externalId: '006Dn00000AbCdEIAV', tenant: 'acme--uat' }],
  ])('reads a "%s" column', (idHeader, id, tenantHeader, tenant, record) => {
    const result = validateClients(csvTable(['Name', idHeader, tenantHeader], ['Acme', id, tenant]));
    expect(result.rejected).toEqual([]);
    expect(result.accepted[0]!.value.externalIds).toEqual([record]);
  });

  it('leaves columns that name no system and record alone', () => {
    const result = validateClients(csvTable(['Name', 'Clio notes', 'Salesforce owner', 'Partner id'], ['Acme', 'x', 'y', 'z']));
    expect(result.accepted[0]!.value.externalIds).toEqual([]);
  });

  it('keys clients on the client id, or the name when there is none', () => {
    const base = { clientId: null, name: 'Acme  Ltd', industry: '', externalIds: [] };
    expect(clientNaturalKey(base)).toBe(clientNaturalKey({ ...base, name: 'ACME ltd' }));
    expect(clientNaturalKey({ ...base, clientId: 'c-1' })).toBe(clientNaturalKey({ ...base, clientId: 'c-1', name: 'Other' }));
  });
});
