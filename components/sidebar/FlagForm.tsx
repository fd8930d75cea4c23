import { type FormEvent, useState } from 'react';
import { CandidateFlagInput, type FlagPriority, FlagPriority as Priorities } from '@/lib/contract/candidate-flag';
import { FieldError } from './FieldError';
import { messages } from './messages';

/** BD's flag: why this client is a candidate, and how urgent. The reason takes focus; Escape cancels. */
export function FlagForm(props: { initialReason: string; initialPriority: FlagPriority; onSubmit: (input: CandidateFlagInput) => Promise<string | null>; onCancel: () => void }) {
  const m = messages.flag;
  const [reason, setReason] = useState(props.initialReason);
  const [priority, setPriority] = useState<FlagPriority>(props.initialPriority);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const parsed = CandidateFlagInput.safeParse({ reason, priority });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? messages.needForm.checkForm);
      return;
    }
    setFieldError(null);
    setFormError(await props.onSubmit({ reason, priority }));
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={m.formLabel} noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}>
      <label htmlFor="flag-reason">{m.reason}</label>
      <textarea id="flag-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus required
        aria-invalid={fieldError ? true : undefined} aria-describedby={fieldError ? 'flag-reason-error' : undefined} />
      <FieldError id="flag-reason-error" message={fieldError ?? undefined} />
      <label htmlFor="flag-priority">{m.priorityLabel}</label>
      <select id="flag-priority" value={priority} onChange={(e) => setPriority(e.target.value as FlagPriority)}>
        {Priorities.options.map((p) => <option key={p} value={p}>{m.priority[p]}</option>)}
      </select>
      {formError && <p role="alert" className="error">{formError}</p>}
      <div className="row">
        <button type="submit" className="primary">{m.save}</button>
        <button type="button" onClick={props.onCancel}>{m.cancel}</button>
      </div>
    </form>
  );
}
