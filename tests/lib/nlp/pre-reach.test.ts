import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../helpers/fuzz-seed';
import { parsePattern } from '../../../lib/nlp/pattern-anchors';
import { tokens } from '../../../lib/nlp/parse';
import { mayMatch, planOf } from '../../../lib/nlp/pattern-reach';
import { chunkView, mayReach } from '../../../lib/nlp/pre-reach';
import { packFromDisk } from '../../../scripts/lib/pack-from-disk';
import { everyExample } from '../../helpers/examples';

/**
 * The pre-reach runs before compromise reads a sentence: one wrong "no" would
 * lose a finding without a trace. Wherever the reach test on compromise's
 * terms says yes, it must say yes too.
 */

const pack = packFromDisk();
const patterns = pack.myths.flatMap((m) => m.patterns.map((source) => parsePattern(source)));

/** The (sentence, pattern) pairs the reach test admits and the pre-reach rules out. */
function losses(sentence: string): number {
  const view = chunkView(sentence);
  const doc = tokens(sentence);
  return patterns.filter((regs) => !mayReach(view, regs) && mayMatch(doc, regs, true)).length;
}

/** Words the patterns require, and tokens that compromise reads in ways of its own. */
const words = [...new Set(patterns.flatMap((regs) => planOf(regs).flatMap((s) => [...s.words])))];
const tricky = [
  'U.S.',
  'e.g.',
  'gonna',
  'cannot',
  'dunno',
  'im',
  'ive',
  'imo',
  '&',
  '@',
  '%',
  'and/or',
  'self-pity',
  're-enact',
  'well-being',
  '10km',
  '#blessed',
  '@you',
  "it's",
  'it’s',
  "don't",
  "y'all",
  "o'clock",
  "lookin'",
  'dépression',
  'd\u0435pression',
  'de\u200bpression',
  'Ｌazy',
  '—',
  '...',
  '--',
  '(lazy)',
  '"weak"',
  'LAZY!',
  '😀',
  'x.y',
  '5\'10"',
  'No.',
  'Mr.',
];
const separators = [
  ' ',
  '  ',
  '\t',
  ' - ',
  ', ',
  '/',
  '',
  '\u00a0',
  '\u2009',
  '\u3000',
  '\n',
  '-',
  '. ',
];

describe('the pre-reach', () => {
  it('admits every pattern the reach test admits, on the pack examples and their rewordings', () => {
    const texts = everyExample(pack).flatMap((t) => [
      t,
      t.replace(/\bis\b/g, "'s").replace(/ 's/g, "'s"),
      t.replace(/\bdo not\b/gi, "don't").replace(/\bgoing to\b/gi, 'gonna'),
      t.replace(/\band\b/g, '&').replace(/ /g, '\u00a0'),
      t.toUpperCase(),
    ]);
    const lost = texts.filter((t) => losses(t) > 0);
    expect(lost).toEqual([]);
  });

  it('admits every pattern the reach test admits, on sentences made of pattern words and odd tokens', () => {
    const token = fc.oneof(fc.constantFrom(...words), fc.constantFrom(...tricky));
    const sentence = fc
      .array(fc.tuple(token, fc.constantFrom(...separators)), { minLength: 1, maxLength: 12 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(sentence, (s) => losses(s) === 0),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('rules out most pairs of an example sentence and a pattern it does not fit', () => {
    let admitted = 0;
    let ruledOut = 0;
    for (const text of everyExample(pack)) {
      const view = chunkView(text);
      const doc = tokens(text);
      for (const regs of patterns) {
        if (mayMatch(doc, regs, true)) continue;
        if (mayReach(view, regs)) admitted++;
        else ruledOut++;
      }
    }
    // Pairs the compromise reach test rejects: the pre-reach should reject most of them too.
    expect(ruledOut / (ruledOut + admitted)).toBeGreaterThan(0.7);
  });

  it('reads words in order, and counts the words between', () => {
    const regs = parsePattern('depression .{0,2} (is|was) laziness');
    expect(mayReach(chunkView('Depression really is laziness.'), regs)).toBe(true);
    expect(mayReach(chunkView('Laziness is not depression.'), regs)).toBe(false);
    expect(
      mayReach(chunkView('Depression, as my aunt kept telling us all, is laziness.'), regs),
    ).toBe(false);
    // Punctuation standing alone is not a word between them.
    expect(mayReach(chunkView('Depression — really — is laziness.'), regs)).toBe(true);
  });

  it('reads a chunk as every word compromise could make of it', () => {
    expect(mayReach(chunkView('I am gonna cry'), parsePattern('going to cry'))).toBe(true);
    expect(mayReach(chunkView('bread & butter'), parsePattern('bread and butter'))).toBe(true);
    expect(mayReach(chunkView('the U.S. says'), parsePattern('us says'))).toBe(true);
    expect(mayReach(chunkView('a d\u0435pression'), parsePattern('a depression'))).toBe(true);
    expect(mayReach(chunkView("he's lazy"), parsePattern('he is lazy'))).toBe(true);
    expect(mayReach(chunkView('he was lazy'), parsePattern('he is lazy'))).toBe(false);
  });
});
