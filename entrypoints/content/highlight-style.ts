import css from './highlight-style.css?inline';

/**
 * The highlight styles, present in the document only while a highlight is
 * shown. Issue 13: the manifest stylesheet styled `::highlight(myth-lens-…)`
 * (and the marks of a fallback highlighter, since removed) on every page, and
 * a page can make those itself and read their computed style, so a page with nothing to show could still tell
 * that Myth Lens is installed. A constructed sheet in `adoptedStyleSheets`
 * adds no element; it is taken out again when the last highlight goes.
 */
export class HighlightStyle {
  private sheet: CSSStyleSheet | null = null;

  constructor(private readonly doc: Document) {}

  /** Adds the styles, or adds them back if the page replaced `adoptedStyleSheets`. */
  attach(): void {
    try {
      const sheet = (this.sheet ??= this.create());
      const adopted = [...this.doc.adoptedStyleSheets];
      if (!adopted.includes(sheet)) this.doc.adoptedStyleSheets = [...adopted, sheet];
    } catch {
      // A page that broke constructed sheets gets unstyled highlights, not an error.
    }
  }

  /** Takes the styles out, leaving the page's own adopted sheets as they are. */
  detach(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    try {
      const adopted = [...this.doc.adoptedStyleSheets];
      if (adopted.includes(sheet)) this.doc.adoptedStyleSheets = adopted.filter((s) => s !== sheet);
    } catch {
      // As above: nothing of ours to take out.
    }
  }

  private create(): CSSStyleSheet {
    const view = this.doc.defaultView as (Window & typeof globalThis) | null;
    const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(css);
    return sheet;
  }
}
