/**
 * Sentence segmentation with offsets. Both the prefilter path and the
 * every-sentence path use this one function, so a sentence boundary can never
 * be the difference between them. Sentences never cross a block: callers pass
 * one block at a time.
 */

export interface Span {
  start: number;
  end: number;
}

/**
 * Longest sentence handed to compromise. Real sentences are far shorter; a
 * run-on of markup or minified text is cut at whitespace so that one giant
 * "sentence" can never stall the NLP stage.
 */
export const MAX_SENTENCE_LENGTH = 600;

// A terminator run, optional closing quotes or brackets, then whitespace; or a line break.
const BOUNDARY = /[.!?…]+["'”’»)\]]*(?=\s)|\n+/g;

/** Splits one block of text into trimmed sentence spans. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && isAbbreviation(text, m.index)) continue;
    pushTrimmed(text, from, end, spans);
    from = end;
  }
  pushTrimmed(text, from, text.length, spans);
  return spans;
}

/** "e.g." "Dr." "U.S." and initials do not end a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  const before = text.slice(Math.max(0, dot - 6), dot);
  return /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|dr|mr|mrs|ms|prof|st|no|fig|approx|[a-z])$/i.test(before);
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  if (end <= start) return;
  while (end - start > MAX_SENTENCE_LENGTH) {
    const cut = cutPoint(text, start, start + MAX_SENTENCE_LENGTH);
    out.push({ start, end: cut });
    start = cut;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
  }
  if (end > start) out.push({ start, end });
}

/** The last whitespace before the limit, or the limit itself when there is none. */
function cutPoint(text: string, start: number, limit: number): number {
  const space = text.lastIndexOf(' ', limit);
  return space > start + MAX_SENTENCE_LENGTH / 2 ? space : limit;
}
