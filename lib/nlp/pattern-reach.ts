import type nlp from 'compromise';
import { patternTokens, type ParsedPattern, type PatternToken as Reg } from './pattern-anchors';

/**
 * A cheap, lenient test of whether any reading of a pattern could match a
 * parsed sentence: its required words must stand in the sentence's terms in
 * pattern order, as near or as far apart as the tokens between them can take.
 * It never says no where compromise, or one of the spelled-out variants of
 * pattern-match.ts, would say yes: a word is checked against every form
 * compromise compares (text, normal, machine, implicit, alias, root), a
 * group of phrases requires one of their first words, and anything else (a
 * #Tag, a negative, a fuzzy word) counts only as room.
 * On text about depression most candidate patterns fail here, before the
 * dozens of variant matches that would each fail in compromise.
 */

type Doc = ReturnType<typeof nlp>;

interface Term {
  text?: string;
  normal?: string;
  machine?: string | null;
  implicit?: string;
  alias?: string[];
  root?: string;
}

/**
 * One required word (any of `words`), and how many terms may stand between
 * it and the one before: at least `least`, at most `most`.
 */
export interface Step {
  words: ReadonlySet<string>;
  least: number;
  most: number;
}

/** The words a token requires of one term, or null when it requires no word we can test. */
function wordsOf(reg: Reg): Set<string> | null {
  if (reg.optional || reg.negative || reg.fuzzy || reg.use || reg.anything) return null;
  if (reg.word !== undefined) return new Set([reg.word]);
  if (reg.fastOr) return new Set(reg.fastOr);
  return null;
}

/**
 * What a token requires: the words its (first) term must be, and, for a
 * group of phrases ("(all of us|everyone)"), how many terms the rest of the
 * phrase takes after that word. Null when it requires no word we can test.
 */
function requirementOf(
  reg: Reg,
): { words: Set<string>; rest: { least: number; most: number } } | null {
  const single = wordsOf(reg);
  if (single) return { words: single, rest: { least: 0, most: 0 } };
  if (reg.optional || reg.negative || reg.use || reg.operator !== 'or' || !reg.choices) return null;
  const words = new Set<string>();
  let least = Infinity;
  let most = 0;
  for (const choice of reg.choices) {
    const [first, ...rest] = choice;
    // A choice that starts with no testable word (a #Tag, an optional word) may start anywhere.
    const w = first && !first.greedy ? wordsOf(first) : null;
    if (!w) return null;
    w.forEach((x) => words.add(x));
    const width = sequenceWidth(rest);
    least = Math.min(least, width.least);
    most = Math.max(most, width.most);
  }
  return { words, rest: { least, most } };
}

/** The fewest and the most terms a run of tokens can take, one after another. */
function sequenceWidth(regs: readonly Reg[]): { least: number; most: number } {
  let least = 0;
  let most = 0;
  for (const reg of regs) {
    const w = widthOf(reg);
    least += w.least;
    most += w.most;
  }
  return { least, most };
}

/** The fewest and the most terms a token can take (the fewest counted low where unsure). */
function widthOf(reg: Reg): { least: number; most: number } {
  let least = 1;
  let most = 1;
  if (reg.choices) {
    least = Infinity;
    most = 0;
    for (const c of reg.choices) {
      const width = sequenceWidth(c);
      least = Math.min(least, width.least);
      most = Math.max(most, width.most);
    }
  }
  if (reg.greedy) {
    least *= reg.min ?? 0;
    most = reg.max === undefined ? Infinity : most * reg.max;
  }
  return { least: reg.optional ? 0 : least, most };
}

const plans = new WeakMap<ParsedPattern, Step[]>();

export function planOf(regs: ParsedPattern): Step[] {
  let steps = plans.get(regs);
  if (steps) return steps;
  steps = [];
  let least = 0;
  let most = 0;
  for (const reg of patternTokens(regs)) {
    const required = reg.greedy && !wordsOf(reg) ? null : requirementOf(reg);
    if (!required) {
      const w = widthOf(reg);
      least += w.least;
      most += w.most;
      continue;
    }
    steps.push({ words: required.words, least, most });
    // The rest of a phrase stands before the next word; a greedy word ("lazy+")
    // may repeat, so the next word can be any distance on.
    least = required.rest.least;
    most = reg.greedy ? Infinity : required.rest.most;
  }
  plans.set(regs, steps);
  return steps;
}

function termHas(t: Term, words: ReadonlySet<string>): boolean {
  return (
    (t.text !== undefined && words.has(t.text)) ||
    (t.normal !== undefined && words.has(t.normal)) ||
    (!!t.machine && words.has(t.machine)) ||
    (t.implicit !== undefined && words.has(t.implicit)) ||
    (t.root !== undefined && words.has(t.root)) ||
    (t.alias?.some((a) => words.has(a)) ?? false)
  );
}

/**
 * A term that tagging may still split in two ("he's" as "he is", "she'd"):
 * before tagging it may stand for either of its parts (see `splitParts`), or
 * for two words in a row.
 */
function splittable(t: Term): boolean {
  return t.implicit === undefined && t.normal !== undefined && t.normal.includes("'");
}

