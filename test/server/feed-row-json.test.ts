// The feed's clients, needs and secondments as SQLite writes their JSON (feed-row-json.ts) must be exactly what
// the row mappers give for the same rows: over a generated book, and over the rows' rarer shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED_NEED_TITLE } from '../../lib/contract';
import { DEMO_TOKENS, DEMO_USERS } from '../../server/demo/demo-ids';
import { seedLargeBook } from '../../server/demo/large-book';
import type { RunningServer } from '../../server/start-server';
import { CLIENT_JSON, NEED_JSON, SECONDMENT_JSON } from '../../server/store/feed-row-json';
import { type ClientRow, type MappingRow, type NeedRow, type SecondmentRow, toClient, toNeed, toSecondment } from '../../server/store/rows';
import { ChangeJson } from '../../server/store/feed-page-json';
import { client, start, tempDir, wholeFeed } from './helpers';

const tmp = tempDir();
let server: RunningServer;

beforeAll(async () => {
  server = await start(tmp.file(), { seed: true });
  await seedLargeBook(server.store, { clients: 2_000, secondments: 600, needs: 6_000 });
  const sql = server.store.sql;
  // The shapes a generated book may not hold: empty and NULL optional fields, stored JSON, versions.
  const needs = await sql.all<{ id: string }>(`SELECT id FROM needs ORDER BY seq LIMIT 4`);
  await sql.run(`UPDATE needs SET owner_user_id = 'u-x', owner_name = '', matter_json = NULL, confidential = 1 WHERE id = ?`, [needs[0]!.id]);
  await sql.run(`UPDATE needs SET owner_user_id = NULL, owner_name = 'Dana Q', matter_json = '{"number":"M-1","title":"Panel \\"review\\" ✓"}',
    status_changed_by_user_id = 'u-y', status_changed_by_name = 'Lee', status_changed_at = '2026-11-02T10:00:00.000Z', version = 7 WHERE id = ?`, [needs[1]!.id]);
  await sql.run(`UPDATE needs SET matter_json = '', detail = 'line one
line two	tab \\ backslash', title = 'Ünïcödé 𝄞' WHERE id = ?`, [needs[2]!.id]);
  const clients = await sql.all<{ id: string }>(`SELECT id FROM clients ORDER BY seq LIMIT 2`);
  await sql.run(`INSERT INTO mappings (id, client_id, system, kind, external_id, tenant) VALUES ('m-extra-1', ?, 'hubspot', 'company', '77', NULL),
    ('m-extra-2', ?, 'clio', 'matter', '9"9', 'firm-eu')`, [clients[0]!.id, clients[0]!.id]);
  await sql.run(`DELETE FROM mappings WHERE client_id = ?`, [clients[1]!.id]);
  const placements = await sql.all<{ id: string }>(`SELECT id FROM secondments ORDER BY seq LIMIT 3`);
  await sql.run(`UPDATE secondments SET host_contact_json = '', review_json = NULL, firm_mentor_user_id = 'u-m', firm_mentor_name = '',
    actual_end = NULL, objectives_json = '[]' WHERE id = ?`, [placements[0]!.id]);
  await sql.run(`UPDATE secondments SET host_contact_json = '{"name":"Kim","email":"kim@example.com"}', review_json = '{"rating":4,"notes":"ok"}',
    firm_mentor_user_id = NULL, firm_mentor_name = 'Sam', actual_end = '2026-10-01', version = 3 WHERE id = ?`, [placements[1]!.id]);
});
afterAll(async () => {
  await server?.close();
  tmp.remove();
});

