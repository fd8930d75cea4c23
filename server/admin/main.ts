/** `npm run admin -- <command>`: manage the reference endpoint's users, tokens, walls and audit trail. */
import { databaseLocationFromEnv } from '../store/database';
import { runAdmin } from './cli';

let database: string;
try {
  // The database the server uses: LENS_DATABASE_URL (PostgreSQL) when set, else LENS_DB (SQLite).
  database = databaseLocationFromEnv();
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}

const status = await runAdmin(process.argv.slice(2), {
  dbPath: database,
  io: { out: (line) => console.log(line), err: (line) => console.error(line) },
});
process.exit(status);
