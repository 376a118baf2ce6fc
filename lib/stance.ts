import nlp from 'compromise';
import type { StanceCues } from './pack-schema';
import { parsePattern } from './pattern-anchors';

/**
 * Decides whether a sentence that matched a myth asserts it or mentions it to
 * deny it. The cues are data (`content/stance.json`); this module only knows
 * where each kind of cue must stand relative to the match to count.
 */

export type Stance = 'asserts' | 'refutes';

type Regs = ReturnType<typeof nlp.parseMatch>;
type Doc = ReturnType<typeof nlp>;

export interface CompiledStance {
  refutation: Regs[];
  reporting: Regs[];
  rhetorical: Regs[];
  /** A negation followed by one of these asserts what follows ("doesn't change the fact that…"). */
  cancelled: RegExp;
}

export function compileStance(
  cues: StanceCues,
  parse: (pattern: string) => Regs = parsePattern,
): CompiledStance {
  return {
    refutation: cues.refutationFrames.map(parse),
    reporting: cues.reportingFrames.map(parse),
    rhetorical: cues.rhetoricalQuestions.map(parse),
    cancelled: new RegExp(
      `^(?:not|never|cannot|\\p{L}*n['’]t)\\s+(?:\\p{L}+ly\\s+)?(?:${cues.negationCancellers.join('|') || '(?!)'})\\b`,
      'iu',
    ),
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
  return !(rhetorical && /\bwhy\s+$/i.test(sentence.slice(Math.max(0, at - 8), at)));
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
export function clauseStart(sentence: string, at: number): number {
  const before = sentence.slice(0, at);
  const boundary = /[;:—–]|\s-\s|--|\b(?:but|however|yet|although|though|whereas|instead)\b/gi;
  let start = 0;
  for (let m = boundary.exec(before); m !== null; m = boundary.exec(before))
    start = m.index + m[0].length;
  const comma = /,\s*$/.exec(before);
  return comma ? Math.max(start, comma.index + 1) : start;
}

/** Whether the span is quoted or holds a quotation: a mention of the words, not a use. */
export function isQuotedMention(sentence: string, start: number, end: number): boolean {
  // Straight single quotes double as apostrophes (and "parents' house"): one counts
  // as a quote mark only when it opens a word after a space ("is 'purely mental'").
  const span = sentence.slice(start, end);
  if (/["“”«»„‘]/.test(span) || /(?:^|\s)'\p{L}/u.test(span)) return true;
  const before = sentence.slice(0, start);
  const count = (re: RegExp) => (before.match(re) ?? []).length;
  return count(/[“«„]/g) > count(/[”»]/g) || count(/"/g) % 2 === 1;
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
