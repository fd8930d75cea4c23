import { normaliseHeader } from './headers';

/** A one-line value: trimmed, inner runs of whitespace (line breaks included) made one space. */
export const oneLine = (cell: string): string => cell.replace(/\s+/g, ' ').trim();

/** A free-text value: line breaks kept (as LF), surrounding blank space dropped. */
export const multiLine = (cell: string): string => cell.replace(/\r\n?/g, '\n').trim();

/** Names and emails compared the way people mean them: case, accents' composition and spacing aside. */
export const keyText = (cell: string): string => oneLine(cell.normalize('NFKC')).toLowerCase();

/**
 * Words a spreadsheet uses for each value of an enum ("In progress" → `active`), matched like
 * headers (case, spaces and punctuation aside). The enum values themselves always match.
 */
export class Vocabulary<V extends string> {
  private readonly byWord = new Map<string, V>();
  /** The enum's values, in the order given. */
  readonly values: V[];

  constructor(
    private readonly what: string,
    words: Readonly<Record<V, readonly string[]>>,
  ) {
    for (const [value, synonyms] of Object.entries(words) as [V, readonly string[]][]) {
      for (const word of [value, ...synonyms]) {
        const key = normaliseHeader(word);
        const taken = this.byWord.get(key);
        // A word with two meanings would be read as whichever came last: refuse it at start-up.
        if (taken !== undefined && taken !== value) throw new Error(`${what}: "${word}" means both ${taken} and ${value}`);
        this.byWord.set(key, value);
      }
    }
    this.values = Object.keys(words) as V[];
  }

  /** The value a word stands for, or undefined. */
  lookup(word: string): V | undefined {
    return this.byWord.get(normaliseHeader(word));
  }

  /** The value, or a reason naming the accepted values. */
  read(cell: string): { ok: true; value: V } | { ok: false; reason: string } {
    const word = oneLine(cell);
    if (word === '') return { ok: false, reason: `empty (${this.values.join(', ')})` };
    const value = this.lookup(word);
    return value !== undefined
      ? { ok: true, value }
      : { ok: false, reason: `"${word}" is not a known ${this.what} (${this.values.join(', ')})` };
  }
}
