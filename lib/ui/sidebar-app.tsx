import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { SidebarActions } from '@/components/sidebar/actions';
import { CollapsedTab } from '@/components/sidebar/CollapsedTab';
import { messages } from '@/components/sidebar/messages';
import { Sidebar } from '@/components/sidebar/Sidebar';
import '@/components/sidebar/sidebar.css';
import type { SidebarView } from '../messaging/sidebar-view';
import { BackgroundLink, type SidebarMode } from './background-link';
import { usePaintMark } from './paint-mark';
import { useFocusKeeper } from './focus-keeper';

/** The in-page frame is collapsed when the content script narrows it; its width is the truth. */
const COLLAPSED_BELOW_PX = 120;

function actionsFor(link: BackgroundLink): SidebarActions {
  return {
    refresh: () => void link.request({ type: 'ui.refresh' }),
    logNeed: (clientId, need) => link.request({ type: 'ui.logNeed', clientId, need }),
    setFlag: (clientId, flag) => link.request({ type: 'ui.setFlag', clientId, flag }),
    clearFlag: (clientId) => link.request({ type: 'ui.clearFlag', clientId }),
    discardOutboxItem: (id) => link.request({ type: 'ui.discardOutboxItem', id }),
    retryOutbox: () => void link.request({ type: 'ui.retryOutbox' }),
    pickClient: (clientId) => link.request({ type: 'ui.pickClient', clientId }),
    searchClients: (query) => link.request({ type: 'ui.searchClients', query }),
    linkRecord: (clientId) => link.request({ type: 'ui.linkRecord', clientId }),
    setCollapsed: (collapsed) => void link.request({ type: 'ui.setCollapsed', collapsed }),
    openOptions: () => void link.request({ type: 'ui.openOptions' }),
    openPipeline: () => void link.request({ type: 'ui.openPipeline' }),
  };
}

function SidebarApp({ mode }: { mode: SidebarMode }) {
  const [view, setView] = useState<SidebarView | null>(null);
  const [now, setNow] = useState(Date.now());
  const [narrow, setNarrow] = useState(mode === 'frame' && window.innerWidth < COLLAPSED_BELOW_PX);
  const link = useMemo(
    () => new BackgroundLink(mode, (v) => { setView(v); setNow(Date.now()); }, (m) => console.warn('Secondment Lens refused a view:', m)),
    [mode],
  );
  const actions = useMemo(() => actionsFor(link), [link]);
  useEffect(() => {
    void link.open();
    return () => link.close();
  }, [link]);
  useEffect(() => {
    const onResize = () => setNarrow(mode === 'frame' && window.innerWidth < COLLAPSED_BELOW_PX);
    window.addEventListener('resize', onResize);
    const tick = setInterval(() => setNow(Date.now()), 30_000); // keeps "updated 2 min ago" true
    return () => {
      window.removeEventListener('resize', onResize);
      clearInterval(tick);
    };
  }, [mode]);
  usePaintMark(view);
  const hadFocus = useFocusKeeper(view?.status ?? null, narrow);
  if (narrow) return <CollapsedTab onExpand={() => actions.setCollapsed(false)} autoFocus={hadFocus} />;
  if (!view) return <p className="muted panel" role="status">{messages.app.opening}</p>;
  return <Sidebar view={view} actions={actions} now={now} collapsible={mode === 'frame'} />;
}

export function mountSidebar(mode: SidebarMode): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SidebarApp mode={mode} />
    </StrictMode>,
  );
}
