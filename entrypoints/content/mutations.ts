import type { ContentScriptContext } from './script-context';

/**
 * Watches the page for changed text and reports the changed nodes in
 * debounced batches. The delay grows while a page keeps mutating (a ticker,
 * an animation), so such a page costs one small rescan every few seconds
 * instead of keeping the extension busy.
 */
const MIN_DELAY = 300;
const MAX_DELAY = 5000;

/**
 * Attributes that show or hide text without adding a node: an opened
 * `<details>`, a removed `hidden`. Hidden text is not read (text-blocks.ts),
 * so without these a spoiler or "read more" opened later was never scanned.
 * `class` and `style` would catch more toggles but fire on every animation
 * frame of some pages, and a change on <body> rescans the whole page.
 */
const REVEALING_ATTRIBUTES = ['open', 'hidden'];

export class MutationBatcher {
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private timer: number | undefined;
  private delay = MIN_DELAY;
  private lastFlush = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly isOurs: (node: Node) => boolean,
    private readonly onBatch: (nodes: Node[]) => void,
  ) {}

  start(root: Node): void {
    this.observer = new MutationObserver((records) => this.collect(records));
    this.observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: REVEALING_ATTRIBUTES,
    });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.pending.clear();
  }

  private collect(records: MutationRecord[]): void {
    for (const r of records) {
      if (this.isOurs(r.target)) continue;
      const added = Array.from(r.addedNodes).filter((n) => !this.isOurs(n));
      const removed = Array.from(r.removedNodes).filter((n) => !this.isOurs(n));
      if (r.type === 'childList' && added.length === 0 && removed.length === 0) continue;
      this.pending.add(r.target);
    }
    if (this.pending.size === 0 || this.timer !== undefined) return;
    // Back off while mutations keep arriving right after each flush.
    const sinceLast = Date.now() - this.lastFlush;
    this.delay = sinceLast < this.delay * 2 ? Math.min(this.delay * 2, MAX_DELAY) : MIN_DELAY;
    this.timer = this.ctx.setTimeout(() => this.flush(), this.delay);
  }

  private flush(): void {
    this.timer = undefined;
    this.lastFlush = Date.now();
    const nodes = [...this.pending];
    this.pending.clear();
    if (nodes.length > 0) this.onBatch(nodes);
  }
}
