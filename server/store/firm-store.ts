import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  CandidateFlag, ChangesPage, CheckIn, Client, ClientSummary, ExternalRecord, Mapping, Need, ParsedNewNeed, PmsSystem,
  RecordKind, Secondment, UserRole,
} from '../../lib/contract';
import { AuditLog } from './audit-log';
import { createChangesReader, type SkippedChange } from './changes-feed';
import { migrate } from './migrations';
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

/** A fresh opaque version for a candidate flag (its ETag). */
const newFlagVersion = () => randomBytes(9).toString('base64url');

const PERSON_PLACEHOLDER = { id: '', name: '' };

/**
 * Data access for the reference endpoint: one SQLite file (WAL), migrated on open. Every write takes
 * a fresh `seq` from one counter so the delta feed can page by it. All SQL is parameterised.
 */
export class FirmStore {
  readonly db: Database.Database;
  /** Users and their tokens. */
  readonly users: UserDirectory;
  /** The append-only audit trail. */
  readonly audit: AuditLog;
  private readonly readChanges: (viewer: Viewer, since: number, limit: number) => { page: ChangesPage; skipped: SkippedChange[] };
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(readonly path: string = ':memory:') {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    migrate(this.db);
    this.readChanges = createChangesReader(this.db);
    this.s = prepareStatements(this.db);
    this.users = new UserDirectory(this.db);
    this.audit = new AuditLog(this.db);
  }

  /** Runs `fn` in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Next value of the global change counter; call inside a transaction with the write it stamps. */
  nextSeq(): number {
    return this.s.bump.get()!;
  }

