import type { Need, NeedPatch } from '@/lib/contract/need';
import { formatDate } from '@/lib/format/dates';
import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import { messages } from './messages';
import { NeedTriage } from './NeedTriage';

/** BD's triage of this need, when the viewer is BD: who they are, and where a change goes. */
export type TriageControls = { meId: string; record: RecordRefMessage; busy: boolean; onTriage: (patch: NeedPatch) => void };

/**
 * One unmet need: title, status, practice area, who and when, the secondment it came from, who owns
 * it and who last moved it; a confidential need the endpoint redacted says whom to ask, nothing more.
 */
export function NeedItem({ need, sourceSecondee, triage }: { need: Need; sourceSecondee?: string; triage?: TriageControls }) {
  const m = messages.needs;
  if (need.redacted) {
    return (
      <li className="need redacted" data-need-id={need.id}>
        <p className="row spread">
          <strong>{m.redacted(need.askContact?.name ?? 'Business Development')}</strong>
          <span className={`status ${need.status}`}>{m.status[need.status]}</span>
        </p>
        <p className="muted">{m.byline(need.practiceArea, need.identifiedBy.name, formatDate(need.identifiedAt))}</p>
      </li>
    );
  }
  const t = messages.triage;
  return (
    <li className="need" data-need-id={need.id}>
      <p className="row spread">
        <strong>{need.title}</strong>
        <span className={`status ${need.status}`}>{m.status[need.status]}</span>
      </p>
      <p className="muted">
        {m.byline(need.practiceArea, need.identifiedBy.name, formatDate(need.identifiedAt))}
        {sourceSecondee ? ` · ${m.fromSecondment(sourceSecondee)}` : ''}
        {need.confidential ? ` · ${m.inConfidence}` : ''}
      </p>
      {need.detail && <p className="detail-text">{need.detail}</p>}
      {(need.owner || need.statusChangedBy || need.matter) && (
        <p className="muted" data-testid="need-triage-line">
          {[
            need.owner ? t.owner(need.owner.name) : '',
            need.statusChangedBy && need.statusChangedAt ? t.movedBy(m.status[need.status], need.statusChangedBy.name, formatDate(need.statusChangedAt)) : '',
            need.matter ? t.matter(need.matter.externalId) : '',
          ].filter(Boolean).join(' · ')}
        </p>
      )}
      {triage && need.version && <NeedTriage need={need} {...triage} />}
    </li>
  );
}
