import type { Finding } from '../nlp/sentence-match';
import type { SentenceContext } from '../judge/features';
import type { Prefilter } from '../prefilter/prefilter';
import { splitSentences } from '../text/sentences';
import { textWindows } from '../text/text-windows';
import { blockRange, walkBlocks, type TextBlock } from './text-blocks';

/**
 * Scans a live page in short slices: blocks are read one at a time, the
 * prefilter picks candidate sentences, and only those are sent to the NLP
 * stage (`match`, which may run elsewhere) in batches. Hits are kept per
 * block element so a mutation rescans only the blocks it touched.
 */

export interface Hit extends Finding {
  key: number;
  sentence: string;
  /**
   * The range's text when found. It can differ from `text` when the range
   * spans content the scan skips (an aria-hidden icon inside the sentence), so
   * a change is detected against this, not against `text`.
   */
  rangeText: string;
  element: Element;
  range: Range;
}

/** A sentence for the NLP stage, with what a reader sees around it. */
export interface CandidateSentence extends SentenceContext {
  text: string;
  patterns: number[];
}

/** Longest neighbour or heading text sent along with a sentence. */
const CONTEXT_CHARS = 300;

export interface PageScanDeps {
  prefilter: Prefilter;
  /** Stage two for a batch; null when the configuration changed meanwhile. */
  match: (sentences: CandidateSentence[]) => Promise<Finding[][] | null>;
  exclude: (el: Element) => boolean;
  /** Gives the page a turn; called whenever a slice has used its budget. */
  yieldNow: () => Promise<void>;
  now?: () => number;
  /** Longest slice of work between yields, in ms. */
  sliceMs?: number;
  /** Characters read per scan at most, so a giant page cannot keep the scanner busy. */
  maxChars?: number;
}

const BATCH = 60;

/**
 * Characters of one block handed to the prefilter at once: a few ms of work,
 * so a slice never runs far past its budget, however long the block. On
 * hostile/huge-text-node.html (one 5 MB text node, once a 770 ms task) the
 * longest slice is now about 15 ms in Chromium and 20 ms in Firefox.
 */
const WINDOW = 10_000;

interface Pending {
  block: TextBlock;
  start: number;
  end: number;
  candidate: CandidateSentence;
}

export class PageScanner {
  private readonly hits = new Map<Element, Hit[]>();
  private nextKey = 1;

  constructor(private readonly deps: PageScanDeps) {}

  /** Every current hit, in document order. */
  all(): Hit[] {
    const list = [...this.hits.values()].flat();
    return list.sort((a, b) => a.range.compareBoundaryPoints(0, b.range));
  }

  /** Forgets every hit (settings changed, or the page navigated). */
  reset(): void {
    this.hits.clear();
  }

