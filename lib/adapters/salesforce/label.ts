import { readFirstText, textOf } from '../dom';

/**
 * Lightning keeps earlier pages in the DOM (hidden `.oneContent`) and console apps keep one
 * `.tabContent` panel per open record tab. The URL is the active tab's, so the label must come
 * from a record header that no inactive page or tab panel contains.
 */
const INACTIVE_CONTAINER = '.oneContent:not(.active), .tabContent:not(.active)';

/** Record name in the Lightning highlights panel (every record page, console or not). */
const LIGHTNING_RECORD_NAME = 'records-highlights2 h1 slot[name="primaryField"]';

/** Record name in the Classic detail page title block. */
const CLASSIC_RECORD_NAME = ['.bPageTitle h2.pageDescription'];

function lightningLabel(doc: Document): string | undefined {
  const visible = [...doc.querySelectorAll(LIGHTNING_RECORD_NAME)].filter((el) => el.closest(INACTIVE_CONTAINER) === null);
  // Zero or several candidates: better no label than another record's name.
  if (visible.length !== 1) return undefined;
  return textOf(visible[0]);
}

export function salesforceLabel(doc: Document, ui: 'lightning' | 'classic'): string | undefined {
  return ui === 'lightning' ? lightningLabel(doc) : readFirstText(doc, CLASSIC_RECORD_NAME);
}
