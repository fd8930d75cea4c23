import type { Change, ChangesPage } from '../../lib/contract';

/** A change already written as JSON, whose text passed the contract check (checked-change-texts.ts). */
export class ChangeJson {
  constructor(readonly json: string) {}
}

/** A feed page as the route sends it: changes as objects or as checked JSON text. */
export type FeedPage = { changes: (Change | ChangeJson)[]; nextCursor: string; hasMore: boolean };

/** The page's JSON body, the shape of the contract's `ChangesPage`; checked texts are copied in as they are. */
export function feedPageJson(page: FeedPage): string {
  const changes = page.changes.map((c) => (c instanceof ChangeJson ? c.json : JSON.stringify(c)));
  return `{"changes":[${changes.join(',')}],"nextCursor":${JSON.stringify(page.nextCursor)},"hasMore":${page.hasMore}}`;
}

/** The page as the extension receives it, all objects (for tools that read the store directly). */
export function feedPageObject(page: FeedPage): ChangesPage {
  return JSON.parse(feedPageJson(page)) as ChangesPage;
}
