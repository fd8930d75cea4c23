// The idempotency suite again, on a throwaway PostgreSQL cluster (see test/server/helpers.ts).
import { runOnPostgres } from '../helpers';
await runOnPostgres();
await import('../idempotency.test');
