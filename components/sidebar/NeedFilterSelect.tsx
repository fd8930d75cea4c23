import { NeedStatus } from '@/lib/contract/need';
import { messages } from './messages';
import type { NeedFilter } from './need-list';

/** Which needs to list: open ones (default), all, or one status. */
export function NeedFilterSelect({ value, onChange }: { value: NeedFilter; onChange: (filter: NeedFilter) => void }) {
  const m = messages.needs;
  return (
    <label className="row filter">
      <span className="muted">{m.filterLabel}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as NeedFilter)}>
        <option value="open">{m.filter.open}</option>
        <option value="all">{m.filter.all}</option>
        {NeedStatus.options.map((s) => <option key={s} value={s}>{m.status[s]}</option>)}
      </select>
    </label>
  );
}
