import { describe, expect, it } from 'vitest';
import { ConceptMatcher } from '../../../lib/judge/concepts';
import { analyse, featuresOf } from '../../../lib/judge/features';
import { packFromDisk } from '../../../scripts/lib/pack-from-disk';

/** The clause features: a negation or a myth marker speaks for its own clause only. */

const matcher = new ConceptMatcher(packFromDisk().concepts);
const features = (text: string) => featuresOf(matcher, analyse(matcher, text), text);
const clauseFeatures = (text: string) =>
  features(text)
    .filter((f) => /^(?:k|kp|r):/.test(f))
    .sort();

describe('clause features', () => {
  it('numbers clauses at punctuation and at clause words', () => {
    expect(analyse(matcher, 'Depression is real, but laziness is a choice').clause).toEqual([
      0, 0, 0, 1, 1, 1, 1, 1,
    ]);
    expect(analyse(matcher, 'It is hard - really hard').clause).toEqual([0, 0, 0, 1, 1]);
    expect(analyse(matcher, 'well-being matters').clause).toEqual([0, 0]);
  });

  it('marks the concepts of a clause with its polarity', () => {
    expect(clauseFeatures('Depression is laziness.')).toEqual([
      'k:+DEPRESSION',
      'k:+LAZY',
      'kp:+DEPRESSION+LAZY',
    ]);
    expect(clauseFeatures('Depression is not laziness.')).toEqual([
      'k:-DEPRESSION',
      'k:-LAZY',
      'kp:-DEPRESSION+LAZY',
    ]);
  });

  it('keeps a negation in one clause from denying the next', () => {
    const f = clauseFeatures("It isn't pretty, but depression is laziness.");
    expect(f).toContain('kp:+DEPRESSION+LAZY');
    expect(f).not.toContain('kp:-DEPRESSION+LAZY');
  });

  it('calls what follows a reporting word reported', () => {
    const f = clauseFeatures('My aunt says depression is laziness.');
    expect(f).toEqual(expect.arrayContaining(['r:DEPRESSION', 'r:LAZY']));
    expect(clauseFeatures('Depression is laziness, my aunt says.')).not.toContain('r:LAZY');
  });
});
