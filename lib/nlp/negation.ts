/**
 * Removes negations from a sentence so that one pattern, written for the
 * asserted form, also finds the negated form ("depression is not laziness"),
 * and keeps where each negation was, so stance can ask whether one governs
 * the match. Offsets of the stripped text map back to the original exactly.
 */

export interface Stripped {
  text: string;
  /** For each index of `text` (and one past its end), the index in the original. */
  toOriginal: Int32Array;
  /** Start offsets, in the original, of the negations removed. */
  negations: number[];
}

// "isn't" → "is", "can't" → "can", "won't" → "will", "cannot" → "can", and the words "not"/"never".
// Forum text often drops the apostrophe ("dont", "isnt", "cant"): those are read as
// negations too, for the auxiliaries only, so words like "want" or "parent" are left alone.
const NEGATION =
  /\b(?:(ca)n['’]?t\b|(wo)n['’]?t\b|(sha)n['’]t|(ai)n['’]?t\b|(do|does|did|is|are|was|were|would|should|could|has|have|had|must|need|might)n['’]?t\b|([a-z]+)n['’]t|(can)not|(?:not|never)\s+)/gi;

/** The sentence with its negations removed, or null when it has none. */
export function stripNegations(sentence: string): Stripped | null {
  NEGATION.lastIndex = 0;
  if (!NEGATION.test(sentence)) return null;
  NEGATION.lastIndex = 0;
  const out = { text: '', map: [] as number[] };
  const negations: number[] = [];
  let from = 0;
  for (let m = NEGATION.exec(sentence); m !== null; m = NEGATION.exec(sentence)) {
    emit(out, sentence.slice(from, m.index), from, m.index - from);
    const kept = keptStem(m);
    emit(out, kept.replacement, m.index, kept.original.length);
    negations.push(m.index);
    from = m.index + m[0].length;
  }
  emit(out, sentence.slice(from), from, sentence.length - from);
  out.map.push(sentence.length);
  return { text: out.text, toOriginal: Int32Array.from(out.map), negations };
}

/** What a contraction keeps of itself ("won't" keeps "wo" but reads "will"). */
function keptStem(m: RegExpExecArray): { original: string; replacement: string } {
  if (m[1]) return { original: m[1], replacement: m[1] + 'n' };
  if (m[2]) return { original: m[2], replacement: m[2][0] === 'W' ? 'Will' : 'will' };
  if (m[3]) return { original: m[3], replacement: m[3] + 'll' };
  if (m[4]) return { original: m[4], replacement: m[4][0] === 'A' ? 'Is' : 'is' };
  if (m[5]) return { original: m[5], replacement: m[5] };
  if (m[6]) return { original: m[6], replacement: m[6] };
  if (m[7]) return { original: m[7], replacement: m[7] };
  return { original: '', replacement: '' };
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
