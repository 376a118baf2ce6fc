import { describe, expect, it } from 'vitest';
import type { Myth, StanceCues } from '../../../lib/pack/pack-schema';
import { parsePattern } from '../../../lib/nlp/pattern-anchors';
import { readerVariants } from '../../../lib/nlp/pattern-match';
import { matchSentence, type CompiledPattern } from '../../../lib/nlp/sentence-match';
import { compileStance } from '../../../lib/nlp/stance';

// Engine behaviour with patterns written here, so each test names the one rule it checks.
const myth = { id: 'm', category: 'c' } as Myth;
const cues: StanceCues = {
  negations: ['not', 'never', 'cannot'],
  refutationFrames: ['(myth|myths)'],
  reportingFrames: ['(people|some) (say|think)'],
  exceptions: [],
  rhetoricalQuestions: ['at what point (will|do) (we|you|people)', '^if .+ (then)? why not'],
  negationCancellers: ['invalidate', 'change the fact'],
};
const stance = compileStance(cues);

function scan(pattern: string, sentence: string) {
  const p: CompiledPattern = {
    myth,
    source: pattern,
    regs: parsePattern(pattern),
    ownNegations: /\bnot\b/.test(pattern) ? 1 : 0,
  };
  return matchSentence(sentence, [p], new Map(), stance).map((f) => [f.stance, f.text]);
}

describe('matching as a reader would', () => {
  it('lets a bounded wildcard reach past an earlier copy of the next word', () => {
    // compromise alone stops at the first "is" and gives up.
    expect(scan('depression .{0,6} is a choice', 'Depression that is bad is a choice.')).toEqual([
      ['asserts', 'Depression that is bad is a choice'],
    ]);
  });

  it('tries each phrase of a choice, not only the first that fits', () => {
    expect(
      scan('(one|one little) pill cures depression', 'One little pill cures depression.'),
    ).toEqual([['asserts', 'One little pill cures depression']]);
    expect(
      scan('depression .? (lives|is located) in the mind', 'Depression lives in the mind.'),
    ).toEqual([['asserts', 'Depression lives in the mind']]);
  });

  it('reads contractions written in a pattern the way compromise reads them in text', () => {
    expect(scan("(it's|its) all brain chemistry", "It's all brain chemistry.")).toEqual([
      ['asserts', "It's all brain chemistry"],
    ]);
  });

  it('spells out wildcards narrowest first and stays within its budget', () => {
    const variants = readerVariants(parsePattern('a .{0,2} b'));
    expect(variants.map((v) => v.length)).toEqual([2, 3, 4]);
    expect(readerVariants(parsePattern('a b c'))).toEqual([]);
    expect(readerVariants(parsePattern('a .{0,9} b .{0,9} c .{0,9} d'))).toEqual([]);
  });

  it('reads a typed double hyphen as a dash between words', () => {
    expect(
      scan('prefer (being|staying) depressed', 'They prefer staying depressed--sad but safe.'),
    ).toEqual([['asserts', 'prefer staying depressed']]);
  });
});

describe('stance rules', () => {
  it('limits a claim group to its own clause, leaving negations in the topic part out', () => {
    const pattern = 'childhood .{0,8} [<claim>time to get over it]';
    expect(scan(pattern, "Your childhood wasn't perfect, but it's time to get over it.")).toEqual([
      ['asserts', 'time to get over it'],
    ]);
    expect(scan(pattern, "Your childhood was hard and it's not time to get over it.")).toEqual([
      ['refutes', 'time to get over it'],
    ]);
  });

  it('treats a rhetorical question as a claim and any other question as a question', () => {
    const pattern = 'stop blaming (our|your) childhood';
    expect(scan(pattern, 'At what point will we stop blaming our childhood?')).toEqual([
      ['asserts', 'stop blaming our childhood'],
    ]);
    expect(scan(pattern, 'Should you stop blaming your childhood?')).toEqual([]);
    expect(
      scan(
        'mind can beat .{0,4} depression',
        'If the mind can beat moods, then why not depression?',
      ),
    ).toEqual([['asserts', 'mind can beat moods, then why not depression']]);
  });

  it('reads a cancelled negation as agreement, and a plain one as denial', () => {
    const pattern = 'chemical imbalance causes depression';
    expect(
      scan(pattern, "That doesn't change the fact that a chemical imbalance causes depression."),
    ).toEqual([['asserts', 'chemical imbalance causes depression']]);
    expect(scan(pattern, "I don't think a chemical imbalance causes depression.")).toEqual([
      ['refutes', 'chemical imbalance causes depression'],
    ]);
  });

  it('reads negations typed without an apostrophe', () => {
    expect(scan('depression is laziness', 'depression isnt laziness')).toEqual([
      ['refutes', 'depression isnt laziness'],
    ]);
  });

  it.each([
    [
      'a quoted claim as a mention',
      '(depression|laziness) .{0,3} (sad|laziness)',
      "They say 'depression is laziness' a lot.",
      ['refutes', 'depression is laziness'],
    ],
    [
      'a scare-quoted term as part of the claim',
      'depression is just being sad',
      "lol 'clinical depression' is just being sad",
      ['asserts', "depression' is just being sad"],
    ],
    [
      'a claim that ends inside curly quotes as a mention',
      'feelings and man up',
      'Hide your feelings and “man up” is awful advice.',
      ['refutes', 'feelings and “man up'],
    ],
    [
      'a straight single quote that opens a word as quotation, not an apostrophe',
      'depression is .{0,2} purely mental',
      "Whoever says depression is 'purely mental' is wrong.",
      ['refutes', "depression is 'purely mental"],
    ],
    [
      'a possessive apostrophe as no quotation',
      'depression is purely mental',
      "My parents' view: depression is purely mental.",
      ['asserts', 'depression is purely mental'],
    ],
  ])('reads %s', (_, pattern, sentence, finding) => {
    expect(scan(pattern, sentence)).toEqual([finding]);
  });
});
