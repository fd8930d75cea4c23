import { browser } from 'wxt/browser';
import type { LensDb, OutboxRow } from '../cache/lens-db';
import { enqueueWrite, listOutboxForClient, pruneDelivered, reapplyConflict, releaseSignInHolds } from '../cache/outbox-store';
import type { OutboxItemView, OutboxPayload } from '../messaging/outbox-item-view';
import { type FlushOptions, flushOutbox } from '../sync/outbox-flusher';
import type { ActiveSession } from './active-session';

export const OUTBOX_ALARM = 'lens.outbox';
const KEEP_DELIVERED_MS = 24 * 60 * 60_000;

/**
 * Writes (needs, candidate flags) go through the outbox: committed first, then sent. One flush at a
 * time in this worker, so an item is in flight in one place only; a flush that starts while one runs
 * waits for it and then runs again, so nothing queued meanwhile is forgotten.
 */
export class OutboxService {
  private running: Promise<void> | null = null;
  /** A flush asked for while one ran, with the strongest retry asked for meanwhile. */
  private again: FlushOptions | null = null;

  constructor(private readonly sessions: ActiveSession, private readonly onChanged: () => Promise<void>) {}

  /** Commits the write, then starts sending it. Null when signed out; throws when storage is full. */
  async enqueue(clientId: string, payload: OutboxPayload): Promise<string | null> {
    const active = await this.sessions.get();
    if ('signedOut' in active) return null;
    const row = await enqueueWrite(active.db, clientId, payload);
    void this.flush();
    return row.id;
  }

  /**
   * "Apply mine again" on a flag change parked by a 412: queued anew against the version the user
   * was shown. False when there is no such parked item (discarded meanwhile, or signed out).
   */
  async reapply(id: string): Promise<boolean> {
    const active = await this.sessions.get();
    if ('signedOut' in active) return false;
    const again = await reapplyConflict(active.db, id);
    if (again && again !== 'nothing-to-do') void this.flush();
    return again !== undefined;
  }

  /** The user's writes for a client that were not delivered (to show them when the client goes away). */
  async unsentFor(clientId: string): Promise<OutboxItemView[]> {
    const active = await this.sessions.get();
    if ('signedOut' in active) return [];
    return (await unsentRows(active.db, clientId)).map(toItemView);
  }

  /**
   * The endpoint answered a read with this token: items held for sign-in can go, and items that
   * failed for want of a connection are tried now (unless a flush is running).
   */
  retryWaiting(): void {
    if (this.running) return;
    void this.releaseHolds().then(() => this.flush({ retryNow: 'unreachable' }));
  }

  flush(options: FlushOptions = {}): Promise<void> {
    if (this.running) {
      // The user's "Try now" pressed while a flush runs must not become a flush that waits out the back-off.
      this.again = { ...this.again, ...options, retryNow: strongerRetry(this.again?.retryNow, options.retryNow) };
      return this.running;
    }
    this.running = this.flushOnce(options).finally(() => {
      this.running = null;
      const again = this.again;
      this.again = null;
      if (again) void this.flush(again);
    });
    return this.running;
  }

  private async releaseHolds(): Promise<void> {
    const active = await this.sessions.get();
    if (!('signedOut' in active)) await releaseSignInHolds(active.db);
  }

  private async flushOnce(options: FlushOptions): Promise<void> {
    const active = await this.sessions.get();
    if ('signedOut' in active) return;
    const report = await flushOutbox(active.db, active.api, options);
    await pruneDelivered(active.db, KEEP_DELIVERED_MS);
    if (report.signInRequired) this.sessions.markRejected();
    if (report.nextAttemptAt !== null) await browser.alarms.create(OUTBOX_ALARM, { when: report.nextAttemptAt });
    if (report.touchedClients.size > 0) await this.onChanged();
  }
}

const RETRY_STRENGTH = { unreachable: 1, all: 2 } as const;

function strongerRetry(a: FlushOptions['retryNow'], b: FlushOptions['retryNow']): FlushOptions['retryNow'] {
  if (!a) return b;
  if (!b) return a;
  return RETRY_STRENGTH[a] >= RETRY_STRENGTH[b] ? a : b;
}

async function unsentRows(db: LensDb, clientId: string): Promise<OutboxRow[]> {
  return (await listOutboxForClient(db, clientId)).filter((row) => row.state !== 'done');
}

/** What the sidebar may see of an outbox row: the write and its state, not the flusher's bookkeeping. */
export function toItemView(row: OutboxRow): OutboxItemView {
  const { id, clientId, payload, createdAt, state, attempts, reason, fieldErrors, receiptId, currentFlag } = row;
  return { id, clientId, payload, createdAt, state, attempts, reason, fieldErrors, receiptId, currentFlag };
}
