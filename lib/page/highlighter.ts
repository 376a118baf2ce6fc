/**
 * Paints findings without touching the page: CSS Custom Highlights
 * (`CSS.highlights` + `::highlight()` rules the content script adds while a highlight shows), so
 * no element is wrapped, moved or restyled. Where a browser lacks the API,
 * a fallback wraps the text in `<myth-lens-mark>` elements and can restore
 * the exact original text nodes.
 */

export type HighlightKind = 'asserts' | 'refutes';
export type HighlightStyle = 'underline' | 'background';

export interface Mark {
  key: number;
  range: Range;
  kind: HighlightKind;
}

/** Highlight names; the content script's highlight stylesheet styles exactly these. */
export const HIGHLIGHT_NAMES = {
  underline: { asserts: 'myth-lens-underline', refutes: 'myth-lens-refutes' },
  background: { asserts: 'myth-lens-background', refutes: 'myth-lens-refutes' },
} as const;

export const MARK_TAG = 'myth-lens-mark';

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): boolean;
}

type HighlightCtor = new (...ranges: Range[]) => unknown;

export class Highlighter {
  private marks: Mark[] = [];
  private wrapped: { mark: HTMLElement; restore: () => void }[] = [];
  private readonly registry: HighlightRegistry | null;
  private readonly ctor: HighlightCtor | null;

  constructor(
    private readonly doc: Document,
    env: { CSS?: { highlights?: unknown }; Highlight?: unknown } = globalThis as never,
  ) {
    const registry = env.CSS?.highlights as HighlightRegistry | undefined;
    this.registry = registry && typeof env.Highlight === 'function' ? registry : null;
    this.ctor = this.registry ? (env.Highlight as HighlightCtor) : null;
  }

  /** Whether the page-safe Custom Highlight API is in use (false means the fallback). */
  get native(): boolean {
    return this.registry !== null;
  }

  /** How many marks are shown now. */
  get shown(): number {
    return this.marks.length;
  }

  /** Shows exactly these marks, replacing whatever was shown before. */
  show(
    marks: Mark[],
    options: { style: HighlightStyle; showRefutations: boolean; visible: boolean },
  ): void {
    this.clear();
    this.marks = options.visible
      ? marks.filter((m) => m.kind === 'asserts' || options.showRefutations)
      : [];
    const names = HIGHLIGHT_NAMES[options.style];
    if (this.registry && this.ctor) {
      for (const kind of ['asserts', 'refutes'] as const) {
        const ranges = this.marks.filter((m) => m.kind === kind).map((m) => m.range);
        if (ranges.length > 0) this.registry.set(names[kind], new this.ctor(...ranges));
      }
    } else {
      // Last to first: splitting a text node keeps its earlier part in place, so
      // ranges earlier in the document stay valid even without live-range updates.
      const ordered = [...this.marks].sort((a, b) => a.range.compareBoundaryPoints(0, b.range));
      for (const m of ordered.reverse()) this.wrap(m, names[m.kind]);
    }
  }

  /** The key of the mark under a viewport point, if any. */
  hitTest(x: number, y: number): number | null {
    for (const m of this.marks) {
      for (const r of Array.from(m.range.getClientRects())) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return m.key;
      }
    }
    return null;
  }

  /** Removes every highlight, restoring wrapped text exactly. */
  clear(): void {
    if (this.registry) {
      for (const style of Object.values(HIGHLIGHT_NAMES)) {
        for (const name of Object.values(style)) this.registry.delete(name);
      }
    }
    for (const w of this.wrapped.reverse()) w.restore();
    this.wrapped = [];
    this.marks = [];
  }

  /** Fallback: wraps each text node piece of the range in a mark element. */
  private wrap(mark: Mark, name: string): void {
    const { range } = mark;
    const pieces: { node: Text; start: number; end: number }[] = [];
    const walker = this.doc.createTreeWalker(range.commonAncestorContainer, 4);
    const first = range.startContainer;
    for (
      let n: Node | null = first.nodeType === 3 ? first : walker.nextNode();
      n;
      n = walker.nextNode()
    ) {
      if (n.nodeType !== 3 || !range.intersectsNode(n)) continue;
      const t = n as Text;
      const start = t === range.startContainer ? range.startOffset : 0;
      const end = t === range.endContainer ? range.endOffset : t.data.length;
      if (end > start) pieces.push({ node: t, start, end });
      if (t === range.endContainer) break;
    }
    for (const p of pieces.reverse()) this.wrapPiece(p.node, p.start, p.end, name);
  }

  private wrapPiece(node: Text, start: number, end: number, name: string): void {
    const original = node.data;
    const head = start > 0 ? node : null;
    const middle = head ? node.splitText(start) : node;
    const tail = end - start < middle.data.length ? middle.splitText(end - start) : null;
    const el = this.doc.createElement(MARK_TAG);
    el.setAttribute('data-highlight', name);
    middle.replaceWith(el);
    el.append(middle);
    this.wrapped.push({
      mark: el,
      restore: () => {
        // Put the one original text node back, as it was before the split.
        el.replaceWith(middle);
        tail?.remove();
        if (head) {
          head.data = original;
          middle.remove();
        } else {
          middle.data = original;
        }
      },
    });
  }
}
