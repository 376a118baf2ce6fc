import type { PageLanguage } from '../language/language';
import { pageLanguage } from '../language/shipped';

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
export function splitSentences(text: string, lang: PageLanguage = pageLanguage): Span[] {
  const abbreviation = lang === pageLanguage ? SHIPPED : abbreviationTest(lang);
  const spans: Span[] = [];
  let from = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && isAbbreviation(text, m.index, abbreviation)) continue;
    pushTrimmed(text, from, end, spans);
    from = end;
  }
  pushTrimmed(text, from, text.length, spans);
  return spans;
}

interface AbbreviationTest {
  /** A word that ends where the text ends: one of the language's abbreviations, or one letter. */
  word: RegExp;
  /** How far back from the dot the word may start: the longest abbreviation. */
  reach: number;
}

function abbreviationTest(lang: PageLanguage): AbbreviationTest {
  const escaped = lang.abbreviations.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    word: new RegExp(`(?:^|[\\s(])(?:${[...escaped, '[a-z]'].join('|')})$`, 'i'),
    reach: Math.max(1, ...lang.abbreviations.map((a) => a.length)),
  };
}

const SHIPPED = abbreviationTest(pageLanguage);

/** "e.g." "Dr." "U.S." and initials do not end a sentence. */
function isAbbreviation(text: string, dot: number, test: AbbreviationTest): boolean {
  return test.word.test(text.slice(Math.max(0, dot - test.reach), dot));
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
