/**
 * Feed rows whose JSON text, as the database wrote it, passed the contract check: the next feed that
 * reads the same row (same `seq`, which every write renews, and byte for byte the same text, so a
 * row changed around the API is checked again) sends the text as it is, without parsing and
 * checking it again. On a roll-out day every lawyer's first sync reads the same rows; only the
 * first after the endpoint starts pays for the check.
 *
 * Bounded by the characters kept (the large bench book, 20,029 clients, 50,080 needs and 5,060
 * secondments, is 30.7 million, about as many bytes): past the bound the oldest remembered go
 * first, rows rewritten since (kept under their old `seq`, never asked for again) among them. A
 * book over about twice that size is then checked in part on every feed.
 */
export class CheckedChangeTexts {
  private readonly texts = new Map<number, string>();
  private chars = 0;

  constructor(private readonly maxChars = 64_000_000) {}

  /** Whether `text` is exactly the text that passed for the row numbered `seq`. */
  passed(seq: number, text: string): boolean {
    return this.texts.get(seq) === text;
  }

  remember(seq: number, text: string): void {
    this.forget(seq);
    this.texts.set(seq, text);
    this.chars += text.length;
    for (const oldest of this.texts.keys()) {
      if (this.chars <= this.maxChars) break;
      this.forget(oldest);
    }
  }

  get size(): number {
    return this.texts.size;
  }

  private forget(seq: number): void {
    const text = this.texts.get(seq);
    if (text === undefined) return;
    this.chars -= text.length;
    this.texts.delete(seq);
  }
}
