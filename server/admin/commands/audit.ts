import { writeFileSync } from 'node:fs';
import { toAuditEntry } from '../../store/audit-log';
import { type AdminCommand, CommandFailed, UsageError } from '../admin-context';

const CSV_COLUMNS = ['id', 'at', 'userId', 'action', 'clientId', 'target', 'status', 'requestId', 'prevHash', 'hash'] as const;

/** RFC 4180 field; a leading = + - @ is prefixed with ' so that a spreadsheet does not run it as a formula. */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `--since` as an instant: a day (`2026-11-01`, midnight UTC) or a full ISO date-time. */
export function parseSince(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00.000Z` : raw;
  const t = Date.parse(day);
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}/.test(raw)) throw new UsageError(`--since must be a date (YYYY-MM-DD) or an ISO date-time, not ${JSON.stringify(raw)}.`);
  return new Date(t).toISOString();
}

export const auditVerify: AdminCommand = {
  name: 'audit verify',
  summary: 'check the audit trail\'s hash chain; print the first broken row',
  usage: 'audit verify',
  options: {},
  async run({ store, io }) {
    const r = await store.audit.verify();
    if (!r.ok) {
      throw new CommandFailed(`The audit trail is BROKEN at row ${r.brokenSeq}: ${r.reason}. ${r.rows - 1} row(s) before it verified.`);
    }
    io.out(r.rows === 0 ? 'The audit trail is empty.' : `The audit trail is intact: ${r.rows} row(s), ${r.firstSeq}–${r.lastSeq}.`);
  },
};

export const auditExport: AdminCommand = {
  name: 'audit export',
  summary: 'write the audit trail from a date on, as CSV or JSON lines',
  usage: 'audit export --since <YYYY-MM-DD | ISO date-time> [--format csv|jsonl] [--out <file>]',
  options: { since: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  async run({ store, io }, { values }) {
    const format = (values.format as string | undefined) ?? 'csv';
    if (format !== 'csv' && format !== 'jsonl') throw new UsageError(`--format must be csv or jsonl, not ${JSON.stringify(format)}.`);
    if (values.since === undefined) throw new UsageError('--since is required (the export of a whole trail is a deliberate choice: --since 1970-01-01).');
    const since = parseSince(values.since as string);
    const lines: string[] = format === 'csv' ? [CSV_COLUMNS.join(',')] : [];
    let count = 0;
    for await (const row of store.audit.rowsSince(since)) {
      const e = toAuditEntry(row);
      lines.push(format === 'csv' ? CSV_COLUMNS.map((c) => csvField(e[c])).join(',') : JSON.stringify(e));
      count++;
    }
    const text = lines.length ? `${lines.join('\n')}\n` : '';
    if (typeof values.out === 'string') {
      writeFileSync(values.out, text);
      io.err(`${count} row(s) written to ${values.out}.`);
    } else {
      if (lines.length) io.out(lines.join('\n'));
    }
  },
};

export const auditPrune: AdminCommand = {
  name: 'audit prune',
  summary: 'delete rows older than the retention period, keeping the chain verifiable',
  usage: 'audit prune --older-than-days <days>',
  options: { 'older-than-days': { type: 'string' } },
  async run({ store, io }, { values }) {
    const days = Number(values['older-than-days']);
    if (!Number.isInteger(days) || days < 1) throw new UsageError('--older-than-days must be a whole number of days, 1 or more.');
    const removed = await store.audit.prune(new Date(Date.now() - days * 24 * 3600_000).toISOString());
    io.out(`${removed} row(s) older than ${days} day(s) pruned; the remaining trail starts from the last pruned row's hash.`);
  },
};
