import nlp from 'compromise';
import type { Language, NegationRules } from '../language/language';
import { language } from '../language/shipped';
import type { StanceCues } from '../pack/pack-schema';
import { parsePattern, type ParsedPattern } from './pattern-anchors';

/**
 * Decides whether a sentence that matched a myth asserts it or mentions it to
 * deny it. The cues are data (`content/language/en/stance.json`), and so are
 * the language's negations and clause words (lib/language/); this module only
 * knows where each kind of cue must stand relative to the match to count.
 */

export type Stance = 'asserts' | 'refutes';

type Doc = ReturnType<typeof nlp>;

export interface CompiledStance {
  refutation: ParsedPattern[];
  reporting: ParsedPattern[];
  rhetorical: ParsedPattern[];
  /** A negation followed by one of these asserts what follows ("doesn't change the fact that…"). */
  cancelled: RegExp;
  /** How the language writes negation. */
  negation: NegationRules;
  /** Where a clause begins (see `clauseStart`); global. */
  clauseBoundary: RegExp;
}

export function compileStance(
  cues: StanceCues,
  parse: (pattern: string) => ParsedPattern = parsePattern,
  lang: Language = language,
): CompiledStance {
  const { negation } = lang;
  return {
    refutation: cues.refutationFrames.map(parse),
    reporting: cues.reportingFrames.map(parse),
    rhetorical: cues.rhetoricalQuestions.map(parse),
    cancelled: new RegExp(
      `^(?:${negation.leading})\\s+(?:${negation.adverb}\\s+)?(?:${cues.negationCancellers.join('|') || '(?!)'})\\b`,
      'iu',
    ),
    negation,
    clauseBoundary: new RegExp(`[;:—–]|\\s-\\s|--|\\b(?:${lang.clauseWords.join('|')})\\b`, 'gi'),
  };
}

/** A question asks; it does not assert, unless it is one of the rhetorical forms (see `asksOnly`). */
export function isQuestion(sentence: string): boolean {
  return /\?["'”’)\]]*\s*$/.test(sentence);
}

/**
 * Whether the negation starting at `at` in `sentence` says no to the claim.
 * It does not when a verb cancels it ("does not invalidate the data that…")
 * or when it is the "why not" of a rhetorical question.
 */
export function negates(
  compiled: CompiledStance,
  sentence: string,
  at: number,
  rhetorical: boolean,
): boolean {
  if (compiled.cancelled.test(sentence.slice(at, at + 60))) return false;
  return !(rhetorical && compiled.negation.whyBefore.test(sentence.slice(Math.max(0, at - 8), at)));
}

/** Whether a question (parsed as `doc`) only asks: false for the forms that make a point instead. */
export function asksOnly(compiled: CompiledStance, doc: Doc): boolean {
  return !compiled.rhetorical.some((regs) => doc.has(regs as never));
}

/**
 * Where the clause holding `at` begins: after ; : dashes or a contrastive
 * conjunction, or after a comma that directly precedes the match (in "they
 * choose not to, depression is X" the negation belongs to the earlier clause).
 */
export function clauseStart(compiled: CompiledStance, sentence: string, at: number): number {
  const before = sentence.slice(0, at);
  const boundary = compiled.clauseBoundary;
  boundary.lastIndex = 0;
  let start = 0;
  for (let m = boundary.exec(before); m !== null; m = boundary.exec(before))
    start = m.index + m[0].length;
  const comma = /,\s*$/.exec(before);
  return comma ? Math.max(start, comma.index + 1) : start;
}

/**
 * Whether the match is quoted: a mention of the words, not a use ("she heard
 * “depression is laziness” too often", "ignore it and “man up”"). It is when
 * a quotation covers at least half of it or the words it ends on. Quotes
 * around a term inside a claim are scare quotes and change nothing
 * ("'clinical depression' is just being sad").
 */
export function isQuotedMention(sentence: string, start: number, end: number): boolean {
  let covered = 0;
  for (const [from, to] of quotations(sentence)) {
    // The words the match ends on are quoted: the myth's own phrase is what is quoted.
    if (from < end && to >= end) return true;
    covered += Math.max(0, Math.min(to, end) - Math.max(from, start));
  }
  return covered * 2 >= end - start;
}

/**
 * The spans of text inside quotation marks. Straight single quotes double as
 * apostrophes ("don't", "parents' house"): one opens a quotation only at the
 * start of a word, and closes it only at the end of one. A quotation left
 * open runs to the end of the sentence.
 */
function quotations(sentence: string): [number, number][] {
  const out: [number, number][] = [];
  const marks = /["“”«»„]|(?<=^|[\s([])['‘](?=\p{L})|(?<=[\p{L}.,!?])['’](?=[\s.,;:!?)\]]|$)/gu;
  let open: { at: number; mark: string } | null = null;
  for (let m = marks.exec(sentence); m !== null; m = marks.exec(sentence)) {
    const mark = m[0];
    const single = mark === "'" || mark === '‘' || mark === '’';
    if (open === null) {
      const opens = single
        ? mark !== '’' && (m.index === 0 || /[\s([]/.test(sentence[m.index - 1] ?? ''))
        : mark !== '”' && mark !== '»';
      if (opens) open = { at: m.index + 1, mark };
      continue;
    }
    const closes = single === (open.mark === "'" || open.mark === '‘');
    if (closes) {
      out.push([open.at, m.index]);
      open = null;
    }
  }
  if (open !== null) out.push([open.at, sentence.length]);
  return out;
}

/** The stance of a match in `doc` (the original sentence) spanning [start, end). */
export function decideStance(
  compiled: CompiledStance,
  doc: Doc,
  sentence: string,
  span: { start: number; end: number },
  governingNegations: number,
): Stance {
  if (governingNegations > 0) return 'refutes';
  if (compiled.refutation.some((regs) => doc.has(regs as never))) return 'refutes';
  if (isQuotedMention(sentence, span.start, span.end)) return 'refutes';
  for (const regs of compiled.reporting) {
    const found = doc.match(regs as never).json({ offset: true }) as {
      offset: { start: number };
    }[];
    if (found.some((f) => f.offset.start < span.start)) return 'refutes';
  }
  return 'asserts';
}
