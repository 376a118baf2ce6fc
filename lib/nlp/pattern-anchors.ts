import nlp from 'compromise';
import { language } from '../language/shipped';

/**
 * Reads a compromise match pattern and lists the words it cannot match
 * without. The prefilter keeps a sentence only when, for some pattern, one
 * word of every required group is present, so these groups must be exact:
 * a word listed here must really be required, or the prefilter would drop a
 * sentence that compromise matches (the lossless test guards this).
 */

/** Words too common to anchor a pattern: the language's function words. */
const FUNCTION_WORDS = new Set(language.functionWords);

/**
 * One token of compromise's parse of a match pattern, as far as the engine
 * reads it (the prefilter's anchors, the reach test, the reader's variants,
 * the tag check): compromise's own type for it is not exported.
 */
export interface PatternToken {
  word?: string;
  fastOr?: Set<string>;
  choices?: PatternToken[][];
  operator?: string;
  optional?: boolean;
  negative?: boolean;
  fuzzy?: boolean;
  greedy?: boolean;
  anything?: boolean;
  min?: number;
  max?: number;
  use?: string;
  group?: string;
  tag?: string;
  chunk?: string;
  switch?: string;
  pos?: string;
  sense?: string;
  method?: string;
}

/** A parsed pattern's tokens. */
export function patternTokens(regs: ParsedPattern): PatternToken[] {
  return regs as unknown as PatternToken[];
}

/** One required slot: any of these lowercase words satisfies it. */
export type AnchorGroup = string[];

/**
 * The form of a pattern word the prefilter looks for, or null when it cannot
 * anchor a pattern. A hyphenated word ("anti-depressant") anchors without its
 * hyphens, as the prefilter also tests hyphenated text with them removed.
 */
function anchorWord(w: string): string | null {
  const plain = /^[a-z]+(?:-[a-z]+)+$/.test(w) ? w.replace(/-/g, '') : w;
  if (plain.length < 3 || FUNCTION_WORDS.has(plain) || !/^[a-z]+$/.test(plain)) return null;
  return plain;
}

function tokenAnchors(token: PatternToken): AnchorGroup | null {
  if (token.optional || token.negative || token.fuzzy) return null;
  if (token.word !== undefined) {
    const w = anchorWord(token.word);
    return w === null ? null : [w];
  }
  if (token.fastOr) {
    const words = [...token.fastOr].map(anchorWord);
    return words.length > 0 && words.every((w) => w !== null) ? (words as string[]) : null;
  }
  if (token.choices && token.operator === 'or') {
    const union = new Set<string>();
    for (const choice of token.choices) {
      const best = mostSelective(sequenceAnchors(choice));
      if (!best) return null;
      best.forEach((w) => union.add(w));
    }
    return [...union];
  }
  return null;
}

/** Required groups of a token sequence, in the order the pattern requires them. */
function sequenceAnchors(tokens: PatternToken[]): AnchorGroup[] {
  return tokens.map(tokenAnchors).filter((g): g is AnchorGroup => g !== null);
}

/** The group with the fewest and then the longest words. */
function mostSelective(groups: AnchorGroup[]): AnchorGroup | undefined {
  const shortest = (g: AnchorGroup) => Math.min(...g.map((w) => w.length));
  return [...groups].sort((a, b) => a.length - b.length || shortest(b) - shortest(a))[0];
}

/**
 * The required anchor groups of a pattern, in pattern order (compromise
 * matches tokens in sequence, so their words appear in this order too);
 * empty when it has none the prefilter can use.
 */
export function patternAnchors(pattern: string | ParsedPattern): AnchorGroup[] {
  return sequenceAnchors(parsed(pattern));
}

/** compromise's parse of a match pattern, reusable so a pattern is parsed once. */
export type ParsedPattern = ReturnType<typeof nlp.parseMatch>;

function parsed(pattern: string | ParsedPattern): PatternToken[] {
  return patternTokens(typeof pattern === 'string' ? parsePattern(pattern) : pattern);
}

const CONTRACTIONS = language.contractions;
const CONTRACTION = new RegExp(
  `(?<![\\w'])(?:${Object.keys(CONTRACTIONS).join('|')})(?![\\w'])`,
  'gi',
);

/**
 * compromise's parse of a pack pattern. compromise reads "it's" in a text as
 * the two words "it is", and a contraction written in a pattern's choice
 * ("(it's|its)") never matches, so patterns are read with contractions spelled out.
 */
export function parsePattern(pattern: string): ParsedPattern {
  const regs = nlp.parseMatch(
    pattern.replace(CONTRACTION, (c) => CONTRACTIONS[c.toLowerCase()] ?? c),
  );
  longestChoicesFirst(patternTokens(regs));
  return regs;
}

/**
 * compromise takes the first choice of a "(a|b c)" block that fits and never
 * comes back, so "(one|one little) pill" fails on "one little pill". Trying
 * longer phrases first reads such blocks as a person would.
 */
function longestChoicesFirst(tokens: PatternToken[]): void {
  for (const t of tokens) {
    if (!t.choices) continue;
    t.choices.forEach(longestChoicesFirst);
    t.choices.sort((a, b) => b.length - a.length);
  }
}

/** Whether the pattern's parse contains a literal negation, which the negation-free pass would never see. */
export function patternHasNegation(
  pattern: string | ParsedPattern,
  negations: ReadonlySet<string>,
): boolean {
  const tokens = parsed(pattern);
  const visit = (list: PatternToken[]): boolean =>
    list.some(
      (t) =>
        (t.word !== undefined && !t.negative && negations.has(t.word)) ||
        (t.fastOr !== undefined && [...t.fastOr].some((w) => negations.has(w))) ||
        (t.choices !== undefined && t.choices.some(visit)),
    );
  return visit(tokens);
}
