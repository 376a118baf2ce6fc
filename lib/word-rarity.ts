/**
 * How common a word stem is on pages about other topics, from
 * content/common-words.json (occurrences per million words). The prefilter's
 * gate uses each pattern's rarest required group, so pages that are not about
 * depression are rejected in one pass.
 */
export type WordFrequencies = Readonly<Record<string, number>>;

export class StemRarity {
  private readonly byPrefix = new Map<string, [string, number][]>();
  private readonly cache = new Map<string, number>();

  constructor(perMillion: WordFrequencies) {
    for (const [word, f] of Object.entries(perMillion)) {
      const key = word.slice(0, 3);
      const list = this.byPrefix.get(key) ?? [];
      list.push([word, f]);
      this.byPrefix.set(key, list);
    }
  }

  /** Occurrences per million of all listed words that start with `stem`. */
  frequency(stem: string): number {
    let f = this.cache.get(stem);
    if (f !== undefined) return f;
    f = 0;
    if (stem.length < 3) {
      for (const list of this.byPrefix.values())
        for (const [w, n] of list) if (w.startsWith(stem)) f += n;
    } else {
      for (const [w, n] of this.byPrefix.get(stem.slice(0, 3)) ?? [])
        if (w.startsWith(stem)) f += n;
    }
    this.cache.set(stem, f);
    return f;
  }
}
