import { language } from '../language/shipped';
import type { ConceptHit, ConceptMatcher } from './concepts';
import { tokenize } from './concepts';

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
}

/** Tokens and concept hits of a sentence. */
export function analyse(matcher: ConceptMatcher, text: string): Analysis {
  const { words } = tokenize(text);
  const hits = matcher.match(words);
  return { words, hits, concepts: new Set(hits.map((h) => h.concept)) };
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
