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

  it('judges the same sentence by its page: a quiz item is a mention, a forum post is not', () => {
    const item = 'Depression is a choice you make every morning.';
    const quiz = detector.scanPage([{ text: item }, { text: 'The correct answer is myth.' }]);
    expect(quiz.filter((f) => f.stance === 'asserts')).toEqual([]);
    const post = detector.scanPage([{ text: item }, { text: 'Nobody can tell me otherwise.' }]);
    expect(post.map((f) => f.stance)).toContain('asserts');
  });
});
