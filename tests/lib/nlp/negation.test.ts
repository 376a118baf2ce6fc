import { describe, expect, it } from 'vitest';
import { stripNegations } from '../../../lib/nlp/negation';

describe('stripNegations', () => {
  it('returns null when there is nothing to strip', () => {
    expect(stripNegations('Depression is common.')).toBeNull();
  });

  it.each([
    ["Depression isn't laziness.", 'Depression is laziness.'],
    ['You can’t just snap out of it.', 'You can just snap out of it.'],
    ["It won't cure you.", 'It will cure you.'],
    ['I cannot never say it.', 'I can say it.'],
    ['Depression is not simply sadness.', 'Depression is simply sadness.'],
    [
      'depression isnt laziness and u cant just snap out of it',
      'depression is laziness and u can just snap out of it',
    ],
    ['you dont need meds, it wont help', 'you do need meds, it will help'],
    ['I want a parent who isn’t cross.', 'I want a parent who is cross.'],
  ])('strips %j', (input, expected) => {
    expect(stripNegations(input)?.text).toBe(expected);
  });

  it('maps every stripped offset back to the same character in the original', () => {
    const original = "People don't choose it and it isn't weakness.";
    const s = stripNegations(original)!;
    for (const word of ['People', 'choose', 'weakness', 'is']) {
      const at = s.text.indexOf(word);
      const back = s.toOriginal[at]!;
      expect(original.slice(back, back + word.length)).toBe(word);
    }
    expect(s.toOriginal[s.text.length]).toBe(original.length);
    expect(s.negations).toEqual([original.indexOf("don't"), original.indexOf("isn't")]);
  });
});
