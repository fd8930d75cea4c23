/** `npm run admin -- <command>`: manage the reference endpoint's users, tokens, walls and audit trail. */
import { runAdmin } from './cli';

if (process.env.LENS_DATABASE_URL) {
  console.error('LENS_DATABASE_URL (PostgreSQL) is not supported by this version of the admin command yet; use LENS_DB (SQLite).');
  process.exit(2);
}

const status = await runAdmin(process.argv.slice(2), {
  dbPath: process.env.LENS_DB ?? 'data/lens.sqlite',
  io: { out: (line) => console.log(line), err: (line) => console.error(line) },
});
process.exit(status);