  isEmpty(): boolean {
    return this.users.count() === 0 && this.s.countAllClients.get() === 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ── users ──────────────────────────────────────────────────────────────
  insertUser(u: NewUser): void {
    const { token, ...user } = u;
    this.users.insert(user, token);
  }
  userByToken(token: string): StoredUser | null {
    return this.users.byToken(token);
  }
  getUser(id: string): StoredUser | null {
    return this.users.byId(id);
  }

  // ── practice areas ─────────────────────────────────────────────────────
  setPracticeAreas(names: readonly string[]): void {
    this.transaction(() => names.forEach((n, i) => this.s.insertPracticeArea.run(n, i)));
  }
  listPracticeAreas(): string[] {
    return this.s.practiceAreas.all();
  }
  isPracticeArea(name: string): boolean {
    return this.s.isPracticeArea.get(name) === 1;
  }

  // ── clients and their PMS records ──────────────────────────────────────
  /** A client loaded by the firm (seed, import): its links have no creator. */
  insertClient(c: Client): void {
    this.transaction(() => {
      this.s.insertClient.run({ id: c.id, name: c.name, industry: c.industry, seq: this.nextSeq() });
      for (const r of c.externalIds) this.s.insertMapping.run(mappingParams(c.id, r, null));
    });
  }
  /** Ids of the clients with this name, case and surrounding space aside (imports match by name). */
  clientIdsNamed(name: string): string[] {
    return this.s.clientIdsNamed.all(name.trim());
  }
  /** Renames or re-files a client; re-announced on the feed. */
  updateClient(id: string, fields: { name: string; industry: string }): void {
    this.transaction(() => this.s.updateClient.run({ id, name: fields.name, industry: fields.industry, seq: this.nextSeq() }));
  }
  getClient(id: string): Client | null {
    const row = this.s.clientById.get(id);
    return row ? toClient(row, this.s.mappingsOf.all(id)) : null;
  }
  searchClients(userId: string, query: string, limit = 50): Client[] {
    const pattern = `%${query.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    return this.withMappings(this.s.searchClients.all({ user: userId, pattern, limit }));
  }
  resolve(userId: string, q: ResolveQuery): ClientSummary[] {
    return this.s.resolve.all({ user: userId, system: q.system, kind: q.kind, externalId: q.externalId, tenant: q.tenant ?? null });
  }
  /**
   * Links a PMS record to a client on behalf of `by`; `created: false` when the link already existed
   * (nothing written). The caller checks the per-client limit and the walls first.
   */
  addMapping(clientId: string, record: ExternalRecord, by: { id: string; name: string } | null = null): { created: boolean; mapping: Mapping } {
    return this.transaction(() => {
      const { changes } = this.s.insertMapping.run(mappingParams(clientId, record, by));
      if (changes > 0) this.s.touchClient.run({ id: clientId, seq: this.nextSeq() }); // the client's externalIds changed: re-announce it
      const row = this.s.mappingByRecord.get({ ...mappingParams(clientId, record, null) })!;
      return { created: changes > 0, mapping: toMapping(row) };
    });
  }
  countMappings(clientId: string): number {
    return this.s.countMappingsOf.get(clientId) ?? 0;
  }
  getMapping(id: string): Mapping | null {
    const row = this.s.mappingById.get(id);
    return row ? toMapping(row) : null;
  }
  listMappings(clientId: string): Mapping[] {
    return this.s.mappingsOf.all(clientId).map(toMapping);
  }
  /** Every client this exact record (any tenant when the record has none) is linked to, walls ignored. */
  clientsLinkedTo(record: ExternalRecord): string[] {
    return this.s.clientsOfRecord.all({ system: record.system, kind: record.kind, externalId: record.externalId, tenant: record.tenant ?? null });
  }
  /** Removes one link; the client is re-announced on the feed without it. */
  deleteMapping(id: string): boolean {
    return this.transaction(() => {
      const row = this.s.mappingById.get(id);
      if (!row) return false;
      this.s.deleteMapping.run(id);
      this.s.touchClient.run({ id: row.client_id, seq: this.nextSeq() });
      return true;
    });
  }
  private withMappings(rows: ClientRow[]): Client[] {
    if (!rows.length) return [];
    const byClient = new Map<string, MappingRow[]>();
    for (const m of this.s.mappingsOfMany.all(JSON.stringify(rows.map((r) => r.id)))) {
      byClient.set(m.client_id, [...(byClient.get(m.client_id) ?? []), m]);
    }
    return rows.map((r) => toClient(r, byClient.get(r.id) ?? []));
  }

  // ── ethical walls ──────────────────────────────────────────────────────
  isWalled(userId: string, clientId: string): boolean {
    return this.s.isWalled.get(userId, clientId) === 1;
  }
  /** The user may no longer see the client; the feed tells their cache with `access.revoke`. */
  raiseWall(userId: string, clientId: string): boolean {
    return this.transaction(() => {
      if (this.isWalled(userId, clientId)) return false;
      this.s.insertWall.run({ user: userId, client: clientId, at: new Date().toISOString(), seq: this.nextSeq() });
      return true;
    });
  }
  /** Lifting a wall re-stamps the client's rows so that every feed delivers them again. */
  liftWall(userId: string, clientId: string): boolean {
    return this.transaction(() => {
      if (this.s.deleteWall.run(userId, clientId).changes === 0) return false;
      this.s.touchClient.run({ id: clientId, seq: this.nextSeq() });
      for (const id of this.s.reseqSecondments.all(clientId)) this.s.setSecondmentSeq.run(this.nextSeq(), id);
      for (const id of this.s.reseqNeeds.all(clientId)) this.s.setNeedSeq.run(this.nextSeq(), id);
      this.s.setFlagSeq.run(this.nextSeq(), clientId);
      return true;
    });
  }

  // ── secondments ────────────────────────────────────────────────────────
  insertSecondment(s: Secondment): void {
    this.transaction(() => this.s.insertSecondment.run(secondmentParams(s, this.nextSeq())));
  }
  listSecondments(clientId: string): Secondment[] {
    return this.s.secondmentsOf.all(clientId).map(toSecondment);
  }
  /** The secondment an import row stands for: same client, secondee (case aside), planned start and direction. */
  findSecondment(key: { clientId: string; personName: string; plannedStart: string; direction: string }): Secondment | null {
    const row = this.s.secondmentByNaturalKey.get(key);
    return row ? toSecondment(row) : null;
  }
  /** Replaces a secondment's fields (an import); the version moves on and the feed re-announces it. */
  updateSecondment(s: Secondment): void {
    this.transaction(() => {
      const params = secondmentParams(s, this.nextSeq());
      this.s.updateSecondment.run(params);
    });
  }
  getSecondment(id: string): Secondment | null {
    const row = this.s.secondmentById.get(id);
    return row ? toSecondment(row) : null;
  }
  /** Records a check-in; `last` becomes the latest date recorded and `nextDue` is set by the caller. */
  recordCheckIn(secondmentId: string, checkIn: CheckIn, nextDue: string | null): void {
    this.transaction(() => {
      const current = this.s.secondmentById.get(secondmentId)!;
      this.s.insertCheckIn.run({
        id: checkIn.id, secondment_id: secondmentId, date: checkIn.date, note: checkIn.note,
        recorded_by_user_id: checkIn.recordedBy.userId, recorded_by_name: checkIn.recordedBy.name, recorded_at: checkIn.recordedAt,
      });
      const last = current.checkin_last && current.checkin_last > checkIn.date ? current.checkin_last : checkIn.date;
      this.s.updateSecondmentCheckIns.run({ id: secondmentId, last, next_due: nextDue, seq: this.nextSeq() });
    });
  }
  setObjectives(secondmentId: string, objectives: Secondment['objectives']): void {
    this.transaction(() => this.s.updateSecondmentObjectives.run({ id: secondmentId, objectives_json: JSON.stringify(objectives), seq: this.nextSeq() }));
  }
  secondmentBelongsTo(secondmentId: string, clientId: string): boolean {
    return this.s.secondmentOf.get(secondmentId, clientId) === 1;
  }

  // ── needs ──────────────────────────────────────────────────────────────
  insertNeed(n: Need): void {
    this.transaction(() => this.s.insertNeed.run(needParams(n, this.nextSeq())));
  }
  /** A need logged through the API: `identifiedBy` is the caller, status starts at `new`. */
  createNeed(clientId: string, input: ParsedNewNeed, by: { id: string; name: string } = PERSON_PLACEHOLDER): Need {
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
    this.insertNeed(need);
    return this.getNeed(need.id)!; // as stored: with its version
  }
  /** One need as `viewer` may see it (no viewer: in full). */
  getNeed(id: string, viewer?: Viewer): Need | null {
    const row = this.s.needById.get(id);
    return row ? toNeed(row, viewer) : null;
  }
  listNeeds(clientId: string, viewer?: Viewer): Need[] {
    return this.s.needsOf.all(clientId).map((r) => toNeed(r, viewer));
  }
  /**
   * Triage: the new status, owner and matter as a whole (the route merges the patch), stamped with
   * who changed the status; the version moves on and the need is re-announced on the feed.
   */
  updateNeedTriage(id: string, next: Pick<Need, 'status' | 'owner' | 'matter' | 'statusChangedBy' | 'statusChangedAt'>): void {
    this.transaction(() => this.s.updateNeedTriage.run({
      id, status: next.status, owner_user_id: next.owner?.userId ?? null, owner_name: next.owner?.name ?? null,
      matter_json: next.matter ? JSON.stringify(next.matter) : null,
      status_changed_by_user_id: next.statusChangedBy?.userId ?? null, status_changed_by_name: next.statusChangedBy?.name ?? null,
      status_changed_at: next.statusChangedAt ?? null, seq: this.nextSeq(),
    }));
  }
  /** The author withdraws their own need: deleted, with a tombstone for the feed. */
  withdrawNeed(id: string): boolean {
    return this.deleteNeed(id);
  }
  countNeeds(clientId: string): number {
    return this.s.countNeedsOf.get(clientId) ?? 0;
  }
  deleteNeed(needId: string): boolean {
    return this.transaction(() => {
      const row = this.s.needById.get(needId);
      if (!row) return false;
      this.s.deleteNeed.run(needId);
      this.s.tombstone.run({ seq: this.nextSeq(), entity: 'need', client_id: row.client_id, entity_id: needId });
      return true;
    });
  }

  // ── candidate flags ────────────────────────────────────────────────────
  /** Sets the flag with a fresh version unless one is given (seeding): every write changes the ETag. */
  setFlag(flag: CandidateFlag): CandidateFlag {
    const stored = { ...flag, version: flag.version ?? newFlagVersion() };
    this.transaction(() => this.s.upsertFlag.run({
      client_id: stored.clientId, flagged_by_user_id: stored.flaggedBy.userId, flagged_by_name: stored.flaggedBy.name,
      flagged_at: stored.flaggedAt, reason: stored.reason, priority: stored.priority, version: stored.version, seq: this.nextSeq(),
    }));
    return stored;
  }
  getFlag(clientId: string): CandidateFlag | null {
    const row = this.s.flagOf.get(clientId);
    return row ? toFlag(row) : null;
  }
  /** false when there was no flag (nothing written). */
  clearFlag(clientId: string): boolean {
    return this.transaction(() => {
      if (this.s.deleteFlag.run(clientId).changes === 0) return false;
      this.s.tombstone.run({ seq: this.nextSeq(), entity: 'flag', client_id: clientId, entity_id: clientId });
      return true;
    });
  }

  // ── reads for the sidebar and the feed ─────────────────────────────────
  /** Everything about one client as `viewer` may see it (walls are the route's check). */
  clientData(clientId: string, viewer?: Viewer): ClientData | null {
    return this.transaction(() => {
      const client = this.getClient(clientId);
      if (!client) return null;
      return { client, secondments: this.listSecondments(clientId), needs: this.listNeeds(clientId, viewer), candidateFlag: this.getFlag(clientId) };
    });
  }
  /** One page of the user's feed, and the rows left out because they did not satisfy the contract. */
  changes(viewer: Viewer, since: number, limit: number): { page: ChangesPage; skipped: SkippedChange[] } {
    return this.readChanges(viewer, since, limit);
  }
  /** Records that a feed row was left out; true the first time for that row version (to audit once). */
  noteSkippedChange(s: SkippedChange): boolean {
    return this.s.noteSkip.run(s.entity, s.seq, s.reason.slice(0, 500)).changes > 0;
  }
  /** What a user may see (`userId`), or the whole book (no argument). */
  counts(userId?: string): Counts {
    return this.s.counts.get({ user: userId ?? '\u0000no-user' })!;
  }

  // ── Idempotency-Key records ────────────────────────────────────────────
  /**
   * Atomically claims `key` for this user, or says why not. A `processing` claim older than
   * `leaseMs` is taken to be abandoned (its server died mid-request) and may be claimed again.
   */
  claimIdempotencyKey(userId: string, key: string, fingerprint: string, leaseMs: number): IdempotencyClaim {
    return this.db.transaction((): IdempotencyClaim => {
      const now = new Date();
      const row = this.s.idemGet.get(userId, key);
      if (!row) {
        this.s.idemInsert.run(userId, key, fingerprint, now.toISOString());
        return { kind: 'claimed' };
      }
      if (row.state === 'done') {
        if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
        return { kind: 'replay', status: row.status!, body: row.body ?? '', headers: row.headers_json ? JSON.parse(row.headers_json) : {} };
      }
      if (now.getTime() - Date.parse(row.created_at) > leaseMs) {
        this.s.idemReclaim.run(fingerprint, now.toISOString(), userId, key);
        return { kind: 'claimed' };
      }
      return row.fingerprint === fingerprint ? { kind: 'in-flight' } : { kind: 'mismatch' };
    }).immediate(); // IMMEDIATE: two servers on one file cannot both read "absent" and insert
  }
  completeIdempotencyKey(userId: string, key: string, status: number, body: string, headers: Record<string, string>): void {
    this.s.idemDone.run(status, body, JSON.stringify(headers), userId, key);
  }
  releaseIdempotencyKey(userId: string, key: string): void {
    this.s.idemRelease.run(userId, key);
  }
  /** Forget keys older than `maxAgeMs` (the draft lets servers expire them). */
  expireIdempotencyKeys(maxAgeMs: number): number {
    return this.s.idemExpire.run(new Date(Date.now() - maxAgeMs).toISOString()).changes;
  }

  // ── for seeding in bulk ────────────────────────────────────────────────
  get statements() {
    return this.s;
  }
}


/** Every statement prepared once, at open. */
function prepareStatements(db: Database.Database) {
  const notWalled = `NOT IN (SELECT client_id FROM walls WHERE user_id = @user)`;
return {
    bump: db.prepare<[], number>(`UPDATE counter SET seq = seq + 1 WHERE id = 1 RETURNING seq`).pluck(),
    countAllClients: db.prepare<[], number>(`SELECT count(*) FROM clients`).pluck(),
    insertPracticeArea: db.prepare(`INSERT OR IGNORE INTO practice_areas (name, position) VALUES (?, ?)`),
    practiceAreas: db.prepare<[], string>(`SELECT name FROM practice_areas ORDER BY position, name`).pluck(),
    isPracticeArea: db.prepare<[string], number>(`SELECT 1 FROM practice_areas WHERE name = ?`).pluck(),
    insertClient: db.prepare(`INSERT INTO clients (id, name, industry, created_seq, seq) VALUES (@id, @name, @industry, @seq, @seq)`),
    touchClient: db.prepare(`UPDATE clients SET seq = @seq WHERE id = @id`),
    clientById: db.prepare<[string], ClientRow>(`SELECT * FROM clients WHERE id = ?`),
    mappingsOf: db.prepare<[string], MappingRow>(`SELECT * FROM mappings WHERE client_id = ? ORDER BY rowid`),
    mappingsOfMany: db.prepare<[string], MappingRow>(`SELECT * FROM mappings WHERE client_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`),
    insertMapping: db.prepare(`INSERT OR IGNORE INTO mappings (id, client_id, system, kind, external_id, tenant, created_by_user_id, created_by_name, created_at)
      VALUES (@id, @client_id, @system, @kind, @external_id, @tenant, @created_by_user_id, @created_by_name, @created_at)`),
    mappingByRecord: db.prepare<{ client_id: string; system: string; kind: string; external_id: string; tenant: string | null }, MappingRow>(
      `SELECT * FROM mappings WHERE client_id = @client_id AND system = @system AND kind = @kind AND external_id = @external_id
         AND COALESCE(tenant, '') = COALESCE(@tenant, '')`),
    mappingById: db.prepare<[string], MappingRow>(`SELECT * FROM mappings WHERE id = ?`),
    countMappingsOf: db.prepare<[string], number>(`SELECT count(*) FROM mappings WHERE client_id = ?`).pluck(),
    deleteMapping: db.prepare(`DELETE FROM mappings WHERE id = ?`),
    clientsOfRecord: db.prepare<{ system: string; kind: string; externalId: string; tenant: string | null }, string>(
      `SELECT DISTINCT client_id FROM mappings WHERE system = @system AND kind = @kind AND external_id = @externalId
         AND (@tenant IS NULL OR tenant IS NULL OR tenant = @tenant COLLATE NOCASE)`).pluck(),
    noteSkip: db.prepare(`INSERT OR IGNORE INTO feed_skips (entity, seq, reason) VALUES (?, ?, ?)`),
    searchClients: db.prepare<{ user: string; pattern: string; limit: number }, ClientRow>(
      `SELECT * FROM clients WHERE name LIKE @pattern ESCAPE '\\' AND id ${notWalled} ORDER BY name COLLATE NOCASE, id LIMIT @limit`),
    resolve: db.prepare<{ user: string; system: string; kind: string; externalId: string; tenant: string | null }, ClientSummary>(
      `SELECT DISTINCT c.id, c.name, c.industry FROM mappings m JOIN clients c ON c.id = m.client_id
       WHERE m.system = @system AND m.kind = @kind AND m.external_id = @externalId
         AND (@tenant IS NULL OR m.tenant IS NULL OR m.tenant = @tenant COLLATE NOCASE)
         AND c.id ${notWalled}
       ORDER BY c.name COLLATE NOCASE, c.id LIMIT 50`),
    isWalled: db.prepare<[string, string], number>(`SELECT 1 FROM walls WHERE user_id = ? AND client_id = ?`).pluck(),
    insertWall: db.prepare(`INSERT OR IGNORE INTO walls (user_id, client_id, raised_at, seq) VALUES (@user, @client, @at, @seq)`),
    deleteWall: db.prepare(`DELETE FROM walls WHERE user_id = ? AND client_id = ?`),
    insertSecondment: db.prepare(`INSERT INTO secondments (id, client_id, direction, person_user_id, person_name, person_title,
      host_team, host_contact_json, planned_start, planned_end, actual_end, status, billing_basis, objectives_json,
      checkin_last, checkin_next_due, review_json, reintegration_plan, firm_mentor_user_id, firm_mentor_name, seq) VALUES (@id, @client_id, @direction,
      @person_user_id, @person_name, @person_title, @host_team, @host_contact_json, @planned_start, @planned_end,
      @actual_end, @status, @billing_basis, @objectives_json, @checkin_last, @checkin_next_due, @review_json,
      @reintegration_plan, @firm_mentor_user_id, @firm_mentor_name, @seq)`),
    secondmentsOf: db.prepare<[string], SecondmentRow>(`SELECT * FROM secondments WHERE client_id = ? ORDER BY planned_start DESC, id LIMIT 1000`),
    secondmentOf: db.prepare<[string, string], number>(`SELECT 1 FROM secondments WHERE id = ? AND client_id = ?`).pluck(),
    insertNeed: db.prepare(`INSERT INTO needs (id, client_id, title, detail, practice_area, identified_by_user_id,
      identified_by_name, identified_at, source_secondment_id, confidential, status, owner_user_id, owner_name, matter_json,
      status_changed_by_user_id, status_changed_by_name, status_changed_at, seq) VALUES (@id, @client_id, @title,
      @detail, @practice_area, @identified_by_user_id, @identified_by_name, @identified_at, @source_secondment_id,
      @confidential, @status, @owner_user_id, @owner_name, @matter_json, @status_changed_by_user_id, @status_changed_by_name,
      @status_changed_at, @seq)`),
    updateNeedTriage: db.prepare(`UPDATE needs SET status = @status, owner_user_id = @owner_user_id, owner_name = @owner_name,
      matter_json = @matter_json, status_changed_by_user_id = @status_changed_by_user_id, status_changed_by_name = @status_changed_by_name,
      status_changed_at = @status_changed_at, version = version + 1, seq = @seq WHERE id = @id`),
    secondmentById: db.prepare<[string], SecondmentRow>(`SELECT * FROM secondments WHERE id = ?`),
    secondmentByNaturalKey: db.prepare<{ clientId: string; personName: string; plannedStart: string; direction: string }, SecondmentRow>(
      `SELECT * FROM secondments WHERE client_id = @clientId AND lower(trim(person_name)) = lower(trim(@personName))
         AND planned_start = @plannedStart AND direction = @direction ORDER BY id LIMIT 1`),
    updateSecondment: db.prepare(`UPDATE secondments SET person_user_id = @person_user_id, person_name = @person_name, person_title = @person_title,
      host_team = @host_team, host_contact_json = @host_contact_json, planned_end = @planned_end, actual_end = @actual_end, status = @status,
      billing_basis = @billing_basis, objectives_json = @objectives_json, checkin_last = @checkin_last, checkin_next_due = @checkin_next_due,
      review_json = @review_json, reintegration_plan = @reintegration_plan, firm_mentor_user_id = @firm_mentor_user_id,
      firm_mentor_name = @firm_mentor_name, version = version + 1, seq = @seq WHERE id = @id`),
    clientIdsNamed: db.prepare<[string], string>(`SELECT id FROM clients WHERE name = ? COLLATE NOCASE ORDER BY id`).pluck(),
    updateClient: db.prepare(`UPDATE clients SET name = @name, industry = @industry, seq = @seq WHERE id = @id`),
    updateSecondmentCheckIns: db.prepare(`UPDATE secondments SET checkin_last = @last, checkin_next_due = @next_due, version = version + 1, seq = @seq WHERE id = @id`),
    updateSecondmentObjectives: db.prepare(`UPDATE secondments SET objectives_json = @objectives_json, version = version + 1, seq = @seq WHERE id = @id`),
    insertCheckIn: db.prepare(`INSERT INTO check_ins (id, secondment_id, date, note, recorded_by_user_id, recorded_by_name, recorded_at)
      VALUES (@id, @secondment_id, @date, @note, @recorded_by_user_id, @recorded_by_name, @recorded_at)`),
    needsOf: db.prepare<[string], NeedRow>(`SELECT * FROM needs WHERE client_id = ? ORDER BY identified_at DESC, id LIMIT 5000`),
    needById: db.prepare<[string], NeedRow>(`SELECT * FROM needs WHERE id = ?`),
    countNeedsOf: db.prepare<[string], number>(`SELECT count(*) FROM needs WHERE client_id = ?`).pluck(),
    deleteNeed: db.prepare(`DELETE FROM needs WHERE id = ?`),
    upsertFlag: db.prepare(`INSERT INTO flags (client_id, flagged_by_user_id, flagged_by_name, flagged_at, reason, priority, version, seq)
      VALUES (@client_id, @flagged_by_user_id, @flagged_by_name, @flagged_at, @reason, @priority, @version, @seq)
      ON CONFLICT (client_id) DO UPDATE SET flagged_by_user_id = excluded.flagged_by_user_id, flagged_by_name = excluded.flagged_by_name,
      flagged_at = excluded.flagged_at, reason = excluded.reason, priority = excluded.priority, version = excluded.version, seq = excluded.seq`),
    flagOf: db.prepare<[string], FlagRow>(`SELECT * FROM flags WHERE client_id = ?`),
    deleteFlag: db.prepare(`DELETE FROM flags WHERE client_id = ?`),
    tombstone: db.prepare(`INSERT INTO tombstones (seq, entity, client_id, entity_id) VALUES (@seq, @entity, @client_id, @entity_id)`),
    reseqSecondments: db.prepare<[string], string>(`SELECT id FROM secondments WHERE client_id = ?`).pluck(),
    reseqNeeds: db.prepare<[string], string>(`SELECT id FROM needs WHERE client_id = ?`).pluck(),
    setSecondmentSeq: db.prepare(`UPDATE secondments SET seq = ? WHERE id = ?`),
    setNeedSeq: db.prepare(`UPDATE needs SET seq = ? WHERE id = ?`),
    setFlagSeq: db.prepare(`UPDATE flags SET seq = ? WHERE client_id = ?`),
    counts: db.prepare<{ user: string }, Counts>(`SELECT
      (SELECT count(*) FROM clients WHERE id ${notWalled}) AS clients,
      (SELECT count(*) FROM secondments WHERE client_id ${notWalled}) AS secondments,
      (SELECT count(*) FROM needs WHERE client_id ${notWalled}) AS needs,
      (SELECT count(*) FROM flags WHERE client_id ${notWalled}) AS flags`),
    idemGet: db.prepare<[string, string], { fingerprint: string; state: string; status: number | null; body: string | null; headers_json: string | null; created_at: string }>(
      `SELECT fingerprint, state, status, body, headers_json, created_at FROM idempotency_keys WHERE user_id = ? AND key = ?`),
    idemInsert: db.prepare(`INSERT INTO idempotency_keys (user_id, key, fingerprint, state, created_at) VALUES (?, ?, ?, 'processing', ?)`),
    idemReclaim: db.prepare(`UPDATE idempotency_keys SET fingerprint = ?, created_at = ? WHERE user_id = ? AND key = ? AND state = 'processing'`),
    idemDone: db.prepare(`UPDATE idempotency_keys SET state = 'done', status = ?, body = ?, headers_json = ? WHERE user_id = ? AND key = ?`),
    idemRelease: db.prepare(`DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND state = 'processing'`),
    idemExpire: db.prepare(`DELETE FROM idempotency_keys WHERE created_at < ?`),
  };
}

function mappingParams(clientId: string, r: ExternalRecord, by: { id: string; name: string } | null) {
  return {
    id: `m-${randomUUID()}`, client_id: clientId, system: r.system, kind: r.kind, external_id: r.externalId, tenant: r.tenant,
    created_by_user_id: by?.id ?? null, created_by_name: by?.name ?? null, created_at: by ? new Date().toISOString() : null,
  };
}

export type { UserRole };
