import { Highlighter, type HighlightStyle as Look } from '../../lib/page/highlighter';
import type { Hit } from '../../lib/page/page-scan';
import { HighlightStyle } from './highlight-style';

export interface PaintOptions {
  style: Look;
  showRefutations: boolean;
  visible: boolean;
}

/**
 * Paints hits and clears them: the highlights themselves, and the stylesheet
 * that exists only while at least one highlight shows (highlight-style.ts).
 */
export class Painter {
  private readonly highlighter: Highlighter;
  private readonly style: HighlightStyle;

  constructor(doc: Document, env?: ConstructorParameters<typeof Highlighter>[0]) {
    this.highlighter = new Highlighter(env);
    this.style = new HighlightStyle(doc);
  }

  /** Shows exactly these hits, as the options say, and nothing else. */
  paint(hits: Hit[], options: PaintOptions): void {
    this.highlighter.show(hits, options);
    if (this.highlighter.shown > 0) this.style.attach();
    else this.style.detach();
  }

  clear(): void {
    this.highlighter.clear();
    this.style.detach();
  }

  /** The key of the painted hit under a viewport point, if any. */
  hitAt(x: number, y: number): number | null {
    return this.highlighter.hitTest(x, y);
  }

  /** How many hits are painted now. */
  get shown(): number {
    return this.highlighter.shown;
  }
}
