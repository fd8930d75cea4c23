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
    case 'need-triage':
      return m.triageText(payload.needTitle, payload.patch);
    case 'check-in':
      return m.checkInText(payload.checkIn.date, payload.checkIn.note ?? '');
    case 'objective':
      return m.objectiveText(payload.objectiveText, messages.objectives.status[payload.status]);
  }
}

/** A short name for the write (for button labels). */
export function writeTitle(payload: OutboxPayload): string {
  switch (payload.kind) {
    case 'need': return payload.need.title;
    case 'flag-set': return messages.flag.title;
    case 'flag-clear': return messages.outbox.clearText;
    case 'need-triage': return payload.needTitle;
    case 'check-in': return messages.programme.checkInTitle;
    case 'objective': return payload.objectiveText;
  }
}
