/** DOM reading shared by the plug-ins: read-only, bounded, never throws. */

const MAX_LABEL = 200; // lib/contract ShortText: one hostile page cannot swamp the sidebar

/** Text of the first element matching `selector` inside `root`, whitespace collapsed. */
export function readText(root: ParentNode, selector: string): string | undefined {
  let el: Element | null;
  try {
    el = root.querySelector(selector);
  } catch {
    return undefined; // a firm-configured selector may be invalid
  }
  return textOf(el);
}

/** Text of an element, whitespace collapsed and bounded; undefined when empty or missing. */
export function textOf(el: Element | null | undefined): string | undefined {
  const text = (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text.slice(0, MAX_LABEL);
}

/** The first of several selectors that yields text (pages differ by release and layout). */
export function readFirstText(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const text = readText(root, selector);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** Adds `label` to a ref only when present (keeps expected objects in tests exact). */
export function withLabel<T extends object>(ref: T, label: string | undefined): T & { label?: string } {
  return label === undefined ? ref : { ...ref, label };
}
