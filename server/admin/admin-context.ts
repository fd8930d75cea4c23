import type { FirmStore } from '../store/firm-store';

/** Where a command writes: standard output for results, standard error for errors (tests capture both). */
export type AdminIo = { out: (line: string) => void; err: (line: string) => void };

/**
 * What every admin command gets: the open store (the database the server uses), the output, and
 * `report` to add what it did (counts) to its audit-trail row.
 */
export type AdminContext = { store: FirmStore; io: AdminIo; report?: (detail: string) => void };

/** A mistake in how the command was called: printed with the command's usage, exit status 2. */
export class UsageError extends Error {}

/** The command ran but could not do what was asked (unknown user, broken audit chain): exit status 1. */
export class CommandFailed extends Error {}

/** One admin command: its usage text, and what it does with the parsed arguments. */
export type AdminCommand = {
  /** `users add`, `audit verify`… */
  name: string;
  summary: string;
  usage: string;
  /** Options it takes (node:util parseArgs shape); `help` is added for every command. */
  options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
  /** Whether it takes positional arguments, and how many at most. */
  positionals?: number;
  /** Writes nothing: an audit-trail read still records who read it. */
  run(ctx: AdminContext, args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }): Promise<void> | void;
};

export function requireString(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required.`);
  return v.trim();
}
