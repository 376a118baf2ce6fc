import nlp from 'compromise';
import { patternTokens, type ParsedPattern, type PatternToken as Reg } from './pattern-anchors';

/**
 * compromise's reading of a sentence for the pack's patterns, in steps, so
 * a sentence no pattern can match stops paying early:
 * 1. `tokens`: words and contractions (a tenth of a full parse);
 * 2. `tagWords`: the lexicon and the pre-tagger, and the contractions that
 *    need their tags ("he's" as "he is"); after it the terms are final;
 * 3. `finishTags`: the post-tagger's corrections (most of a parse) and the chunker.
 * `parse` runs all three: the same document as `nlp(text)`. A pattern of
 * words alone (see `needsTags`) matches the same after step 2 as after
 * step 3, and after step 1 too when no contraction awaits the tagger.
 */

type Doc = ReturnType<typeof nlp>;

const HOOKS = nlp.hooks();
const TOKENIZE = new Set(['contractions', 'alias', 'machine']);
const POST = HOOKS.indexOf('postTagger');
const WORDS = HOOKS.slice(0, POST).filter((h) => !TOKENIZE.has(h));
const FINISH = HOOKS.slice(POST);

export function tokens(text: string): Doc {
  return nlp.tokenize(text);
}

/** Step 2 on a document from `tokens`, in place. */
export function tagWords(doc: Doc): Doc {
  doc.compute(WORDS);
  return doc;
}

/** Step 3 on a document from `tagWords`, in place. */
export function finishTags(doc: Doc): Doc {
  doc.compute(FINISH);
  return doc;
}

/** A document read in full. */
export function parse(text: string): Doc {
  return finishTags(tagWords(tokens(text)));
}

const tagged = new WeakMap<ParsedPattern, boolean>();

/**
 * Whether a pattern asks for anything the post-tagger may change (a tag, a
 * chunk, a root); one that asks only for words matches the same after step 2
 * as after step 3.
 */
export function needsTags(regs: ParsedPattern): boolean {
  let needs = tagged.get(regs);
  if (needs === undefined) {
    const asks = (r: Reg): boolean =>
      r.tag !== undefined ||
      r.chunk !== undefined ||
      r.switch !== undefined ||
      r.pos !== undefined ||
      r.sense !== undefined ||
      r.method !== undefined ||
      r.fuzzy === true ||
      (r.choices?.some((c) => c.some(asks)) ?? false);
    needs = patternTokens(regs).some(asks);
    tagged.set(regs, needs);
  }
  return needs;
}
