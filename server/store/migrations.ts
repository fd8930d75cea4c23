import type Database from 'better-sqlite3';

/**
 * Ordered schema migrations. Index + 1 is the schema version kept in `PRAGMA user_version`;
 * each runs in its own transaction, so a failed upgrade leaves the previous version intact.
 * Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // 1 — the firm's book. Every entity row carries `seq` from one global counter bumped on each
  // write, so the per-user delta feed is a merge of index range scans over `seq > since`.
  `
  CREATE TABLE counter (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL);
  INSERT INTO counter (id, seq) VALUES (1, 0);

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lawyer', 'bd')),
    title TEXT NOT NULL DEFAULT '',
    token_sha256 TEXT UNIQUE
  );

  CREATE TABLE clients (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    industry TEXT NOT NULL,
    created_seq INTEGER NOT NULL,
    seq INTEGER NOT NULL
  );
  CREATE INDEX clients_seq ON clients (seq);
  CREATE INDEX clients_name ON clients (name COLLATE NOCASE);

  CREATE TABLE mappings (
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    system TEXT NOT NULL,
    kind TEXT NOT NULL,
    external_id TEXT NOT NULL,
    tenant TEXT
  );
  CREATE UNIQUE INDEX mappings_unique ON mappings (system, kind, external_id, COALESCE(tenant, ''), client_id);
  CREATE INDEX mappings_client ON mappings (client_id);

  CREATE TABLE secondments (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    direction TEXT NOT NULL,
    person_user_id TEXT,
    person_name TEXT NOT NULL,
    person_title TEXT NOT NULL,
    host_team TEXT NOT NULL,
    host_contact_json TEXT,
    planned_start TEXT NOT NULL,
    planned_end TEXT NOT NULL,
    actual_end TEXT,
    status TEXT NOT NULL,
    billing_basis TEXT NOT NULL,
    objectives_json TEXT NOT NULL,
    checkin_last TEXT,
    checkin_next_due TEXT,
    review_json TEXT,
    reintegration_plan TEXT,
    seq INTEGER NOT NULL
  );
  CREATE INDEX secondments_seq ON secondments (seq);
  CREATE INDEX secondments_client ON secondments (client_id);

  CREATE TABLE needs (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    detail TEXT NOT NULL,
    practice_area TEXT NOT NULL,
    identified_by_user_id TEXT,
    identified_by_name TEXT NOT NULL,
    identified_at TEXT NOT NULL,
    source_secondment_id TEXT,
    confidential INTEGER NOT NULL,
    status TEXT NOT NULL,
    seq INTEGER NOT NULL
  );
  CREATE INDEX needs_seq ON needs (seq);
  CREATE INDEX needs_client ON needs (client_id, identified_at);

  CREATE TABLE flags (
    client_id TEXT PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
    flagged_by_user_id TEXT,
    flagged_by_name TEXT NOT NULL,
    flagged_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    priority TEXT NOT NULL,
    seq INTEGER NOT NULL
  );
  CREATE INDEX flags_seq ON flags (seq);

  -- Deletions, so that the feed can tell a cache to drop what it holds.
  CREATE TABLE tombstones (
    seq INTEGER PRIMARY KEY,
    entity TEXT NOT NULL CHECK (entity IN ('client', 'secondment', 'need', 'flag')),
    client_id TEXT NOT NULL,
    entity_id TEXT NOT NULL
  );

  -- Ethical walls: the user must never see the client. seq = when it was raised (feed: access.revoke).
  CREATE TABLE walls (
    user_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (user_id, client_id)
  );
  CREATE INDEX walls_user_seq ON walls (user_id, seq);

  CREATE TABLE practice_areas (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
  `,
  // 2 — Idempotency-Key records (IETF httpapi draft): scoped per user, kept across restarts.
  `
  CREATE TABLE idempotency_keys (
    user_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('processing', 'done')),
    status INTEGER,
    body TEXT,
    headers_json TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, key)
  );
  CREATE INDEX idempotency_created ON idempotency_keys (created_at);
  `,
  // 3 — what a risk team signs off: the `risk` role and disabled users; several tokens per user,
  // revocable; who linked which PMS record; versioned candidate flags; the append-only audit trail.
  `
  CREATE TABLE users_v3 (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lawyer', 'bd', 'risk')),
    title TEXT NOT NULL DEFAULT '',
    disabled_at TEXT
  );
  INSERT INTO users_v3 (id, name, email, role, title) SELECT id, name, email, role, title FROM users;

  CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users_v3 (id) ON DELETE CASCADE,
    token_sha256 TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE INDEX tokens_user ON tokens (user_id);
  INSERT INTO tokens (id, user_id, token_sha256, label, created_at)
    SELECT 't-' || lower(hex(randomblob(12))), id, token_sha256, 'migrated', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM users WHERE token_sha256 IS NOT NULL;
  DROP TABLE users;
  ALTER TABLE users_v3 RENAME TO users;
  CREATE UNIQUE INDEX users_email ON users (lower(email));

  ALTER TABLE mappings ADD COLUMN id TEXT;
  ALTER TABLE mappings ADD COLUMN created_by_user_id TEXT;
  ALTER TABLE mappings ADD COLUMN created_by_name TEXT;
  ALTER TABLE mappings ADD COLUMN created_at TEXT;
  UPDATE mappings SET id = 'm-' || lower(hex(randomblob(12)));
  CREATE UNIQUE INDEX mappings_id ON mappings (id);

  ALTER TABLE flags ADD COLUMN version TEXT NOT NULL DEFAULT '';
  UPDATE flags SET version = lower(hex(randomblob(9)));

  -- The audit trail: append-only (triggers refuse UPDATE, and DELETE unless the retention pruner
  -- holds the gate), each row's hash covering the row and the hash of the row before it.
  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user_id TEXT,
    action TEXT NOT NULL,
    client_id TEXT,
    target TEXT,
    status INTEGER NOT NULL,
    request_id TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX audit_client ON audit (client_id, seq);
  CREATE INDEX audit_user ON audit (user_id, seq);
  CREATE INDEX audit_at ON audit (at);
  -- The hash of the last row pruned by retention: where verification of what is left starts.
  CREATE TABLE audit_anchor (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);
  CREATE TABLE audit_prune_gate (id INTEGER PRIMARY KEY CHECK (id = 1));
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN NOT EXISTS (SELECT 1 FROM audit_prune_gate)
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  CREATE TRIGGER audit_anchor_no_update BEFORE UPDATE ON audit_anchor WHEN NOT EXISTS (SELECT 1 FROM audit_prune_gate)
    BEGIN SELECT RAISE(ABORT, 'the audit anchor moves only with retention'); END;

  -- Feed rows that failed the contract, so each is reported to the audit trail once, not per read.
  CREATE TABLE feed_skips (entity TEXT NOT NULL, seq INTEGER NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (entity, seq));
  `,
  // 4 — from noticing to winning: need triage (owner, matter, who moved the status), versions for
  // If-Match on needs and secondments, the firm-side mentor, and recorded check-ins.
  `
  ALTER TABLE needs ADD COLUMN owner_user_id TEXT;
  ALTER TABLE needs ADD COLUMN owner_name TEXT;
  ALTER TABLE needs ADD COLUMN matter_json TEXT;
  ALTER TABLE needs ADD COLUMN status_changed_by_user_id TEXT;
  ALTER TABLE needs ADD COLUMN status_changed_by_name TEXT;
  ALTER TABLE needs ADD COLUMN status_changed_at TEXT;
  ALTER TABLE needs ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

  ALTER TABLE secondments ADD COLUMN firm_mentor_user_id TEXT;
  ALTER TABLE secondments ADD COLUMN firm_mentor_name TEXT;
  ALTER TABLE secondments ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

  CREATE TABLE check_ins (
    id TEXT PRIMARY KEY,
    secondment_id TEXT NOT NULL REFERENCES secondments (id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by_user_id TEXT,
    recorded_by_name TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  );
  CREATE INDEX check_ins_secondment ON check_ins (secondment_id, date);
  `,
  // 5 — sign-in with the firm's identity provider: a user is bound to the provider's subject on
  // first sign-in by email, and by subject from then on.
  `
  ALTER TABLE users ADD COLUMN oidc_subject TEXT;
  CREATE UNIQUE INDEX users_oidc_subject ON users (oidc_subject) WHERE oidc_subject IS NOT NULL;
  `,
  // 6 — imports find a secondment by its natural key (client, planned start, secondee, direction).
  `
  CREATE INDEX secondments_natural ON secondments (client_id, planned_start);
  `,
  // 7 — request budgets shared by every instance on one database (used on PostgreSQL; a single
  // SQLite instance keeps its buckets in memory).
  `
  CREATE TABLE rate_buckets (key TEXT PRIMARY KEY, tokens REAL NOT NULL, at_ms INTEGER NOT NULL, ok INTEGER NOT NULL);
  `,
  // 8 — which clients each user was answered about (a client's data, or its name among a resolve's
  // matches), so a wall raised later reaches every cache that may hold it (see changes-feed.ts).
  // Filled from the audit trail's successful requests so far; plain SQL both databases run.
  `
  CREATE TABLE disclosures (user_id TEXT NOT NULL, client_id TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (user_id, client_id));
  CREATE INDEX disclosures_at ON disclosures (at);
  INSERT INTO disclosures (user_id, client_id, at)
    SELECT user_id, client_id, MAX(at) FROM audit
    WHERE user_id IS NOT NULL AND client_id IS NOT NULL AND status >= 200 AND status < 400
    GROUP BY user_id, client_id;
  `,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the SQLite file `db` up to `target` (default: latest). Returns the versions applied. */
export function migrate(db: Database.Database, target = LATEST_SCHEMA_VERSION): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(`Database schema version ${current} is newer than this server (${LATEST_SCHEMA_VERSION}).`);
  }
  const applied: number[] = [];
  for (let version = current + 1; version <= target; version++) {
    const sql = MIGRATIONS[version - 1]!;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`); // integer we control, not input
    })();
    applied.push(version);
  }
  return applied;
}
