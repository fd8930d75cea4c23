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

  constructor(
    private readonly what: string,
    words: Readonly<Record<V, readonly string[]>>,
  ) {
    for (const [value, synonyms] of Object.entries(words) as [V, readonly string[]][]) {
      for (const word of [value, ...synonyms]) this.byWord.set(normaliseHeader(word), value);
    }
    this.values = Object.keys(words) as V[];
  }

  readonly values: V[];

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
