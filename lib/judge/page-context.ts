import type { SentenceContext } from './features';
import { splitSentences } from '../text/sentences';

/**
 * A page as a reader meets it: blocks in order, each with the heading above
 * it and whether it is a list item, split into sentences that know the
 * sentence before and after them. The content script builds the blocks from
 * the DOM; the CLI and the evaluation build them from HTML or plain text, so
 * every surface judges a sentence in the same context.
 */

export interface PageBlock {
  text: string;
  /** The nearest heading above the block (or the block itself, for a heading). */
  heading?: string;
  list?: boolean;
}

export interface SentenceInContext {
  block: number;
  /** Offsets into the block's text. */
  start: number;
  end: number;
  text: string;
  ctx: SentenceContext;
}

/**
 * Every sentence of the blocks, with its neighbours and the block's heading
 * and list flag. With `only`, just the sentences of those blocks, each with
 * the same context as in the whole list: a page about other things has a
 * handful of candidate blocks, and splitting all its blocks to give them
 * neighbours was a fifth of the scan.
 */
export function sentencesInContext(
  blocks: readonly PageBlock[],
  only?: ReadonlySet<number>,
): SentenceInContext[] {
  const split = new Map<number, string[]>();
  const sentences = (block: number): string[] => {
    let list = split.get(block);
    if (!list) {
      const text = blocks[block]!.text;
      list = splitSentences(text).map((s) => text.slice(s.start, s.end));
      split.set(block, list);
    }
    return list;
  };
  /** The nearest sentence in a block before (step -1) or after (step 1) `block`. */
  const nearest = (block: number, step: -1 | 1): string | undefined => {
    for (let b = block + step; b >= 0 && b < blocks.length; b += step) {
      const list = sentences(b);
      if (list.length > 0) return step < 0 ? list[list.length - 1] : list[0];
    }
    return undefined;
  };
  const out: SentenceInContext[] = [];
  const wanted = only
    ? [...only].filter((b) => b >= 0 && b < blocks.length).sort((a, b) => a - b)
    : blocks.map((_, i) => i);
  for (const block of wanted) {
    const b = blocks[block]!;
    const spans = splitSentences(b.text);
    const texts = spans.map((s) => b.text.slice(s.start, s.end));
    split.set(block, texts);
    spans.forEach((s, k) => {
      const ctx: SentenceContext = { heading: b.heading, list: b.list || undefined };
      ctx.prev = k > 0 ? texts[k - 1] : nearest(block, -1);
      ctx.next = k < texts.length - 1 ? texts[k + 1] : nearest(block, 1);
      if (k > 0) ctx.prevInBlock = true;
      out.push({ block, start: s.start, end: s.end, text: texts[k]!, ctx });
    });
  }
  return out;
}

const LIST_ITEM = /^\s*(?:[-*•·▪◦–]|\d{1,2}[.)]|[a-z][.)])\s+/i;

/** Whether a line of plain text reads as a heading: short, and not ended like a sentence. */
export function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 90) return false;
  if (/[.!,;:]["'”’)]*$/.test(t)) return false;
  return t.split(/\s+/).length <= 12;
}

/**
 * Blocks of a plain-text page: every non-empty line is a block, a line that
 * reads as a heading (or a list marker line) sets the heading of what follows.
 */
export function blocksFromText(text: string): { blocks: PageBlock[]; offsets: number[] } {
  const blocks: PageBlock[] = [];
  const offsets: number[] = [];
  let heading: string | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) {
      const isHeading = looksLikeHeading(line) && !line.trim().endsWith('?');
      if (isHeading) heading = line.trim();
      blocks.push({ text: line, heading, list: LIST_ITEM.test(line) || undefined });
      offsets.push(offset);
    }
    offset += line.length + 1;
  }
  return { blocks, offsets };
}
