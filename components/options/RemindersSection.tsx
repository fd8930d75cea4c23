import { useEffect, useId, useRef, useState } from 'react';
import { messages } from './messages';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Opt-in reminders: a check-in due within two days, a placement ending within 14 (browser
 * notifications). The box shows a click at once (a box left on the stored value until the write
 * resolved snapped back for a moment). A write that fails says so and the box shows what is stored
 * again (or, if that cannot be read either, what it showed before the click); only the latest click's
 * failure counts, so a quick second click is never undone by the first one's. Never left disabled:
 * a choice that cannot be read shows as off, with why.
 */
export function RemindersSection({ read, write }: { read: () => Promise<boolean>; write: (enabled: boolean) => Promise<void> }) {
  const id = useId();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    let live = true;
    read().then(
      (on) => live && setEnabled(on),
      (e: unknown) => {
        if (!live) return;
        setEnabled(false);
        setError(messages.reminders.notRead(reason(e)));
      },
    );
    return () => void (live = false);
  }, [read]);
  const choose = (on: boolean) => {
    const choice = ++latest.current;
    const before = enabled ?? false;
    setEnabled(on);
    setError(null);
    write(on).catch(async (e: unknown) => {
      if (choice !== latest.current) return; // a later click decides what is stored
      setError(messages.reminders.notSaved(reason(e)));
      const stored = await read().catch(() => before);
      if (choice === latest.current) setEnabled(stored);
    });
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{messages.reminders.title}</h2>
      <label className="check">
        <input id={id} type="checkbox" checked={enabled === true} disabled={enabled === null} onChange={(e) => choose(e.target.checked)} />
        {messages.reminders.label}
      </label>
      {error && <p role="alert" className="error" data-testid="reminders-error">{error}</p>}
      <p className="muted">{messages.reminders.help}</p>
    </section>
  );
}
