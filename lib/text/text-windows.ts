import { splitSentences } from './sentences';

/**
 * Cuts a block's text into windows of at most `size` characters, each ending
 * where a sentence ends, as [start, end) offsets. The prefilter then takes a
 * long block one window per slice of work (a 5 MB text node used to be one
 * 770 ms task) and still sees every sentence whole: when a sentence ends
 * somewhere in each stretch of `size` characters, the sentences of the
 * windows are exactly those of the whole text (tests/lib/text/text-windows.test.ts).
 * Otherwise no prose is there to lose: a run-on longer than a window, which
 * splitSentences cuts into pieces at spaces anyway, is cut at one of its
 * pieces (one piece may then end without its trailing space), and a run with
 * no space at all is cut where the window ends.
 */
export function* textWindows(text: string, size: number): Generator<[number, number]> {
  let from = 0;
  while (text.length - from > size) {
    const to = from + windowEnd(text.slice(from, from + size));
    yield [from, to];
    from = to;
  }
  yield [from, text.length];
}

/**
 * Where a window of `slice` should end: at the start of its last sentence
 * that can begin a window. All but the last sentence splitSentences finds in
 * the slice are sentences of the whole text, and so is the last one's start.
 * A start is exact where whitespace comes before it and the sentence before
 * ends on a visible character (a piece cut from a run-on may end in a space,
 * which splitting the window alone would trim).
 */
function windowEnd(slice: string): number {
  const spans = splitSentences(slice);
  let nearly = 0;
  for (let k = spans.length - 1; k >= 1; k--) {
    const start = spans[k]!.start;
    if (!/\s/.test(slice[start - 1]!)) continue;
    if (!/\s/.test(slice[spans[k - 1]!.end - 1]!)) return start;
    nearly ||= start;
  }
  if (nearly > 0) return nearly;
  let end = slice.length;
  while (end > 1 && !/\s/.test(slice[end - 1]!)) end--;
  return end > 1 ? end : slice.length;
}
