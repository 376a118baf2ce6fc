// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { Painter } from '../../entrypoints/content/painter';
import { HIGHLIGHT_NAMES } from '../../lib/page/highlighter';
import type { Hit } from '../../lib/page/page-scan';

/** The painter: highlights, and a stylesheet that exists only while one shows (issue 13). */

class FakeHighlight {
  ranges: Range[];
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
}

function setup() {
  document.body.replaceChildren();
  document.adoptedStyleSheets = [];
  const p = document.createElement('p');
  p.textContent = 'Depression is just laziness, they said. It is not.';
  document.body.append(p);
  const registry = new Map<string, FakeHighlight>();
  const painter = new Painter(document, {
    CSS: {
      highlights: {
        set: (name: string, h: unknown) => void registry.set(name, h as FakeHighlight),
        delete: (name: string) => registry.delete(name),
      },
    },
    Highlight: FakeHighlight,
  });
  const hit = (key: number, stance: 'asserts' | 'refutes', text: string): Hit => {
    const node = p.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, node.data.indexOf(text));
    range.setEnd(node, node.data.indexOf(text) + text.length);
    return { key, stance, range } as unknown as Hit;
  };
  const hits = [hit(1, 'asserts', 'Depression is just laziness'), hit(2, 'refutes', 'It is not')];
  return { painter, registry, hits };
}

const sheets = () => document.adoptedStyleSheets.length;

describe('Painter', () => {
  it('paints asserting hits under the chosen style and adds its stylesheet only then', () => {
    const { painter, registry, hits } = setup();
    expect(sheets()).toBe(0);
    painter.paint(hits, { style: 'underline', showRefutations: false, visible: true });
    expect([...registry.keys()]).toEqual([HIGHLIGHT_NAMES.underline.asserts]);
    expect(painter.shown).toBe(1);
    expect(sheets()).toBe(1);
  });

  it('paints refuting hits too when they are shown', () => {
    const { painter, registry, hits } = setup();
    painter.paint(hits, { style: 'background', showRefutations: true, visible: true });
    expect([...registry.keys()].sort()).toEqual(
      [HIGHLIGHT_NAMES.background.asserts, HIGHLIGHT_NAMES.background.refutes].sort(),
    );
    expect(painter.shown).toBe(2);
  });

  it('takes the stylesheet out when nothing shows: hidden highlights, no hits, or clear()', () => {
    const { painter, registry, hits } = setup();
    const on = { style: 'underline', showRefutations: false, visible: true } as const;
    painter.paint(hits, on);
    painter.paint(hits, { ...on, visible: false });
    expect(registry.size).toBe(0);
    expect(sheets()).toBe(0);
    painter.paint(hits, on);
    painter.paint([], on);
    expect(sheets()).toBe(0);
    painter.paint(hits, on);
    painter.clear();
    expect(registry.size).toBe(0);
    expect(sheets()).toBe(0);
  });

  it('finds the painted hit under a point, and none once cleared', () => {
    const { painter, hits } = setup();
    const rect = { left: 10, right: 200, top: 10, bottom: 30 } as DOMRect;
    vi.spyOn(hits[0]!.range, 'getClientRects').mockReturnValue([rect] as unknown as DOMRectList);
    painter.paint(hits, { style: 'underline', showRefutations: false, visible: true });
    expect(painter.hitAt(50, 20)).toBe(1);
    expect(painter.hitAt(500, 20)).toBeNull();
    painter.clear();
    expect(painter.hitAt(50, 20)).toBeNull();
  });
});
