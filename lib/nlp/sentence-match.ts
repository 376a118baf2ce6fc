import type nlp from 'compromise';
import { finishTags, needsTags, parse, tagWords, tokens } from './parse';
import { awaitsTagger, mayMatch } from './pattern-reach';
import { stripNegations } from './negation';
import { chunkView, mayReach, type ChunkView } from './pre-reach';
import { matchPattern, spanOf } from './pattern-match';
import type { Myth } from '../pack/pack-schema';
import {
  asksOnly,
  clauseStart,
  decideStance,
  isQuestion,
  negates,
  type CompiledStance,
} from './stance';

/**
 * Stage two for one sentence: compromise matches the candidate patterns, the
 * myth's exceptions veto near misses, and stance is decided per match.
 */

import type { ParsedPattern } from './pattern-anchors';

type Doc = ReturnType<typeof nlp>;

export interface CompiledPattern {
  myth: Myth;
  source: string;
  regs: ParsedPattern;
  /** Negations the pattern itself requires; such a pattern is matched on the original sentence. */
  ownNegations: number;
}

export interface Finding {
  mythId: string;
  category: string;
  stance: 'asserts' | 'refutes';
  start: number;
  end: number;
  text: string;
  /** What made it a finding: the concepts that carried the score, or the context rule. */
  why?: string[];
}

/**
 * The sentence as compromise should read it, the same length so offsets
 * hold: a typed double hyphen ("depressed--despite") is a dash, but
 * compromise would read the two words around it as one.
 */
function forParsing(sentence: string): string {
  return sentence.replace(/(?<=\p{L})--(?=\p{L})/gu, '— ');
}

/**
 * Findings in one sentence, at most one per myth. When one pattern asserts a
 * myth and another reads the same sentence as denying it, the tighter match
 * decides: a wide wildcard can swallow a negation from a neighbouring clause
 * ("Antidepressants don't work, they're a scam"), a tight match cannot. On a
 * tie a pattern written with its own negation decides; otherwise the
 * refutation wins, as a false highlight is worse than a missed one.
 */
export function matchSentence(
  sentence: string,
  patterns: readonly CompiledPattern[],
  exceptions: ReadonlyMap<string, ParsedPattern[]>,
  stance: CompiledStance,
): Finding[] {
  const words = forParsing(sentence);
  const question = isQuestion(sentence);
  // Most questions are asked, not answered: a sentence that is one can be skipped unparsed
  // when there are no rhetorical forms to look for.
  if (question && stance.rhetorical.length === 0) return [];
  const stripped = stripNegations(words, stance.negation);
  // Most candidate sentences fail already on their whitespace chunks: they never reach compromise.
  const chunks = chunkView(words);
  let strippedChunks: ChunkView | undefined;
  const reachable = patterns.filter((p) =>
    mayReach(
      stripped === null || p.ownNegations > 0
        ? chunks
        : (strippedChunks ??= chunkView(stripped.text)),
      p.regs,
    ),
  );
  if (reachable.length === 0) return [];
  const original = tokens(words);
  let strippedTokens: Doc | undefined;
  const targetOf = (p: CompiledPattern) =>
    stripped === null || p.ownNegations > 0 ? original : (strippedTokens ??= tokens(stripped.text));
  // Tagging costs most of a parse: only a sentence where some pattern's words line up pays for it.
  const hopeful = reachable.filter((p) => mayMatch(targetOf(p), p.regs, true));
  if (hopeful.length === 0) return [];
  // Most sentences still match nothing, and patterns of words alone can tell before
  // the tagger when no contraction waits for it ("he's"), else before the post-tagger.
  const wordsOnly = hopeful.every((p) => !needsTags(p.regs));
  const noMatch = () => hopeful.every((p) => matchPattern(targetOf(p), p.regs).length === 0);
  const settled =
    wordsOnly && !awaitsTagger(original) && !(strippedTokens && awaitsTagger(strippedTokens));
  if (settled && noMatch()) return [];
  const doc = tagWords(original);
  if (strippedTokens) tagWords(strippedTokens);
  if (wordsOnly && !settled && noMatch()) return [];
  finishTags(doc);
  if (strippedTokens) finishTags(strippedTokens);
  if (question && asksOnly(stance, doc)) return [];
  const vetoed = new Map<string, boolean>();
  const best = new Map<string, Finding>();
  // Whether the finding kept for a myth came from a pattern written with its own negation.
  const writtenFor = new Map<string, boolean>();
  for (const p of hopeful) {
    const id = p.myth.id;
    const onOriginal = stripped === null || p.ownNegations > 0;
    const target = targetOf(p);
    const matches = matchPattern(target, p.regs);
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
      let outer = m.outerStart ?? start;
      if (!onOriginal) {
        start = stripped.toOriginal[start] ?? start;
        end = stripped.toOriginal[end] ?? sentence.length;
        outer = stripped.toOriginal[outer] ?? outer;
      }
      // compromise counts a word's trailing punctuation as part of it; a highlight should not.
      while (end > start && /[\s.,;:!?…)\]"'”’—–-]/.test(sentence[end - 1] ?? '')) end--;
      const from = claimClauseStart(stance, sentence, start, end, m.outerStart !== undefined);
      const inScope = stripped
        ? stripped.negations.filter(
            (n) =>
              n >= from &&
              n < end &&
              // A negation in the topic part before a claim group ("wasn't" in "if your
              // childhood wasn't perfect, it's time…") belongs to that part, not to the
              // claim, unless it stands right before the claim ("it's not time to…").
              !(n >= outer && n < start && wordsBetween(words, n, start) > 3) &&
              negates(stance, words, n, question),
          ).length
        : 0;
      const governing = inScope - (onOriginal ? p.ownNegations : 0);
      const s = decideStance(stance, doc, sentence, { start, end }, governing);
      const previous = best.get(id);
      const written = onOriginal && p.ownNegations > 0;
      if (
        !previous ||
        preferred(
          { stance: s, length: end - start, written },
          previous,
          writtenFor.get(id) ?? false,
        )
      ) {
        writtenFor.set(id, written);
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

/**
 * Where the clause that makes the claim begins; a negation before it does
 * not govern the match. A claim group is a clause of its own, so a comma
 * before it closes the scope. A match that runs across a comma into a new
 * clause with its own verb ("you wouldn't be depressed, faith is the only
 * cure") makes its claim in that clause.
 */
function claimClauseStart(
  stance: CompiledStance,
  sentence: string,
  start: number,
  end: number,
  claimGroup: boolean,
): number {
  const clause = clauseStart(stance, sentence, start);
  if (claimGroup) return Math.max(clause, sentence.lastIndexOf(',', start) + 1);
  const comma = sentence.lastIndexOf(',', end - 1);
  if (comma > start && parse(sentence.slice(comma + 1, end)).has('#Verb')) return comma + 1;
  return clause;
}

/** How many words the text from `from` to `to` holds. */
function wordsBetween(text: string, from: number, to: number): number {
  return text.slice(from, to).trim().split(/\s+/).length;
}

/** Whether a new match should replace the finding kept so far for its myth. */
function preferred(
  next: { stance: string; length: number; written: boolean },
  kept: Finding,
  keptWritten: boolean,
): boolean {
  const keptLength = kept.end - kept.start;
  if (next.stance === kept.stance) return next.length > keptLength;
  if (next.length !== keptLength) return next.length < keptLength;
  // A pattern written with the negation in it ("…is not an excuse") knows what that
  // negation means; it decides over one that only found the negation in the way.
  if (next.written !== keptWritten) return next.written;
  return next.stance === 'refutes';
}
