import type { SyncProgress } from '@/lib/sync/book-sync';

/** How far the offline copy of the client book is: running (with progress), done, or stopped. */
export function SyncStatus({ sync, now }: { sync: SyncProgress | null; now: number }) {
  if (!sync) return <p data-testid="sync-status">The client book has not been copied for offline use yet.</p>;
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
          The last update of the client book stopped: {sync.error} It will resume where it stopped.
        </p>
      );
  }
}
