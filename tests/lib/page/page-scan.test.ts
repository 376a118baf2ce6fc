// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { compileDetector } from '../../../lib/nlp/detector';
import { PageScanner } from '../../../lib/page/page-scan';
import { Prefilter } from '../../../lib/prefilter/prefilter';
import { minimalPack } from '../../helpers/minimal-pack';

const detector = compileDetector(minimalPack());

function setup(html: string, sliceMs = 8) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes));
  const match = vi.fn(async (sentences: { text: string; patterns: number[] }[]) =>
    sentences.map((s) => detector.matchSentence(s.text, s.patterns)),
  );
  const yieldNow = vi.fn(async () => undefined);
  const scanner = new PageScanner({
    prefilter: new Prefilter(detector.prefilter),
    match,
    exclude: (el) => el.id === 'ours',
    yieldNow,
    sliceMs,
  });
  return { scanner, match, yieldNow };
}

describe('PageScanner', () => {
  it('finds asserted and refuting sentences with exact ranges across inline elements', async () => {
    const { scanner, match } = setup(
      '<p>Honestly, <b>depression</b> is <em>just</em> laziness.</p><p>Depression is not laziness.</p><p>Nothing here.</p>',
    );
    expect(await scanner.scan(document.body)).toBe(true);
    const hits = scanner.all();
    expect(hits.map((h) => [h.mythId, h.stance, h.range.toString()])).toEqual([
      ['depression-is-laziness', 'asserts', 'depression is just laziness'],
      ['depression-is-laziness', 'refutes', 'Depression is not laziness'],
    ]);
    // Only candidate sentences cross to the NLP stage.
    expect(match.mock.calls.flatMap((c) => c[0].map((s) => s.text))).toEqual([
      'Honestly, depression is just laziness.',
      'Depression is not laziness.',
    ]);
  });

  it('skips excluded elements', async () => {
    const { scanner } = setup('<div id="ours"><p>Depression is laziness.</p></div>');
    await scanner.scan(document.body);
    expect(scanner.all()).toEqual([]);
  });

  it('rescans one block and prunes hits whose text changed', async () => {
    const { scanner } = setup(
      '<p id="a">Depression is laziness.</p><p id="b">Running cures depression.</p>',
    );
    await scanner.scan(document.body);
    expect(scanner.all().length).toBe(2);
    const a = document.getElementById('a')!;
    a.textContent = 'A calm sentence.';
    expect(scanner.prune()).toBe(true);
    expect(scanner.all().map((h) => h.mythId)).toEqual(['exercise-cures-depression']);
    a.textContent = 'Depression is simply weakness.';
    await scanner.scan(a);
    expect(scanner.all().map((h) => h.mythId)).toEqual([
      'depression-is-laziness',
      'exercise-cures-depression',
    ]);
  });

  it('yields to the page between slices and stops when cancelled', async () => {
    const paragraphs = Array.from({ length: 50 }, (_, i) => `<p>Paragraph ${i} is calm.</p>`).join(
      '',
    );
    const { scanner, yieldNow } = setup(paragraphs, 0);
    let calls = 0;
    expect(await scanner.scan(document.body, () => ++calls > 3)).toBe(false);
    expect(yieldNow).toHaveBeenCalled();
  });

  it('reads a block longer than one window, with exact ranges on both sides of each cut', async () => {
    const filler = 'The quick brown fox jumps over the lazy dog near the river bank. ';
    const myth = 'Honestly, <b>depression</b> is just laziness. ';
    // Myths just before, across and after where a fixed 10,000-character cut would fall.
    const parts = [filler.repeat(150), myth, filler.repeat(3), myth, filler.repeat(300), myth];
    const { scanner, match, yieldNow } = setup(`<p>${parts.join('')}</p>`, 0);
    expect(await scanner.scan(document.body)).toBe(true);
    expect(document.body.textContent!.length).toBeGreaterThan(29_000);
    expect(scanner.all().map((h) => h.range.toString())).toEqual(
      Array(3).fill('depression is just laziness'),
    );
    expect(match.mock.calls.flatMap((c) => c[0].map((s) => s.text))).toEqual(
      Array(3).fill('Honestly, depression is just laziness.'),
    );
    // It paused between windows of the one block.
    expect(yieldNow.mock.calls.length).toBeGreaterThanOrEqual(3);
  });

  it('pauses inside a block of thousands of elements, not only after it', async () => {
    const names = Array.from({ length: 3_000 }, (_, i) => `<a href="#">reader${i}</a>, `).join('');
    const { scanner, yieldNow } = setup(`<p>${names} left kudos.</p>`, 0);
    expect(await scanner.scan(document.body)).toBe(true);
    // 6,000 nodes in one block; the walk offers a pause every 256.
    expect(yieldNow.mock.calls.length).toBeGreaterThan(15);
  });

  it('gives up on stale answers', async () => {
    const { scanner, match } = setup('<p>Depression is laziness.</p>');
    match.mockResolvedValueOnce(null as never);
    expect(await scanner.scan(document.body)).toBe(false);
  });
});
