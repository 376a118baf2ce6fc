// @vitest-environment happy-dom
import '../../helpers/fuzz-seed';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { compileDetector } from '../../../lib/nlp/detector';
import { PageScanner } from '../../../lib/page/page-scan';
import { Prefilter } from '../../../lib/prefilter/prefilter';
import { blockRange, extractBlocks, type TextBlock } from '../../../lib/page/text-blocks';
import { packFromDisk } from '../../../scripts/lib/pack-from-disk';

/**
 * Property tests for reading a page as blocks: random trees of block,
 * inline, skipped and hidden elements with random text and myth sentences.
 * Skipped content carries a marker word that must never reach a block's
 * text; every block must be exactly its text nodes joined; and every
 * detector finding in a block must map back, through blockRange, to a DOM
 * Range whose text is the finding's text. Trees are built with DOM calls, not
 * parsed, so nesting the HTML parser would repair (p in p, li in span) stays.
 */

const detector = compileDetector(packFromDisk());

/** Appears only inside content the reader must skip. */
const SECRET = 'QQSKIPPEDQQ';

const MYTHS = [
  'Honestly, depression is just laziness with a fancy name.',
  'Depressed people are just lazy and want sympathy.',
  'Depression is all in your head.',
  'Antidepressants are just expensive placebos.',
  'Running cures depression, every single time.',
];

type Tree =
  | { kind: 'text'; text: string }
  | { kind: 'el'; tag: string; attr: string | null; children: Tree[] };

const VISIBLE_TAGS = ['p', 'div', 'span', 'em', 'a', 'ul', 'li', 'section', 'b', 'td', 'h2'];
/**
 * No <template> here: happy-dom 21 orders Range boundary points wrongly when a
 * template with content lies between them (`setStart(textBefore, 0);
 * setEnd(textAfter, n)` collapses the range, though compareDocumentPosition
 * says FOLLOWING), so any range across one reads as empty. Browsers get it
 * right; templates are checked on their own below.
 */
const SKIPPED_TAGS = ['script', 'style', 'textarea', 'code', 'pre', 'button'];
/** Attributes that hide a visible tag from the reader. */
const HIDING_ATTRS = ['hidden', 'aria-hidden=true', 'contenteditable=true', 'contenteditable='];
const HARMLESS_ATTRS = ['aria-hidden=false', 'contenteditable=false', 'title=x', 'dir=rtl'];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MYTHS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\n', '\u200b', '\u202e', '😀', '. ', '') },
);

const { tree } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: text.map((t): Tree => ({ kind: 'text', text: t })) },
    { weight: 2, arbitrary: tie('tree') },
  ),
  tree: fc.record({
    kind: fc.constant('el' as const),
    tag: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...VISIBLE_TAGS) },
      { weight: 1, arbitrary: fc.constantFrom(...SKIPPED_TAGS) },
    ),
    attr: fc.oneof(
      { weight: 5, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom(...HIDING_ATTRS, ...HARMLESS_ATTRS) },
    ),
    children: fc.array(tie('node'), { maxLength: 5 }),
  }),
}));

const hides = (t: Extract<Tree, { kind: 'el' }>) =>
  SKIPPED_TAGS.includes(t.tag) || (t.attr !== null && HIDING_ATTRS.includes(t.attr));

/** Builds the tree; text under skipped or hidden elements gets the marker. */
function build(t: Tree, parent: Node, hidden: boolean): void {
  const doc = parent.ownerDocument ?? (parent as Document);
  if (t.kind === 'text') {
    parent.appendChild(doc.createTextNode(hidden ? `${SECRET} ${t.text} ${SECRET}` : t.text));
    return;
  }
  const el = doc.createElement(t.tag);
  if (t.attr) {
    const [name, value = ''] = t.attr.split('=');
    el.setAttribute(name!, value);
  }
  parent.appendChild(el);
  const inside = hidden || hides(t);
  for (const child of t.children) build(child, el, inside);
  // Every hidden element carries the marker even if no child text was drawn.
  if (hides(t)) el.appendChild(doc.createTextNode(SECRET));
}

function checkBlock(block: TextBlock, withRanges = true): void {
  expect(block.text).not.toContain(SECRET);
  expect(block.nodes.map((n) => n.node.data).join('')).toBe(block.text);
  let at = 0;
  for (const { node, start } of block.nodes) {
    expect(start).toBe(at);
    at += node.data.length;
    expect(block.element.contains(node)).toBe(true);
  }
  if (!withRanges) return;
  const own = new Set<Node>(block.nodes.map((n) => n.node));
  for (const f of detector.scan(block.text)) {
    const range = blockRange(block, f.start, f.end);
    // A DOM Range is contiguous: when skipped content (a script, an aria-hidden
    // icon) sits between two of the finding's text nodes, the range covers it
    // too. The block's own text inside the range must still be the finding.
    expect(textOfBlockIn(range, own)).toBe(f.text);
    if (!coversForeignText(range, own)) expect(range.toString()).toBe(f.text);
  }
}

