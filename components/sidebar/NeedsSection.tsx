import { useRef, useState } from 'react';
import type { Need, NeedStatus } from '@/lib/contract/need';
import { formatDate } from '@/lib/format/dates';
import type { OutboxItemView } from '@/lib/messaging/outbox-item-view';
import type { ReadyView } from '@/lib/messaging/sidebar-view';
import type { SidebarActions } from './actions';
import { NEED_STATUS_LABEL } from './labels';
import { type NeedDraft, NeedForm } from './NeedForm';
import { OutboxNeedItem } from './OutboxNeedItem';
import { Section } from './Section';

type Filter = 'open' | 'all' | NeedStatus;
const OPEN = new Set<NeedStatus>(['new', 'qualified', 'pursuing']);

/** Unmet needs, newest first, with the user's own not-yet-confirmed ones on top; "Log a need" one click away. */
export function NeedsSection({ view, actions }: { view: ReadyView; actions: SidebarActions }) {
  const { context, me } = view;
  const [filter, setFilter] = useState<Filter>('open');
  const [editing, setEditing] = useState<{ draft?: NeedDraft; errors?: Record<string, string>; replaces?: string } | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const known = new Set(context.needs.map((n) => n.id));
  const queued = view.outbox.filter((o) => o.payload.kind === 'need' && !(o.receiptId && known.has(o.receiptId)));
  const needs = [...context.needs]
    .filter((n) => (filter === 'all' ? true : filter === 'open' ? OPEN.has(n.status) : n.status === filter))
    .sort((a, b) => b.identifiedAt.localeCompare(a.identifiedAt));
  const secondmentOf = (id: string | null) => context.secondments.find((s) => s.id === id);
  // A secondee logging from their host client's record: the need comes from their secondment.
  const mySecondment = context.secondments.find((s) => s.status === 'active' && me && s.person.userId === me.id);

  const close = () => {
    setEditing(null);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const edit = (item: OutboxItemView) => {
    if (item.payload.kind !== 'need') return;
    const n = item.payload.need;
    setEditing({ draft: { title: n.title, practiceArea: n.practiceArea, detail: n.detail ?? '', confidential: n.confidential ?? false }, errors: item.fieldErrors, replaces: item.id });
  };

  return (
    <Section title="Unmet needs" count={context.needs.filter((n) => OPEN.has(n.status)).length} testId="needs">
      <div className="row spread">
        <button type="button" className="primary" ref={opener} onClick={() => setEditing({})} disabled={editing !== null}>Log a need</button>
        <label className="row">
          <span className="visually-hidden">Show needs</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)} aria-label="Show needs">
            <option value="open">Open</option>
            <option value="all">All</option>
            {Object.entries(NEED_STATUS_LABEL).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </label>
      </div>
      {editing && (
        <NeedForm practiceAreas={view.practiceAreas} sourceSecondmentId={mySecondment?.id ?? null} initial={editing.draft} serverErrors={editing.errors}
          onSubmit={async (need) => {
            const result = await actions.logNeed(context.client.id, need);
            if (result.ok && editing.replaces) await actions.discardOutboxItem(editing.replaces);
            return result;
          }}
          onDone={close} />
      )}
      <ul className="needs" aria-live="polite">
        {queued.map((item) => <OutboxNeedItem key={item.id} item={item} onEdit={() => edit(item)} onDiscard={() => void actions.discardOutboxItem(item.id)} onRetry={actions.retryOutbox} />)}
        {needs.map((n) => <NeedItem key={n.id} need={n} source={secondmentOf(n.sourceSecondmentId)?.person.name} />)}
      </ul>
      {needs.length === 0 && queued.length === 0 && <p className="muted">No {filter === 'all' ? '' : 'such '}needs recorded.</p>}
    </Section>
  );
}

function NeedItem({ need, source }: { need: Need; source?: string }) {
  return (
    <li className="need" data-need-id={need.id}>
      <p className="row spread">
        <strong>{need.title}</strong>
        <span className={`status ${need.status}`}>{NEED_STATUS_LABEL[need.status]}</span>
      </p>
      <p className="muted">
        {need.practiceArea} · {need.identifiedBy.name}, {formatDate(need.identifiedAt)}
        {source ? ` · from ${source}'s secondment` : ''}
        {need.confidential ? ' · in confidence' : ''}
      </p>
      {need.detail && <p className="detail-text">{need.detail}</p>}
    </li>
  );
}
