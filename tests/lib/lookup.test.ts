import { describe, expect, it } from 'vitest';
import { createLookup, MAX_QUERY_CHARS, processTerm, type LookupResult } from '../../lib/lookup';
import { minimalPack } from '../helpers/minimal-pack';

const fixture = minimalPack();
const lookup = createLookup(fixture);
const top = (r: LookupResult) => (r.kind === 'results' ? r.results[0]?.mythId : r.kind);

describe('lookup', () => {
  it('is empty for blank text', () => {
    expect(lookup('')).toEqual({ kind: 'empty' });
    expect(lookup('  \n ')).toEqual({ kind: 'empty' });
  });

  it.each([
    [
      'puts a detector match first, with its stance',
      'Honestly, depression is just laziness.',
      'asserts',
    ],
    ['marks a refutation so the popup can say so kindly', 'Depression is not laziness.', 'refutes'],
  ] as const)('%s', (_, text, stance) => {
    expect(lookup(text)).toMatchObject({
      kind: 'results',
      refutes: stance === 'refutes',
      results: [{ mythId: 'depression-is-laziness', matched: 'detector', stance }],
    });
  });

  it('ranks detector matches above every retrieval score, best first', () => {
    const r = lookup('Running cures depression. I feel lazy about laziness, lazy lazy.');
    expect(r.kind).toBe('results');
    if (r.kind !== 'results') return;
    expect(r.results[0]).toMatchObject({
      mythId: 'exercise-cures-depression',
      matched: 'detector',
    });
    const scores = r.results.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('finds a myth from a fragment or a paraphrase by retrieval', () => {
    expect(lookup('jogging')).toMatchObject({
      results: [{ mythId: 'exercise-cures-depression', matched: 'search' }],
    });
    expect(top(lookup('my mom says I should just jog more'))).toBe('exercise-cures-depression');
    expect(top(lookup('so lazy'))).toBe('depression-is-laziness');
  });

  it('tolerates a typo', () => {
    expect(top(lookup('excercise'))).toBe('exercise-cures-depression');
  });

  it('finds nothing in unrelated text', () => {
    for (const q of ['purple keyboard banana', 'the weather in Paris', 'a', '!!!', '12345']) {
      expect(lookup(q), q).toEqual({ kind: 'none' });
    }
  });

  it('never lists a myth twice', () => {
    const r = lookup('Depression is just laziness, and depression is not laziness, lazy lazy.');
    if (r.kind !== 'results') throw new Error('expected results');
    const ids = r.results.map((x) => x.mythId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('caps huge input and still finds a myth at the end of a long paste', () => {
    const filler = 'The garden path winds past the old stone wall. '.repeat(400);
    expect(top(lookup(`${filler}Running will cure your depression.`))).toBe(
      'exercise-cures-depression',
    );
    // The cut is where the work ends: a myth just inside it is found, one just past it is not.
    const pad = 'x'.repeat(MAX_QUERY_CHARS - 40);
    expect(top(lookup(`${pad}. Running cures depression.`))).toBe('exercise-cures-depression');
    expect(lookup(`${pad}${'x'.repeat(40)}. Running cures depression.`)).toEqual({ kind: 'none' });
    expect(lookup('x'.repeat(MAX_QUERY_CHARS * 3))).toEqual({ kind: 'none' });
  });
});

describe('processTerm', () => {
  it('lower-cases, drops function words and meets word forms at one stem', () => {
    expect(processTerm('The')).toBeNull();
    expect(processTerm('jogging')).toBe(processTerm('jog'));
    expect(processTerm('Laziness')).toBe(processTerm('lazy'));
    expect(processTerm('cured')).toBe(processTerm('cure'));
    expect(processTerm('pills')).toBe(processTerm('pill'));
    expect(processTerm('medication')).toBe(processTerm('medicated'));
  });
});
