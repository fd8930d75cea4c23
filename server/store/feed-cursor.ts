import { SNAPSHOT_CURSOR } from '../../lib/contract/api-routes';

/**
 * The `/v1/changes` cursor, opaque to the extension. Two shapes:
 *
 * - `N` (a whole number): the delta feed, every change after the user's change N, in `seq` order.
 * - `s<head>~<after>`: inside a first sync. A feed from `since=0` is sent client by client (ordered by
 *   client id, each client whole: its record, secondments, needs, flag), which lets the extension keep
 *   each client together; `head` is the user's last visible change when that first page was read, and
 *   `after` the last client id sent (base64url, so that any id is safe in a URL). Once the last client
 *   is out, the cursor becomes `head` and the delta feed delivers whatever changed meanwhile.
 *
 * Neither shape tells more than the user may know: `head` is a change of their own feed, `after` an id
 * they were sent.
 */
export type FeedCursor =
  | { kind: 'delta'; since: number }
  | { kind: 'snapshot'; head: number; after: string };

/** The cursor `text` names (the route has already checked it against the contract's pattern). */
export function parseFeedCursor(text: string): FeedCursor {
  const snapshot = SNAPSHOT_CURSOR.exec(text);
  if (snapshot) return { kind: 'snapshot', head: Number(snapshot[1]), after: Buffer.from(snapshot[2]!, 'base64url').toString('utf8') };
  return { kind: 'delta', since: Number(text) };
}

export function formatFeedCursor(cursor: FeedCursor): string {
  return cursor.kind === 'delta' ? String(cursor.since) : `s${cursor.head}~${Buffer.from(cursor.after, 'utf8').toString('base64url')}`;
}
