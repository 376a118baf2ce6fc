// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_NAMES, Highlighter, MARK_TAG } from '../../../lib/page/highlighter';

function paragraph(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes));
  return document.body.firstElementChild as HTMLElement;
}

function rangeOf(el: Element, text: string): Range {
  const node = el.firstChild as Text;
  const start = node.data.indexOf(text);
  const r = document.createRange();
  r.setStart(node, start);
  r.setEnd(node, start + text.length);
  return r;
}

describe('Highlighter with the Custom Highlight API', () => {
  it('registers asserted ranges under the chosen style and leaves the DOM alone', () => {
    const p = paragraph('<p>Depression is just laziness, they said.</p>');
    const set = vi.fn();
    const registry = { set, delete: vi.fn(() => true) };
    class FakeHighlight {
      ranges: Range[];
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    }
    const h = new Highlighter(document, {
      CSS: { highlights: registry },
      Highlight: FakeHighlight,
    });
    const serialize = () => new XMLSerializer().serializeToString(document.body);
    const before = serialize();
    h.show(
      [
        { key: 1, range: rangeOf(p, 'Depression is just laziness'), kind: 'asserts' },
        { key: 2, range: rangeOf(p, 'they said'), kind: 'refutes' },
      ],
      { style: 'background', showRefutations: false, visible: true },
    );
    expect(h.native).toBe(true);
    expect(set).toHaveBeenCalledTimes(1);
    expect(set.mock.calls[0]![0]).toBe(HIGHLIGHT_NAMES.background.asserts);
    expect((set.mock.calls[0]![1] as FakeHighlight).ranges.map(String)).toEqual([
      'Depression is just laziness',
    ]);
    expect(serialize()).toBe(before);
  });
});

describe('Highlighter fallback', () => {
  it('wraps text in marks and restores the exact original nodes', () => {
    const p = paragraph('<p>Depression is just laziness, they said. Running cures it.</p>');
    const original = p.firstChild as Text;
    const h = new Highlighter(document, {});
    expect(h.native).toBe(false);
    h.show(
      [
        { key: 1, range: rangeOf(p, 'Depression is just laziness'), kind: 'asserts' },
        { key: 2, range: rangeOf(p, 'Running cures it'), kind: 'asserts' },
      ],
      { style: 'underline', showRefutations: false, visible: true },
    );
    const marks = Array.from(p.querySelectorAll(MARK_TAG)).map((m) => m.textContent);
    expect(marks).toEqual(['Depression is just laziness', 'Running cures it']);
    expect(p.textContent).toBe('Depression is just laziness, they said. Running cures it.');
    h.clear();
    expect(p.childNodes.length).toBe(1);
    expect(p.firstChild).toBe(original);
    expect(original.data).toBe('Depression is just laziness, they said. Running cures it.');
  });

  it('shows nothing when hidden, and refutations only when asked', () => {
    const p = paragraph('<p>One claim here. Another one there.</p>');
    const h = new Highlighter(document, {});
    const marks = [
      { key: 1, range: rangeOf(p, 'One claim'), kind: 'asserts' as const },
      { key: 2, range: rangeOf(p, 'Another one'), kind: 'refutes' as const },
    ];
    h.show(marks, { style: 'underline', showRefutations: false, visible: false });
    expect(p.querySelectorAll(MARK_TAG).length).toBe(0);
    h.show(marks, { style: 'underline', showRefutations: true, visible: true });
    expect(p.querySelectorAll(MARK_TAG).length).toBe(2);
    h.clear();
  });
});
