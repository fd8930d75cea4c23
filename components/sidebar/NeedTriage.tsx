import { useId, useState } from 'react';
import type { Need, NeedPatch, NeedStatus } from '@/lib/contract/need';
import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import { messages } from './messages';

const STATUSES: NeedStatus[] = ['new', 'qualified', 'pursuing', 'won', 'declined'];

/**
 * BD's controls on one need, in place: its status, taking it on (or letting it go), and once won,
 * the matter number it became (a matter in the system this page belongs to). Each change goes
 * through the outbox with the need's version as seen, so a colleague's newer change is not lost.
 */
export function NeedTriage({ need, meId, record, busy, onTriage }: {
  need: Need; meId: string; record: RecordRefMessage; busy: boolean; onTriage: (patch: NeedPatch) => void;
}) {
  const m = messages.triage;
  const statusId = useId();
  const matterId = useId();
  const [matter, setMatter] = useState('');
  const mine = need.owner?.userId === meId;
  return (
    <div className="triage row wrap" data-testid="need-triage">
      <label htmlFor={statusId} className="visually-hidden">{m.statusLabel(need.title)}</label>
      <select id={statusId} value={need.status} disabled={busy} onChange={(e) => onTriage({ status: e.target.value as NeedStatus })}>
        {STATUSES.map((s) => <option key={s} value={s}>{messages.needs.status[s]}</option>)}
      </select>
      <button type="button" disabled={busy} onClick={() => onTriage({ owner: mine ? null : { userId: meId } })}>
        {mine ? m.unassign : m.assignToMe}
      </button>
      {need.status === 'won' && !need.matter && (
        <form className="row" onSubmit={(e) => {
          e.preventDefault();
          const id = matter.trim();
          if (id) onTriage({ matter: { system: record.system, kind: 'matter', externalId: id.slice(0, 128), tenant: record.tenant ?? null } });
        }}>
          <label htmlFor={matterId}>{m.matterLabel}</label>
          <input id={matterId} value={matter} maxLength={128} onChange={(e) => setMatter(e.target.value)} disabled={busy} />
          <button type="submit" disabled={busy || matter.trim() === ''}>{m.matterSave}</button>
        </form>
      )}
    </div>
  );
}
