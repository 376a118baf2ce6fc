import MiniSearch, { type SearchResult } from 'minisearch';
import { language } from './language/shipped';
import { compileDetector } from './nlp/detector';
import type { Pack } from './pack/pack';

/**
 * The popup's "Check a claim": which myths a typed or pasted text is about.
 *
 * Two signals, in order. The detector's findings come first, because a
 * detector match means the text really states (or denies) the myth, with the
 * stance to prove it. Retrieval comes second and catches what the detector's
 * precise patterns are built to skip: fragments ("serotonin"), paraphrases
 * ("my mom says I should just jog more") and slang ("man up").
 *
 * Retrieval uses MiniSearch rather than a hand-written BM25: it is a small,
 * dependency-free library with BM25+ scoring, per-field boosts, and prefix and
 * typo-tolerant matching over a radix tree. Prefix and fuzzy matching are what
 * make fragments and misspellings ("seratonin") work, and they are the part a
 * home-made BM25 would get subtly wrong; indexing a few dozen myths is instant.
 *
 * A BM25 score alone cannot tell "unrelated" from "related": it is relative,
 * and one common word shared with a keyword ("water" in "water under the
 * bridge") can outscore a real but short match. So a retrieved myth must also
 * show evidence (see `evidence`), and the score only orders what passes.
 */

export interface LookupMatch {
  mythId: string;
  /** Higher is better; results are sorted by it. */
  score: number;
  /** Which signal found the myth: the detector (the text states or denies it) or retrieval. */
  matched: 'detector' | 'search';
  /** Only for detector matches: whether the text repeats the myth or debunks it. */
  stance?: 'asserts' | 'refutes';
}

export type LookupResult =
  | { kind: 'empty' }
  | { kind: 'none' }
  | { kind: 'results'; refutes: boolean; results: LookupMatch[] };

/** Longest text looked at; a bigger paste is cut here. */
export const MAX_QUERY_CHARS = 100_000;
/** Longest text given to retrieval; beyond it only the (linear, prefiltered) detector runs. */
export const MAX_SEARCH_CHARS = 2_000;
/** At most this many retrieval results, so the list stays readable in a 380px popup. */
const MAX_SEARCH_RESULTS = 5;
/** A result must score at least this share of the best one, so one good match is not buried in weak ones. */
const RELATIVE_CUTOFF = 0.3;
/** A term found in more than this share of myths ("depression") says nothing about which one is meant. */
const COMMON_SHARE = 0.25;

interface MythDoc {
  id: string;
  claim: string;
  keywords: string;
  asserts: string;
  verdict: string;
}

interface Keyword {
  /** For a keyword of two or more words: every word stemmed, stop words kept, for a phrase match. */
  phrase: string | null;
  /** The stemmed terms when none was a stop word, so a typo of each may count; else null. */
  terms: string[] | null;
}

