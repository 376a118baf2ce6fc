/**
 * The concept lexicon (content/concepts.json) compiled into a matcher: a
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
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Lower-case word tokens with their offsets; curly apostrophes read as straight ones. */
export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    words.push(m[0].toLowerCase().replace(/’/g, "'"));
    starts.push(m.index);
    ends.push(m.index + m[0].length);
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
  readonly topics: ReadonlySet<string>;
  readonly names: readonly string[];

  constructor(lexicon: ConceptLexicon) {
    this.topics = new Set(lexicon.topics);
    this.names = Object.keys(lexicon.concepts);
    for (const [concept, entries] of Object.entries(lexicon.concepts)) {
      for (const entry of entries) {
        const words = tokenize(entry.replace(/\*$/, 'ZZSTAR')).words.map((w) =>
          w.endsWith('zzstar') ? `${w.slice(0, -6)}*` : w,
        );
        if (words.length === 0) continue;
        const phrase = { concept, words };
        const first = words[0]!;
        if (first.endsWith('*')) this.prefixed.push(phrase);
        else {
          const list = this.byFirst.get(first) ?? [];
          list.push(phrase);
          this.byFirst.set(first, list);
        }
      }
    }
  }

  /** Every concept hit among the tokens, at most one per concept and start. */
  match(words: readonly string[]): ConceptHit[] {
    const hits: ConceptHit[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const tryPhrase = (p: Phrase) => {
        if (i + p.words.length > words.length) return;
        for (let k = 0; k < p.words.length; k++)
          if (!wordMatches(p.words[k]!, words[i + k]!)) return;
        const key = `${p.concept}@${i}`;
        if (seen.has(key)) return;
        seen.add(key);
        hits.push({ concept: p.concept, from: i, to: i + p.words.length });
      };
      for (const p of this.byFirst.get(w) ?? []) tryPhrase(p);
      for (const p of this.prefixed) if (w.startsWith(p.words[0]!.slice(0, -1))) tryPhrase(p);
    }
    return hits;
  }

  /** The topic words as one whole-word regular expression source, for the page gate. */
  topicRegexSource(lexicon: ConceptLexicon): string {
    const parts: string[] = [];
    for (const t of lexicon.topics) {
      for (const entry of lexicon.concepts[t] ?? []) {
        const first = entry.split(/\s+/)[0]!;
        const escaped = first.replace(/\*$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        parts.push(first.endsWith('*') ? `${escaped}[\\p{L}\\p{N}'’-]*` : escaped);
      }
    }
    return `(?<![\\p{L}\\p{N}])(?:${[...new Set(parts)].join('|')})(?![\\p{L}\\p{N}])`;
  }
}
