/**
 * Feed rows whose JSON text, as the database wrote it, passed the contract check and was left whole
 * by it: the next feed that reads the same row with byte for byte the same text sends it as it is,
 * without parsing and checking it again; a row changed in any way, through the API or around it,
 * has another text and is checked again. On a roll-out day every lawyer's first sync reads the same
 * rows; only the first after the endpoint starts pays for the check.
 *
 * Keyed by the row's entity and id, so a row rewritten replaces its own entry. Bounded by the
 * characters kept (the large bench book, 20,029 clients, 50,080 needs and 5,060 secondments, is
 * 30.7 million; V8 keeps a string at one byte a character when all are Latin-1, two otherwise): when
 * full, rows not yet remembered are not added, so a book larger than the bound keeps the part it
 * holds (a feed reads rows in change order, and evicting the oldest would evict exactly what the
 * next feed reads first). Rows deleted since stay until the endpoint restarts; they are few.
 */
export class CheckedChangeTexts {
  private readonly texts = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars = 64_000_000) {}

  /** Whether `text` is exactly the text that passed for the row named `key` (entity and id). */
  passed(key: string, text: string): boolean {
    return this.texts.get(key) === text;
  }

  remember(key: string, text: string): void {
    const before = this.texts.get(key);
    const chars = this.chars - (before?.length ?? 0) + text.length;
    if (chars > this.maxChars) {
      if (before !== undefined) this.forget(key); // its old text can never match again
      return;
    }
    this.texts.set(key, text);
    this.chars = chars;
  }

  get size(): number {
    return this.texts.size;
  }

  private forget(key: string): void {
    const text = this.texts.get(key);
    if (text === undefined) return;
    this.chars -= text.length;
    this.texts.delete(key);
  }
}
