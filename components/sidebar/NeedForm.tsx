import { type FormEvent, useEffect, useRef, useState } from 'react';
import { NEED_DETAIL_MAX, NEED_TITLE_MAX, NewNeed } from '@/lib/contract/need';
import type { Result } from '@/lib/messaging/result';

export interface NeedDraft {
  title: string;
  practiceArea: string;
  detail: string;
  confidential: boolean;
}

type FieldErrors = Partial<Record<keyof NeedDraft | 'form', string>>;

/**
 * Log an unmet need in seconds: title first and focused, Enter submits. The form keeps what was typed
 * on any failure; errors sit next to their field.
 */
export function NeedForm(props: {
  practiceAreas: string[];
  sourceSecondmentId: string | null;
  initial?: NeedDraft;
  serverErrors?: Record<string, string>;
  onSubmit: (need: NewNeed) => Promise<Result<unknown>>;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState<NeedDraft>(props.initial ?? { title: '', practiceArea: '', detail: '', confidential: false });
  const [errors, setErrors] = useState<FieldErrors>(props.serverErrors ?? {});
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLInputElement>(null);
  useEffect(() => title.current?.focus(), []);
  const set = <K extends keyof NeedDraft>(key: K, value: NeedDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate: NewNeed = { ...draft, sourceSecondmentId: props.sourceSecondmentId };
    const parsed = NewNeed.safeParse(candidate);
    const fieldErrors: FieldErrors = {};
    if (!draft.practiceArea) fieldErrors.practiceArea = 'Choose a practice area.';
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const key = String(issue.path[0] ?? 'form') as keyof FieldErrors;
      fieldErrors[key] ??= issue.message;
    }
    if (Object.keys(fieldErrors).length > 0) {
      setErrors(fieldErrors);
      return;
    }
    setBusy(true);
    const result = await props.onSubmit(candidate);
    setBusy(false);
    if (result.ok) props.onDone();
    else setErrors({ form: result.error.message });
  };

  const describedBy = (key: keyof NeedDraft) => (errors[key] ? `need-${key}-error` : undefined);
  return (
    <form className="need-form" onSubmit={(e) => void submit(e)} aria-label="Log a need" noValidate>
      <label htmlFor="need-title">Need</label>
      <input id="need-title" ref={title} value={draft.title} maxLength={NEED_TITLE_MAX + 50} onChange={(e) => set('title', e.target.value)}
        aria-invalid={!!errors.title} aria-describedby={describedBy('title')} placeholder="e.g. GDPR review of the new HR system" />
      {errors.title && <p id="need-title-error" className="error">{errors.title}</p>}

      <label htmlFor="need-area">Practice area</label>
      <select id="need-area" value={draft.practiceArea} onChange={(e) => set('practiceArea', e.target.value)}
        aria-invalid={!!errors.practiceArea} aria-describedby={describedBy('practiceArea')}>
        <option value="">Choose…</option>
        {props.practiceAreas.map((a) => <option key={a} value={a}>{a}</option>)}
      </select>
      {errors.practiceArea && <p id="need-practiceArea-error" className="error">{errors.practiceArea}</p>}

      <label htmlFor="need-detail">Detail <span className="muted">(optional)</span></label>
      <textarea id="need-detail" rows={3} value={draft.detail} maxLength={NEED_DETAIL_MAX + 100} onChange={(e) => set('detail', e.target.value)}
        aria-invalid={!!errors.detail} aria-describedby={describedBy('detail')}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e); }} />
      {errors.detail && <p id="need-detail-error" className="error">{errors.detail}</p>}

      <label className="check">
        <input type="checkbox" checked={draft.confidential} onChange={(e) => set('confidential', e.target.checked)} /> Learned in confidence
      </label>
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>Log need</button>
        <button type="button" onClick={props.onDone}>Cancel</button>
      </div>
    </form>
  );
}