describe('the feed rows SQLite writes as JSON', () => {
  it('every client is the mapper’s client, its external records in the order they were linked', async () => {
    const rows = await server.store.sql.all<ClientRow & { json: string }>(`SELECT *, ${CLIENT_JSON} AS json FROM clients ORDER BY seq`);
    const mappings = await server.store.sql.all<MappingRow>(`SELECT * FROM mappings ORDER BY rowid`);
    const byClient = new Map<string, MappingRow[]>();
    for (const m of mappings) byClient.set(m.client_id, [...(byClient.get(m.client_id) ?? []), m]);
    expect(rows.length).toBeGreaterThan(2_000);
    expect([...byClient.values()].some((list) => list.length > 1)).toBe(true);
    expect(rows.some((r) => !byClient.has(r.id))).toBe(true);
    // The very text JSON.stringify gives (key order too): only such a text is sent as it is.
    for (const row of rows) expect(row.json, row.id).toBe(JSON.stringify(toClient(row, byClient.get(row.id) ?? [])));
  });

  it('every need is the mapper’s need, key for key', async () => {
    const rows = await server.store.sql.all<NeedRow & { json: string | null }>(`SELECT *, ${NEED_JSON} AS json FROM needs ORDER BY seq`);
    expect(rows.length).toBeGreaterThan(6_000);
    for (const row of rows) expect(row.json, row.id).toBe(JSON.stringify(toNeed(row)));
  });

  it('every secondment is the mapper’s secondment, key for key', async () => {
    const rows = await server.store.sql.all<SecondmentRow & { json: string | null }>(`SELECT *, ${SECONDMENT_JSON} AS json FROM secondments ORDER BY seq`);
    expect(rows.length).toBeGreaterThan(600);
    for (const row of rows) expect(row.json, row.id).toBe(JSON.stringify(toSecondment(row)));
  });

  it('a row whose stored JSON cannot be read is NULL, where the mapper throws', async () => {
    const cases = [
      ['needs', NEED_JSON, 'matter_json', '{"number":', (r: NeedRow) => toNeed(r)],
      ['secondments', SECONDMENT_JSON, 'objectives_json', '[{', (r: SecondmentRow) => toSecondment(r)],
      ['secondments', SECONDMENT_JSON, 'objectives_json', '', (r: SecondmentRow) => toSecondment(r)],
      ['secondments', SECONDMENT_JSON, 'host_contact_json', '{x}', (r: SecondmentRow) => toSecondment(r)],
      ['secondments', SECONDMENT_JSON, 'review_json', 'nope', (r: SecondmentRow) => toSecondment(r)],
    ] as const;
    for (const [table, json, column, value, map] of cases) {
      const [row] = await server.store.sql.all<{ id: string; v: string | null }>(`SELECT id, ${column} AS v FROM ${table} ORDER BY seq LIMIT 1 OFFSET 5`);
      await server.store.sql.run(`UPDATE ${table} SET ${column} = ? WHERE id = ?`, [value, row!.id]);
      try {
        const [broken] = await server.store.sql.all<NeedRow & SecondmentRow & { json: string | null }>(`SELECT *, ${json} AS json FROM ${table} WHERE id = ?`, [row!.id]);
        expect(broken!.json, `${table}.${column} = ${value}`).toBeNull();
        expect(() => map(broken!)).toThrow();
      } finally {
        await server.store.sql.run(`UPDATE ${table} SET ${column} = ? WHERE id = ?`, [row!.v, row!.id]);
      }
    }
  });
});

describe('the feed over SQLite\'s JSON rows', () => {
  it('remembers the texts that passed, and a confidential need stays redacted for a reader after BD read it in full', async () => {
    const [secret] = await server.store.sql.all<{ id: string; identified_by_user_id: string | null }>(
      `SELECT id, identified_by_user_id FROM needs WHERE confidential = 1 ORDER BY seq LIMIT 1`);
    expect(secret!.identified_by_user_id).not.toBe(DEMO_USERS.partner.id);
    const bdSees = (await wholeFeed(client(server, DEMO_TOKENS.bd))).find((c) => c.type === 'need.upsert' && c.need.id === secret!.id);
    expect(bdSees?.type === 'need.upsert' && bdSees.need.confidential && !bdSees.need.redacted).toBe(true);
    // BD's feed put the need's full text in the endpoint's memory; the partner must still get it redacted.
    const { page } = await server.store.changes({ id: DEMO_USERS.bd.id, role: 'bd' }, 0, 5000);
    expect(page.changes.filter((c) => c instanceof ChangeJson).length).toBeGreaterThan(page.changes.length * 0.9);
    const partnerSees = (await wholeFeed(client(server, DEMO_TOKENS.partner))).find((c) => c.type === 'need.upsert' && c.need.id === secret!.id);
    expect(partnerSees).toMatchObject({ need: { title: REDACTED_NEED_TITLE, detail: '', redacted: true } });
  });

  it('a text column holding a BLOB, and a client without an id, are left out; everyone else\'s page goes on', async () => {
    const [need] = await server.store.sql.all<{ id: string }>(`SELECT id FROM needs ORDER BY seq LIMIT 1 OFFSET 7`);
    await server.store.sql.run(`UPDATE needs SET title = CAST(title AS BLOB) WHERE id = ?`, [need!.id]); // json_object refuses a BLOB
    await server.store.sql.run(`INSERT INTO clients (id, name, industry, created_seq, seq) VALUES (NULL, 'No id', 'Retail', 1, 2)`);
    try {
      for (const token of [DEMO_TOKENS.bd, DEMO_TOKENS.partner]) {
        const changes = await wholeFeed(client(server, token));
        expect(changes.some((c) => c.type === 'need.upsert' && c.need.id === need!.id)).toBe(false);
        expect(changes.some((c) => c.type === 'client.upsert' && c.client.name === 'No id')).toBe(false);
        expect(changes.filter((c) => c.type === 'need.upsert').length).toBeGreaterThan(6_000);
      }
      const skipped = await server.store.sql.all<{ target: string }>(`SELECT target FROM audit WHERE action = 'feed.skipped'`);
      expect(skipped.map((r) => r.target)).toEqual(expect.arrayContaining([expect.stringMatching(/^need at \d+: need\.title/), expect.stringMatching(/^client at 2: client\.id/)]));
    } finally {
      await server.store.sql.run(`UPDATE needs SET title = CAST(title AS TEXT) WHERE id = ?`, [need!.id]);
      await server.store.sql.run(`DELETE FROM clients WHERE id IS NULL`);
    }
  });
});
