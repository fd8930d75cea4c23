import type { NeedStatus } from '../contract/need';
import type { ExternalRecord } from '../contract/pms';
import { toCsv } from './csv';
import type { NeedRow } from './need-row';

/** The columns of an exported board, in order. Their headings come from the page's messages. */
export const NEED_CSV_FIELDS = ['status', 'client', 'need', 'practiceArea', 'owner', 'noticedBy', 'noticedOn', 'ageDays', 'confidential', 'matter'] as const;
export type NeedCsvField = (typeof NEED_CSV_FIELDS)[number];

/** The words an export needs (translatable, like every word on the page). */
export interface NeedCsvText {
  heading: Record<NeedCsvField, string>;
  status: Record<NeedStatus, string>;
  /** What stands for a redacted need's title: never its text, which is not in the cache. */
  redacted: (askContact: string | null) => string;
  yes: string;
  no: string;
  matter: (record: ExternalRecord) => string;
}

function cells(row: NeedRow, text: NeedCsvText): Record<NeedCsvField, string> {
  return {
    status: text.status[row.status],
    client: row.clientName,
    need: row.title ?? text.redacted(row.askContact),
    practiceArea: row.practiceArea,
    owner: row.ownerName ?? '',
    noticedBy: row.identifiedBy,
    noticedOn: Number.isFinite(row.identifiedAtMs) ? new Date(row.identifiedAtMs).toISOString().slice(0, 10) : '',
    ageDays: String(row.ageDays),
    confidential: row.confidential ? text.yes : text.no,
    matter: row.matter ? text.matter(row.matter) : '',
  };
}

/** The needs of the current view as CSV, one row each, in the order shown. */
export function needsCsv(rows: readonly NeedRow[], text: NeedCsvText): string {
  return toCsv(
    NEED_CSV_FIELDS.map((f) => text.heading[f]),
    rows.map((row) => {
      const c = cells(row, text);
      return NEED_CSV_FIELDS.map((f) => c[f]);
    }),
  );
}
