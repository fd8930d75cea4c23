import { AGE_BUCKETS, type AgeBucket, isFiltered, NO_FILTER, type PipelineFilter } from '@/lib/pipeline/filter';
import type { OwnerOption } from '@/lib/pipeline/book-index';
import { UNOWNED } from '@/lib/pipeline/need-row';
import { messages } from './messages';

const m = messages.filters;
/** Select value for "any" (an owner key is never empty-prefixed like this). */
const ANY = '*';

/** The board's filters: ordinary form controls, so keyboard and screen readers work as everywhere else. */
export function Filters({ filter, practiceAreas, owners, hasUnowned, shown, total, onChange }: {
  filter: PipelineFilter;
  practiceAreas: string[];
  owners: OwnerOption[];
  hasUnowned: boolean;
  shown: number;
  total: number;
  onChange: (filter: PipelineFilter) => void;
}) {
  const set = (patch: Partial<PipelineFilter>) => onChange({ ...filter, ...patch });
  return (
    <form className="filters" role="search" aria-labelledby="filters-legend" onSubmit={(e) => e.preventDefault()}>
      <h2 id="filters-legend" className="visually-hidden">{m.legend}</h2>
      <div className="field">
        <label htmlFor="filter-area">{m.practiceArea}</label>
        <select id="filter-area" value={filter.practiceArea ?? ANY} onChange={(e) => set({ practiceArea: e.target.value === ANY ? null : e.target.value })}>
          <option value={ANY}>{m.any}</option>
          {practiceAreas.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-owner">{m.owner}</label>
        <select id="filter-owner" value={filter.owner ?? ANY} onChange={(e) => set({ owner: e.target.value === ANY ? null : e.target.value })}>
          <option value={ANY}>{m.any}</option>
          {hasUnowned && <option value={UNOWNED}>{m.unowned}</option>}
          {owners.map((o) => <option key={o.key} value={o.key}>{o.name}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-client">{m.client}</label>
        <input id="filter-client" type="search" value={filter.client} placeholder={m.clientPlaceholder} maxLength={100} onChange={(e) => set({ client: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="filter-age">{m.age}</label>
        <select id="filter-age" value={filter.age} onChange={(e) => set({ age: e.target.value as AgeBucket })}>
          {AGE_BUCKETS.map((a) => <option key={a} value={a}>{m.ages[a]}</option>)}
        </select>
      </div>
      <button type="button" disabled={!isFiltered(filter)} onClick={() => onChange(NO_FILTER)}>{m.clear}</button>
      <p className="showing" role="status">{m.showing(shown, total)}</p>
    </form>
  );
}
