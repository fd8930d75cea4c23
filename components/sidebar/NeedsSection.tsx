import { useEffect, useRef, useState } from 'react';
import type { OutboxItemView } from '@/lib/messaging/outbox-item-view';
import type { ReadyView } from '@/lib/messaging/sidebar-view';
import type { SidebarActions } from './actions';
import { messages } from './messages';
import { emptyDraft, type NeedDraft, NeedForm } from './NeedForm';
import { NeedFilterSelect } from './NeedFilterSelect';
import { NeedItem, type TriageControls } from './NeedItem';
import { filterNeeds, isOpenNeed, NEEDS_MORE_STEP, NEEDS_SHOWN_AT_FIRST, type NeedFilter } from './need-list';
import { OutboxNeedItem } from './OutboxNeedItem';
import { Section } from './Section';

interface Editing {
  draft: NeedDraft;
  errors?: Record<string, string>;
  /** The refused outbox item this edit replaces once the new one is accepted. */
  replaces?: string;
}

/** Unmet needs, newest first, with the user's own not-yet-confirmed ones on top; "Log a need" one click away. */
export function NeedsSection({ view, actions, logNeedRequest = 0 }: { view: ReadyView; actions: SidebarActions; logNeedRequest?: number }) {
  const { context, me } = view;
  const [filter, setFilter] = useState<NeedFilter>('open');
  // How many needs are listed, for this client and filter only: another one starts again from the first 25.
  const listKey = `${context.client.id}|${filter}`;
  const [shown, setShown] = useState({ listKey, limit: NEEDS_SHOWN_AT_FIRST });
  const limit = shown.listKey === listKey ? shown.limit : NEEDS_SHOWN_AT_FIRST;
  const list = useRef<HTMLUListElement>(null);
  const firstRevealed = useRef<number | null>(null);
  useEffect(() => {
    // "Show more" goes away with the last needs it reveals: focus moves to the first of them.
    if (firstRevealed.current === null) return;
    const item = list.current?.querySelectorAll<HTMLElement>(':scope > li.need:not(.outbox)')[firstRevealed.current];
    firstRevealed.current = null;
    if (item) {
      item.tabIndex = -1;
      item.focus();
    }
  }, [limit]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    // After the form closes (logged or cancelled), focus goes back to where the user started.
    if (editing === null && returnFocus.current) {
      returnFocus.current = false;
      opener.current?.focus();
    }
  }, [editing]);

  const known = new Set(context.needs.map((n) => n.id));
  const queued = view.outbox.filter((o) => o.payload.kind === 'need' && o.clientId === context.client.id && !(o.receiptId && known.has(o.receiptId)));
  const needs = filterNeeds(context.needs, filter);
  const hidden = Math.max(0, needs.length - limit);
  const active = context.secondments.filter((s) => s.status === 'active');
  // A secondee logging from their host client's record: the need comes from their secondment.
  const mine = active.find((s) => me !== null && s.person.userId === me.id);
  useEffect(() => {
    // "Log a need from this placement" (the secondee's own placement): the form opens with it chosen.
    if (logNeedRequest > 0) {
      setEditing({ draft: emptyDraft(mine?.id ?? null) });
      opener.current?.scrollIntoView?.({ block: 'nearest' });
    }
  }, [logNeedRequest]); // eslint-disable-line react-hooks/exhaustive-deps
  const secondeeOf = (id: string | null) => context.secondments.find((s) => s.id === id)?.person.name;
  // BD triages in place; a need with a change still waiting in the outbox is not changed again meanwhile.
  const waiting = new Set(view.outbox.flatMap((o) => (o.payload.kind === 'need-triage' && o.state === 'pending' ? [o.payload.needId] : [])));
  const triageFor = (needId: string): TriageControls | undefined => (me?.role === 'bd' ? {
    meId: me.id, record: view.record, busy: waiting.has(needId),
    onTriage: (patch) => {
      const need = context.needs.find((n) => n.id === needId);
      if (need?.version) void actions.triageNeed(context.client.id, { id: need.id, title: need.title, version: need.version }, patch);
    },
  } : undefined);

  const close = () => {
    returnFocus.current = true;
    setEditing(null);
  };
  const edit = (item: OutboxItemView) => {
    if (item.payload.kind !== 'need') return;
    const n = item.payload.need;
    setEditing({
      draft: { title: n.title, practiceArea: n.practiceArea, detail: n.detail ?? '', confidential: n.confidential ?? false, sourceSecondmentId: n.sourceSecondmentId ?? null },
      errors: item.fieldErrors,
      replaces: item.id,
    });
  };

  return (
    <Section title={messages.needs.title} count={context.needs.filter(isOpenNeed).length} testId="needs">
      <div className="row spread">
        <button type="button" className="primary" ref={opener} onClick={() => setEditing({ draft: emptyDraft(mine?.id ?? null) })} aria-expanded={editing !== null}>
          {messages.needs.logNeed}
        </button>
        <NeedFilterSelect value={filter} onChange={setFilter} />
      </div>
      {editing && (
        <NeedForm key={editing.replaces ?? 'new'} practiceAreas={view.practiceAreas} secondments={active} initial={editing.draft} serverErrors={editing.errors}
          onSubmit={async (need) => {
            const result = await actions.logNeed(context.client.id, need);
            if (result.ok && editing.replaces) await actions.discardOutboxItem(editing.replaces);
            return result;
          }}
          onDone={close} />
      )}
      <ul className="needs" aria-label={messages.needs.title} ref={list}>
        {queued.map((item) => (
          <OutboxNeedItem key={item.id} item={item} onEdit={() => edit(item)} onDiscard={() => void actions.discardOutboxItem(item.id)}
            onRetry={actions.retryOutbox} onSignIn={actions.openOptions} onCopy={actions.copyText} />
        ))}
        {needs.slice(0, limit).map((n) => <NeedItem key={n.id} need={n} sourceSecondee={secondeeOf(n.sourceSecondmentId)} triage={triageFor(n.id)} />)}
      </ul>
      {hidden > 0 && (
        <button type="button" className="link" onClick={() => {
          firstRevealed.current = limit;
          setShown({ listKey, limit: limit + NEEDS_MORE_STEP });
        }}>
          {messages.needs.showMore(Math.min(NEEDS_MORE_STEP, hidden), hidden)}
        </button>
      )}
      {needs.length === 0 && queued.length === 0 && <p className="muted">{context.needs.length === 0 ? messages.needs.none : messages.needs.noneForFilter}</p>}
    </Section>
  );
}
