import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { FirmStore } from '../store/firm-store';
import { type AdminCommand, type AdminIo, CommandFailed, UsageError } from './admin-context';
import { auditExport, auditPrune, auditVerify } from './commands/audit';
import { importClients, importSecondments, importUsers, importWalls } from './commands/imports';
import { tokensIssue, tokensList, tokensRevoke } from './commands/tokens';
import { usersAdd, usersDisable, usersEnable, usersList } from './commands/users';
import { wallsAdd, wallsRemove } from './commands/walls';

/** Every command, by its words. */
export const COMMANDS: readonly AdminCommand[] = [
  usersAdd, usersList, usersDisable, usersEnable,
  tokensIssue, tokensList, tokensRevoke,
  wallsAdd, wallsRemove,
  importUsers, importWalls, importClients, importSecondments,
  auditVerify, auditExport, auditPrune,
];

export type AdminOptions = { dbPath: string; io: AdminIo; commands?: readonly AdminCommand[] };

function overview(commands: readonly AdminCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Secondment Lens admin: npm run admin -- <command> [options]   (database: LENS_DATABASE_URL, else LENS_DB, default data/lens.sqlite)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --help. Each run is recorded in the audit trail.',
  ].join('\n');
}

/** Options of the command line that must never reach the audit trail verbatim. */
const SECRET_OPTIONS = new Set<string>();

/**
 * Runs one admin command on the endpoint's database and returns the exit status: 0 done, 1 the
 * command failed (said why), 2 it was called wrongly (usage printed). Each run — failed ones too —
 * is appended to the audit trail as `admin.command` with who ran it (the OS account) and what.
 */
export async function runAdmin(argv: readonly string[], opts: AdminOptions): Promise<number> {
  const commands = opts.commands ?? COMMANDS;
  const { io } = opts;
  if (!argv.length || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(overview(commands));
    return argv.length ? 0 : 2;
  }
  const command = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((word, i) => argv[i] === word));
  if (!command) {
    io.err(`Unknown command: ${argv.slice(0, 2).join(' ')}\n`);
    io.err(overview(commands));
    return 2;
  }
  const rest = argv.slice(command.name.split(' ').length);
  let parsed: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...rest], options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (parsed.positionals.length > (command.positionals ?? 0)) throw new UsageError(`Unexpected argument: ${parsed.positionals[command.positionals ?? 0]}`);
  } catch (err) {
    io.err(`${(err as Error).message}\nUsage: npm run admin -- ${command.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(`${command.summary}\nUsage: npm run admin -- ${command.usage}`);
    return 0;
  }

  let store: FirmStore;
  try {
    store = await FirmStore.open(opts.dbPath);
  } catch (err) {
    io.err(`Cannot open the database: ${(err as Error).message}`);
    return 1;
  }
  let status = 0;
  let detail = '';
  try {
    await command.run({ store, io, report: (d) => { detail = d; } }, parsed);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\nUsage: npm run admin -- ${command.usage}`);
      status = 2;
    } else if (err instanceof CommandFailed) {
      io.err(err.message);
      status = 1;
    } else {
      io.err(`The command failed: ${(err as Error).message}`);
      status = 1;
    }
  } finally {
    try {
      await store.audit.append({ userId: null, action: 'admin.command', target: `${describeRun(command, rest)}${detail ? ` → ${detail}` : ''}`, status });
    } finally {
      await store.close();
    }
  }
  return status;
}

/** "admin@host-user: users add --email x --role bd" — values of secret options are left out. */
function describeRun(command: AdminCommand, rest: readonly string[]): string {
  let account = 'unknown';
  try {
    account = userInfo().username;
  } catch { /* no passwd entry (containers) */ }
  const shown = rest.map((a, i) => (i > 0 && SECRET_OPTIONS.has(rest[i - 1]!) ? '***' : a)).join(' ');
  return `${account}: ${command.name} ${shown}`.trim();
}
