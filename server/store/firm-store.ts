import { randomBytes, randomUUID } from 'node:crypto';
import type {
  CandidateFlag, CheckIn, Client, ClientSummary, ExternalRecord, Mapping, Need, ParsedNewNeed, PmsSystem,
  RecordKind, Secondment, UserRole,
} from '../../lib/contract';
import { AuditLog } from './audit-log';
import { createChangesReader, type SkippedChange } from './changes-feed';
import type { FeedPage } from './feed-page-json';
import { type Dialect, pluck, SqlDatabase, statement } from './database';
import { migrate } from './migrations';
import { migratePostgres } from './migrations-postgres';
import {
  needParams, secondmentParams, toClient, toFlag, toMapping, toNeed, toSecondment,
  type ClientRow, type FlagRow, type MappingRow, type NeedRow, type SecondmentRow, type Viewer,
} from './rows';
import { type StoredUser, UserDirectory } from './user-directory';

export type { StoredUser };
export type NewUser = StoredUser & { token: string };
export type Counts = { clients: number; secondments: number; needs: number; flags: number };
export type ResolveQuery = { system: PmsSystem; kind: RecordKind; externalId: string; tenant?: string | null };
export type ClientData = { client: Client; secondments: Secondment[]; needs: Need[]; candidateFlag: CandidateFlag | null };

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'mismatch' }
  | { kind: 'in-flight' }
  | { kind: 'replay'; status: number; body: string; headers: Record<string, string> };

export { hashToken } from './user-directory';

/** Brings either database up to `target` (default: latest); the versions applied. */
export async function migrateDatabase(db: SqlDatabase, target?: number): Promise<number[]> {
  return db.sqlite ? migrate(db.sqlite, target) : migratePostgres(db, target);
}

/** A fresh opaque version for a candidate flag (its ETag). */
const newFlagVersion = () => randomBytes(9).toString('base64url');

const PERSON_PLACEHOLDER = { id: '', name: '' };

/**
 * Data access for the reference endpoint: one SQLite file (WAL) or one PostgreSQL database, migrated
 * on open, through one query layer (database.ts). Every write takes a fresh `seq` from one counter,
 * inside the writing transaction, so the delta feed can page by it (on PostgreSQL the write lock
 * makes that order the commit order). All SQL is parameterised.
 */
export class FirmStore {
  /** Users and their tokens. */
  readonly users: UserDirectory;
  /** The append-only audit trail. */
  readonly audit: AuditLog;
  private readonly readChanges: (viewer: Viewer, since: number, limit: number) => Promise<{ page: FeedPage; skipped: SkippedChange[] }>;
  private readonly s: ReturnType<typeof prepareStatements>;

  private constructor(readonly sql: SqlDatabase, readonly location: string) {
    this.readChanges = createChangesReader(sql);
    this.s = prepareStatements(sql);
    this.users = new UserDirectory(sql);
    this.audit = new AuditLog(sql);
  }

  /** Opens (and migrates) a SQLite file, ':memory:', or a `postgres://` URL. */
  static async open(location = ':memory:'): Promise<FirmStore> {
    const db = SqlDatabase.open(location);
    try {
      await migrateDatabase(db);
    } catch (err) {
      await db.close();
      throw err;
    }
    return new FirmStore(db, location);
  }

  get dialect(): Dialect {
    return this.sql.dialect;
  }

  /** Runs `fn` in one transaction (nested calls join it). */
  transaction<T>(fn: () => Promise<T>, mode: 'read' | 'write' = 'write'): Promise<T> {
    return this.sql.transaction(fn, mode);
  }

  /** Next value of the global change counter; call inside a transaction with the write it stamps. */
  async nextSeq(): Promise<number> {
    if (!this.sql.inTransaction) throw new Error('nextSeq() belongs inside the transaction of the write it stamps.');
    return (await this.s.bump.get())!;
  }

