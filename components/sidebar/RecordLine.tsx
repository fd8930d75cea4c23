import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import { KIND_LABEL, SYSTEM_LABEL } from './labels';

/** Which page record the sidebar is bound to: "Clio contact · Northwind (1001)". */
export function RecordLine({ record }: { record: RecordRefMessage }) {
  return (
    <p className="record-line" data-testid="bound-record">
      {SYSTEM_LABEL[record.system]} {KIND_LABEL[record.kind]}
      {record.label ? ` · ${record.label}` : ''} <span className="muted">({record.externalId})</span>
    </p>
  );
}
