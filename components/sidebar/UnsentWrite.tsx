import { useId, useState } from 'react';
import type { OutboxItemView } from '@/lib/messaging/outbox-item-view';
import { messages } from './messages';
import { writeText, writeTitle } from './write-text';

/**
 * A write that can no longer be saved (a dead letter): why, the text the user wrote (selectable,
 * with a copy button) and a way to discard it. Never dropped without the user seeing it.
 */
export function UnsentWrite({ item, onCopy, onDiscard }: { item: OutboxItemView; onCopy: (text: string) => Promise<boolean>; onDiscard: () => void }) {
  const m = messages.outbox;
  const text = writeText(item.payload);
  const title = writeTitle(item.payload);
  const [copied, setCopied] = useState<boolean | null>(null);
  const textId = useId();
  return (
    <div className="dead-letter" data-outbox-state={item.state} data-testid="dead-letter">
      <p className="row spread"><strong>{title}</strong><span className="status outbox-dead-letter">{m.badge['dead-letter']}</span></p>
      <p className="error">{item.reason ?? m.refusedDefault}</p>
      <p className="muted">{m.deadLetterHint}</p>
      <label htmlFor={textId} className="muted">{m.writeLabel}</label>
      <textarea id={textId} className="unsent-text" readOnly value={text} />
      <div className="row">
        <button type="button" aria-label={m.copyLabel(title)} onClick={() => void onCopy(text).then(setCopied)}>{m.copy}</button>
        <button type="button" aria-label={m.discardLabel(title)} onClick={onDiscard}>{m.discard}</button>
        {copied !== null && <span role="status" className="muted">{copied ? m.copied : m.copyFailed}</span>}
      </div>
    </div>
  );
}
