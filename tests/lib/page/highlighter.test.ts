// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_NAMES, Highlighter } from '../../../lib/page/highlighter';

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
    const h = new Highlighter({
      CSS: { highlights: registry },
      Highlight: FakeHighlight,
    });
    const serialize = () => new XMLSerializer().serializeToString(document.body);
    const before = serialize();
    h.show(
      [
        { key: 1, range: rangeOf(p, 'Depression is just laziness'), stance: 'asserts' },
        { key: 2, range: rangeOf(p, 'they said'), stance: 'refutes' },
      ],
      { style: 'background', showRefutations: false, visible: true },
    );
    expect(h.shown).toBe(1);
    expect(set).toHaveBeenCalledTimes(1);
    expect(set.mock.calls[0]![0]).toBe(HIGHLIGHT_NAMES.background.asserts);
    expect((set.mock.calls[0]![1] as FakeHighlight).ranges.map(String)).toEqual([
      'Depression is just laziness',
    ]);
    expect(serialize()).toBe(before);
  });
});

describe('Highlighter without the Custom Highlight API', () => {
  it('paints nothing and leaves the page exactly as it was', () => {
    const p = paragraph('<p>Depression is just laziness, they said.</p>');
    const before = new XMLSerializer().serializeToString(document.body);
    const h = new Highlighter({});
    h.show([{ key: 1, range: rangeOf(p, 'Depression is just laziness'), stance: 'asserts' }], {
      style: 'underline',
      showRefutations: false,
      visible: true,
    });
    expect(h.shown).toBe(0);
    expect(h.hitTest(0, 0)).toBeNull();
    expect(new XMLSerializer().serializeToString(document.body)).toBe(before);
    h.clear();
  });
});
