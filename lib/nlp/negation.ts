import type { NegationRules } from '../language/language';
import { language } from '../language/shipped';

/**
 * Removes negations from a sentence so that one pattern, written for the
 * asserted form, also finds the negated form ("depression is not laziness"),
 * and keeps where each negation was, so stance can ask whether one governs
 * the match. Offsets of the stripped text map back to the original exactly.
 * How negation is written is the language's (lib/language/).
 */

export interface Stripped {
  text: string;
  /** For each index of `text` (and one past its end), the index in the original. */
  toOriginal: Int32Array;
  /** Start offsets, in the original, of the negations removed. */
  negations: number[];
}

/** The sentence with its negations removed, or null when it has none. */
export function stripNegations(
  sentence: string,
  rules: NegationRules = language.negation,
): Stripped | null {
  const found = rules.pattern;
  found.lastIndex = 0;
  if (!found.test(sentence)) return null;
  found.lastIndex = 0;
  const out = { text: '', map: [] as number[] };
  const negations: number[] = [];
  let from = 0;
  for (let m = found.exec(sentence); m !== null; m = found.exec(sentence)) {
    emit(out, sentence.slice(from, m.index), from, m.index - from);
    const kept = rules.kept(m);
    emit(out, kept.replacement, m.index, kept.original.length);
    negations.push(m.index);
    from = m.index + m[0].length;
  }
  emit(out, sentence.slice(from), from, sentence.length - from);
  out.map.push(sentence.length);
  return { text: out.text, toOriginal: Int32Array.from(out.map), negations };
}

/** Writes `piece`, mapping each of its characters into the original span [at, at + length). */
function emit(
  out: { text: string; map: number[] },
  piece: string,
  at: number,
  length: number,
): void {
  out.text += piece;
  for (let i = 0; i < piece.length; i++) out.map.push(at + Math.min(i, Math.max(0, length - 1)));
}