  /** Reserves `n` consecutive counter values for a bulk write (inside its transaction); the first of them. */
  async reserveSeqs(n: number): Promise<number> {
    if (!this.sql.inTransaction) throw new Error('reserveSeqs() belongs inside the transaction of the writes it stamps.');
    return (await this.sql.value<number>(`UPDATE counter SET seq = seq + ? WHERE id = 1 RETURNING seq`, [n]))! - n + 1;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.users.count()) === 0 && (await this.s.countAllClients.get()) === 0;
  }

  close(): Promise<void> {
    return this.sql.close();
  }

  // ── users ──────────────────────────────────────────────────────────────
  async insertUser(u: NewUser): Promise<void> {
    const { token, ...user } = u;
    await this.users.insert(user, token);
  }
  userByToken(token: string): Promise<StoredUser | null> {
    return this.users.byToken(token);
  }
  getUser(id: string): Promise<StoredUser | null> {
    return this.users.byId(id);
  }

  // ── practice areas ─────────────────────────────────────────────────────
  async setPracticeAreas(names: readonly string[]): Promise<void> {
    await this.transaction(async () => {
      for (const [i, n] of names.entries()) await this.s.insertPracticeArea.run(n, i);
    });
  }
  listPracticeAreas(): Promise<string[]> {
    return this.s.practiceAreas.all();
  }
  async isPracticeArea(name: string): Promise<boolean> {
    return (await this.s.isPracticeArea.get(name)) === 1;
  }

  // ── clients and their PMS records ──────────────────────────────────────
  /** A client loaded by the firm (seed, import): its links have no creator. */
  async insertClient(c: Client): Promise<void> {
    await this.transaction(async () => {
      await this.s.insertClient.run({ id: c.id, name: c.name, industry: c.industry, seq: await this.nextSeq() });
      for (const r of c.externalIds) await this.s.insertMapping.run(mappingParams(c.id, r, null));
    });
  }
  /** Ids of the clients with this name, case and surrounding space aside (imports match by name). */
  clientIdsNamed(name: string): Promise<string[]> {
    return this.s.clientIdsNamed.all(name.trim());
  }
  /** Renames or re-files a client; re-announced on the feed. */
  async updateClient(id: string, fields: { name: string; industry: string }): Promise<void> {
    await this.transaction(async () => this.s.updateClient.run({ id, name: fields.name, industry: fields.industry, seq: await this.nextSeq() }));
  }
  async getClient(id: string): Promise<Client | null> {
    const row = await this.s.clientById.get(id);
    return row ? toClient(row, await this.s.mappingsOf.all(id)) : null;
  }
  async searchClients(userId: string, query: string, limit = 50): Promise<Client[]> {
    const pattern = `%${query.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    return this.withMappings(await this.s.searchClients.all({ user: userId, pattern, limit }));
  }
  resolve(userId: string, q: ResolveQuery): Promise<ClientSummary[]> {
    return this.s.resolve.all({ user: userId, system: q.system, kind: q.kind, externalId: q.externalId, tenant: q.tenant ?? null });
  }
  /**
   * Links a PMS record to a client on behalf of `by`; `created: false` when the link already existed
   * (nothing written). The caller checks the per-client limit and the walls first.
   */
  addMapping(clientId: string, record: ExternalRecord, by: { id: string; name: string } | null = null): Promise<{ created: boolean; mapping: Mapping }> {
    return this.transaction(async () => {
      const { changes } = await this.s.insertMapping.run(mappingParams(clientId, record, by));
      if (changes > 0) await this.s.touchClient.run({ id: clientId, seq: await this.nextSeq() }); // the client's externalIds changed: re-announce it
      const row = (await this.s.mappingByRecord.get({ ...mappingParams(clientId, record, null) }))!;
      return { created: changes > 0, mapping: toMapping(row) };
    });
  }
  async countMappings(clientId: string): Promise<number> {
    return (await this.s.countMappingsOf.get(clientId)) ?? 0;
  }
  async getMapping(id: string): Promise<Mapping | null> {
    const row = await this.s.mappingById.get(id);
    return row ? toMapping(row) : null;
  }
  async listMappings(clientId: string): Promise<Mapping[]> {
    return (await this.s.mappingsOf.all(clientId)).map(toMapping);
  }
  /** Every client this exact record (any tenant when the record has none) is linked to, walls ignored. */
  clientsLinkedTo(record: ExternalRecord): Promise<string[]> {
    return this.s.clientsOfRecord.all({ system: record.system, kind: record.kind, externalId: record.externalId, tenant: record.tenant ?? null });
  }
  /** Removes one link; the client is re-announced on the feed without it. */
  deleteMapping(id: string): Promise<boolean> {
    return this.transaction(async () => {
      const row = await this.s.mappingById.get(id);
      if (!row) return false;
      await this.s.deleteMapping.run(id);
      await this.s.touchClient.run({ id: row.client_id, seq: await this.nextSeq() });
      return true;
    });
  }
  private async withMappings(rows: ClientRow[]): Promise<Client[]> {
    if (!rows.length) return [];
    const byClient = new Map<string, MappingRow[]>();
    for (const m of await this.s.mappingsOfMany.all(rows.map((r) => r.id))) {
      byClient.set(m.client_id, [...(byClient.get(m.client_id) ?? []), m]);
    }
    return rows.map((r) => toClient(r, byClient.get(r.id) ?? []));
  }

  // ── ethical walls ──────────────────────────────────────────────────────
  async isWalled(userId: string, clientId: string): Promise<boolean> {
    return (await this.s.isWalled.get(userId, clientId)) === 1;
  }
  /** The user may no longer see the client; the feed tells their cache with `access.revoke`. */
  raiseWall(userId: string, clientId: string): Promise<boolean> {
    return this.transaction(async () => {
      if (await this.isWalled(userId, clientId)) return false;
      await this.s.insertWall.run({ user: userId, client: clientId, at: new Date().toISOString(), seq: await this.nextSeq() });
      return true;
    });
  }
  /** Lifting a wall re-stamps the client's rows so that every feed delivers them again. */
  liftWall(userId: string, clientId: string): Promise<boolean> {
    return this.transaction(async () => {
      if ((await this.s.deleteWall.run(userId, clientId)).changes === 0) return false;
      await this.s.touchClient.run({ id: clientId, seq: await this.nextSeq() });
      for (const id of await this.s.reseqSecondments.all(clientId)) await this.s.setSecondmentSeq.run(await this.nextSeq(), id);
      for (const id of await this.s.reseqNeeds.all(clientId)) await this.s.setNeedSeq.run(await this.nextSeq(), id);
      await this.s.setFlagSeq.run(await this.nextSeq(), clientId);
      return true;
    });
  }

  // ── secondments ────────────────────────────────────────────────────────
  async insertSecondment(s: Secondment): Promise<void> {
    await this.transaction(async () => this.s.insertSecondment.run(secondmentParams(s, await this.nextSeq())));
  }
  async listSecondments(clientId: string): Promise<Secondment[]> {
    return (await this.s.secondmentsOf.all(clientId)).map(toSecondment);
  }
  /** The secondment an import row stands for: same client, secondee (case aside), planned start and direction. */
  async findSecondment(key: { clientId: string; personName: string; plannedStart: string; direction: string }): Promise<Secondment | null> {
    const row = await this.s.secondmentByNaturalKey.get(key);
    return row ? toSecondment(row) : null;
  }
  /** Replaces a secondment's fields (an import); the version moves on and the feed re-announces it. */
  async updateSecondment(s: Secondment): Promise<void> {
    await this.transaction(async () => {
      const params = secondmentParams(s, await this.nextSeq());
      await this.s.updateSecondment.run(params);
    });
  }
  async getSecondment(id: string): Promise<Secondment | null> {
    const row = await this.s.secondmentById.get(id);
    return row ? toSecondment(row) : null;
  }
  /** Records a check-in; `last` becomes the latest date recorded and `nextDue` is set by the caller. */
  async recordCheckIn(secondmentId: string, checkIn: CheckIn, nextDue: string | null): Promise<void> {
    await this.transaction(async () => {
      const current = (await this.s.secondmentById.get(secondmentId))!;
      await this.s.insertCheckIn.run({
        id: checkIn.id, secondment_id: secondmentId, date: checkIn.date, note: checkIn.note,
        recorded_by_user_id: checkIn.recordedBy.userId, recorded_by_name: checkIn.recordedBy.name, recorded_at: checkIn.recordedAt,
      });
      const last = current.checkin_last && current.checkin_last > checkIn.date ? current.checkin_last : checkIn.date;
      await this.s.updateSecondmentCheckIns.run({ id: secondmentId, last, next_due: nextDue, seq: await this.nextSeq() });
    });
  }
  async setObjectives(secondmentId: string, objectives: Secondment['objectives']): Promise<void> {
    await this.transaction(async () => this.s.updateSecondmentObjectives.run({ id: secondmentId, objectives_json: JSON.stringify(objectives), seq: await this.nextSeq() }));
  }
  async secondmentBelongsTo(secondmentId: string, clientId: string): Promise<boolean> {
    return (await this.s.secondmentOf.get(secondmentId, clientId)) === 1;
  }

  // ── needs ──────────────────────────────────────────────────────────────
  async insertNeed(n: Need): Promise<void> {
    await this.transaction(async () => this.s.insertNeed.run(needParams(n, await this.nextSeq())));
  }
  /** A need logged through the API: `identifiedBy` is the caller, status starts at `new`. */
  async createNeed(clientId: string, input: ParsedNewNeed, by: { id: string; name: string } = PERSON_PLACEHOLDER): Promise<Need> {
    const need: Need = {
      id: `n-${randomUUID()}`,
      clientId,
      title: input.title,
      detail: input.detail,
      practiceArea: input.practiceArea,
      identifiedBy: { userId: by.id || null, name: by.name || 'Unknown' },
      identifiedAt: new Date().toISOString(),
      sourceSecondmentId: input.sourceSecondmentId,
      confidential: input.confidential,
      status: 'new',
    };
    await this.insertNeed(need);
    return (await this.getNeed(need.id))!; // as stored: with its version
  }
  /** One need as `viewer` may see it (no viewer: in full). */
  async getNeed(id: string, viewer?: Viewer): Promise<Need | null> {
    const row = await this.s.needById.get(id);
    return row ? toNeed(row, viewer) : null;
  }
  async listNeeds(clientId: string, viewer?: Viewer): Promise<Need[]> {
    return (await this.s.needsOf.all(clientId)).map((r) => toNeed(r, viewer));
  }
  /**
   * Triage: the new status, owner and matter as a whole (the route merges the patch), stamped with
   * who changed the status; the version moves on and the need is re-announced on the feed.
   */
  async updateNeedTriage(id: string, next: Pick<Need, 'status' | 'owner' | 'matter' | 'statusChangedBy' | 'statusChangedAt'>): Promise<void> {
    await this.transaction(async () => this.s.updateNeedTriage.run({
      id, status: next.status, owner_user_id: next.owner?.userId ?? null, owner_name: next.owner?.name ?? null,
      matter_json: next.matter ? JSON.stringify(next.matter) : null,
      status_changed_by_user_id: next.statusChangedBy?.userId ?? null, status_changed_by_name: next.statusChangedBy?.name ?? null,
      status_changed_at: next.statusChangedAt ?? null, seq: await this.nextSeq(),
    }));
  }
  /** The author withdraws their own need: deleted, with a tombstone for the feed. */
  withdrawNeed(id: string): Promise<boolean> {
    return this.deleteNeed(id);
  }
  async countNeeds(clientId: string): Promise<number> {
    return (await this.s.countNeedsOf.get(clientId)) ?? 0;
  }
  deleteNeed(needId: string): Promise<boolean> {
    return this.transaction(async () => {
      const row = await this.s.needById.get(needId);
      if (!row) return false;
      await this.s.deleteNeed.run(needId);
      await this.s.tombstone.run({ seq: await this.nextSeq(), entity: 'need', client_id: row.client_id, entity_id: needId });
      return true;
    });
  }

  // ── candidate flags ────────────────────────────────────────────────────
  /** Sets the flag with a fresh version unless one is given (seeding): every write changes the ETag. */
  async setFlag(flag: CandidateFlag): Promise<CandidateFlag> {
    const stored = { ...flag, version: flag.version ?? newFlagVersion() };
    await this.transaction(async () => this.s.upsertFlag.run({
      client_id: stored.clientId, flagged_by_user_id: stored.flaggedBy.userId, flagged_by_name: stored.flaggedBy.name,
      flagged_at: stored.flaggedAt, reason: stored.reason, priority: stored.priority, version: stored.version, seq: await this.nextSeq(),
    }));
    return stored;
  }
  async getFlag(clientId: string): Promise<CandidateFlag | null> {
    const row = await this.s.flagOf.get(clientId);
    return row ? toFlag(row) : null;
  }
  /** false when there was no flag (nothing written). */
  clearFlag(clientId: string): Promise<boolean> {
    return this.transaction(async () => {
      if ((await this.s.deleteFlag.run(clientId)).changes === 0) return false;
      await this.s.tombstone.run({ seq: await this.nextSeq(), entity: 'flag', client_id: clientId, entity_id: clientId });
      return true;
    });
  }

  // ── reads for the sidebar and the feed ─────────────────────────────────
  /** Everything about one client as `viewer` may see it (walls are the route's check); one snapshot. */
  clientData(clientId: string, viewer?: Viewer): Promise<ClientData | null> {
    return this.transaction(async () => {
      const client = await this.getClient(clientId);
      if (!client) return null;
      return {
        client, secondments: await this.listSecondments(clientId), needs: await this.listNeeds(clientId, viewer), candidateFlag: await this.getFlag(clientId),
      };
    }, 'read');
  }
  /** One page of the user's feed, and the rows left out because they did not satisfy the contract. */
  changes(viewer: Viewer, since: number, limit: number): Promise<{ page: FeedPage; skipped: SkippedChange[] }> {
    return this.readChanges(viewer, since, limit);
  }
  /** Records that a feed row was left out; true the first time for that row version (to audit once). */
  async noteSkippedChange(s: SkippedChange): Promise<boolean> {
    return (await this.s.noteSkip.run(s.entity, s.seq, s.reason.slice(0, 500))).changes > 0;
  }
  /** What a user may see (`userId`), or the whole book (no argument). */
  async counts(userId?: string): Promise<Counts> {
    return (await this.s.counts.get({ user: userId ?? '' }))!; // '' is nobody's id: no walls apply
  }

  // ── Idempotency-Key records ────────────────────────────────────────────
  /**
   * Atomically claims `key` for this user, or says why not: a unique insert, so two instances on
   * one database cannot both claim it (the second waits for the first's insert, then sees it). A
   * `processing` claim older than `leaseMs` is taken to be abandoned (its server died mid-request)
   * and is taken over by a conditional update, which again only one request can win.
   */
  async claimIdempotencyKey(userId: string, key: string, fingerprint: string, leaseMs: number): Promise<IdempotencyClaim> {
    const now = new Date();
    if ((await this.s.idemInsert.run(userId, key, fingerprint, now.toISOString())).changes > 0) return { kind: 'claimed' };
    const row = await this.s.idemGet.get(userId, key);
    if (!row) return this.claimIdempotencyKey(userId, key, fingerprint, leaseMs); // released meanwhile: try again
    if (row.state === 'done') {
      if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
      return { kind: 'replay', status: row.status!, body: row.body ?? '', headers: row.headers_json ? JSON.parse(row.headers_json) : {} };
    }
    if (now.getTime() - Date.parse(row.created_at) > leaseMs) {
      const taken = await this.s.idemReclaim.run(fingerprint, now.toISOString(), userId, key, row.created_at);
      if (taken.changes > 0) return { kind: 'claimed' };
    }
    return row.fingerprint === fingerprint ? { kind: 'in-flight' } : { kind: 'mismatch' };
  }
  async completeIdempotencyKey(userId: string, key: string, status: number, body: string, headers: Record<string, string>): Promise<void> {
    await this.s.idemDone.run(status, body, JSON.stringify(headers), userId, key);
  }
  async releaseIdempotencyKey(userId: string, key: string): Promise<void> {
    await this.s.idemRelease.run(userId, key);
  }
  /** Forget keys older than `maxAgeMs` (the draft lets servers expire them). */
  async expireIdempotencyKeys(maxAgeMs: number): Promise<number> {
    return (await this.s.idemExpire.run(new Date(Date.now() - maxAgeMs).toISOString())).changes;
  }
}


/** Every statement prepared once, at open. */
function prepareStatements(db: SqlDatabase) {
  const notWalled = `NOT IN (SELECT client_id FROM walls WHERE user_id = @user)`;
return {
    bump: pluck<number>(db, `UPDATE counter SET seq = seq + 1 WHERE id = 1 RETURNING seq`),
    countAllClients: pluck<number>(db, `SELECT count(*) FROM clients`),
    insertPracticeArea: statement(db, `INSERT INTO practice_areas (name, position) VALUES (?, ?) ON CONFLICT DO NOTHING`),
    practiceAreas: pluck<string>(db, `SELECT name FROM practice_areas ORDER BY position, name`),
    isPracticeArea: pluck<number>(db, `SELECT 1 FROM practice_areas WHERE name = ?`),
    insertClient: statement(db, `INSERT INTO clients (id, name, industry, created_seq, seq) VALUES (@id, @name, @industry, @seq, @seq)`),
    touchClient: statement(db, `UPDATE clients SET seq = @seq WHERE id = @id`),
    clientById: statement<ClientRow>(db, `SELECT * FROM clients WHERE id = ?`),
    mappingsOf: statement<MappingRow>(db, `SELECT * FROM mappings WHERE client_id = ? ORDER BY rowid`),
    mappingsOfMany: statement<MappingRow>(db, `SELECT * FROM mappings WHERE client_id IN (?) ORDER BY rowid`),
    insertMapping: statement(db, `INSERT INTO mappings (id, client_id, system, kind, external_id, tenant, created_by_user_id, created_by_name, created_at)
      VALUES (@id, @client_id, @system, @kind, @external_id, @tenant, @created_by_user_id, @created_by_name, @created_at) ON CONFLICT DO NOTHING`),
    mappingByRecord: statement<MappingRow>(db, `SELECT * FROM mappings WHERE client_id = @client_id AND system = @system AND kind = @kind AND external_id = @external_id
         AND COALESCE(tenant, '') = COALESCE(@tenant, '')`),
    mappingById: statement<MappingRow>(db, `SELECT * FROM mappings WHERE id = ?`),
    countMappingsOf: pluck<number>(db, `SELECT count(*) FROM mappings WHERE client_id = ?`),
    deleteMapping: statement(db, `DELETE FROM mappings WHERE id = ?`),
    clientsOfRecord: pluck<string>(db, `SELECT DISTINCT client_id FROM mappings WHERE system = @system AND kind = @kind AND external_id = @externalId
         AND (CAST(@tenant AS TEXT) IS NULL OR tenant IS NULL OR lower(tenant) = lower(@tenant))`),
    noteSkip: statement(db, `INSERT INTO feed_skips (entity, seq, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`),
    searchClients: statement<ClientRow>(db, `SELECT * FROM clients WHERE lower(name) LIKE lower(@pattern) ESCAPE '\\' AND id ${notWalled} ORDER BY lower(name), id LIMIT @limit`),
    resolve: statement<ClientSummary>(db, `SELECT c.id, c.name, c.industry FROM clients c
       WHERE c.id IN (SELECT m.client_id FROM mappings m WHERE m.system = @system AND m.kind = @kind AND m.external_id = @externalId
         AND (CAST(@tenant AS TEXT) IS NULL OR m.tenant IS NULL OR lower(m.tenant) = lower(@tenant)))
         AND c.id ${notWalled}
       ORDER BY lower(c.name), c.id LIMIT 50`),
    isWalled: pluck<number>(db, `SELECT 1 FROM walls WHERE user_id = ? AND client_id = ?`),
    insertWall: statement(db, `INSERT INTO walls (user_id, client_id, raised_at, seq) VALUES (@user, @client, @at, @seq) ON CONFLICT DO NOTHING`),
    deleteWall: statement(db, `DELETE FROM walls WHERE user_id = ? AND client_id = ?`),
    insertSecondment: statement(db, `INSERT INTO secondments (id, client_id, direction, person_user_id, person_name, person_title,
      host_team, host_contact_json, planned_start, planned_end, actual_end, status, billing_basis, objectives_json,
      checkin_last, checkin_next_due, review_json, reintegration_plan, firm_mentor_user_id, firm_mentor_name, seq) VALUES (@id, @client_id, @direction,
      @person_user_id, @person_name, @person_title, @host_team, @host_contact_json, @planned_start, @planned_end,
      @actual_end, @status, @billing_basis, @objectives_json, @checkin_last, @checkin_next_due, @review_json,
      @reintegration_plan, @firm_mentor_user_id, @firm_mentor_name, @seq)`),
    secondmentsOf: statement<SecondmentRow>(db, `SELECT * FROM secondments WHERE client_id = ? ORDER BY planned_start DESC, id LIMIT 1000`),
    secondmentOf: pluck<number>(db, `SELECT 1 FROM secondments WHERE id = ? AND client_id = ?`),
    insertNeed: statement(db, `INSERT INTO needs (id, client_id, title, detail, practice_area, identified_by_user_id,
      identified_by_name, identified_at, source_secondment_id, confidential, status, owner_user_id, owner_name, matter_json,
      status_changed_by_user_id, status_changed_by_name, status_changed_at, seq) VALUES (@id, @client_id, @title,
      @detail, @practice_area, @identified_by_user_id, @identified_by_name, @identified_at, @source_secondment_id,
      @confidential, @status, @owner_user_id, @owner_name, @matter_json, @status_changed_by_user_id, @status_changed_by_name,
      @status_changed_at, @seq)`),
    updateNeedTriage: statement(db, `UPDATE needs SET status = @status, owner_user_id = @owner_user_id, owner_name = @owner_name,
      matter_json = @matter_json, status_changed_by_user_id = @status_changed_by_user_id, status_changed_by_name = @status_changed_by_name,
      status_changed_at = @status_changed_at, version = version + 1, seq = @seq WHERE id = @id`),
    secondmentById: statement<SecondmentRow>(db, `SELECT * FROM secondments WHERE id = ?`),
    secondmentByNaturalKey: statement<SecondmentRow>(db, `SELECT * FROM secondments WHERE client_id = @clientId AND lower(trim(person_name)) = lower(trim(@personName))
         AND planned_start = @plannedStart AND direction = @direction ORDER BY id LIMIT 1`),
    updateSecondment: statement(db, `UPDATE secondments SET person_user_id = @person_user_id, person_name = @person_name, person_title = @person_title,
      host_team = @host_team, host_contact_json = @host_contact_json, planned_end = @planned_end, actual_end = @actual_end, status = @status,
      billing_basis = @billing_basis, objectives_json = @objectives_json, checkin_last = @checkin_last, checkin_next_due = @checkin_next_due,
      review_json = @review_json, reintegration_plan = @reintegration_plan, firm_mentor_user_id = @firm_mentor_user_id,
      firm_mentor_name = @firm_mentor_name, version = version + 1, seq = @seq WHERE id = @id`),
    clientIdsNamed: pluck<string>(db, `SELECT id FROM clients WHERE lower(name) = lower(?) ORDER BY id`),
    updateClient: statement(db, `UPDATE clients SET name = @name, industry = @industry, seq = @seq WHERE id = @id`),
    updateSecondmentCheckIns: statement(db, `UPDATE secondments SET checkin_last = @last, checkin_next_due = @next_due, version = version + 1, seq = @seq WHERE id = @id`),
    updateSecondmentObjectives: statement(db, `UPDATE secondments SET objectives_json = @objectives_json, version = version + 1, seq = @seq WHERE id = @id`),
    insertCheckIn: statement(db, `INSERT INTO check_ins (id, secondment_id, date, note, recorded_by_user_id, recorded_by_name, recorded_at)
      VALUES (@id, @secondment_id, @date, @note, @recorded_by_user_id, @recorded_by_name, @recorded_at)`),
    needsOf: statement<NeedRow>(db, `SELECT * FROM needs WHERE client_id = ? ORDER BY identified_at DESC, id LIMIT 5000`),
    needById: statement<NeedRow>(db, `SELECT * FROM needs WHERE id = ?`),
    countNeedsOf: pluck<number>(db, `SELECT count(*) FROM needs WHERE client_id = ?`),
    deleteNeed: statement(db, `DELETE FROM needs WHERE id = ?`),
    upsertFlag: statement(db, `INSERT INTO flags (client_id, flagged_by_user_id, flagged_by_name, flagged_at, reason, priority, version, seq)
      VALUES (@client_id, @flagged_by_user_id, @flagged_by_name, @flagged_at, @reason, @priority, @version, @seq)
      ON CONFLICT (client_id) DO UPDATE SET flagged_by_user_id = excluded.flagged_by_user_id, flagged_by_name = excluded.flagged_by_name,
      flagged_at = excluded.flagged_at, reason = excluded.reason, priority = excluded.priority, version = excluded.version, seq = excluded.seq`),
    flagOf: statement<FlagRow>(db, `SELECT * FROM flags WHERE client_id = ?`),
    deleteFlag: statement(db, `DELETE FROM flags WHERE client_id = ?`),
    tombstone: statement(db, `INSERT INTO tombstones (seq, entity, client_id, entity_id) VALUES (@seq, @entity, @client_id, @entity_id)`),
    reseqSecondments: pluck<string>(db, `SELECT id FROM secondments WHERE client_id = ?`),
    reseqNeeds: pluck<string>(db, `SELECT id FROM needs WHERE client_id = ?`),
    setSecondmentSeq: statement(db, `UPDATE secondments SET seq = ? WHERE id = ?`),
    setNeedSeq: statement(db, `UPDATE needs SET seq = ? WHERE id = ?`),
    setFlagSeq: statement(db, `UPDATE flags SET seq = ? WHERE client_id = ?`),
    counts: statement<Counts>(db, `SELECT
      (SELECT count(*) FROM clients WHERE id ${notWalled}) AS clients,
      (SELECT count(*) FROM secondments WHERE client_id ${notWalled}) AS secondments,
      (SELECT count(*) FROM needs WHERE client_id ${notWalled}) AS needs,
      (SELECT count(*) FROM flags WHERE client_id ${notWalled}) AS flags`),
    idemGet: statement<{ fingerprint: string; state: string; status: number | null; body: string | null; headers_json: string | null; created_at: string }>(db, `SELECT fingerprint, state, status, body, headers_json, created_at FROM idempotency_keys WHERE user_id = ? AND key = ?`),
    idemInsert: statement(db, `INSERT INTO idempotency_keys (user_id, key, fingerprint, state, created_at) VALUES (?, ?, ?, 'processing', ?)
      ON CONFLICT (user_id, key) DO NOTHING`),
    idemReclaim: statement(db, `UPDATE idempotency_keys SET fingerprint = ?, created_at = ? WHERE user_id = ? AND key = ? AND state = 'processing' AND created_at = ?`),
    idemDone: statement(db, `UPDATE idempotency_keys SET state = 'done', status = ?, body = ?, headers_json = ? WHERE user_id = ? AND key = ?`),
    idemRelease: statement(db, `DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND state = 'processing'`),
    idemExpire: statement(db, `DELETE FROM idempotency_keys WHERE created_at < ?`),
  };
}

function mappingParams(clientId: string, r: ExternalRecord, by: { id: string; name: string } | null) {
  return {
    id: `m-${randomUUID()}`, client_id: clientId, system: r.system, kind: r.kind, external_id: r.externalId, tenant: r.tenant,
    created_by_user_id: by?.id ?? null, created_by_name: by?.name ?? null, created_at: by ? new Date().toISOString() : null,
  };
}

export type { UserRole };
