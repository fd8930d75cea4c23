import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import { messages } from './messages';

/** Which page record the sidebar is bound to: "Clio contact · Northwind (1001)". */
export function RecordLine({ record }: { record: RecordRefMessage }) {
  const m = messages.record;
  return (
    <p className="record-line" data-testid="bound-record">
      {m.line(m.system[record.system], m.kind[record.kind])}
      {record.label ? ` · ${record.label}` : ''} <span className="muted">({record.externalId})</span>
    </p>
  );
}