  /**
   * Scans `root` (a page, or a block a mutation touched), replacing the hits
   * of every block under it. Resolves false when `isCancelled` stopped it.
   */
  async scan(root: Node, isCancelled: () => boolean = () => false): Promise<boolean> {
    const now = this.deps.now ?? (() => performance.now());
    const slice = this.deps.sliceMs ?? 8;
    this.dropUnder(root);
    let sliceStart = now();
    let pending: Pending[] = [];
    /** Gives the page a turn once this slice has used its budget; false when cancelled. */
    const pause = async (): Promise<boolean> => {
      if (now() - sliceStart <= slice) return true;
      await this.deps.yieldNow();
      if (isCancelled()) return false;
      sliceStart = now();
      return true;
    };
    const blocks = walkBlocks(root, {
      exclude: this.deps.exclude,
      maxChars: this.deps.maxChars ?? 3_000_000,
    });
    // What a reader sees around a sentence: the heading above, the sentences before and after.
    let heading: string | undefined;
    let lastSentence: string | undefined;
    /** Candidates at the end of the last block, waiting for the next block's first sentence. */
    let waiting: Pending[] = [];
    // `null`: the walk went through many nodes without finishing a block.
    for (const block of blocks) {
      if (block === null) {
        if (!(await pause())) return false;
        continue;
      }
      const first = edgeSentence(block.text, 'first');
      for (const w of waiting) w.candidate.next = first;
      pending.push(...waiting);
      waiting = [];
      heading = headingOf(block) ?? heading;
      const list = inList(block);
      for (const [from, to] of textWindows(block.text, WINDOW)) {
        const text = to - from === block.text.length ? block.text : block.text.slice(from, to);
        const own = this.deps.prefilter.candidates(text);
        const spans = own.length > 0 ? splitSentences(text) : [];
        const found = own.length > 0 ? this.deps.prefilter.withFollowUps(text, own, spans) : own;
        for (const c of found) {
          const at = spans.findIndex((s) => s.start === c.start);
          const before = spans[at - 1];
          const after = spans[at + 1];
          const item: Pending = {
            block,
            start: from + c.start,
            end: from + c.end,
            candidate: {
              text: text.slice(c.start, c.end),
              patterns: c.patterns,
              heading,
              list,
              prev: before
                ? clip(text.slice(before.start, before.end))
                : from === 0
                  ? lastSentence
                  : undefined,
              prevInBlock: before ? true : undefined,
              next: after ? clip(text.slice(after.start, after.end)) : undefined,
            },
          };
          if (after || to < block.text.length) pending.push(item);
          else waiting.push(item);
        }
        if (pending.length >= BATCH) {
          if (!(await this.flush(pending))) return false;
          pending = [];
        }
        if (!(await pause())) return false;
      }
      lastSentence = edgeSentence(block.text, 'last');
    }
    return this.flush([...pending, ...waiting]);
  }

  /** Drops hits whose text changed or vanished; true when any was dropped. */
  prune(): boolean {
    let dropped = false;
    for (const [el, list] of this.hits) {
      const kept = list.filter(
        (h) =>
          h.range.startContainer.isConnected &&
          h.range.endContainer.isConnected &&
          h.range.toString() === h.rangeText,
      );
      if (kept.length !== list.length) dropped = true;
      if (kept.length === 0) this.hits.delete(el);
      else this.hits.set(el, kept);
    }
    return dropped;
  }

  private async flush(pending: Pending[]): Promise<boolean> {
    if (pending.length === 0) return true;
    const results = await this.deps.match(pending.map((p) => p.candidate));
    if (!results) return false;
    pending.forEach((p, i) => {
      for (const f of results[i] ?? []) {
        const start = p.start + f.start;
        const end = p.start + f.end;
        const range = blockRange(p.block, start, end);
        const hit: Hit = {
          ...f,
          key: this.nextKey++,
          sentence: p.candidate.text,
          element: p.block.element,
          range,
          rangeText: range.toString(),
        };
        const list = this.hits.get(hit.element) ?? [];
        list.push(hit);
        this.hits.set(hit.element, list);
      }
    });
    return true;
  }

  /** Removes the hits of every block element inside (or equal to) `root`. */
  private dropUnder(root: Node): void {
    for (const el of [...this.hits.keys()]) {
      if (root === el || root.contains(el)) this.hits.delete(el);
    }
  }
}

/** At most CONTEXT_CHARS of a text, for sending along as context. */
function clip(text: string): string {
  return text.length > CONTEXT_CHARS ? text.slice(0, CONTEXT_CHARS) : text;
}

/** The first or last sentence of a block, read from its first or last few hundred characters. */
function edgeSentence(text: string, which: 'first' | 'last'): string | undefined {
  const part =
    which === 'first' ? text.slice(0, 2 * CONTEXT_CHARS) : text.slice(-2 * CONTEXT_CHARS);
  const spans = splitSentences(part);
  const s = which === 'first' ? spans[0] : spans[spans.length - 1];
  return s ? clip(part.slice(s.start, s.end)) : undefined;
}

/** The block's text when it is a heading, clipped. */
export function headingOf(block: TextBlock): string | undefined {
  const el = block.element;
  const isHeading = /^H[1-6]$/.test(el.tagName) || el.getAttribute('role') === 'heading';
  return isHeading ? clip(block.text.trim()) : undefined;
}

/** True when the block is (inside) a list item. */
export function inList(block: TextBlock): true | undefined {
  return block.element.closest('li') !== null || undefined;
}
