import type { ReactNode } from 'react';
import type { RecordRefMessage } from '@/lib/messaging/record-ref-schema';
import { PanelTitle } from './PanelTitle';
import { RecordLine } from './RecordLine';

/** The frame of every state but "ready": a heading, the record it is about, words and a next step. */
export function Panel(props: { state: string; title: string; record?: RecordRefMessage; onCollapse?: () => void; children?: ReactNode }) {
  return (
    <main className="panel" data-state={props.state} aria-labelledby="panel-title">
      <PanelTitle id="panel-title" onCollapse={props.onCollapse}>{props.title}</PanelTitle>
      {props.record && <RecordLine record={props.record} />}
      <div className="state-body">{props.children}</div>
    </main>
  );
}
