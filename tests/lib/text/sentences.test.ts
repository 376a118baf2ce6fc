import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_LENGTH, splitSentences } from '../../../lib/text/sentences';

const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on terminators and line breaks, trimming each sentence', () => {
    expect(texts('  One here. Two there!  Three?\nFour')).toEqual([
      'One here.',
      'Two there!',
      'Three?',
      'Four',
    ]);
  });

  it('keeps abbreviations and initials inside a sentence', () => {
    expect(texts('Dr. Smith said e.g. walking helps. Next one.')).toEqual([
      'Dr. Smith said e.g. walking helps.',
      'Next one.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(texts('He said “just run.” Then left.')).toEqual(['He said “just run.”', 'Then left.']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t ')).toEqual([]);
  });

  it('cuts a run-on without spaces into bounded pieces that cover it all', () => {
    const text = 'x'.repeat(MAX_SENTENCE_LENGTH * 3 + 7);
    const spans = splitSentences(text);
    expect(spans.every((s) => s.end - s.start <= MAX_SENTENCE_LENGTH)).toBe(true);
    expect(spans.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
  });
});
