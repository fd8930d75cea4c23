import type { SqlDatabase } from './database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

/**
 * The same migrations, numbered the same, in PostgreSQL's dialect (migrations.ts is the SQLite
 * text and the history of why). Differences: BIGINT feed numbers, `lower()` instead of COLLATE
 * NOCASE, a `rowid` column where SQLite has an implicit one, PL/pgSQL triggers for the append-only
 * audit trail, and a counter row for audit numbers (SQLite's AUTOINCREMENT never reuses one).
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  // 1
  `
  CREATE TABLE counter (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL);
  INSERT INTO counter (id, seq) VALUES (1, 0);
  CREATE TABLE users (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lawyer', 'bd')), title TEXT NOT NULL DEFAULT '', token_sha256 TEXT UNIQUE
  );
  CREATE TABLE clients (id TEXT PRIMARY KEY, name TEXT NOT NULL, industry TEXT NOT NULL, created_seq BIGINT NOT NULL, seq BIGINT NOT NULL);
  CREATE INDEX clients_seq ON clients (seq);
  CREATE INDEX clients_name ON clients (lower(name));
  CREATE TABLE mappings (
    rowid BIGSERIAL,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    system TEXT NOT NULL, kind TEXT NOT NULL, external_id TEXT NOT NULL, tenant TEXT
  );
  CREATE UNIQUE INDEX mappings_unique ON mappings (system, kind, external_id, COALESCE(tenant, ''), client_id);
  CREATE INDEX mappings_client ON mappings (client_id);
  CREATE TABLE secondments (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    direction TEXT NOT NULL, person_user_id TEXT, person_name TEXT NOT NULL, person_title TEXT NOT NULL,
    host_team TEXT NOT NULL, host_contact_json TEXT, planned_start TEXT NOT NULL, planned_end TEXT NOT NULL,
    actual_end TEXT, status TEXT NOT NULL, billing_basis TEXT NOT NULL, objectives_json TEXT NOT NULL,
    checkin_last TEXT, checkin_next_due TEXT, review_json TEXT, reintegration_plan TEXT, seq BIGINT NOT NULL
  );
  CREATE INDEX secondments_seq ON secondments (seq);
  CREATE INDEX secondments_client ON secondments (client_id);
  CREATE TABLE needs (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    title TEXT NOT NULL, detail TEXT NOT NULL, practice_area TEXT NOT NULL, identified_by_user_id TEXT,
    identified_by_name TEXT NOT NULL, identified_at TEXT NOT NULL, source_secondment_id TEXT,
    confidential INTEGER NOT NULL, status TEXT NOT NULL, seq BIGINT NOT NULL
  );
  CREATE INDEX needs_seq ON needs (seq);
  CREATE INDEX needs_client ON needs (client_id, identified_at);
  CREATE TABLE flags (
    client_id TEXT PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
    flagged_by_user_id TEXT, flagged_by_name TEXT NOT NULL, flagged_at TEXT NOT NULL,
    reason TEXT NOT NULL, priority TEXT NOT NULL, seq BIGINT NOT NULL
  );
  CREATE INDEX flags_seq ON flags (seq);
  CREATE TABLE tombstones (
    seq BIGINT PRIMARY KEY,
    entity TEXT NOT NULL CHECK (entity IN ('client', 'secondment', 'need', 'flag')),
    client_id TEXT NOT NULL, entity_id TEXT NOT NULL
  );
  CREATE TABLE walls (
    user_id TEXT NOT NULL, client_id TEXT NOT NULL, raised_at TEXT NOT NULL, seq BIGINT NOT NULL,
    PRIMARY KEY (user_id, client_id)
  );
  CREATE INDEX walls_user_seq ON walls (user_id, seq);
  CREATE TABLE practice_areas (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
  `,
  // 2
  `
  CREATE TABLE idempotency_keys (
    user_id TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('processing', 'done')),
    status INTEGER, body TEXT, headers_json TEXT, created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, key)
  );
  CREATE INDEX idempotency_created ON idempotency_keys (created_at);
  `,
  // 3
  `
  ALTER TABLE users DROP CONSTRAINT users_role_check;
  ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('lawyer', 'bd', 'risk'));
  ALTER TABLE users ADD COLUMN disabled_at TEXT;
  CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_sha256 TEXT NOT NULL UNIQUE, label TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, revoked_at TEXT
  );
  CREATE INDEX tokens_user ON tokens (user_id);
  INSERT INTO tokens (id, user_id, token_sha256, label, created_at)
    SELECT 't-' || substr(md5(random()::text || id), 1, 24), id, token_sha256, 'migrated', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    FROM users WHERE token_sha256 IS NOT NULL;
  ALTER TABLE users DROP COLUMN token_sha256;
  CREATE UNIQUE INDEX users_email ON users (lower(email));

  ALTER TABLE mappings ADD COLUMN id TEXT;
  ALTER TABLE mappings ADD COLUMN created_by_user_id TEXT;
  ALTER TABLE mappings ADD COLUMN created_by_name TEXT;
  ALTER TABLE mappings ADD COLUMN created_at TEXT;
  UPDATE mappings SET id = 'm-' || substr(md5(random()::text || rowid::text), 1, 24);
  CREATE UNIQUE INDEX mappings_id ON mappings (id);

  ALTER TABLE flags ADD COLUMN version TEXT NOT NULL DEFAULT '';
  UPDATE flags SET version = substr(md5(random()::text || client_id), 1, 18);

  CREATE TABLE audit (
    seq BIGINT PRIMARY KEY, at TEXT NOT NULL, user_id TEXT, action TEXT NOT NULL, client_id TEXT,
    target TEXT, status INTEGER NOT NULL, request_id TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL
  );
  CREATE INDEX audit_client ON audit (client_id, seq);
  CREATE INDEX audit_user ON audit (user_id, seq);
  CREATE INDEX audit_at ON audit (at);
  -- The last number handed out, rolled back with its transaction like SQLite's sqlite_sequence.
  CREATE TABLE audit_counter (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL);
  INSERT INTO audit_counter (id, seq) VALUES (1, 0);
  CREATE TABLE audit_anchor (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL);
  CREATE TABLE audit_prune_gate (id INTEGER PRIMARY KEY CHECK (id = 1));
  CREATE FUNCTION audit_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$;
  CREATE FUNCTION audit_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM audit_prune_gate) THEN RAISE EXCEPTION 'the audit trail is append-only'; END IF;
      RETURN OLD;
    END $$;
  CREATE FUNCTION audit_anchor_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM audit_prune_gate) THEN RAISE EXCEPTION 'the audit anchor moves only with retention'; END IF;
      RETURN NEW;
    END $$;
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION audit_refuse_update();
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_refuse_delete();
  CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE ON audit_anchor FOR EACH ROW EXECUTE FUNCTION audit_anchor_refuse_update();
  CREATE TABLE feed_skips (entity TEXT NOT NULL, seq BIGINT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (entity, seq));
  `,
  // 4–6 are plain SQL both databases run as written.
  MIGRATIONS[3]!,
  MIGRATIONS[4]!,
  MIGRATIONS[5]!,
  // 7
  `
  CREATE TABLE rate_buckets (key TEXT PRIMARY KEY, tokens DOUBLE PRECISION NOT NULL, at_ms BIGINT NOT NULL, ok INTEGER NOT NULL);
  `,
  // 8
  MIGRATIONS[7]!,
];

if (POSTGRES_MIGRATIONS.length !== MIGRATIONS.length) throw new Error('Every migration needs its PostgreSQL text too.');

/**
 * Brings a PostgreSQL database up to `target` (default: latest) in one transaction (PostgreSQL's
 * DDL is transactional): a failed upgrade leaves the previous version; instances starting together
 * wait on the write lock, so each version is applied once.
 */
export async function migratePostgres(db: SqlDatabase, target = LATEST_SCHEMA_VERSION): Promise<number[]> {
  return db.transaction(async () => {
    await db.run(`CREATE TABLE IF NOT EXISTS lens_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)`);
    await db.run(`INSERT INTO lens_schema (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`);
    const current = (await db.value<number>(`SELECT version FROM lens_schema WHERE id = 1 FOR UPDATE`)) ?? 0;
    if (current > LATEST_SCHEMA_VERSION) {
      throw new Error(`Database schema version ${current} is newer than this server (${LATEST_SCHEMA_VERSION}).`);
    }
    const applied: number[] = [];
    for (let version = current + 1; version <= target; version++) {
      await db.run(POSTGRES_MIGRATIONS[version - 1]!);
      await db.run(`UPDATE lens_schema SET version = ?`, [version]);
      applied.push(version);
    }
    return applied;
  });
}

/** The schema version of the database (both dialects). */
export async function schemaVersion(db: SqlDatabase): Promise<number> {
  if (db.sqlite) return db.sqlite.pragma('user_version', { simple: true }) as number;
  return (await db.value<number>(`SELECT version FROM lens_schema WHERE id = 1`)) ?? 0;
}
