import { StrictMode, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import type { SidebarActions } from '@/components/sidebar/actions';
import { CollapsedTab } from '@/components/sidebar/CollapsedTab';
import { CoveredNotice } from '@/components/sidebar/CoveredNotice';
import { messages } from '@/components/sidebar/messages';
import { Sidebar } from '@/components/sidebar/Sidebar';
import '@/components/sidebar/sidebar.css';
import { ClientSummary } from '../contract/client';
import type { Result } from '../messaging/result';
import type { SidebarView } from '../messaging/sidebar-view';
import { GATE_MESSAGES } from '../messaging/gate-messages';
import { ActionGate, type Shown, watchVisibility } from './action-gate';
import { BackgroundLink, type SidebarMode } from './background-link';
import { usePaintMark } from './paint-mark';
import { useFocusKeeper } from './focus-keeper';
import { relayRecordReports } from './record-relay';
import { ViewFeed } from './view-feed';

/** The in-page frame is collapsed when the content script narrows it; its width is the truth. */
const COLLAPSED_BELOW_PX = 120;

/**
 * Whether the frame is drawn as its collapsed tab. A hidden frame (display:none, loaded on a page
 * with no record yet) has no width at all: it is not collapsed, and must not show the tab for a
 * moment when it is shown.
 */
const isNarrow = (mode: SidebarMode) => mode === 'frame' && window.innerWidth > 0 && window.innerWidth < COLLAPSED_BELOW_PX;

function actionsFor(link: BackgroundLink, gate: ActionGate): SidebarActions {
  // Every write carries what the sidebar displayed, and only goes when the gate allows it.
  const bound = (act: (shown: Shown) => Promise<Result<unknown>>, clientId?: string): Promise<Result<unknown>> => {
    const checked = gate.check();
    if (!checked.ok) return Promise.resolve(checked);
    if (clientId !== undefined && checked.shown.clientId !== null && checked.shown.clientId !== clientId) {
      return Promise.resolve({ ok: false, error: { code: 'changed', message: GATE_MESSAGES.changed } });
    }
    return act(checked.shown);
  };
  return {
    refresh: () => void link.request({ type: 'ui.refresh' }),
    logNeed: (clientId, need) => bound(({ record }) => link.request({ type: 'ui.logNeed', record, clientId, need }), clientId),
    setFlag: (clientId, flag) => bound(({ record, flagVersion }) => link.request({ type: 'ui.setFlag', record, clientId, flag, seenVersion: flagVersion }), clientId),
    clearFlag: (clientId) => bound(({ record, flagVersion }) => link.request({ type: 'ui.clearFlag', record, clientId, seenVersion: flagVersion }), clientId),
    triageNeed: (clientId, need, patch) => bound(({ record }) => link.request({ type: 'ui.triageNeed', record, clientId, needId: need.id, needTitle: need.title.slice(0, 200), patch, seenVersion: need.version }), clientId),
    recordCheckIn: (clientId, secondmentId, checkIn) => bound(({ record }) => link.request({ type: 'ui.recordCheckIn', record, clientId, secondmentId, checkIn }), clientId),
    setObjectiveStatus: (clientId, secondment, objective, status) => bound(({ record }) => link.request({
      type: 'ui.setObjectiveStatus', record, clientId, secondmentId: secondment.id, objectiveId: objective.id, objectiveText: objective.description.slice(0, 200), status, seenVersion: secondment.version,
    }), clientId),
    discardOutboxItem: (id) => link.request({ type: 'ui.discardOutboxItem', id }),
    reapplyOutboxItem: (id) => bound(() => link.request({ type: 'ui.reapplyOutboxItem', id })),
    retryOutbox: () => void link.request({ type: 'ui.retryOutbox' }),
    pickClient: (clientId) => bound(({ record }) => link.request({ type: 'ui.pickClient', record, clientId })),
    searchClients: (query) => link.request({ type: 'ui.searchClients', query }, z.array(ClientSummary).max(200)),
    linkRecord: (clientId) => bound(({ record }) => link.request({ type: 'ui.linkRecord', record, clientId })),
    setCollapsed: (collapsed) => void link.request({ type: 'ui.setCollapsed', collapsed }),
    openOptions: () => void link.request({ type: 'ui.openOptions' }),
    signInWithFirm: () => link.request({ type: 'ui.signInWithFirm' }),
    copyText,
    openPipeline: () => void link.request({ type: 'ui.openPipeline' }),
  };
}

/** The clipboard API first; inside a frame the host page's permissions policy may refuse it. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

function SidebarApp({ mode, link, feed }: { mode: SidebarMode; link: BackgroundLink; feed: ViewFeed }) {
  const { view, at } = useSyncExternalStore(feed.subscribe, feed.current);
  const [tick, setTick] = useState(Date.now());
  const now = Math.max(at, tick);
  const [narrow, setNarrow] = useState(() => isNarrow(mode));
  const gate = useMemo(() => new ActionGate(undefined, mode === 'frame'), [mode]);
  const [covered, setCovered] = useState(false);
  const actions = useMemo(() => actionsFor(link, gate), [link, gate]);
  if (view) gate.showing(view);
  useEffect(() => {
    // Capture phase: the press is noted before any button reacts to it.
    const press = () => gate.press();
    window.addEventListener('pointerdown', press, true);
    window.addEventListener('keydown', press, true);
    const sentinel = document.getElementById('visibility-sentinel');
    const stop = sentinel ? watchVisibility(sentinel, (visible) => { gate.setVisible(visible); setCovered(!visible); }) : () => undefined;
    return () => {
      window.removeEventListener('pointerdown', press, true);
      window.removeEventListener('keydown', press, true);
      stop();
    };
  }, [gate]);
  useEffect(() => {
    const onResize = () => setNarrow(isNarrow(mode));
    window.addEventListener('resize', onResize);
    const timer = setInterval(() => setTick(Date.now()), 30_000); // keeps "updated 2 min ago" true
    return () => {
      window.removeEventListener('resize', onResize);
      clearInterval(timer);
    };
  }, [mode]);
  usePaintMark(view);
  const hadFocus = useFocusKeeper(view?.status ?? null, narrow);
  if (narrow) return <CollapsedTab onExpand={() => actions.setCollapsed(false)} autoFocus={hadFocus} />;
  if (!view) return <p className="muted panel" role="status">{messages.app.opening}</p>;
  return (
    <>
      {covered && <CoveredNotice />}
      <Sidebar view={view} actions={actions} now={now} collapsible={mode === 'frame'} shownOnlyWithRecord={mode === 'frame'} />
    </>
  );
}

export function mountSidebar(mode: SidebarMode): void {
  // The port opens before React's first render: the background's view is on its way meanwhile.
  const feed = new ViewFeed();
  const link = new BackgroundLink(mode, (view) => feed.push(view), (m) => console.warn('Secondment Lens refused a view:', m));
  void link.open();
  // The in-page frame passes the content script's record reports on to the worker (record-relay.ts).
  if (mode === 'frame') relayRecordReports(window, (report) => link.passOn(report));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SidebarApp mode={mode} link={link} feed={feed} />
    </StrictMode>,
  );
}
