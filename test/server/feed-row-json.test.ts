// The feed's clients, needs and secondments as SQLite writes their JSON (feed-row-json.ts) must be exactly what
// the row mappers give for the same rows: over a generated book, and over the rows' rarer shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLargeBook } from '../../server/demo/large-book';
import type { RunningServer } from '../../server/start-server';
import { CLIENT_JSON, NEED_JSON, SECONDMENT_JSON } from '../../server/store/feed-row-json';
import { type ClientRow, type MappingRow, type NeedRow, type SecondmentRow, toClient, toNeed, toSecondment } from '../../server/store/rows';
import { start, tempDir } from './helpers';

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
    for (const row of rows) expect(JSON.parse(row.json), row.id).toStrictEqual(toClient(row, byClient.get(row.id) ?? []));
  });

  it('every need is the mapper’s need, key for key', async () => {
    const rows = await server.store.sql.all<NeedRow & { json: string | null }>(`SELECT *, ${NEED_JSON} AS json FROM needs ORDER BY seq`);
    expect(rows.length).toBeGreaterThan(6_000);
    for (const row of rows) expect(JSON.parse(row.json!), row.id).toStrictEqual(toNeed(row));
  });

  it('every secondment is the mapper’s secondment, key for key', async () => {
    const rows = await server.store.sql.all<SecondmentRow & { json: string | null }>(`SELECT *, ${SECONDMENT_JSON} AS json FROM secondments ORDER BY seq`);
    expect(rows.length).toBeGreaterThan(600);
    for (const row of rows) expect(JSON.parse(row.json!), row.id).toStrictEqual(toSecondment(row));
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
