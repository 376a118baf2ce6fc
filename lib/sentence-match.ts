import nlp from 'compromise';
import { stripNegations } from './negation';
import { parsePattern, requiredGroups } from './pattern-anchors';
import type { Myth } from './pack-schema';
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
  /** Where the whole match starts, when the finding is only its claim part. */
  outerStart?: number;
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
  exceptions: ReadonlyMap<string, Regs[]>,
  stance: CompiledStance,
): SentenceFinding[] {
  const words = forParsing(sentence);
  const question = isQuestion(sentence);
  // Most questions are asked, not answered: a sentence that is one can be skipped unparsed
  // when there are no rhetorical forms to look for.
  if (question && stance.rhetorical.length === 0) return [];
  const doc = nlp(words);
  if (question && asksOnly(stance, doc)) return [];
  const stripped = stripNegations(words);
  let strippedDoc: ReturnType<typeof nlp> | undefined;
  const vetoed = new Map<string, boolean>();
  const best = new Map<string, SentenceFinding>();
  // Whether the finding kept for a myth came from a pattern written with its own negation.
  const writtenFor = new Map<string, boolean>();
  for (const p of patterns) {
    const id = p.myth.id;
    const onOriginal = stripped === null || p.ownNegations > 0;
    const target = onOriginal ? doc : (strippedDoc ??= nlp(stripped.text));
    const matches = matchWithBacktracking(target, p.regs);
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
      const from = claimClauseStart(sentence, start, end, m.outerStart !== undefined);
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

type Doc = ReturnType<typeof nlp>;

/**
 * Where the clause that makes the claim begins; a negation before it does
 * not govern the match. A claim group is a clause of its own, so a comma
 * before it closes the scope. A match that runs across a comma into a new
 * clause with its own verb ("you wouldn't be depressed, faith is the only
 * cure") makes its claim in that clause.
 */
function claimClauseStart(
  sentence: string,
  start: number,
  end: number,
  claimGroup: boolean,
): number {
  const clause = clauseStart(sentence, start);
  if (claimGroup) return Math.max(clause, sentence.lastIndexOf(',', start) + 1);
  const comma = sentence.lastIndexOf(',', end - 1);
  if (comma > start && nlp(sentence.slice(comma + 1, end)).has('#Verb')) return comma + 1;
  return clause;
}

/** How many words the text from `from` to `to` holds. */
function wordsBetween(text: string, from: number, to: number): number {
  return text.slice(from, to).trim().split(/\s+/).length;
}

/**
 * A pattern may name the part that makes the claim, `[<claim>…]`, when its
 * topic words stand in a clause of their own ("if your childhood wasn't
 * perfect, [it's time you got over it]"): the finding's span, and so the
 * reach of a negation, is that part only.
 */
const CLAIM = 'claim';
const claimGroups = new WeakMap<Regs, boolean>();

function hasClaimGroup(regs: Regs): boolean {
  let has = claimGroups.get(regs);
  if (has === undefined) {
    has = (regs as { group?: string }[]).some((r) => r.group === CLAIM);
    claimGroups.set(regs, has);
  }
  return has;
}

const JSON_OPTIONS = { offset: true, terms: { offset: true }, text: false };

function json(doc: Doc, regs: Regs): Matched[] {
  const whole = doc.match(regs as never).json(JSON_OPTIONS) as Matched[];
  if (whole.length === 0 || !hasClaimGroup(regs)) return whole;
  const claims = doc.match(regs as never, CLAIM).json(JSON_OPTIONS) as Matched[];
  return claims.map((c, i) => ({ ...c, outerStart: spanOf(whole[i] ?? c)?.start }));
}

/**
 * compromise does not backtrack: in "depression .{0,4} is not" its wildcard
 * stops at the first "is" and fails if "not" does not follow, even when a
 * later "is not" is in reach; in "(one|one little) pill" it takes "one" and
 * fails on "little". When such a pattern fails, its spelled-out variants are
 * tried, so a pattern matches whenever a reader would say it does.
 */
function matchWithBacktracking(doc: Doc, regs: Regs): Matched[] {
  const found = json(doc, regs);
  if (found.length > 0) return found;
  // Spelled-out variants cost one match each, so they are tried only on sentences
  // of ordinary length (a long list of names or links is not where myths are told),
  // and only when compromise finds every word the pattern requires.
  if (doc.wordCount() > VARIANT_WORD_LIMIT) return [];
  const variants = readerVariants(regs);
  if (variants.length === 0 || !requiredWords(regs).every((r) => doc.has(r as never))) return [];
  for (const variant of variants) {
    const m = json(doc, variant);
    if (m.length > 0) return m;
  }
  return [];
}

/** Sentences longer than this many words get compromise's own reading only. */
const VARIANT_WORD_LIMIT = 60;

const required = new WeakMap<Regs, Regs[]>();

/** One single-word pattern per required word group of `regs`, for compromise's own quick test. */
function requiredWords(regs: Regs): Regs[] {
  let list = required.get(regs);
  if (!list) {
    list = requiredGroups(regs).map((words) => parsePattern(`(${words.join('|')})`));
    required.set(regs, list);
  }
  return list;
}

interface Reg {
  anything?: boolean;
  optional?: boolean;
  greedy?: boolean;
  min?: number;
  max?: number;
  operator?: string;
  choices?: Reg[][];
  group?: string;
}

/**
 * How many words a wildcard may take, when it is one whose choice compromise
 * makes once: `.{a,b}`, and `.?` (which swallows the next word when the
 * token after it is a choice of phrases, "(lives|is located)").
 */
function wildcardRange(reg: Reg): { min: number; max: number } | null {
  if (reg.anything !== true) return null;
  if (reg.greedy === true && reg.max !== undefined) return { min: reg.min ?? 0, max: reg.max };
  if (reg.optional === true && reg.greedy !== true) return { min: 0, max: 1 };
  return null;
}

/**
 * The ways a reader could take one token. compromise commits to the first
 * that fits, so a wildcard gives each width it allows, and a choice of
 * phrases ("(one|one little) pill") each phrase, plus none when optional.
 */
function readings(reg: Reg, withChoices: boolean): { regs: Reg[]; width: number }[] {
  const range = wildcardRange(reg);
  if (range) {
    const out = [];
    for (let k = range.min; k <= range.max; k++) {
      out.push({ regs: Array.from({ length: k }, () => ({ anything: true })), width: k });
    }
    return out;
  }
  const phrases = reg.operator === 'or' && reg.choices?.some((c) => c.length > 1);
  if (withChoices && phrases && reg.group === undefined && reg.greedy !== true) {
    const out = reg.choices!.map((c) => ({ regs: c, width: 0 }));
    if (reg.optional) out.push({ regs: [], width: 0 });
    return out;
  }
  return [{ regs: [reg], width: 0 }];
}

/** More variants than this and the pattern keeps compromise's own reading. */
const MAX_VARIANTS = 256;
const variantCache = new WeakMap<Regs, Regs[]>();

/**
 * The pattern spelled out the ways compromise would not try by itself: each
 * bounded wildcard (`.{a,b}`, `.?`) as exactly k wildcards, and each choice
 * of phrases as each phrase, narrowest wildcards first.
 */
export function readerVariants(regs: Regs): Regs[] {
  let cached = variantCache.get(regs);
  if (cached) return cached;
  const expand = (withChoices: boolean) => {
    let variants: { regs: Reg[]; width: number }[] = [{ regs: [], width: 0 }];
    for (const reg of regs as Reg[]) {
      const options = readings(reg, withChoices);
      if (options.length === 1) {
        variants.forEach((v) => v.regs.push(...options[0]!.regs));
        continue;
      }
      variants = variants.flatMap((v) =>
        options.map((o) => ({ regs: [...v.regs, ...o.regs], width: v.width + o.width })),
      );
      if (variants.length > MAX_VARIANTS) return null;
    }
    return variants;
  };
  const variants = expand(true) ?? expand(false) ?? [];
  cached =
    variants.length > 1
      ? variants.sort((a, b) => a.width - b.width).map((v) => v.regs as unknown as Regs)
      : [];
  variantCache.set(regs, cached);
  return cached;
}

/** Whether a new match should replace the finding kept so far for its myth. */
function preferred(
  next: { stance: string; length: number; written: boolean },
  kept: SentenceFinding,
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
