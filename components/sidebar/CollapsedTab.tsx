/** What the collapsed sidebar shows: one button to open it again. */
export function CollapsedTab({ onExpand }: { onExpand: () => void }) {
  return (
    <button type="button" className="collapsed-tab" onClick={onExpand} aria-label="Open Secondment Lens" title="Open Secondment Lens">
      <span aria-hidden="true">‹</span>
      <span className="vertical">Lens</span>
    </button>
  );
}
