import { useId } from 'react';

/** Opt-in reminders: a check-in due within two days, a placement ending within 14 (browser notifications). */
export function RemindersSection({ enabled, onChange }: { enabled: boolean | null; onChange: (enabled: boolean) => void }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Reminders</h2>
      <p className="row">
        <input id={id} type="checkbox" checked={enabled === true} disabled={enabled === null} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={id}>Remind me when a check-in is due in the next two days, or a placement I am on or mentor ends in 14 days</label>
      </p>
      <p className="muted">Shown as browser notifications, once each, from the book on this computer.</p>
    </section>
  );
}
