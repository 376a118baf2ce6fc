import { language } from '../language/shipped';
import type { ConceptHit, ConceptMatcher } from './concepts';
import { tokenize, type Tokens } from './concepts';

/**
 * What the scorer reads about one sentence: its words, the
 * concepts it names and how they combine, stance cues (a negation right
 * before a concept, a question, quotation, first or second person), and what
 * a reader sees around it: the sentence before and after, the heading above
 * it, whether it is a list item. Features are plain strings; the scorer's
 * weights are keyed by them.
 */

export interface SentenceContext {
  /** The sentence before, in the same block or the block before. */
  prev?: string;
  /** The sentence after, in the same block or the next block. */
  next?: string;
  /** The nearest heading above the sentence. */
  heading?: string;
  /** The sentence is (in) a list item. */
  list?: boolean;
  /** `prev` is in the same block: only then can "it"/"this" take its topic from it. */
  prevInBlock?: boolean;
}

/** Concepts that say how a sentence is meant rather than what it is about. */
export const STANCE_CONCEPTS = new Set([
  'MYTH_MARKER',
  'FACT_MARKER',
  'REPORT',
  'PAST_BELIEF',
  'JUST',
  'SHOULD',
  'NEGATION',
  'HEDGE',
  'QUIZ',
  'CONDITIONAL',
]);

/** Stance cues whose pairing with a content concept the scorer weighs. */
const CUES = [
  'NEGATION',
  'MYTH_MARKER',
  'REPORT',
  'HEDGE',
  'JUST',
  'SHOULD',
  'CONDITIONAL',
  'PAST_BELIEF',
];

/** Concepts of the surrounding text that the scorer reads. */
const CONTEXT_CONCEPTS = ['MYTH_MARKER', 'FACT_MARKER', 'QUIZ', 'NEGATION', 'REPORT', 'DEPRESSION'];

const FIRST_PERSON = new Set(language.firstPerson);
const SECOND_PERSON = new Set(language.secondPerson);

export interface Analysis {
  words: string[];
  hits: ConceptHit[];
  concepts: Set<string>;
  /** For each word, which clause of the sentence it is in (see `clauses`). */
  clause: number[];
}

/** Tokens and concept hits of a sentence. */
export function analyse(matcher: ConceptMatcher, text: string): Analysis {
  const tokens = tokenize(text);
  const hits = matcher.match(tokens.words);
  return {
    words: tokens.words,
    hits,
    concepts: new Set(hits.map((h) => h.concept)),
    clause: clauses(text, tokens),
  };
}

const CLAUSE_WORDS = new Set(language.clauseWords);
/** Punctuation between two words that ends a clause. */
const CLAUSE_MARK = /[,;:()"“”—–]|\s-\s/;

/**
 * Numbers the clauses of a sentence word by word: a new clause starts after
 * a comma, colon, dash, bracket or quotation mark, and at a clause word
 * ("but", "however"). A negation, or a myth marker, speaks for the concepts
 * of its own clause: "It isn't pretty, but depression is laziness."
 */
function clauses(text: string, tokens: Tokens): number[] {
  const out: number[] = [];
  let k = 0;
  for (let i = 0; i < tokens.words.length; i++) {
    if (i > 0) {
      const between = text.slice(tokens.ends[i - 1], tokens.starts[i]);
      if (CLAUSE_MARK.test(between) || CLAUSE_WORDS.has(tokens.words[i]!)) k++;
    }
    out.push(k);
  }
  return out;
}

/** Concepts that mark the clause they stand in as denied or called a myth. */
const DENIALS = new Set(['NEGATION', 'MYTH_MARKER']);
/** Concepts that make what follows in the sentence someone's belief, reported. */
const REPORTING = new Set(['REPORT', 'PAST_BELIEF']);

/**
 * Each content concept with the polarity of its clause (`k:+C`, `k:-C`),
 * the pairs that share a clause and its polarity (`kp:±A+B`), and the
 * concepts that follow a reporting word (`r:C`, "people think that…").
 */
function clauseFeatures(a: Analysis, out: Set<string>): void {
  const denied = new Set<number>();
  let reportedFrom = Infinity;
  for (const h of a.hits) {
    const c = a.clause[h.from] ?? 0;
    if (DENIALS.has(h.concept)) denied.add(c);
    if (REPORTING.has(h.concept)) reportedFrom = Math.min(reportedFrom, h.to);
  }
  const byClause = new Map<number, Set<string>>();
  for (const h of a.hits) {
    if (STANCE_CONCEPTS.has(h.concept)) continue;
    const c = a.clause[h.from] ?? 0;
    let set = byClause.get(c);
    if (!set) byClause.set(c, (set = new Set()));
    set.add(h.concept);
    if (h.from >= reportedFrom) out.add(`r:${h.concept}`);
  }
  for (const [c, set] of byClause) {
    const sign = denied.has(c) ? '-' : '+';
    const list = [...set].sort();
    for (const x of list) out.add(`k:${sign}${x}`);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) out.add(`kp:${sign}${list[i]}+${list[j]}`);
  }
}

/** The feature strings of one sentence in its context. */
export function featuresOf(
  matcher: ConceptMatcher,
  sentence: Analysis,
  text: string,
  ctx: SentenceContext = {},
  read: (text: string) => Analysis = (t) => analyse(matcher, t),
): string[] {
  const out = new Set<string>(['bias']);
  const { words, hits, concepts } = sentence;
  for (const w of words) out.add(`w:${w}`);
  const content = [...concepts].filter((c) => !STANCE_CONCEPTS.has(c)).sort();
  for (const c of concepts) out.add(`c:${c}`);
  for (let i = 0; i < content.length; i++)
    for (let j = i + 1; j < content.length; j++) out.add(`cc:${content[i]}+${content[j]}`);
  // A negation shortly before a concept: "not lazy", "don't need pills", "not just".
  const negations = hits.filter((h) => h.concept === 'NEGATION').map((h) => h.from);
  for (const h of hits) {
    if (h.concept === 'NEGATION') continue;
    if (negations.some((n) => n < h.from && h.from - n <= 4)) out.add(`n:${h.concept}`);
  }
  // How the sentence holds what it says: a cue together with a content concept.
  for (const cue of CUES) {
    if (!concepts.has(cue)) continue;
    for (const c of content) out.add(`sc:${cue}+${c}`);
  }
  clauseFeatures(sentence, out);
  if (words.length <= 8) out.add('s:short');
  if (/\?\s*["'”’)]*\s*$/.test(text)) out.add('s:question');
  if (/!/.test(text)) out.add('s:exclaim');
  if (/["“”]|(?:^|\s)['‘][^']+['’](?:\s|[.,!?]|$)/.test(text)) out.add('s:quote');
  if (words.some((w) => FIRST_PERSON.has(w))) out.add('s:i');
  if (words.some((w) => SECOND_PERSON.has(w))) out.add('s:you');
  if (words[0]) out.add(`s:first:${words[0]}`);
  if (/^[A-Z0-9\s\W]+$/.test(text) && /[A-Z]{3}/.test(text)) out.add('s:caps');
  // The heading is left to the context rules: 38 pages teach a model too little about headings.
  const around: [string, string | undefined][] = [
    ['p', ctx.prev],
    ['x', ctx.next],
  ];
  for (const [tag, t] of around) {
    if (!t) continue;
    const a = read(t);
    for (const c of CONTEXT_CONCEPTS) if (a.concepts.has(c)) out.add(`${tag}:${c}`);
    if (/\?\s*$/.test(t)) out.add(`${tag}:question`);
  }
  if (ctx.list) out.add('s:list');
  return [...out];
}
