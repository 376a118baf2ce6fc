import nlp from 'compromise';
import { mayMatch } from './pattern-reach';
import { patternTokens, type ParsedPattern, type PatternToken as Reg } from './pattern-anchors';

/**
 * Matches one compiled pattern in a parsed sentence the way a person reading
 * the pattern would: compromise's matcher commits to its first choice and
 * never backtracks, so when it fails, the readings it skipped are tried.
 */

type Doc = ReturnType<typeof nlp>;

export interface Matched {
  terms: { offset: { start: number; length: number } }[];
  /** Where the whole match starts, when the finding is only its claim part. */
  outerStart?: number;
}

/**
 * A match's span from its first and last terms. compromise's match-level
 * offset counts the first term's leading punctuation or emoji in its length,
 * which would run past the end of the sentence; term offsets are exact.
 */
export function spanOf(m: Matched): { start: number; end: number } | null {
  const first = m.terms[0];
  const last = m.terms[m.terms.length - 1];
  if (!first || !last) return null;
  return { start: first.offset.start, end: last.offset.start + last.offset.length };
}

/**
 * A pattern may name the part that makes the claim, `[<claim>…]`, when its
 * topic words stand in a clause of their own ("if your childhood wasn't
 * perfect, [it's time you got over it]"): the finding's span, and so the
 * reach of a negation, is that part only.
 */
const CLAIM = 'claim';
const claimGroups = new WeakMap<ParsedPattern, boolean>();

function hasClaimGroup(regs: ParsedPattern): boolean {
  let has = claimGroups.get(regs);
  if (has === undefined) {
    has = patternTokens(regs).some((r) => r.group === CLAIM);
    claimGroups.set(regs, has);
  }
  return has;
}

const JSON_OPTIONS = { offset: true, terms: { offset: true }, text: false };

function json(doc: Doc, regs: ParsedPattern): Matched[] {
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
export function matchPattern(doc: Doc, regs: ParsedPattern): Matched[] {
  // Most candidates on text about depression hold the pattern's words but not in
  // reach of one another: a plain scan of the terms rules them out before compromise.
  if (!mayMatch(doc, regs)) return [];
  const found = json(doc, regs);
  if (found.length > 0) return found;
  // Spelled-out variants cost one match each, so they are tried only on sentences
  // of ordinary length (a long list of names or links is not where myths are told).
  if (doc.wordCount() > VARIANT_WORD_LIMIT) return [];
  for (const variant of readerVariants(regs)) {
    // A variant fixes each wildcard's width: most are ruled out by where the words stand.
    if (!mayMatch(doc, variant)) continue;
    const m = json(doc, variant);
    if (m.length > 0) return m;
  }
  return [];
}

/** Sentences longer than this many words get compromise's own reading only. */
const VARIANT_WORD_LIMIT = 60;

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
const variantCache = new WeakMap<ParsedPattern, ParsedPattern[]>();

/**
 * The pattern spelled out the ways compromise would not try by itself: each
 * bounded wildcard (`.{a,b}`, `.?`) as exactly k wildcards, and each choice
 * of phrases as each phrase, narrowest wildcards first.
 */
export function readerVariants(regs: ParsedPattern): ParsedPattern[] {
  let cached = variantCache.get(regs);
  if (cached) return cached;
  const expand = (withChoices: boolean) => {
    let variants: { regs: Reg[]; width: number }[] = [{ regs: [], width: 0 }];
    for (const reg of patternTokens(regs)) {
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
      ? variants.sort((a, b) => a.width - b.width).map((v) => v.regs as unknown as ParsedPattern)
      : [];
  variantCache.set(regs, cached);
  return cached;
}
