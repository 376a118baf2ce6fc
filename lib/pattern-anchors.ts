import nlp from 'compromise';

/**
 * Reads a compromise match pattern and lists the words it cannot match
 * without. The prefilter keeps a sentence only when, for some pattern, one
 * word of every required group is present, so these groups must be exact:
 * a word listed here must really be required, or the prefilter would drop a
 * sentence that compromise matches (the lossless test guards this).
 */

/** Words that compromise can produce from contractions or that occur everywhere. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor if so as at by for from in into of off on onto out over to up with ' +
    'is are was were be been being am do does did done have has had having will would shall should ' +
    'can could may might must not no it its this that these those there here you your he she they ' +
    'we us i me my him her them our their his hers its ours theirs yours mine let going gonna got want ' +
    'just only very also than then ' +
    'what who whom which when where why how all any some each every'
  ).split(' '),
);

interface Token {
  word?: string;
  fastOr?: Set<string>;
  choices?: Token[][];
  operator?: string;
  optional?: boolean;
  negative?: boolean;
  fuzzy?: boolean;
  min?: number;
}

/** One required slot: any of these lowercase words satisfies it. */
export type AnchorGroup = string[];

const isContentWord = (w: string) => w.length >= 3 && !FUNCTION_WORDS.has(w) && /^[a-z]+$/.test(w);

/** The anchor group of one token, or null when the token can match without a fixed word. */
function tokenAnchors(token: Token): AnchorGroup | null {
  if (token.optional || token.negative || token.fuzzy) return null;
  if (token.word !== undefined) return isContentWord(token.word) ? [token.word] : null;
  if (token.fastOr) {
    const words = [...token.fastOr];
    return words.length > 0 && words.every(isContentWord) ? words : null;
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
function sequenceAnchors(tokens: Token[]): AnchorGroup[] {
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

function parsed(pattern: string | ParsedPattern): Token[] {
  return (typeof pattern === 'string' ? nlp.parseMatch(pattern) : pattern) as unknown as Token[];
}

/** Whether the pattern's parse contains a literal negation, which the negation-free pass would never see. */
export function patternHasNegation(
  pattern: string | ParsedPattern,
  negations: ReadonlySet<string>,
): boolean {
  const tokens = parsed(pattern);
  const visit = (list: Token[]): boolean =>
    list.some(
      (t) =>
        (t.word !== undefined && !t.negative && negations.has(t.word)) ||
        (t.fastOr !== undefined && [...t.fastOr].some((w) => negations.has(w))) ||
        (t.choices !== undefined && t.choices.some(visit)),
    );
  return visit(tokens);
}
