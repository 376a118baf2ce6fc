import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { mayMatch } from '../../../lib/nlp/pattern-reach';
import { parsePattern } from '../../../lib/nlp/pattern-anchors';
import { readerVariants } from '../../../lib/nlp/pattern-match';
import { parse, tokens } from '../../../lib/nlp/parse';
import { compileDetector } from '../../../lib/nlp/detector';
import { Prefilter } from '../../../lib/prefilter/prefilter';
import { packFromDisk } from '../../../scripts/lib/pack-from-disk';
import { everyExample } from '../../helpers/examples';

/**
 * The reach test only ever rules out what compromise would not match: it
 * runs before compromise's own match and its spelled-out variants, so one
 * wrong "no" would lose a finding without a trace.
 */

type Doc = ReturnType<typeof nlp>;

/** compromise's answer, by its own reading or any spelled-out variant. */
function compromiseMatches(doc: Doc, source: string): boolean {
  const regs = parsePattern(source);
  return [regs, ...readerVariants(regs)].some((r) => doc.has(r as never));
}

const pack = packFromDisk();
const detector = compileDetector(pack);
const prefilter = new Prefilter(detector.prefilter);
const sources = pack.myths.flatMap((m) => m.patterns);

/** The patterns whose words a text holds: the lossless prefilter's candidates, for speed. */
function candidates(text: string): string[] {
  const ids = new Set(prefilter.candidates(text).flatMap((c) => c.patterns));
  return [...ids].map((i) => sources[i]!);
}

/** The pack's examples, and each one reworded the ways contractions and tagging change terms. */
const texts = everyExample(pack).flatMap((t) => [
  t,
  t.replace(/\bis\b/g, "'s").replace(/ 's/g, "'s"),
  t.replace(/\bwould\b/g, "'d").replace(/ 'd/g, "'d"),
  t.replace(/\bdo not\b/gi, "don't").replace(/\bis not\b/gi, "isn't"),
]);

describe('mayMatch', () => {
  it('says yes wherever compromise matches a pack pattern, before and after tagging', () => {
    let matched = 0;
    const missed: string[] = [];
    for (const text of new Set(texts)) {
      const tagged = parse(text);
      const untagged = tokens(text);
      for (const source of candidates(text)) {
        if (!compromiseMatches(tagged, source)) continue;
        matched++;
        const regs = parsePattern(source);
        if (!mayMatch(tagged, regs) || !mayMatch(untagged, regs, true))
          missed.push(`${source} | ${text}`);
        // Each spelled-out variant is checked on its own before compromise runs it.
        for (const variant of readerVariants(regs))
          if (tagged.has(variant as never) && !mayMatch(tagged, variant))
            missed.push(`variant of ${source} | ${text}`);
      }
    }
    expect(missed).toEqual([]);
    // The check above means something only if many pairs matched.
    expect(matched).toBeGreaterThan(200);
  });

  it('rules out words in the wrong order or too far apart', () => {
    const regs = parsePattern('depression .{0,2} (is|was) laziness');
    expect(mayMatch(parse('Depression really is laziness.'), regs)).toBe(true);
    expect(mayMatch(parse('Laziness is not depression.'), regs)).toBe(false);
    expect(mayMatch(parse('Depression, as my aunt kept telling us all, is laziness.'), regs)).toBe(
      false,
    );
    // Required tokens between two words set the least distance too.
    const exact = parsePattern('depression . . laziness');
    expect(mayMatch(parse('Depression is laziness.'), exact)).toBe(false);
    expect(mayMatch(parse('Depression is plain laziness.'), exact)).toBe(true);
    // An unbounded wildcard leaves any distance open.
    const wide = parsePattern('depression .* laziness');
    expect(mayMatch(parse('Depression, as my aunt kept telling us all, is laziness.'), wide)).toBe(
      true,
    );
  });

  it('lets a word that matches a whole contraction step over its silent second term', () => {
    const doc = parse('A grateful mind cannot stay sad.');
    const regs = parsePattern('mind cannot stay');
    expect(doc.has(regs as never)).toBe(true);
    expect(mayMatch(doc, regs)).toBe(true);
    expect(mayMatch(doc, parsePattern('mind can not stay'))).toBe(true);
  });

  it('reads a contraction that tagging splits as either of its parts, before tagging only', () => {
    const regs = parsePattern('he is (lazy|weak)');
    expect(mayMatch(tokens("He's lazy."), regs, true)).toBe(true);
    expect(mayMatch(tokens('She was lazy.'), regs, true)).toBe(false);
    expect(mayMatch(tokens("They won't work."), parsePattern('will not work'), true)).toBe(true);
    expect(mayMatch(tokens("I'm fine."), parsePattern('i am fine'), true)).toBe(true);
    // A contraction or possessive is its stem or an auxiliary, never any word: a sentence
    // full of them is not a candidate for words it does not hold.
    const getOn = parsePattern('(got|get) on with (it|life)');
    expect(mayMatch(tokens("We've known it's true that one's diet matters."), getOn, true)).toBe(
      false,
    );
    expect(mayMatch(tokens("Y'all get on with it."), getOn, true)).toBe(true);
    expect(mayMatch(parse("He's lazy."), regs)).toBe(
      compromiseMatches(parse("He's lazy."), 'he is (lazy|weak)'),
    );
  });

  it('ignores what it cannot test (tags, negatives) instead of ruling on it', () => {
    expect(mayMatch(parse('It is a choice.'), parsePattern('#Pronoun is #Determiner choice'))).toBe(
      true,
    );
    expect(mayMatch(parse('It is a choice.'), parsePattern('!depression choice'))).toBe(true);
  });
});
