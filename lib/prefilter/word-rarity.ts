/**
 * How common a word is on pages about other topics, from
 * content/language/en/common-words.json (occurrences per million words). The prefilter's
 * gate uses each pattern's rarest required group, so pages that are not about
 * depression are rejected in one pass. The prefilter matches whole words, so
 * a word's own count is what its gate lets through.
 */
export type WordFrequencies = Readonly<Record<string, number>>;

export class WordRarity {
  constructor(private readonly perMillion: WordFrequencies) {}

  /** Occurrences per million words of exactly `word`. */
  frequency(word: string): number {
    return Object.hasOwn(this.perMillion, word) ? (this.perMillion[word] ?? 0) : 0;
  }
}
