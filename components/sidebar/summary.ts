import type { ClientContext } from '@/lib/contract/client-context';

const OPEN_NEED = new Set(['new', 'qualified', 'pursuing']);

/** "2 active · 5 past · 7 open needs · candidate". */
export function summarise(context: ClientContext): string {
  const active = context.secondments.filter((s) => s.status === 'active').length;
  const past = context.secondments.filter((s) => s.status === 'completed' || s.status === 'ended-early').length;
  const openNeeds = context.needs.filter((n) => OPEN_NEED.has(n.status)).length;
  const parts = [`${active} active`, `${past} past`, `${openNeeds} open ${openNeeds === 1 ? 'need' : 'needs'}`];
  if (context.candidateFlag) parts.push('candidate');
  return parts.join(' · ');
}
