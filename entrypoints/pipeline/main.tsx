import { StrictMode, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PipelinePage, type PipelineFormat, type PipelineState } from '@/components/pipeline/PipelinePage';
import '@/components/pipeline/pipeline.css';
import { indexProjection } from '@/lib/pipeline/book-index';
import { NO_FILTER, type PipelineFilter } from '@/lib/pipeline/filter';
import { readBook } from './read-book';
import { saveTextFile } from './save-file';

const format: PipelineFormat = {
  day: (ms) => new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }),
  instant: (ms) => new Date(ms).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
};

/** After the frame that shows a change: the next animation frame, then the task after it (paint done). */
const afterPaint = (then: () => void) => requestAnimationFrame(() => setTimeout(then, 0));

async function load(): Promise<PipelineState> {
  const reading = performance.now();
  const read = await readBook();
  performance.measure('lens:pipeline-read', { start: reading, end: performance.now(), detail: read.state === 'ready' ? read.source : null });
  if (read.state !== 'ready') return read.state === 'error' ? read : { state: 'signed-out' };
  const started = performance.now();
  const index = indexProjection(read.book, Date.now());
  performance.measure('lens:pipeline-index', { start: started, end: performance.now() });
  return { state: 'ready', index, user: read.user.name, syncedAt: read.syncedAt };
}

/**
 * Composition root of pipeline.html: reads the book (through the background's answer of which
 * partition), holds the filter, saves exports. Leaves User Timing marks for `npm run bench`:
 * `lens:pipeline-board` once the board is on screen, `lens:pipeline-filtered` once the board shows a changed filter,
 * and how long reading the cache (`lens:pipeline-read`) and indexing it (`lens:pipeline-index`) took.
 */
function App() {
  const [view, setView] = useState<PipelineState>({ state: 'loading' });
  const [filter, setFilter] = useState<PipelineFilter>(NO_FILTER);
  const reload = useCallback(() => {
    void load().then(setView, (error: unknown) => setView({ state: 'error', message: String(error) }));
  }, []);
  useEffect(reload, [reload]);

  useLayoutEffect(() => {
    if (view.state === 'ready') afterPaint(() => performance.mark('lens:pipeline-board'));
  }, [view]);
  const onFilterShown = useCallback((shown: PipelineFilter) => {
    if (shown !== NO_FILTER) afterPaint(() => performance.mark('lens:pipeline-filtered'));
  }, []);

  return (
    <PipelinePage view={view} filter={filter} format={format}
      onFilterChange={(next) => {
        performance.mark('lens:pipeline-filter-start');
        setFilter(next);
      }}
      onExport={saveTextFile}
      onFilterShown={onFilterShown}
      onReload={reload}
      onOpenOptions={() => void browser.runtime.openOptionsPage()} />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
