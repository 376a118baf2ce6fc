import '../../helpers/fuzz-seed';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDetector, type FindingInText } from '../../../lib/nlp/detector';
import { packFromDisk } from '../../../scripts/lib/pack-from-disk';
import { NO_SPACE_TEXTS } from '../../helpers/hostile-text';

/**
 * Property tests for the detector on hostile text: any Unicode (astral
 * planes, lone surrogates, RTL marks, zero-width characters), huge runs
 * without a space, and myth sentences from the pack spliced in at random
 * places. Whatever the input, scan must not throw and every finding must
 * point at exactly the text it reports. Runs are bounded (seeded by
 * fast-check; a failure prints the seed and the shrunk input to replay).
 */

const pack = packFromDisk();
const detector = compileDetector(pack);

/** Sentences the pack itself says are myths, plus a few written for this test. */
const MYTHS = [
  ...pack.myths.flatMap((m) => m.examples.asserts),
  'Honestly, depression is just laziness with a fancy name.',
  'Depression is all in your head, just snap out of it!',
  'Antidepressants are nothing but placebos.',
];

const ODD = [
  '\u200b', // zero-width space
  '\u200c', // zero-width non-joiner
  '\u200d', // zero-width joiner
  '\u2060', // word joiner
  '\ufeff', // byte order mark
  '\u00ad', // soft hyphen
  '\u202e', // right-to-left override
  '\u202c', // pop directional formatting
  '\u200f', // right-to-left mark
  '\u0301', // combining acute accent
  '\ud83d', // lone high surrogate
  '\ude00', // lone low surrogate
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  'اکتئاب فقط تنبلی است',
  'דיכאון הוא רק עצלות',
  '抑郁症只是懒惰',
  'ｄｅｐｒｅｓｓｉｏｎ ｉｓ ｌａｚｉｎｅｓｓ',
  'dеprеssiоn is laziness', // Cyrillic look-alike letters
  'de-pres-sion is la-zi-ness',
  '...',
  '!?',
  '\n',
  '\r\n',
  '\t',
  ' ',
  'e.g.',
  'Dr.',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...MYTHS) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  {
    weight: 1,
    // A run with no whitespace at all, as minified text or a long URL gives.
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'depression', 'x\u200b', '😀', 'lazy', '.'), fc.nat(3000))
      .map(([unit, n]) => unit.repeat(n)),
  },
);

const hostileText = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

function checkFindings(text: string, findings: FindingInText[]): void {
  for (const f of findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.start).toBeLessThanOrEqual(f.end);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(f.sentence).toContain(f.text);
    // The sentence is a real slice of the text around the finding.
    expect(text).toContain(f.sentence);
    expect(['asserts', 'refutes']).toContain(f.stance);
  }
}

describe('detector.scan on hostile text', () => {
  it('never throws and every finding points at its own text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        checkFindings(text, detector.scan(text));
      }),
      { numRuns: 250 },
    );
  });

  it('handles random full-Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        checkFindings(text, detector.scan(text));
      }),
      { numRuns: 300 },
    );
  });

  it('still finds a myth sentence that line breaks set apart, whatever surrounds it', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom(...MYTHS), hostileText, (before, myth, after) => {
        const text = `${before}\n${myth}\n${after}`;
        const findings = detector.scan(text);
        checkFindings(text, findings);
        const at = before.length + 1;
        const inside = findings.filter((f) => f.start >= at && f.end <= at + myth.length);
        expect(inside.length).toBeGreaterThan(0);
      }),
      { numRuns: 120 },
    );
  });

  // Found by the properties above: compromise's match length counts the first
  // word's leading punctuation or emoji, which start skips, so end overshoots.
  it.each([
    '😀Depression is just laziness with a fancy name.',
    '“Depression is just laziness.”',
    '😀Antidepressants are just expensive placebos.',
  ])('keeps the finding inside its words: %s', (text) => {
    const findings = detector.scan(text);
    expect(findings.length).toBeGreaterThan(0);
    checkFindings(text, findings);
    for (const f of findings) {
      // Whole words: no letter right before the start or right after the end.
      expect(text.slice(0, f.start)).not.toMatch(/\p{L}$/u);
      expect(text.slice(f.end)).not.toMatch(/^\p{L}/u);
    }
  });

  // How long these take is measured by `npm run bench`; a hang fails the test's timeout.
  it('survives half a megabyte without a single space', () => {
    for (const text of NO_SPACE_TEXTS) checkFindings(text, detector.scan(text));
  });
});
