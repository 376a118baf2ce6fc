import nlp from 'compromise';
import { stripNegations } from './negation';
import type { Myth } from './pack-schema';
import { clauseStart, decideStance, type CompiledStance } from './stance';

/**
 * Stage two for one sentence: compromise matches the candidate patterns, the
 * myth's exceptions veto near misses, and stance is decided per match.
 */

export type Regs = ReturnType<typeof nlp.parseMatch>;

export interface CompiledPattern {
  myth: Myth;
  source: string;
  regs: Regs;
  /** Negations the pattern itself requires; such a pattern is matched on the original sentence. */
  ownNegations: number;
}

export interface SentenceFinding {
  mythId: string;
  category: string;
  stance: 'asserts' | 'refutes';
  start: number;
  end: number;
  text: string;
}

interface Matched {
  terms: { offset: { start: number; length: number } }[];
}

/**
 * A match's span from its first and last terms. compromise's match-level
 * offset counts the first term's leading punctuation or emoji in its length,
 * which would run past the end of the sentence; term offsets are exact.
 */
function spanOf(m: Matched): { start: number; end: number } | null {
  const first = m.terms[0];
  const last = m.terms[m.terms.length - 1];
  if (!first || !last) return null;
  return { start: first.offset.start, end: last.offset.start + last.offset.length };
}

/**
 * Findings in one sentence, at most one per myth. When one pattern asserts a
 * myth and another reads the same sentence as denying it, the tighter match
 * decides: a wide wildcard can swallow a negation from a neighbouring clause
 * ("Antidepressants don't work, they're a scam"), a tight match cannot. On a
 * tie the refutation wins, as a false highlight is worse than a missed one.
 */
export function matchSentence(
  sentence: string,
  patterns: readonly CompiledPattern[],
  exceptions: ReadonlyMap<string, Regs[]>,
  stance: CompiledStance,
): SentenceFinding[] {
  const doc = nlp(sentence);
  const stripped = stripNegations(sentence);
  let strippedDoc: ReturnType<typeof nlp> | undefined;
  const vetoed = new Map<string, boolean>();
  const best = new Map<string, SentenceFinding>();
  for (const p of patterns) {
    const id = p.myth.id;
    const onOriginal = stripped === null || p.ownNegations > 0;
    const target = onOriginal ? doc : (strippedDoc ??= nlp(stripped.text));
    const matches = target
      .match(p.regs as never)
      .json({ offset: true, terms: { offset: true }, text: false }) as Matched[];
    if (matches.length === 0) continue;
    if (!vetoed.has(id))
      vetoed.set(
        id,
        (exceptions.get(id) ?? []).some((r) => doc.has(r as never)),
      );
    if (vetoed.get(id)) continue;
    for (const m of matches) {
      const span = spanOf(m);
      if (!span) continue;
      let { start, end } = span;
      if (!onOriginal) {
        start = stripped.toOriginal[start] ?? start;
        end = stripped.toOriginal[end] ?? sentence.length;
      }
      // compromise counts a word's trailing punctuation as part of it; a highlight should not.
      while (end > start && /[\s.,;:!?…)\]"'”’]/.test(sentence[end - 1] ?? '')) end--;
      const from = clauseStart(sentence, start);
      const inScope = stripped ? stripped.negations.filter((n) => n >= from && n < end).length : 0;
      const governing = inScope - (onOriginal ? p.ownNegations : 0);
      const s = decideStance(stance, doc, sentence, { start, end }, governing);
      const previous = best.get(id);
      if (!previous || preferred({ stance: s, length: end - start }, previous)) {
        best.set(id, {
          mythId: id,
          category: p.myth.category,
          stance: s,
          start,
          end,
          text: sentence.slice(start, end),
        });
      }
    }
  }
  const found = [...best.values()].sort((a, b) => a.start - b.start);
  // A sentence that asserts one myth is not a correction of another, even when a
  // negation it holds reads as one ("Real men don't get depressed, they toughen up").
  return found.some((f) => f.stance === 'asserts')
    ? found.filter((f) => f.stance === 'asserts')
    : found;
}

/** Whether a new match should replace the finding kept so far for its myth. */
function preferred(next: { stance: string; length: number }, kept: SentenceFinding): boolean {
  const keptLength = kept.end - kept.start;
  if (next.stance === kept.stance) return next.length > keptLength;
  if (next.length !== keptLength) return next.length < keptLength;
  return next.stance === 'refutes';
}
