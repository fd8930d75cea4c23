/**
 * `npm run server`: the reference firm endpoint on LENS_HOST:LENS_PORT with the PostgreSQL database
 * LENS_DATABASE_URL (postgres://…) when set, else the SQLite file LENS_DB (default data/lens.sqlite).
 * LENS_DEMO=1 seeds the demo firm (with its public demo tokens) into an empty database; without it an
 * empty endpoint starts empty. LENS_RATE_LIMIT: requests per minute per user (default 600).
 * LENS_AUDIT_RETENTION_DAYS: audit rows older than this are pruned (default: kept forever).
 * LENS_OIDC_ISSUER + LENS_OIDC_AUDIENCE: also accept access tokens from the firm's identity provider.
 */
import { DEMO_USERS } from './demo/demo-ids';
import { oidcSettingsFromEnv } from './oidc-verifier';
import { rateLimitsFromEnv } from './rate-limit';
import { databaseLocationFromEnv } from './store/database';
import { startServer } from './start-server';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const port = Number(process.env.LENS_PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`LENS_PORT must be a port number, not ${JSON.stringify(process.env.LENS_PORT)}`);
const retentionRaw = process.env.LENS_AUDIT_RETENTION_DAYS ?? '0';
const auditRetentionDays = Number(retentionRaw);
if (!Number.isInteger(auditRetentionDays) || auditRetentionDays < 0) fail(`LENS_AUDIT_RETENTION_DAYS must be a whole number of days (0 = keep forever), not ${JSON.stringify(retentionRaw)}`);
let limits;
let oidc;
let database = '';
try {
  database = databaseLocationFromEnv();
  limits = rateLimitsFromEnv();
  oidc = oidcSettingsFromEnv();
} catch (err) {
  fail((err as Error).message);
}
const demo = process.env.LENS_DEMO === '1';

const server = await startServer({
  port,
  host: process.env.LENS_HOST ?? '127.0.0.1',
  dbPath: database,
  log: true,
  seed: demo,
  limits,
  trustProxy: process.env.LENS_TRUST_PROXY === '1',
  auditRetentionDays,
  oidc,
});
if (oidc) console.log(`Accepting sign-ins from ${oidc.issuer} (audience ${oidc.audience}) as well as API tokens.`);

// Never the password: the database is named by host and name only.
const where = server.store.dialect === 'postgres' ? `PostgreSQL ${new URL(database).host}${new URL(database).pathname}` : `SQLite ${database}`;
console.log(`Secondment Lens reference endpoint: ${server.url}  (OpenAPI: ${server.url}/v1/openapi.json; database: ${where})`);
if (await server.store.users.count() === 0) {
  console.log('This endpoint has no users yet. Add the first one (its token is printed once):');
  console.log('  npm run admin -- users add --name "Rita Chen" --email rita.chen@yourfirm.com --role risk');
  console.log('Or start with the demo firm instead: LENS_DEMO=1 npm run server (empty database only).');
} else if (demo && await server.store.userByToken(DEMO_USERS.partner.token)) {
  console.log('Demo sign-ins (bearer tokens):');
  for (const u of Object.values(DEMO_USERS)) console.log(`  ${u.name.padEnd(14)} ${u.role.padEnd(6)} ${u.token}`);
}

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
