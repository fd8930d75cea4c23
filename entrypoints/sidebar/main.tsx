import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { SidebarActions } from '@/components/sidebar/actions';
import { CollapsedTab } from '@/components/sidebar/CollapsedTab';
import { Sidebar } from '@/components/sidebar/Sidebar';
import '@/components/sidebar/sidebar.css';
import type { SidebarView } from '@/lib/messaging/sidebar-view';
import { connectToBackground, request } from '@/lib/ui/background-link';

const actions: SidebarActions = {
  refresh: () => void request({ type: 'ui.refresh' }),
  logNeed: (clientId, need) => request({ type: 'ui.logNeed', clientId, need }),
  setFlag: (clientId, flag) => request({ type: 'ui.setFlag', clientId, flag }),
  clearFlag: (clientId) => request({ type: 'ui.clearFlag', clientId }),
  discardOutboxItem: (id) => request({ type: 'ui.discardOutboxItem', id }),
  retryOutbox: () => void request({ type: 'ui.retryOutbox' }),
  pickClient: (clientId) => request({ type: 'ui.pickClient', clientId }),
  searchClients: (query) => request({ type: 'ui.searchClients', query }),
  linkRecord: (clientId) => request({ type: 'ui.linkRecord', clientId }),
  setCollapsed: (collapsed) => void request({ type: 'ui.setCollapsed', collapsed }),
  openOptions: () => void request({ type: 'ui.openOptions' }),
};

/** The frame's width is the truth about collapse: the content script sizes it. */
const COLLAPSED_BELOW_PX = 120;

function App() {
  const [view, setView] = useState<SidebarView | null>(null);
  const [now, setNow] = useState(Date.now());
  const [narrow, setNarrow] = useState(window.innerWidth < COLLAPSED_BELOW_PX);
  useEffect(() => connectToBackground((v) => { setView(v); setNow(Date.now()); }, (m) => console.warn('Secondment Lens: refused a view', m)), []);
  useEffect(() => {
    const onResize = () => setNarrow(window.innerWidth < COLLAPSED_BELOW_PX);
    window.addEventListener('resize', onResize);
    const tick = setInterval(() => setNow(Date.now()), 30_000); // keeps "updated 2 min ago" true
    return () => {
      window.removeEventListener('resize', onResize);
      clearInterval(tick);
    };
  }, []);
  if (narrow) return <CollapsedTab onExpand={() => actions.setCollapsed(false)} />;
  if (!view) return <p className="muted panel" role="status">Opening…</p>;
  return <Sidebar view={view} actions={actions} now={now} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
