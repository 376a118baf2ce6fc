// @vitest-environment happy-dom
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockRange, extractBlocks } from '../../../lib/page/text-blocks';

function page(html: string): Document {
  document.body.replaceChildren();
  const template = document.createElement('template');
  template.setHTMLUnsafe?.(html);
  if (!template.content.firstChild) {
    // happy-dom without setHTMLUnsafe: parse through DOMParser instead.
    const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    document.body.append(...Array.from(parsed.body.childNodes));
  } else {
    document.body.append(template.content);
  }
  return document;
}

const texts = (doc: Document) => extractBlocks(doc.body).map((b) => b.text.trim());

describe('extractBlocks', () => {
  it('reads paragraphs, list items, headings and cells as separate blocks', () => {
    const doc = page(
      '<h2>Title</h2><p>One <em>two</em> three.</p><ul><li>Item</li></ul><table><tr><td>Cell</td></tr></table>',
    );
    expect(texts(doc)).toEqual(['Title', 'One two three.', 'Item', 'Cell']);
  });

  it('skips code, hidden, aria-hidden, form fields, editable regions and data-gramm=false', () => {
    const doc = page(
      '<p>Seen.</p><script>x()</script><style>p{}</style><noscript>ns</noscript><template><p>t</p></template>' +
        '<p hidden>Hidden.</p><p aria-hidden="true">Aria.</p><textarea>Typed.</textarea><input value="v">' +
        '<div contenteditable="true"><p>Editing.</p></div><div data-gramm="false"><p>Opted out.</p></div>',
    );
    expect(texts(doc)).toEqual(['Seen.']);
  });

  it('splits a block around a nested block, and at line breaks', () => {
    const doc = page('<div>Before <p>Inside.</p> after<br>next line</div>');
    expect(texts(doc)).toEqual(['Before', 'Inside.', 'after', 'next line']);
  });

  it('follows open shadow roots', () => {
    const doc = page('<div id="host"></div>');
    const root = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    const p = doc.createElement('p');
    p.textContent = 'In the shadow.';
    root.append(p);
    expect(texts(doc)).toContain('In the shadow.');
  });

  it('leaves out what the caller excludes', () => {
    const doc = page('<p>Page.</p><div id="ours"><p>Our UI.</p></div>');
    expect(
      extractBlocks(doc.body, { exclude: (el) => el.id === 'ours' }).map((b) => b.text),
    ).toEqual(['Page.']);
  });

  it('reads at most maxChars characters, cutting the text node that crosses the limit', () => {
    const doc = page('<p>First block.</p><p id="big"></p><p>Never read.</p>');
    doc.getElementById('big')!.append('x'.repeat(50_000));
    const blocks = extractBlocks(doc.body, { maxChars: 1_000 });
    expect(blocks.map((b) => b.text.length)).toEqual([12, 988]);
    expect(blockRange(blocks[1]!, 980, 988).toString()).toBe('xxxxxxxx');
  });

  it('survives 5,000 levels of nesting', () => {
    // happy-dom itself recurses on deep trees, so this one is built with linkedom.
    const html = `<html><body><p>${'<span>'.repeat(5000)}Deep text.${'</span>'.repeat(5000)}</p></body></html>`;
    const { document: deep } = parseHTML(html);
    expect(extractBlocks(deep).map((b) => b.text)).toEqual(['Deep text.']);
  });
});

describe('blockRange', () => {
  it('maps offsets to a Range that spans inline elements exactly', () => {
    const doc = page(
      '<p>Honestly, <a href="#">depression</a> is <em>just</em> laziness, he said.</p>',
    );
    const [block] = extractBlocks(doc.body);
    const start = block!.text.indexOf('depression');
    const end = block!.text.indexOf(', he');
    expect(blockRange(block!, start, end).toString()).toBe('depression is just laziness');
  });

  it('handles a range that ends exactly at a node seam', () => {
    const doc = page('<p><b>ab</b><i>cd</i></p>');
    const [block] = extractBlocks(doc.body);
    expect(blockRange(block!, 0, 2).toString()).toBe('ab');
    expect(blockRange(block!, 2, 4).toString()).toBe('cd');
  });
});

describe('closed details', () => {
  it('reads only the summary of a closed <details>, and everything of an open one', () => {
    const { document: doc } = parseHTML(
      '<html><body><details><summary>More</summary><p>Hidden text.</p></details><details open><summary>Open</summary><p>Shown text.</p></details></body></html>',
    );
    expect(extractBlocks(doc).map((b) => b.text)).toEqual(['More', 'Open', 'Shown text.']);
  });
});
