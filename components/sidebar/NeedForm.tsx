import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { NEED_DETAIL_MAX, NEED_TITLE_MAX, NewNeed } from '@/lib/contract/need';
import type { Secondment } from '@/lib/contract/secondment';
import type { Result } from '@/lib/messaging/result';
import { FieldError } from './FieldError';
import { messages } from './messages';

export interface NeedDraft {
  title: string;
  practiceArea: string;
  detail: string;
  confidential: boolean;
  sourceSecondmentId: string | null;
}

type Field = keyof NeedDraft;
type FieldErrors = Partial<Record<Field | 'form', string>>;
const FIELDS: Field[] = ['title', 'practiceArea', 'detail', 'sourceSecondmentId', 'confidential'];
const isField = (key: string): key is Field => (FIELDS as string[]).includes(key);

export const emptyDraft = (sourceSecondmentId: string | null): NeedDraft => ({ title: '', practiceArea: '', detail: '', confidential: false, sourceSecondmentId });

/**
 * Log an unmet need in seconds: the title is focused, Enter submits (Ctrl+Enter in the detail),
 * Escape cancels. Errors sit next to their field and the first one takes focus; on any failure the
 * form keeps what was typed.
 */
export function NeedForm(props: {
  practiceAreas: string[];
  /** The secondments a need can come from (the client's active ones). */
  secondments: Secondment[];
  initial: NeedDraft;
  serverErrors?: Record<string, string>;
  onSubmit: (need: NewNeed) => Promise<Result<unknown>>;
  onDone: (how: 'logged' | 'cancelled') => void;
}) {
  const m = messages.needForm;
  const [draft, setDraft] = useState<NeedDraft>(props.initial);
  const [errors, setErrors] = useState<FieldErrors>(() => fromServer(props.serverErrors));
  const [busy, setBusy] = useState(false);
  const refs = {
    title: useRef<HTMLInputElement>(null),
    practiceArea: useRef<HTMLSelectElement>(null),
    detail: useRef<HTMLTextAreaElement>(null),
  };
  useEffect(() => refs.title.current?.focus(), []); // eslint-disable-line react-hooks/exhaustive-deps
  // While the need is being logged the form holds what was sent: an edit made then would be dropped
  // silently when the form closes, so the fields take none (the text fields are read-only too).
  const set = <K extends Field>(key: K, value: NeedDraft[K]) => {
    if (!busy) setDraft((d) => ({ ...d, [key]: value }));
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const fieldErrors = validate(draft);
    setErrors(fieldErrors);
    const first = FIELDS.find((f) => fieldErrors[f]);
    if (first) {
      if (first === 'title' || first === 'practiceArea' || first === 'detail') refs[first].current?.focus();
      return;
    }
    setBusy(true);
    const result = await props.onSubmit({ ...draft });
    setBusy(false);
    if (result.ok) props.onDone('logged');
    else setErrors({ form: result.error.message });
  };

  // Enter in a text field submits natively; make the select and checkbox behave the same way.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onDone('cancelled');
    } else if (event.key === 'Enter' && (target.tagName === 'SELECT' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'checkbox'))) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Enter' && target.tagName === 'TEXTAREA' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const invalid = (key: Field) => ({ 'aria-invalid': errors[key] ? true : undefined, 'aria-describedby': errors[key] ? `need-${key}-error` : undefined });
  return (
    <form className="need-form" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} aria-label={m.label} aria-busy={busy || undefined} noValidate>
      <label htmlFor="need-title">{m.title}</label>
      <input id="need-title" ref={refs.title} value={draft.title} readOnly={busy} maxLength={NEED_TITLE_MAX + 50} onChange={(e) => set('title', e.target.value)}
        required {...invalid('title')} placeholder={m.titlePlaceholder} autoComplete="off" />
      <FieldError id="need-title-error" message={errors.title} />

      <label htmlFor="need-area">{m.practiceArea}</label>
      <select id="need-area" ref={refs.practiceArea} value={draft.practiceArea} onChange={(e) => set('practiceArea', e.target.value)} required {...invalid('practiceArea')}>
        <option value="">{m.choose}</option>
        {props.practiceAreas.map((a) => <option key={a} value={a}>{a}</option>)}
      </select>
      <FieldError id="need-practiceArea-error" message={errors.practiceArea} />

      <label htmlFor="need-detail">{m.detail} <span className="muted">{m.optional}</span></label>
      <textarea id="need-detail" ref={refs.detail} rows={3} value={draft.detail} readOnly={busy} maxLength={NEED_DETAIL_MAX + 100} onChange={(e) => set('detail', e.target.value)} {...invalid('detail')} />
      <FieldError id="need-detail-error" message={errors.detail} />

      {props.secondments.length > 0 && (
        <>
          <label htmlFor="need-source">{m.source}</label>
          <select id="need-source" value={draft.sourceSecondmentId ?? ''} onChange={(e) => set('sourceSecondmentId', e.target.value || null)} {...invalid('sourceSecondmentId')}>
            <option value="">{m.noSource}</option>
            {props.secondments.map((s) => <option key={s.id} value={s.id}>{m.sourceOption(s.person.name)}</option>)}
          </select>
          <FieldError id="need-sourceSecondmentId-error" message={errors.sourceSecondmentId} />
        </>
      )}

      <label className="check">
        <input type="checkbox" checked={draft.confidential} onChange={(e) => set('confidential', e.target.checked)} aria-describedby="need-confidential-hint" />
        {m.confidential}
      </label>
      <p id="need-confidential-hint" className="muted hint">{m.confidentialHint}</p>
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
      <div className="row">
        <button type="submit" className="primary" aria-disabled={busy || undefined}>{busy ? m.submitting : m.submit}</button>
        <button type="button" onClick={() => props.onDone('cancelled')}>{m.cancel}</button>
      </div>
    </form>
  );
}

function validate(draft: NeedDraft): FieldErrors {
  const errors: FieldErrors = {};
  const parsed = NewNeed.safeParse(draft);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[isField(key) ? key : 'form'] ??= issue.message;
  }
  if (!draft.practiceArea) errors.practiceArea = messages.needForm.choosePracticeArea;
  return errors;
}

/** The endpoint's field errors (from a refused outbox item), on the fields they name. */
function fromServer(serverErrors: Record<string, string> | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(serverErrors ?? {})) {
    const key = path.split('.')[0] ?? 'form';
    errors[isField(key) ? key : 'form'] ??= message;
  }
  return errors;
}
