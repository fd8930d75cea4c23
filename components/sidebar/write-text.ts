import type { OutboxPayload } from '@/lib/messaging/outbox-item-view';
import { messages } from './messages';

/** A write in words, as the user would copy it from a dead letter to enter it again. */
export function writeText(payload: OutboxPayload): string {
  const m = messages.outbox;
  switch (payload.kind) {
    case 'need':
      return m.needText(payload.need);
    case 'flag-set':
      return m.flagText({ reason: payload.flag.reason, priority: messages.flag.priority[payload.flag.priority] });
    case 'flag-clear':
      return m.clearText;
  }
}

/** A short name for the write (for button labels). */
export function writeTitle(payload: OutboxPayload): string {
  if (payload.kind === 'need') return payload.need.title;
  return payload.kind === 'flag-set' ? messages.flag.title : messages.outbox.clearText;
}