/** The text of the block's own nodes inside `range`, clipped to its ends. */
function textOfBlockIn(range: Range, own: Set<Node>): string {
  let out = '';
  for (const node of own) {
    if (!range.intersectsNode(node)) continue;
    const data = (node as Text).data;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : data.length;
    out += data.slice(from, to);
  }
  return out;
}

/** Whether the range spans a text node that is not part of the block. */
function coversForeignText(range: Range, own: Set<Node>): boolean {
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!own.has(n) && (n as Text).data.length > 0 && range.intersectsNode(n)) return true;
  }
  return false;
}

describe('extractBlocks on random trees', () => {
  it('never reads skipped content and maps every finding back to its text', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), (trees) => {
        document.body.replaceChildren();
        for (const t of trees) build(t, document.body, false);
        const blocks = extractBlocks(document.body);
        for (const block of blocks) checkBlock(block);
        // Each text node belongs to at most one block.
        const nodes = blocks.flatMap((b) => b.nodes.map((n) => n.node));
        expect(new Set(nodes).size).toBe(nodes.length);
      }),
      { numRuns: 150 },
    );
  });

  it('never reads a template, parsed or built', () => {
    const parsed = new DOMParser().parseFromString(
      `<p>Before.<template><p>${SECRET} ${MYTHS[0]}</p></template> After.</p>`,
      'text/html',
    );
    document.body.replaceChildren(...Array.from(parsed.body.childNodes));
    const built = document.createElement('template');
    built.content.appendChild(document.createTextNode(`${SECRET} ${MYTHS[1]}`));
    document.body.appendChild(built);
    const texts = extractBlocks(document.body).map((b) => b.text);
    expect(texts.join(' ')).not.toContain(SECRET);
    expect(texts.join(' ')).toContain('Before.');
  });

  it('reads a myth split across inline elements as one sentence, mapped exactly', () => {
    const words = MYTHS[0]!.split(/(?<= )/);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('span', 'em', 'a', 'b', null), {
          minLength: words.length,
          maxLength: words.length,
        }),
        (wrappers) => {
          document.body.replaceChildren();
          const p = document.createElement('p');
          words.forEach((w, i) => {
            const tag = wrappers[i];
            if (!tag) return void p.appendChild(document.createTextNode(w));
            const el = document.createElement(tag);
            el.appendChild(document.createTextNode(w));
            p.appendChild(el);
          });
          document.body.appendChild(p);
          const [block] = extractBlocks(document.body);
          expect(block?.text).toBe(MYTHS[0]);
          const findings = detector.scan(block!.text);
          expect(findings.length).toBeGreaterThan(0);
          checkBlock(block!);
        },
      ),
      { numRuns: 60 },
    );
  });

  // A range spanning a skipped element between two text nodes also covers that
  // element's text (see checkBlock). PageScanner.prune compares range.toString()
  // with the finding, so such a hit is dropped on the page's next rescan.
  it('keeps a hit across a skipped inline element when the page rescans', async () => {
    document.body.replaceChildren();
    const p = document.createElement('p');
    const icon = document.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.appendChild(document.createTextNode('[icon]'));
    p.append('Honestly, depression is just ', icon, 'laziness with a fancy name.');
    document.body.appendChild(p);
    const [block] = extractBlocks(document.body);
    expect(block?.text).toBe(MYTHS[0]);
    checkBlock(block!);
    const scanner = new PageScanner({
      prefilter: new Prefilter(detector.prefilter),
      match: async (sentences) => sentences.map((s) => detector.matchSentence(s.text, s.patterns)),
      exclude: () => false,
      yieldNow: async () => undefined,
    });
    await scanner.scan(document.body);
    expect(scanner.all().length).toBeGreaterThan(0);
    // Nothing changed, so nothing may be dropped.
    expect(scanner.prune()).toBe(false);
    expect(scanner.all().length).toBeGreaterThan(0);
  });

  // On linkedom: happy-dom's checkVisibility recurses through ancestors and runs
  // out of memory at this depth; browsers are covered by tests/e2e/hostile.e2e.ts.
  it('walks 5,000 levels of nesting without recursion', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    let parent: Element = document.body;
    for (let i = 0; i < 5000; i++) {
      const next = document.createElement(i % 2 ? 'div' : 'span');
      parent.appendChild(next);
      parent = next;
    }
    parent.appendChild(document.createTextNode(MYTHS[0]!));
    const blocks = extractBlocks(document.body);
    expect(blocks.map((b) => b.text)).toEqual([MYTHS[0]]);
    checkBlock(blocks[0]!, false); // linkedom has no Range
  });
});
