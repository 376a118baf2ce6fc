import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { finishTags, needsTags, parse, tagWords, tokens } from '../../../lib/nlp/parse';
import { awaitsTagger } from '../../../lib/nlp/pattern-reach';
import { parsePattern } from '../../../lib/nlp/pattern-anchors';
import { readerVariants } from '../../../lib/nlp/pattern-match';
import { compileDetector } from '../../../lib/nlp/detector';
import { Prefilter } from '../../../lib/prefilter/prefilter';
import { packFromDisk } from '../../../scripts/lib/pack-from-disk';
import { everyExample } from '../../helpers/examples';

/**
 * The detector reads a sentence in steps and stops early when nothing can
 * match. That is safe only if the steps add up to compromise's own parse,
 * and if a pattern of words alone matches the same before the post-tagger.
 */

type Doc = ReturnType<typeof nlp>;

const pack = packFromDisk();
const prefilter = new Prefilter(compileDetector(pack).prefilter);
const texts = [
  ...everyExample(pack),
  "He's lazy, she'd rather pray, and they're fine.",
  'Some people still think depression is laziness.',
];
const reading = (doc: Doc) =>
  JSON.stringify(
    (doc.json() as { terms: { text: string; tags: string[] }[] }[]).map((s) =>
      s.terms.map((t) => [t.text, [...t.tags].sort()]),
    ),
  );
const matches = (doc: Doc, regs: ReturnType<typeof parsePattern>) =>
  [regs, ...readerVariants(regs)].map((r) => doc.match(r as never).text());

describe('parse', () => {
  it('reads a sentence exactly as compromise does in one call', () => {
    for (const t of texts) expect(reading(parse(t)), t).toBe(reading(nlp(t)));
    expect(reading(finishTags(tagWords(tokens(texts[0]!))))).toBe(reading(nlp(texts[0]!)));
  });

  it('leaves the post-tagger out of step 2 (the step that makes it cheaper)', () => {
    const s = 'Some people still think depression is laziness.';
    expect(reading(tagWords(tokens(s)))).not.toBe(reading(nlp(s)));
  });

  /**
   * Compares every word-only pack pattern that can match a text (the lossless
   * prefilter's candidates) on an early reading and on the full one; returns
   * how many texts were compared and how many pairs matched on either side.
   */
  function compareEarly(early: (t: string) => Doc | null): { texts: number; matched: number } {
    const all = pack.myths.flatMap((m) => m.patterns).map(parsePattern);
    let compared = 0;
    let matched = 0;
    for (const t of texts) {
      const doc = early(t);
      if (!doc) continue;
      compared++;
      const full = parse(t);
      const ids = new Set(prefilter.candidates(t).flatMap((c) => c.patterns));
      for (const regs of [...ids].map((i) => all[i]!).filter((r) => !needsTags(r))) {
        if (!full.has(regs as never) && !doc.has(regs as never)) continue;
        matched++;
        expect(matches(doc, regs), t).toEqual(matches(full, regs));
      }
    }
    return { texts: compared, matched };
  }

  it('matches a pattern of words alone the same before and after the post-tagger', () => {
    const wordsOnly = pack.myths
      .flatMap((m) => m.patterns)
      .map(parsePattern)
      .filter((r) => !needsTags(r));
    expect(wordsOnly.length).toBeGreaterThan(200);
    expect(compareEarly((t) => tagWords(tokens(t))).matched).toBeGreaterThan(100);
  });

  it('matches a pattern of words alone the same before tagging, when no contraction awaits it', () => {
    const { texts: settled, matched } = compareEarly((t) => {
      const doc = tokens(t);
      return awaitsTagger(doc) ? null : doc;
    });
    expect(settled).toBeGreaterThan(300);
    expect(matched).toBeGreaterThan(100);
    expect(awaitsTagger(tokens("He's lazy."))).toBe(true);
    expect(awaitsTagger(tokens("He isn't lazy."))).toBe(false);
  });

  it('says which patterns ask for tags', () => {
    expect(needsTags(parsePattern('depression is #Determiner? choice'))).toBe(true);
    expect(needsTags(parsePattern('(#Pronoun|they) are lazy'))).toBe(true);
    expect(needsTags(parsePattern('depression (is|was) .{0,2} laziness'))).toBe(false);
  });
});
