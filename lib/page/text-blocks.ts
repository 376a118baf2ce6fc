/**
 * Reads the visible text of a page as blocks (a paragraph, a list item, a
 * cell), the unit the detector scans: sentences never cross a block. Each
 * block remembers its text nodes, so a finding's offsets map back to an exact
 * DOM Range even across inline elements. Used by the content script and, on
 * linkedom, by the `check` CLI, so both see the same text.
 */

export interface TextBlock {
  /** The element whose inline text this is. */
  element: Element;
  text: string;
  /** Text nodes in order, each with its offset into `text`. */
  nodes: { node: Text; start: number }[];
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'SVG',
  'MATH',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'HEAD',
  'TITLE',
]);

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'HTML',
]);

export interface ExtractOptions {
  /** Elements to leave out entirely, such as the extension's own UI host. */
  exclude?: (element: Element) => boolean;
  /**
   * Read at most this many characters, so a giant page cannot stall a scan.
   * A text node that crosses the limit is read up to it.
   */
  maxChars?: number;
}

/**
 * Whether an element's content is never read (code, hidden, editable or opted
 * out), given its tag name already read. In a Firefox content script
 * every DOM call crosses a security wrapper and costs many times what it does
 * in the page, and pages have tens of thousands of elements, so each is asked
 * as little as it can be: an element without attributes (most inline ones)
 * takes one call here, and only blocks are asked for `checkVisibility`.
 */
function skipped(el: Element, tag: string): boolean {
  if (SKIP.has(tag)) return true;
  if (el.hasAttributes()) {
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
    if (el.getAttribute('data-gramm') === 'false') return true;
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return true;
  }
  if (!BLOCK.has(tag)) return false;
  const visible = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return typeof visible === 'function' && !visible.call(el);
}

/** The visible text under `root`, in blocks, following open shadow roots. */
export function extractBlocks(root: Node, options: ExtractOptions = {}): TextBlock[] {
  return Array.from(iterateBlocks(root, options));
}

/**
 * The same blocks one at a time, so a caller can pause between them and keep
 * every task short on a huge page. A block is yielded once it is complete.
 */
export function* iterateBlocks(root: Node, options: ExtractOptions = {}): Generator<TextBlock> {
  for (const block of walkBlocks(root, options)) if (block) yield block;
}

/**
 * Nodes walked between two chances to pause. One block can hold thousands of
 * elements (a list of 3,000 linked names on archive-of-our-own.html is one
 * 50,000-character block, 60 ms to walk in a Firefox content script), so
 * waiting for a whole block is not enough to keep each slice of work short.
 */
const WALK_STEP = 256;

/**
 * `iterateBlocks` that also yields `null` after every `WALK_STEP` nodes
 * walked, so a caller with a time budget can check its clock and pause
 * inside a block, not only between blocks.
 */
export function* walkBlocks(root: Node, options: ExtractOptions = {}): Generator<TextBlock | null> {
  const blocks: TextBlock[] = [];
  const maxChars = options.maxChars ?? Infinity;
  let total = 0;
  let walked = 0;
  let current: TextBlock | null = null;
  // An explicit stack, not recursion: pages nest thousands of levels deep.
  const stack: { node: Node; block: Element | null }[] = [{ node: root, block: blockOf(root) }];
  while (stack.length > 0 && total < maxChars) {
    if (++walked % WALK_STEP === 0) yield null;
    const { node, block } = stack.pop()!;
    if (node === marker) {
      // Leaving a block element: text that follows belongs to a new block.
      current = null;
      continue;
    }
    const type = node.nodeType;
    if (type === 3) {
      let value = (node as Text).data;
      if (!block || value.length === 0) continue;
      if (value.length > maxChars - total) value = value.slice(0, maxChars - total);
      if (!current || current.element !== block) {
        current = { element: block, text: '', nodes: [] };
        blocks.push(current);
        if (blocks.length > 1) {
          const done = blocks.shift()!;
          if (/\S/.test(done.text)) yield done;
        }
      }
      current.nodes.push({ node: node as Text, start: current.text.length });
      current.text += value;
      total += value.length;
      continue;
    }
    if (type !== 1 && type !== 9 && type !== 11) continue;
    let inner = block;
    let tag = '';
    if (type === 1) {
      const el = node as Element;
      tag = el.tagName.toUpperCase();
      if (tag === 'BR') {
        current = null;
        continue;
      }
      if (skipped(el, tag) || options.exclude?.(el)) continue;
      if (BLOCK.has(tag)) {
        inner = el;
        current = null;
        stack.push({ node: marker, block });
      }
    }
    // Children go on the stack last first, so they come off in document order,
    // an open shadow root's before the light ones. Sibling links, not a copied
    // childNodes list: fewer wrapper calls and no array per element.
    // A closed <details> shows only its summary, in a browser and in the CLI alike.
    const onlySummary = tag === 'DETAILS' && !(node as Element).hasAttribute('open');
    for (let c = node.lastChild; c !== null; c = c.previousSibling) {
      if (onlySummary && (c.nodeType !== 1 || (c as Element).tagName.toUpperCase() !== 'SUMMARY'))
        continue;
      stack.push({ node: c, block: inner });
    }
    const shadow = type === 1 && !onlySummary ? (node as Element).shadowRoot : null;
    if (shadow) {
      for (let c = shadow.lastChild; c !== null; c = c.previousSibling) {
        stack.push({ node: c, block: inner });
      }
    }
  }
  for (const b of blocks) if (/\S/.test(b.text)) yield b;
}

/** A sentinel that ends the current block when the walk leaves a block element. */
const marker = { nodeType: -1 } as unknown as Node;

/** The block element a node's text belongs to (the node itself when it is one). */
export function blockElementOf(node: Node): Element | null {
  return blockOf(node);
}

function blockOf(node: Node): Element | null {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && BLOCK.has((n as Element).tagName.toUpperCase())) return n as Element;
  }
  return node.nodeType === 9 ? (node as Document).documentElement : null;
}

/** The DOM Range covering [start, end) of a block's text. */
export function blockRange(block: TextBlock, start: number, end: number): Range {
  const from = locate(block, start, false);
  const to = locate(block, end, true);
  const range = block.element.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The text node and offset for a block offset; `atEnd` prefers the end of a node at a seam. */
function locate(block: TextBlock, offset: number, atEnd: boolean): { node: Text; offset: number } {
  const { nodes } = block;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = nodes[mid]!.start;
    if (s < offset || (!atEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  const entry = nodes[lo]!;
  return { node: entry.node, offset: Math.min(offset - entry.start, entry.node.data.length) };
}
