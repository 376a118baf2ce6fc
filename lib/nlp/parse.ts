import nlp from 'compromise';

/**
 * compromise's reading of a sentence for the pack's patterns, in two steps
 * so a sentence no pattern can match pays for the first only.
 * `tokens` splits words and contractions (a tenth of a full parse);
 * `tag` runs the rest of compromise's parse on the same document: the
 * tagger, and the contractions that need its tags ("he's" as "he is").
 */

type Doc = ReturnType<typeof nlp>;

const TOKENIZE = ['contractions', 'alias', 'machine'];
const AFTER_TOKENIZE = nlp.hooks().filter((h) => !TOKENIZE.includes(h));

export function tokens(text: string): Doc {
  return nlp.tokenize(text);
}

/** Tags a document from `tokens` in place, and returns it. */
export function tag(doc: Doc): Doc {
  doc.compute(AFTER_TOKENIZE);
  return doc;
}

/** A document read in full: `tag(tokens(text))`. */
export function parse(text: string): Doc {
  return tag(tokens(text));
}