interface QueryTerms {
  /** The text's words stemmed, space-separated and space-padded, for phrase matches. */
  phrases: string;
  /** The text's distinct terms as the index sees them. */
  terms: Set<string>;
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** Builds the index once; the returned function is cheap to call on every keystroke. */
export function createLookup(pack: Pack): (query: string) => LookupResult {
  const detector = compileDetector(pack);
  const docs: MythDoc[] = pack.myths.map((m) => ({
    id: m.id,
    claim: m.claim,
    keywords: m.keywords.join(' . '),
    asserts: m.examples.asserts.join(' . '),
    verdict: m.verdict,
  }));
  const index = new MiniSearch<MythDoc>({
    fields: ['claim', 'keywords', 'asserts', 'verdict'],
    processTerm,
    searchOptions: {
      // Keywords and the claim are written to name the myth; the examples are
      // many and wordy, so they count for less; the verdict names it only in passing.
      boost: { keywords: 3, claim: 3, asserts: 1.5, verdict: 0.7 },
      // Prefix only for the last word, the one still being typed: elsewhere a
      // whole word like "over" would pass for "overthinking". Short terms get
      // no typo tolerance: "great" is one letter from "grate(ful)".
      prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 4,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
    },
  });
  index.addAll(docs);

  const keywords = new Map(pack.myths.map((m) => [m.id, m.keywords.map(keyword)]));
  const categoryOf = new Map(pack.myths.map((m) => [m.id, m.category]));
  const mythsWith = documentFrequency(docs);
  const isCommon = (term: string) => (mythsWith.get(term) ?? 0) > docs.length * COMMON_SHARE;

  /**
   * How strongly a retrieved myth is really about the text, rather than
   * sharing a word with it: 'phrase' when one of its keywords of two or more
   * words appears as a phrase ("man up", "like being sad"); otherwise 'words'
   * when any of these holds, else null:
   * - a keyword without stop words matched in full, typos allowed ("seratonin levels");
   * - a one-word keyword that no other myth uses, spelled exactly ("meditate"; a
   *   typo allowance would let "players" pass for "prayer"), or one-word keywords
   *   making up a third of the text ("so lazy"); so "body", which several myths
   *   use, does not pull a myth into a sentence about a letter;
   * - two distinctive words of the text appear exactly in its claim or keywords.
   */
  const evidence = (r: SearchResult, query: QueryTerms): 'phrase' | 'words' | null => {
    const own = keywords.get(String(r.id)) ?? [];
    if (own.some((k) => k.phrase !== null && query.phrases.includes(k.phrase))) return 'phrase';
    const matched = new Set(r.terms);
    const full = own.flatMap((k) => (k.terms?.every((t) => matched.has(t)) ? [k.terms] : []));
    if (full.some((terms) => terms.length >= 2)) return 'words';
    const singles = new Set(full.map((terms) => terms[0]!));
    if ([...singles].some((t) => mythsWith.get(t) === 1 && query.terms.has(t))) return 'words';
    if (singles.size * 3 >= query.terms.size) return 'words';
    const named = r.terms.filter(
      (term) =>
        query.terms.has(term) &&
        !isCommon(term) &&
        r.match[term]?.some((field) => field === 'claim' || field === 'keywords'),
    );
    return named.length >= 2 ? 'words' : null;
  };

  return (query) => {
    const text = query.slice(0, MAX_QUERY_CHARS);
    if (text.trim() === '') return { kind: 'empty' };

    const found = new Map<string, 'asserts' | 'refutes'>();
    for (const f of detector.scan(text)) {
      // A myth both asserted and denied in the text is listed as asserted: that is the part to correct.
      if (found.get(f.mythId) !== 'asserts') found.set(f.mythId, f.stance);
    }

    const head = text.slice(0, MAX_SEARCH_CHARS);
    const terms: QueryTerms = {
      phrases: ` ${stemmedWords(head).join(' ')} `,
      terms: new Set(processedTerms(head)),
    };
    const searched = index.search(head);
    const top = searched[0]?.score ?? 0;
    // A phrase match outranks any bag of words: its score is lifted above the best raw score.
    const scored = searched.flatMap((r) => {
      const level = evidence(r, terms);
      if (!level) return [];
      return [{ mythId: String(r.id), score: r.score + (level === 'phrase' ? top : 0) }];
    });
    // The scorer's category model knows how people phrase each kind of myth: retrieved
    // myths of the category it names come first, and its own pick joins them.
    const likely = found.size === 0 ? detector.classify(head) : null;
    if (likely) {
      for (const r of scored) if (categoryOf.get(r.mythId) === likely.category) r.score += top * 2;
      if (!scored.some((r) => categoryOf.get(r.mythId) === likely.category))
        scored.push({ mythId: likely.mythId, score: top * 2 });
    }
    scored.sort((x, y) => y.score - x.score);
    const searchScore = new Map(scored.map((r) => [r.mythId, r.score]));
    const best = scored[0]?.score ?? 0;
    const retrieved: LookupMatch[] = scored
      .filter((r) => r.score >= best * RELATIVE_CUTOFF && !found.has(r.mythId))
      .slice(0, MAX_SEARCH_RESULTS)
      .map((r) => ({ ...r, matched: 'search' }));

    // Detector matches outrank every retrieval score; among them, asserted
    // myths come before refuted ones, each ordered by its own retrieval score.
    const floor = best + 1;
    const detected: LookupMatch[] = [...found]
      .map(([mythId, stance]) => ({
        mythId,
        stance,
        matched: 'detector' as const,
        score: floor * (stance === 'asserts' ? 2 : 1) + (searchScore.get(mythId) ?? 0),
      }))
      .sort((a, b) => b.score - a.score);

    const results = [...detected, ...retrieved];
    if (results.length === 0) return { kind: 'none' };
    return { kind: 'results', refutes: detected.some((r) => r.stance === 'refutes'), results };
  };
}

function keyword(text: string): Keyword {
  const words = stemmedWords(text);
  const terms = processedTerms(text);
  const whole = terms.length > 0 && terms.length === words.length;
  return {
    phrase: words.length >= 2 ? ` ${words.join(' ')} ` : null,
    terms: whole ? terms : null,
  };
}

function processedTerms(text: string): string[] {
  return tokenize(text)
    .map(processTerm)
    .filter((t): t is string => t !== null);
}

/** For each term, how many myths use it in any field. */
function documentFrequency(docs: MythDoc[]): Map<string, number> {
  const mythsWith = new Map<string, number>();
  for (const doc of docs) {
    const text = [doc.claim, doc.keywords, doc.asserts, doc.verdict].join(' ');
    for (const term of new Set(processedTerms(text))) {
      mythsWith.set(term, (mythsWith.get(term) ?? 0) + 1);
    }
  }
  return mythsWith;
}

/** Function words that say nothing about which myth is meant: the language's stop words. */
const STOP_WORDS = new Set(language.stopWords);

/**
 * Lower case, no stop words, and the language's small stemmer (enough to
 * meet "jogging" with "jog" and "laziness" with "lazy"). Index and query go
 * through the same function, so a stem only has to be consistent, never a
 * real word.
 */
export function processTerm(term: string): string | null {
  const word = normalize(term);
  if (word.length < 2 || STOP_WORDS.has(word)) return null;
  return stem(word);
}

/** Every word stemmed, stop words kept, for phrase matching. */
function stemmedWords(text: string): string[] {
  return tokenize(text)
    .map(normalize)
    .filter((w) => w !== '')
    .map(stem);
}

function normalize(term: string): string {
  return term.toLowerCase().replace(language.possessive, '');
}

function stem(word: string): string {
  return language.stem(word);
}
