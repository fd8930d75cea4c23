import type { ClientContext } from '@/lib/contract/client-context';
import { isOpenNeed } from './need-list';

/** The counts behind the summary line "2 active · 5 past · 7 open needs · candidate". */
export function summaryOf(context: ClientContext) {
  return {
    active: context.secondments.filter((s) => s.status === 'active').length,
    past: context.secondments.filter((s) => s.status === 'completed' || s.status === 'ended-early').length,
    openNeeds: context.needs.filter(isOpenNeed).length,
    candidate: context.candidateFlag !== null,
  };
}
