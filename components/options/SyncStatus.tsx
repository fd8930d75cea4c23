import type { SyncProgress } from '@/lib/messaging/status-report';
import { messages } from './messages';

/**
 * How far the offline copy of the client book is: running (with progress), done, or stopped (with
 * when it tries again); and how many changes were skipped because they failed the contract.
 */
export function SyncStatus({ sync, now, quarantined = 0 }: { sync: SyncProgress | null; now: number; quarantined?: number }) {
  if (!sync) return <p data-testid="sync-status">{messages.sync.never}</p>;
  return (
    <>
      <SyncLine sync={sync} now={now} />
      {quarantined > 0 && (
        <p data-testid="sync-quarantine" data-count={quarantined}>
          {messages.sync.quarantined(quarantined)}
        </p>
      )}
    </>
  );
}

function SyncLine({ sync, now }: { sync: SyncProgress; now: number }) {
  const at = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  switch (sync.state) {
    case 'running':
      return (
        <p role="status" data-testid="sync-status" data-state="running">
          {messages.sync.running(sync.applied, Math.round((now - sync.startedAt) / 1000))}
        </p>
      );
    case 'done':
      return (
        <p data-testid="sync-status" data-state="done">
          {messages.sync.done(at(sync.startedAt), sync.applied, ((sync.finishedAt ?? sync.startedAt) - sync.startedAt) / 1000)}
        </p>
      );
    case 'error':
      return (
        <p className="error" data-testid="sync-status" data-state="error">
          {messages.sync.stopped(sync.error, sync.nextAttemptAt && sync.nextAttemptAt > now ? at(sync.nextAttemptAt) : null)}
        </p>
      );
  }
}
