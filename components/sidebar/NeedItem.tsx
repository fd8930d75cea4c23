import type { Need } from '@/lib/contract/need';
import { formatDate } from '@/lib/format/dates';
import { messages } from './messages';

/** One unmet need: title, status, practice area, who and when, the secondment it came from. */
export function NeedItem({ need, sourceSecondee }: { need: Need; sourceSecondee?: string }) {
  const m = messages.needs;
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
    </li>
  );
}
