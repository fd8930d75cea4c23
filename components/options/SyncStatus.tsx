import type { SyncProgress } from '@/lib/messaging/status-report';

/**
 * How far the offline copy of the client book is: running (with progress), done, or stopped (with
 * when it tries again); and how many changes were skipped because they failed the contract.
 */
export function SyncStatus({ sync, now, quarantined = 0 }: { sync: SyncProgress | null; now: number; quarantined?: number }) {
  if (!sync) return <p data-testid="sync-status">The client book has not been copied for offline use yet.</p>;
  return (
    <>
      <SyncLine sync={sync} now={now} />
      {quarantined > 0 && (
        <p data-testid="sync-quarantine" data-count={quarantined}>
          {quarantined.toLocaleString()} {quarantined === 1 ? 'change' : 'changes'} from the firm endpoint did not match the contract and were skipped (kept on this computer for firm IT).
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
          Copying the client book for offline use… {sync.applied.toLocaleString()} changes so far ({Math.round((now - sync.startedAt) / 1000)} s).
        </p>
      );
    case 'done':
      return (
        <p data-testid="sync-status" data-state="done">
          Client book up to date as of {at(sync.startedAt)} ({sync.applied.toLocaleString()} changes in the last update, {((sync.finishedAt ?? sync.startedAt) - sync.startedAt) / 1000} s).
        </p>
      );
    case 'error':
      return (
        <p className="error" data-testid="sync-status" data-state="error">
          The last update of the client book stopped: {sync.error} It will resume where it stopped
          {sync.nextAttemptAt && sync.nextAttemptAt > now ? `, not before ${at(sync.nextAttemptAt)}.` : '.'}
        </p>
      );
  }
}
