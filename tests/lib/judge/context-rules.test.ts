import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentionReason } from '../../../lib/judge/context-rules';
import { compileDetector } from '../../../lib/nlp/detector';
import { blocksFromText, sentencesInContext } from '../../../lib/judge/page-context';
import { packFromDisk } from '../../../scripts/lib/pack-from-disk';
import { pageBlocksOf } from '../../../scripts/lib/read-input';
import { FIXTURES } from '../../helpers/pages';

const myth = 'Depression is just laziness.';

describe('context rules: a plain myth sentence is a mention when its page says so', () => {
  it.each([
    ['a "Myth:" label on the sentence', 'Myth: depression is just laziness.', {}],
    ['a bare "Myth 3" line before it', myth, { prev: 'Myth 3' }],
    ['a quiz verdict after it', myth, { next: 'The correct answer is myth.' }],
    ['a "False." verdict after it', myth, { next: 'False. It is an illness.' }],
    ['a "Fact:" line after it', myth, { next: 'Fact: it is an illness.' }],
    ['a headline answered "…or not"', 'Depression is a chemical imbalance…', { next: 'or not' }],
    [
      'a list under a myths heading',
      myth,
      { heading: 'Common misconceptions about depression', list: true },
    ],
    ['a belief reported as history', 'Doctors once thought depression was just laziness.', {}],
    [
      'a set-up the text answers',
      'If you have ever thought depression is just laziness, read on.',
      {},
    ],
    ['what other people say', 'Some people say depression is just laziness.', {}],
  ])('%s', (_what, text, ctx) => {
    expect(mentionReason(text, ctx)).not.toBeNull();
  });

  it.each([
    ['alone', myth, {}],
    ['after an ordinary sentence', myth, { prev: 'I have thought about this a lot.' }],
    ['before a "Fact" word inside a sentence', myth, { next: 'That is a fact everyone knows.' }],
    ['under an ordinary heading', myth, { heading: 'My view on mental health' }],
    ['said in the first person', 'I say depression is just laziness.', {}],
  ])('not %s', (_what, text, ctx) => {
    expect(mentionReason(text, ctx)).toBeNull();
  });
});

describe('context rules: answer options of a quiz', () => {
  const question = 'Which of these can come with depression?';
  it.each([
    [
      'the first option after a question',
      'a. Crying more than usual',
      { prev: question, next: 'b. Headaches' },
    ],
    ['an option after another', 'b) Feeling worn out every day', { prev: 'a) Trouble sleeping' }],
    ['a bracketed letter', '(c) Exercise instead of pills', { prev: '(b) Talking therapy' }],
    ['a capital letter and a colon', 'D: All of the above', { prev: 'C: Poor appetite' }],
    [
      'options run on one line',
      'a. Laziness b. Weakness c. Many causes together',
      { prev: 'What causes depression?' },
    ],
  ])('%s', (_what, text, ctx) => {
    expect(mentionReason(text, ctx)).toBe('an answer option of a quiz');
  });

  it.each([
    // A full clause after a letter is judged as the sentence it is.
    ['a full clause', 'b. Depression is a choice you make.', { prev: 'a. Something else' }],
    ['a full clause with a contraction', "b. It's all in your head", { prev: 'a. Something else' }],
    [
      'a lone answer in a Q&A',
      'A: Laziness, mostly.',
      { prev: 'Q: What causes depression?', next: 'Q: Can it be cured?' },
    ],
    [
      'a letter with no question before it',
      'a. Laziness',
      { prev: 'Here is my view.', next: 'b. Weakness' },
    ],
    [
      'a line too long for an option',
      'a. Laziness and a weak will and a soft life and nothing more than that',
      { prev: question, next: 'b. Headaches' },
    ],
    ['a letter outside a to f', 'k. Laziness', { prev: question, next: 'l. Weakness' }],
  ])('not %s', (_what, text, ctx) => {
    expect(mentionReason(text, ctx)).toBeNull();
  });
});

