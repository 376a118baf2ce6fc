import '../../helpers/fuzz-seed';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDetector } from '../../../lib/nlp/detector';
import { Prefilter, type Candidate } from '../../../lib/prefilter/prefilter';
import { MAX_SENTENCE_LENGTH, splitSentences, type Span } from '../../../lib/text/sentences';
import { textWindows } from '../../../lib/text/text-windows';
import { packFromDisk } from '../../../scripts/lib/pack-from-disk';

/**
 * textWindows lets the page scanner hand a long block to the prefilter a
 * window at a time. Scanning window by window must give exactly what the
 * whole block gives: the same sentences at the same offsets, and so the same
 * candidates. Texts are built from the things that make sentence splitting
 * hard: abbreviations, quotes after a full stop, line breaks, double spaces,
 * and run-on sentences long enough to be cut into pieces.
 */

const prefilter = new Prefilter(compileDetector(packFromDisk()).prefilter);

const FRAGMENTS = [
  'Honestly, depression is just laziness with a fancy name. ',
  'Depression is not laziness. ',
  'Running cures depression, every single time! ',
  'Antidepressants are just expensive placebos?! ',
  'The quick brown fox jumps over the lazy dog near the river bank. ',
  'Dr. Smith said, e.g. in the U.S. report, that it is all in your head. ',
  '"It is all in your head." ',
  'She wrote: depression is a choice…\n',
  '\n\n',
  'Fig. 3 shows no. 12 of the results vs. the baseline.  ',
  'a  b  c  d ',
];

/** A sentence too long for the NLP stage, which splitSentences cuts into pieces at spaces. */
const runOn = fc
  .tuple(fc.integer({ min: MAX_SENTENCE_LENGTH, max: 3 * MAX_SENTENCE_LENGTH }), fc.boolean())
  .map(([n, doubled]) => {
    const words = 'and then lazy people say depression is weakness '.repeat(n / 40);
    // Doubled spaces make some pieces end in a space: the case windowEnd must not cut after.
    return `${(doubled ? words.replace(/ /g, '  ') : words).slice(0, n).trim()}. `;
  });

const longText = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 1, arbitrary: runOn },
    ),
    { minLength: 100, maxLength: 600 },
  )
  .map((parts) => parts.join(''));

/** What scanning `text` window by window gives, in the whole text's offsets. */
function windowed<T extends Span>(text: string, size: number, read: (t: string) => T[]): T[] {
  return [...textWindows(text, size)].flatMap(([from, to]) =>
    read(text.slice(from, to)).map((s) => ({ ...s, start: from + s.start, end: from + s.end })),
  );
}

describe('textWindows', () => {
  it('covers the text in windows of at most `size` characters', () => {
    fc.assert(
      fc.property(longText, fc.integer({ min: 4_000, max: 8_000 }), (text, size) => {
        const windows = [...textWindows(text, size)];
        expect(windows[0]![0]).toBe(0);
        expect(windows.at(-1)![1]).toBe(text.length);
        for (const [i, [from, to]] of windows.entries()) {
          expect(to - from).toBeLessThanOrEqual(size);
          if (i > 0) expect(from).toBe(windows[i - 1]![1]);
          if (i < windows.length - 1) expect(to).toBeGreaterThan(from);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same sentences and candidates as the whole text', () => {
    fc.assert(
      fc.property(longText, fc.integer({ min: 4_000, max: 8_000 }), (text, size) => {
        expect(windowed(text, size, splitSentences)).toEqual(splitSentences(text));
        const whole: Candidate[] = prefilter.candidates(text);
        expect(windowed(text, size, (t) => prefilter.candidates(t))).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  it('is needed: cutting at a fixed length would split sentences on the same texts', () => {
    // The check above could pass by luck if no sentence ever crossed a cut.
    const fixed = (text: string, size: number): Span[] => {
      const out: Span[] = [];
      for (let from = 0; from < text.length; from += size) {
        const part = text.slice(from, from + size);
        out.push(
          ...splitSentences(part).map((s) => ({ start: from + s.start, end: from + s.end })),
        );
      }
      return out;
    };
    const samples = fc.sample(fc.tuple(longText, fc.integer({ min: 4_000, max: 8_000 })), 30);
    const differs = samples.filter(
      ([text, size]) => JSON.stringify(fixed(text, size)) !== JSON.stringify(splitSentences(text)),
    );
    expect(differs.length).toBeGreaterThan(20);
  });

  it('cuts a run-on longer than a window at one of its pieces, not inside a word', () => {
    const words = 'and  then  lazy  people  say  depression  is  weakness  '.repeat(400);
    const text = `Depression is laziness. ${words.trim()}. Running cures depression.`;
    const windows = [...textWindows(text, 4_000)];
    expect(windows.length).toBeGreaterThan(4);
    const pieces = splitSentences(text).map((s) => s.start);
    for (const [from, to] of windows) {
      expect(to - from).toBeLessThanOrEqual(4_000);
      expect(pieces).toContain(from);
    }
    const trimmed = (spans: Span[]) => spans.map((s) => text.slice(s.start, s.end).trim());
    expect(trimmed(windowed(text, 4_000, splitSentences))).toEqual(trimmed(splitSentences(text)));
  });

  it('leaves a short text whole and cuts a run with no space where the window ends', () => {
    expect([...textWindows('Depression is laziness.', 10_000)]).toEqual([[0, 23]]);
    expect([...textWindows('x'.repeat(25_000), 10_000)]).toEqual([
      [0, 10_000],
      [10_000, 20_000],
      [20_000, 25_000],
    ]);
  });

  it('cuts five million characters into windows without splitting the whole text first', () => {
    const sentence = 'The quick brown fox jumps over the lazy dog near the river bank. ';
    const text = sentence.repeat(80_000);
    const windows = [...textWindows(text, 10_000)];
    expect(windows.length).toBeGreaterThan(500);
    expect(windows.every(([from, to]) => text.slice(from, to).startsWith('The quick'))).toBe(true);
  });
});