/** What the part after the apostrophe can be read as when tagging splits a term. */
const SPLIT_TAIL: Readonly<Record<string, readonly string[]>> = {
  s: ['is', 'has', 'was', 'us', 'does'],
  ve: ['have'],
  d: ['would', 'had', 'did', 'could', 'should'],
  ll: ['will', 'shall'],
  re: ['are', 'were'],
  m: ['am'],
};
/** The first word of an "n't" form whose stem is not a word of its own ("won't", "can't"). */
const NOT_STEM: Readonly<Record<string, readonly string[]>> = {
  wo: ['will', 'would'],
  ca: ['can', 'cannot'],
  sha: ['shall'],
  ai: ['is', 'are', 'am', 'have', 'has', 'do', 'does', 'did'],
};

/** Any word at all: a splittable term whose shape is not one of the known ones. */
const ANY_WORD = null;

/**
 * The words a splittable term can stand for once tagged ("we've": "we", "have";
 * "farmer's": "farmer", "is", "has"…), besides its own forms; ANY_WORD when its
 * shape is not a known one ("y'all", "o'clock"), so it may stand for any word.
 */
function splitParts(t: Term): ReadonlySet<string> | typeof ANY_WORD {
  const m = /^([\p{L}\p{N}]+)'([\p{L}]+)$/u.exec(t.normal ?? '');
  if (!m) return ANY_WORD;
  const [, head, tail] = m as unknown as [string, string, string];
  if (tail === 't' && head.endsWith('n')) {
    const stem = head.slice(0, -1);
    return new Set([head, stem, ...(NOT_STEM[stem] ?? []), 'not']);
  }
  const read = SPLIT_TAIL[tail];
  return read ? new Set([head, ...read]) : ANY_WORD;
}

type Split = { parts: ReadonlySet<string> | typeof ANY_WORD } | null;
const splits = new WeakMap<readonly Term[], Split[]>();

/**
 * For each term that tagging may still split, the words it may stand for (or
 * any word); null for the others. Once per sentence: every pattern reads it.
 */
function splitsOf(terms: readonly Term[]): Split[] {
  let out = splits.get(terms);
  if (!out) {
    out = terms.map((t) => (splittable(t) ? { parts: splitParts(t) } : null));
    splits.set(terms, out);
  }
  return out;
}

/** Whether the words of a split term's parts include one of `words`. */
function partsHave(parts: ReadonlySet<string>, words: ReadonlySet<string>): boolean {
  for (const x of parts) if (words.has(x)) return true;
  return false;
}

/** Whether the required words could line up in one sentence's terms. */
function fitsIn(terms: readonly Term[], steps: readonly Step[], untagged: boolean): boolean {
  const wild = untagged ? splitsOf(terms) : null;
  // A contraction's second term has no text of its own ("cannot" is "can" and ""): a
  // pattern word that matches the whole contraction steps over it, so it may not count.
  const silent = [0];
  for (const t of terms) silent.push(silent[silent.length - 1]! + (t.text === '' ? 1 : 0));
  // ends: the terms at which the required words so far can end, in order.
  let ends: number[] = [];
  for (let k = 0; k < steps.length; k++) {
    const { words, most } = steps[k]!;
    // Before tagging, a term may still split in two, so distances may grow: no lower bound.
    const least = wild ? 0 : steps[k]!.least;
    const endsAt = new Set(ends);
    const next: number[] = [];
    // The latest end far enough back (at least `least` terms between) is the nearest
    // candidate: if more than `most` counted terms stand after it, they do after any
    // earlier end too. One pointer walks the ends, so a step is linear in the terms.
    let p = -1;
    for (let i = 0; i < terms.length; i++) {
      const w = wild?.[i] ?? null;
      const reads =
        termHas(terms[i]!, words) ||
        (w !== null && (w.parts === ANY_WORD || partsHave(w.parts, words)));
      if (!reads) continue;
      if (k === 0) {
        next.push(i);
        continue;
      }
      while (p + 1 < ends.length && ends[p + 1]! <= i - 1 - least) p++;
      const e = p >= 0 ? ends[p]! : -1;
      const counted = e >= 0 ? i - e - 1 - (silent[i]! - silent[e + 1]!) : Infinity;
      if (counted <= most || (w !== null && endsAt.has(i))) next.push(i);
    }
    if (next.length === 0) return false;
    ends = next;
  }
  return true;
}

/** Whether a tokenized document still has a contraction that tagging will split. */
export function awaitsTagger(doc: Doc): boolean {
  return (doc as unknown as { docs: Term[][] }).docs.some((terms) => terms.some(splittable));
}

/**
 * Whether some reading of the pattern could match the document (see above).
 * `untagged`: the document is only tokenized (parse.ts), and its
 * contractions that tagging splits are taken as any word.
 */
export function mayMatch(doc: Doc, regs: ParsedPattern, untagged = false): boolean {
  const steps = planOf(regs);
  if (steps.length === 0) return true;
  const sentences = (doc as unknown as { docs: Term[][] }).docs;
  return sentences.some((terms) => fitsIn(terms, steps, untagged));
}
