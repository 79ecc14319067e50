/**
 * A bounded cache of laid-out words, shared by every report of the process.
 *
 * Most words of a report recur in the next one (categories, regions, cities, months, common words),
 * but a list export also lays out thousands of one-off tokens (amounts, dates, times, company names).
 * When the cache is full, the words no report has used since the one before the current go first; if
 * the last two reports alone filled it, the oldest entries go until a quarter of it is free, so that a
 * sweep runs at most once per quarter of the limit.
 */
export class LayoutCache<V> {
  private readonly entries = new Map<string, { value: V; usedBy: number }>();
  /** Counts the reports started: an entry remembers the last one that used it. */
  private report = 0;

  constructor(readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** A new report starts using the cache. */
  startReport(): void {
    this.report += 1;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    entry.usedBy = this.report;
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.limit) this.evict();
    this.entries.set(key, { value, usedBy: this.report });
  }

  private evict(): void {
    for (const [key, entry] of this.entries) if (entry.usedBy < this.report - 1) this.entries.delete(key);
    let excess = this.entries.size - Math.floor(this.limit * 0.75);
    // Insertion order: the oldest first.
    for (const key of this.entries.keys()) {
      if (excess <= 0) break;
      this.entries.delete(key);
      excess -= 1;
    }
  }
}
