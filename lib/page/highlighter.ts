/**
 * Paints hits without touching the page: CSS Custom Highlights
 * (`CSS.highlights` + `::highlight()` rules the content script adds while a
 * highlight shows), so no element is wrapped, moved or restyled. Every
 * browser Myth Lens supports has the API (Chrome 105+, Firefox 140+; the
 * manifest's minimum versions); where it is missing, nothing is painted.
 */

import type { Hit } from './page-scan';

export type HighlightStyle = 'underline' | 'background';

/** What the highlighter needs of a hit. */
export type PaintedHit = Pick<Hit, 'key' | 'range' | 'stance'>;

/** Highlight names; the content script's highlight stylesheet styles exactly these. */
export const HIGHLIGHT_NAMES = {
  underline: { asserts: 'myth-lens-underline', refutes: 'myth-lens-refutes' },
  background: { asserts: 'myth-lens-background', refutes: 'myth-lens-refutes' },
} as const;

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): boolean;
}

type HighlightCtor = new (...ranges: Range[]) => unknown;

export class Highlighter {
  private painted: PaintedHit[] = [];
  private readonly registry: HighlightRegistry | null;
  private readonly ctor: HighlightCtor | null;

  constructor(env: { CSS?: { highlights?: unknown }; Highlight?: unknown } = globalThis as never) {
    const registry = env.CSS?.highlights as HighlightRegistry | undefined;
    this.registry = registry && typeof env.Highlight === 'function' ? registry : null;
    this.ctor = this.registry ? (env.Highlight as HighlightCtor) : null;
  }

  /** How many hits are shown now. */
  get shown(): number {
    return this.painted.length;
  }

  /** Shows exactly these hits, replacing whatever was shown before. */
  show(
    hits: readonly PaintedHit[],
    options: { style: HighlightStyle; showRefutations: boolean; visible: boolean },
  ): void {
    this.clear();
    if (!this.registry || !this.ctor || !options.visible) return;
    this.painted = hits.filter((h) => h.stance === 'asserts' || options.showRefutations);
    const names = HIGHLIGHT_NAMES[options.style];
    for (const kind of ['asserts', 'refutes'] as const) {
      const ranges = this.painted.filter((h) => h.stance === kind).map((h) => h.range);
      if (ranges.length > 0) this.registry.set(names[kind], new this.ctor(...ranges));
    }
  }

  /** The key of the hit under a viewport point, if any. */
  hitTest(x: number, y: number): number | null {
    for (const h of this.painted) {
      for (const r of Array.from(h.range.getClientRects())) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return h.key;
      }
    }
    return null;
  }

  /** Removes every highlight. */
  clear(): void {
    if (this.registry) {
      for (const style of Object.values(HIGHLIGHT_NAMES)) {
        for (const name of Object.values(style)) this.registry.delete(name);
      }
    }
    this.painted = [];
  }
}
