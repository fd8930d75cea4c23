/**
 * At most this many generic rules are used, from any source: more is a configuration mistake, and
 * every page load pays for each rule. Plain constant, no imports: the content script uses it too.
 */
export const MAX_RULES = 50;
