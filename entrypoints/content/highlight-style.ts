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
      const adopted = adoptedSheets(this.doc);
      const mine = adopted.own(sheet);
      if (!adopted.list.includes(mine)) adopted.set([...adopted.list, mine]);
    } catch {
      // A page that broke constructed sheets gets unstyled highlights, not an error.
    }
  }

  /** Takes the styles out, leaving the page's own adopted sheets as they are. */
  detach(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    try {
      const adopted = adoptedSheets(this.doc);
      const mine = adopted.own(sheet);
      if (adopted.list.includes(mine)) adopted.set(adopted.list.filter((s) => s !== mine));
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

interface Waivable {
  wrappedJSObject?: unknown;
}

type CloneInto = (value: unknown, target: unknown, options: { wrapReflectors: boolean }) => unknown;

/**
 * The document's adopted sheets as this script can reach them: the list, our
 * sheet as it appears in that list, and a setter. Firefox up to 140 (the ESR
 * Debian ships) cannot read or set `adoptedStyleSheets` through a content
 * script's view of the document ("not iterable", "Accessing from Xray wrapper
 * is not supported"); there the page's own view of the document does it, with
 * the list cloned into the page as DOM objects. That view runs the page's
 * getters, so a hostile page can refuse our styles (unstyled highlights, as
 * when it breaks constructed sheets), and it is used only while a highlight,
 * which the page can see anyway, is shown.
 */
function adoptedSheets(doc: Document): {
  list: unknown[];
  own: (sheet: CSSStyleSheet) => unknown;
  set: (list: unknown[]) => void;
} {
  try {
    return {
      list: [...doc.adoptedStyleSheets],
      own: (sheet) => sheet,
      set: (list) => {
        doc.adoptedStyleSheets = list as CSSStyleSheet[];
      },
    };
  } catch (error) {
    const page = (doc as Waivable).wrappedJSObject as
      { adoptedStyleSheets: ArrayLike<unknown> | unknown } | undefined;
    const clone = (globalThis as { cloneInto?: CloneInto }).cloneInto;
    if (!page || !clone) throw error;
    const current = page.adoptedStyleSheets as ArrayLike<unknown>;
    const list: unknown[] = [];
    for (let i = 0; i < current.length; i++) list.push(current[i]);
    return {
      list,
      own: (sheet) => (sheet as Waivable).wrappedJSObject ?? sheet,
      set: (next) => {
        page.adoptedStyleSheets = clone(next, doc.defaultView, { wrapReflectors: true });
      },
    };
  }
}
