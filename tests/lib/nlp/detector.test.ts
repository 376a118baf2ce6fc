import { describe, expect, it } from 'vitest';
import { compileDetector } from '../../../lib/nlp/detector';
import { everyExample } from '../../helpers/examples';
import { fixturePageBlocks } from '../../helpers/pages';
import { prefilterDifferences } from '../../helpers/lossless';
import { minimalPack } from '../../helpers/minimal-pack';

const pack = minimalPack();
const detector = compileDetector(pack);
const only = (text: string) => detector.scan(text).map((f) => [f.mythId, f.stance]);

describe('detector stance', () => {
  it.each([
    'Depression is just laziness.',
    'Honestly, his depression is laziness and nothing else.',
    'Running will cure your depression, trust me.',
  ])('asserts: %s', (s) => {
    expect(only(s).some(([, stance]) => stance === 'asserts')).toBe(true);
  });

  it.each([
    ['negation', 'Depression is not laziness.'],
    ['contracted negation', "Depression isn't just laziness."],
    ['negated verb', "Running won't cure your depression."],
    ['negation earlier in the clause', "I don't believe depression is laziness."],
    ['myth label', 'Myth: depression is laziness.'],
    ['refutation frame', 'It is wrong to say that depression is weakness.'],
    ['reported belief', 'Some people still think depression is laziness.'],
    ['quoted mention', 'She heard “depression is laziness” far too often.'],
  ])('refutes (%s): %s', (_kind, s) => {
    const found = only(s);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every(([, stance]) => stance === 'refutes')).toBe(true);
  });

  it('does not treat a question as an assertion', () => {
    expect(only('Is depression just laziness?')).toEqual([]);
  });

  it('keeps a negation in another clause out of scope', () => {
    expect(only("It isn't pretty, but depression is laziness.")).toEqual([
      ['depression-is-laziness', 'asserts'],
    ]);
  });

  it('ends the clause at a comma right before the claim', () => {
    expect(only('When people choose not to rest, depression is laziness.')).toEqual([
      ['depression-is-laziness', 'asserts'],
    ]);
  });

  it('does not call a sentence a correction when it asserts another myth', () => {
    expect(only("Depression isn't laziness, but running cures depression.")).toEqual([
      ['exercise-cures-depression', 'asserts'],
    ]);
  });

  it('lets an exception veto a near miss', () => {
    expect(only('Exercise caution: running can cure depression.')).toEqual([]);
  });

  it('gives offsets into the scanned text that slice to the finding text, without end punctuation', () => {
    const text = 'Intro sentence here. Depression is just laziness! Outro.';
    const [f] = detector.scan(text);
    expect(f).toBeDefined();
    expect(text.slice(f!.start, f!.end)).toBe(f!.text);
    expect(f!.text).toBe('Depression is just laziness');
    expect(f!.sentence).toBe('Depression is just laziness!');
  });

  it('honours enabled categories and switched-off myths', () => {
    const s = 'Depression is just laziness. Running cures depression.';
    expect(
      compileDetector(pack, { categories: ['willpower'] })
        .scan(s)
        .map((f) => f.mythId),
    ).toEqual(['depression-is-laziness']);
    expect(
      compileDetector(pack, { disabledMyths: ['depression-is-laziness'] })
        .scan(s)
        .map((f) => f.mythId),
    ).toEqual(['exercise-cures-depression']);
  });
});

const LAZY = [['depression-is-laziness', 'asserts']];

describe('detector on bad input', () => {
  // Each case with the findings it should give, so the offset checks below always run
  // where there is a finding and a missing or extra finding fails.
  it.each([
    ['empty text', '', []],
    ['1 MB without a space or full stop', 'a'.repeat(1_000_000), []],
    ['emoji around a sentence', '😀😀 Depression is just laziness. 🙃🙃', LAZY],
    ['emoji between words', '😀😀 depression 😀 is 😀 laziness 🙃🙃', []],
    ['RTL script', 'الاكتئاب ليس كسلا. הדיכאון אינו עצלות.', []],
    ['zero-width characters between words', 'Depres\u200Bsion is\u200D just laziness.', LAZY],
    // Known limit: a zero-width no-break space inside a word splits it for compromise.
    ['zero-width character inside a word', 'Depression is just lazi\uFEFFness.', []],
    ['script-like text', '<script>alert("depression is laziness")</script>', []],
  ] as [string, string, string[][]][])(
    '%s: the expected findings, offsets inside the text',
    (_what, text, want) => {
      const findings = detector.scan(text);
      expect(findings.map((f) => [f.mythId, f.stance])).toEqual(want);
      for (const f of findings) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(f.start, f.end)).toBe(f.text);
      }
    },
  );

  it('still finds the myth in a sentence written with zero-width characters', () => {
    expect(only('Depres\u200Bsion is just laziness.')).toEqual([
      ['depression-is-laziness', 'asserts'],
    ]);
  });
});

describe('prefilter', () => {
  it('is lossless on the pack examples and edge spellings', () => {
    const texts = [
      ...everyExample(pack),
      'DEPRESSION IS LAZINESS.',
      'Dépression is laziness.',
      'Ex-ercise cures depression.',
    ];
    expect(prefilterDifferences(pack, texts)).toEqual([]);
  });

  it('is lossless on the real fixture pages', () => {
    const blocks = fixturePageBlocks().flatMap((p) => p.blocks);
    expect(blocks.length).toBeGreaterThan(500);
    expect(prefilterDifferences(pack, blocks)).toEqual([]);
  });

  it('keeps only sentences that hold every required word of some pattern', () => {
    const s = 'Laziness is a word. Depression is common. Depression is laziness.';
    expect(detector.scan(s).map((f) => f.sentence)).toEqual(['Depression is laziness.']);
  });
});
