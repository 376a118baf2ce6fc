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

/** Every sentence of the blocks, with its neighbours and the block's heading and list flag. */
export function sentencesInContext(blocks: readonly PageBlock[]): SentenceInContext[] {
  const out: SentenceInContext[] = [];
  blocks.forEach((b, block) => {
    for (const s of splitSentences(b.text)) {
      out.push({
        block,
        start: s.start,
        end: s.end,
        text: b.text.slice(s.start, s.end),
        ctx: { heading: b.heading, list: b.list || undefined },
      });
    }
  });
  for (let i = 0; i < out.length; i++) {
    const s = out[i]!;
    s.ctx.prev = out[i - 1]?.text;
    s.ctx.next = out[i + 1]?.text;
    if (out[i - 1]?.block === s.block) s.ctx.prevInBlock = true;
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