/**
 * A rule that reads the sentence alone: each sentence of `says` gets `reason`,
 * each of `not` (a label and a sentence) gets none.
 */
function sentenceRule(
  title: string,
  reason: string,
  says: readonly string[],
  not: readonly (readonly [string, string])[],
): void {
  describe(title, () => {
    it.each(says)('%s', (text) => {
      expect(mentionReason(text, {})).toBe(reason);
    });
    it.each(not)('not %s', (_what, text) => {
      expect(mentionReason(text, {})).toBeNull();
    });
  });
}

sentenceRule(
  'context rules: a claim the writer rejects',
  'a claim the writer rejects',
  [
    'I refuse to believe that low mood is a choice.',
    'We simply refuse to accept that sadness and depression are the same thing.',
    "I don't buy the idea that a pill fixes depression.",
    'I just do not buy into the notion that depression is laziness.',
    'My problem with the idea that you can think your way out of depression is that it blames people.',
    'The trouble with this notion of depression as weakness is plain.',
    'It is wrong to say that people with depression are weak.',
    "It's a mistake to think that depression is only sadness.",
    'I strongly disagree with the claim that depression is a phase.',
  ],
  [
    ['believing it', 'I believe that depression is a choice.'],
    // "I don't believe" says the myth as often as it rejects one.
    ['not believing a truth', "I don't believe depression is real."],
    // Rejecting a truth, or a negated claim, asserts the myth.
    ['rejecting a truth', 'I refuse to believe that depression is a real illness.'],
    ['rejecting that a treatment works', "I don't buy the idea that antidepressants work."],
    ['rejecting a negated claim', "I refuse to believe that willpower can't beat depression."],
    ['a rejection itself denied', 'It is not wrong to say that depression is a choice.'],
    ['refusing something else', 'I refuse to let depression win.'],
  ],
);

sentenceRule(
  'context rules: a myth named only as what it is not',
  'named only as what it is not',
  [
    'Low mood usually comes from many causes together rather than a simple chemical imbalance.',
    'Recovery takes time and support, not just willpower.',
    'For most people it is an illness with many causes, not merely a weakness.',
    'Depression is a health condition rather than a personal choice.',
    'A long low spell is not simply sadness.',
  ],
  [
    // The myth stands before "rather than", and the contrast is the truth: it asserts.
    ['the myth before the contrast', 'Depression is just laziness, rather than an illness.'],
    // One myth contrasted away while another is said.
    [
      'another myth outside the contrast',
      'Depression is a choice rather than a chemical imbalance.',
    ],
    ['a myth word outside the contrast', 'Choose happiness rather than sadness.'],
    [
      'weakness said, chemistry denied',
      'Depression comes from weakness, not simply a chemical imbalance.',
    ],
    // "Instead of" as often recommends the myth.
    ['"instead of"', 'Try exercise instead of medication.'],
  ],
);

sentenceRule(
  'context rules: a counterfactual set-up',
  'a counterfactual the text answers',
  [
    'If depression were that simple to fix, we would not need therapists.',
    'If only it were so easy to cheer up, nobody would stay depressed for years.',
    'If beating low mood was that straightforward, everyone would have done it.',
  ],
  [
    ['a plain claim that it is simple', 'Depression is simple to fix: just go for a run.'],
    ['a condition, not a counterfactual', 'If you exercise, beating depression is that easy.'],
    ['a habit told in the past', 'If I felt down, the fix was that simple: a long walk.'],
  ],
);

