/**
 * The concept lexicon (content/language/en/concepts.json) compiled into a matcher: a
 * sentence becomes lower-case word tokens, and every word or phrase of a
 * concept found among them is a concept hit. Plain string work, no NLP
 * library, so it is cheap enough for every sentence on a page about
 * depression, and small enough for the content script's topic gate.
 */

export interface ConceptLexicon {
  /** Concepts that make a sentence worth reading at all. */
  topics: string[];
  concepts: Record<string, string[]>;
}

export interface ConceptHit {
  concept: string;
  /** Token positions, end exclusive. */
  from: number;
  to: number;
}

export interface Tokens {
  words: string[];
  /** Character offsets of each word in the text it came from. */
  starts: number[];
  ends: number[];
}

interface Phrase {
  concept: string;
  words: string[];
  /** The first word without its *, for a prefix phrase. */
  stem?: string;
}

/** Adds the phrase's hit at token `i` when the words that follow match it. */
function matchAt(p: Phrase, words: readonly string[], i: number, hits: ConceptHit[]): void {
  const n = p.words.length;
  if (i + n > words.length) return;
  for (let k = 1; k < n; k++) if (!wordMatches(p.words[k]!, words[i + k]!)) return;
  for (let h = hits.length - 1; h >= 0 && hits[h]!.from === i; h--)
    if (hits[h]!.concept === p.concept) return;
  hits.push({ concept: p.concept, from: i, to: i + n });
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Lower-case word tokens with their offsets; curly apostrophes read as straight ones. */
export function tokenize(text: string): Tokens {
  const lower = text.toLowerCase();
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) {
    const w = m[0];
    words.push(w.includes('’') ? w.replace(/’/g, "'") : w);
    starts.push(m.index);
    ends.push(m.index + w.length);
  }
  return { words, starts, ends };
}

function wordMatches(pattern: string, word: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : pattern === word;
}

export class ConceptMatcher {
  /** Phrases by their exact first word. */
  private readonly byFirst = new Map<string, Phrase[]>();
  /** Phrases whose first word is a prefix ("depress*"). */
  private readonly prefixed: Phrase[] = [];
  /** Whether a word starts like any prefix phrase: one test instead of a loop. */
  private prefixStart: RegExp;
  readonly topics: ReadonlySet<string>;
  readonly names: readonly string[];

  constructor(lexicon: ConceptLexicon) {
    this.topics = new Set(lexicon.topics);
    this.prefixStart = /(?!)/;
    this.names = Object.keys(lexicon.concepts);
    for (const [concept, entries] of Object.entries(lexicon.concepts)) {
      for (const entry of entries) {
        const words = tokenize(entry.replace(/\*$/, 'ZZSTAR')).words.map((w) =>
          w.endsWith('zzstar') ? `${w.slice(0, -6)}*` : w,
        );
        if (words.length === 0) continue;
        const phrase = { concept, words };
        const first = words[0]!;
        if (first.endsWith('*')) this.prefixed.push({ ...phrase, stem: first.slice(0, -1) });
        else {
          const list = this.byFirst.get(first) ?? [];
          list.push(phrase);
          this.byFirst.set(first, list);
        }
      }
    }
    const stems = this.prefixed.map((p) => p.stem!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (stems.length > 0) this.prefixStart = new RegExp(`^(?:${stems.join('|')})`);
  }

  /** Every concept hit among the tokens, at most one per concept and start. */
  match(words: readonly string[]): ConceptHit[] {
    const hits: ConceptHit[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const exact = this.byFirst.get(w);
      if (exact) for (const p of exact) matchAt(p, words, i, hits);
      if (this.prefixStart.test(w))
        for (const p of this.prefixed) if (w.startsWith(p.stem!)) matchAt(p, words, i, hits);
    }
    return hits;
  }

  /**
   * The topic words and phrases as one whole-word regular expression source,
   * for the page gate: every text whose tokens hold a topic entry matches it
   * (a phrase's words may be apart by anything that is not a word), so the
   * gate loses nothing the matcher would find. ASCII classes and the `i`
   * flag only: a Unicode case-insensitive expression this size takes the
   * content script tens of milliseconds to compile; accented and look-alike
   * letters reach it folded (see text-fold.ts).
   */
  topicRegexSource(lexicon: ConceptLexicon): string {
    const word = (w: string) => {
      const escaped = w.replace(/\*$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return w.endsWith('*') ? `${escaped}[a-z0-9'’-]*` : escaped;
    };
    const parts = new Set<string>();
    for (const t of lexicon.topics) {
      for (const entry of lexicon.concepts[t] ?? [])
        parts.add(entry.trim().split(/\s+/).map(word).join('[^a-z0-9]+'));
    }
    return `(?<![a-z0-9])(?:${[...parts].join('|')})(?![a-z0-9])`;
  }
}
