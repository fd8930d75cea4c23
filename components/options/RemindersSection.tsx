import { useId } from 'react';
import { messages } from './messages';

/** Opt-in reminders: a check-in due within two days, a placement ending within 14 (browser notifications). */
export function RemindersSection({ enabled, onChange }: { enabled: boolean | null; onChange: (enabled: boolean) => void }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{messages.reminders.title}</h2>
      <label className="check">
        <input id={id} type="checkbox" checked={enabled === true} disabled={enabled === null} onChange={(e) => onChange(e.target.checked)} />
        {messages.reminders.label}
      </label>
      <p className="muted">{messages.reminders.help}</p>
    </section>
  );
}