describe('plain-text pages', () => {
  it('reads short unpunctuated lines as headings and bullets as list items', () => {
    const { blocks, offsets } = blocksFromText(
      'Five myths\n\n- Depression is laziness.\nA closing line.',
    );
    expect(blocks.map((b) => [b.heading, b.list])).toEqual([
      ['Five myths', undefined],
      ['Five myths', true],
      ['Five myths', undefined],
    ]);
    expect(offsets).toEqual([0, 12, 38]);
  });

  it('gives each sentence its neighbours across blocks, and says when the one before is in its block', () => {
    const s = sentencesInContext([{ text: 'One. Two.' }, { text: 'Three.' }]);
    expect(s.map((x) => [x.text, x.ctx.prev, x.ctx.next, x.ctx.prevInBlock])).toEqual([
      ['One.', undefined, 'Two.', undefined],
      ['Two.', 'One.', 'Three.', true],
      ['Three.', 'Two.', undefined, undefined],
    ]);
  });
  it('gives the sentences of chosen blocks the same context as the whole page does', () => {
    // Blocks with no sentence between others: the neighbours are found across them.
    const blocks = [
      { text: 'A heading', heading: 'A heading' },
      { text: '   ' },
      { text: 'One. Two.', heading: 'A heading', list: true },
      { text: '' },
      { text: 'Three. Four. Five.' },
      { text: ' \n ' },
      { text: 'Six.' },
    ];
    const whole = sentencesInContext(blocks);
    for (const only of [[2], [4], [0, 6], [6, 2], [1, 3, 5], [0, 1, 2, 3, 4, 5, 6], [9, -1, 4]]) {
      const want = whole.filter((s) => only.includes(s.block));
      expect(sentencesInContext(blocks, new Set(only))).toEqual(want);
    }
  });
});

describe('the shipped detector on pages written in the formats of real myth-busting pages', () => {
  const detector = compileDetector(packFromDisk());
  const asserted = (file: string) => {
    const path = join(FIXTURES, 'e2e', file);
    const { blocks } = pageBlocksOf(path, readFileSync(path, 'utf8'));
    return detector
      .scanPage(blocks)
      .filter((f) => f.stance === 'asserts')
      .map((f) => f.sentence);
  };

  it('highlights nothing on a myth/fact list or a quiz', () => {
    expect(asserted('myth-fact-list.html')).toEqual([]);
    expect(asserted('quiz.html')).toEqual([]);
  });

  it('finds assertions in a forum thread and never a refutation or near miss', () => {
    const found = asserted('forum-mixed.html');
    const html = readFileSync(join(FIXTURES, 'e2e', 'forum-mixed.html'), 'utf8');
    const asserting = [...html.matchAll(/<p id="assert-\d">([^<]+)<\/p>/g)].map((m) => m[1]!);
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const s of found) expect(asserting.some((a) => a.includes(s))).toBe(true);
  });

  it('leaves the lettered answer options of a quiz alone, not a reader comment below them', () => {
    const path = join(FIXTURES, 'own-quiz-options.html');
    const { blocks } = pageBlocksOf(path, readFileSync(path, 'utf8'));
    const asserted = detector.scanPage(blocks).filter((f) => f.stance === 'asserts');
    expect(asserted.map((f) => f.sentence)).toEqual([
      'Honestly though, depression is just laziness and people need to get off the couch.',
    ]);
  });

  it('asserts a claim the writer believes and not one the writer rejects', () => {
    const stances = (text: string) => detector.scanPage([{ text }]).map((f) => f.stance);
    expect(stances('I believe that depression is a choice.')).toContain('asserts');
    expect(stances('I refuse to believe that depression is a choice.')).not.toContain('asserts');
  });

  it('judges the same sentence by its page: a quiz item is a mention, a forum post is not', () => {
    const item = 'Depression is a choice you make every morning.';
    const quiz = detector.scanPage([{ text: item }, { text: 'The correct answer is myth.' }]);
    expect(quiz.filter((f) => f.stance === 'asserts')).toEqual([]);
    const post = detector.scanPage([{ text: item }, { text: 'Nobody can tell me otherwise.' }]);
    expect(post.map((f) => f.stance)).toContain('asserts');
  });
});
