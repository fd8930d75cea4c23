/**
 * Clients purged in this worker's life (a 403/404, an `access.revoke` or deletion from sync), each
 * with the moment of its purge on a counter. A record view remembers the counter when it starts;
 * anything it learned about a client purged after that (a late context answer, a cached view it is
 * about to push) is stale and must neither be shown nor saved. A view started after the purge may
 * show the client again: the endpoint has answered since, so access was given back.
 *
 * Kept in memory only: a stopped worker has no answers in flight, and the cache is purged on disk.
 */
export class PurgedClients {
  private clock = 0;
  private readonly purgedAt = new Map<string, number>();

  /** The counter now, for a view that starts now. */
  mark(): number {
    return this.clock;
  }

  add(clientId: string): void {
    this.purgedAt.set(clientId, ++this.clock);
    if (this.purgedAt.size > 10_000) this.purgedAt.delete(this.purgedAt.keys().next().value!); // bounded
  }

  /** Whether `clientId` was purged after a view that started at `mark`. */
  purgedSince(clientId: string, mark: number): boolean {
    return (this.purgedAt.get(clientId) ?? 0) > mark;
  }
}

/** What a record-view load needs to respect purges that happen while it runs. */
export interface PurgeGuard {
  /** The client was purged since this load started: do not show or save what was fetched. */
  isPurged(clientId: string): boolean;
  /** This load found the client unavailable (403/404): purge it everywhere else too. */
  purge(clientId: string): Promise<void>;
}
