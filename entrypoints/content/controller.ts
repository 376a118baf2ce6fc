import { browser } from 'wxt/browser';
import { translator } from '../../lib/translate';
import type { ContentScriptContext } from './script-context';
import { Highlighter, MARK_TAG } from '../../lib/page/highlighter';
import {
  MatchReplySchema,
  parseMessage,
  ToContentSchema,
  type ToContent,
} from '../../lib/messages';
import type { MythView } from '../../lib/pack/myth-view';
import { PageScanner, type PageHit } from '../../lib/page/page-scan';
import { Prefilter } from '../../lib/prefilter/prefilter';
import type { ScanConfig } from '../../lib/scan-config';
import { SETTINGS_KEY } from '../../lib/settings/settings-store';
import { blockElementOf } from '../../lib/page/text-blocks';
import { CardHost } from './card-host';
import { HighlightStyle } from './highlight-style';
import { sendChange, sendToBackground, yieldToPage } from './messaging';
import { MutationBatcher } from './mutations';
import { dismissKey, toPageFinding } from './page-findings';
import { listenToPage } from './page-signals';

/**
 * One page's Myth Lens: asks the background for the scan configuration,
 * scans in slices, paints highlights, reports counts for the badge, opens
 * the card on click or command, and rescans what changes.
 */
export class PageController {
  private config: ScanConfig | null = null;
  private scanner: PageScanner | null = null;
  private readonly highlighter = new Highlighter(document);
  private readonly highlightStyle = new HighlightStyle(document);
  private readonly ui = new CardHost();
  private readonly mutations: MutationBatcher;
  private generation = 0;
  private visible = true;
  private stopped = false;
  private readonly dismissed = new Set<string>();
  private lastKey = 0;
  /** The scan running now; rescans queue behind it so two scans never fill one block twice. */
  private scanning: Promise<unknown> = Promise.resolve();

  private readonly onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = parseMessage(ToContentSchema, message);
    if (msg?.type === 'describeCard') {
      // Only the frame with a card open answers: tabs.sendMessage takes the first answer.
      const card = this.ui.describe();
      return card ? Promise.resolve(card) : undefined;
    }
    return msg ? Promise.resolve(this.handle(msg)) : undefined;
  };

  private readonly onStorage = (changes: Record<string, unknown>) => {
    if (SETTINGS_KEY in changes) void this.restart();
  };

  constructor(private readonly ctx: ContentScriptContext) {
    this.mutations = new MutationBatcher(
      ctx,
      (n) => this.isOurs(n),
      (nodes) => void this.rescan(nodes),
    );
  }

  async start(): Promise<void> {
    browser.runtime.onMessage.addListener(this.onMessage);
    browser.storage.onChanged.addListener(this.onStorage);
    listenToPage(this.ctx, {
      click: (e) => this.onClick(e),
      locationChange: () => void this.restart(),
      hide: () => void sendToBackground(this.ctx, { type: 'pageFindings', items: [] }),
      shownFromCache: () => void this.report(),
    });
    await this.restart();
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    browser.runtime.onMessage.removeListener(this.onMessage);
    browser.storage.onChanged.removeListener(this.onStorage);
    this.mutations.stop();
    this.highlighter.clear();
    this.highlightStyle.detach();
    this.ui.destroy();
  }

  private isOurs(node: Node): boolean {
    if (this.ui.isOurs(node)) return true;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return el !== null && el.closest(MARK_TAG) !== null;
  }

  /** Starts over: new settings, a new page in a single-page app, or first load. */
  private async restart(): Promise<void> {
    const gen = ++this.generation;
    this.mutations.stop();
    this.highlighter.clear();
    this.highlightStyle.detach();
    this.scanner?.reset();
    this.ui.close(false);
    const config = await sendToBackground<ScanConfig>(this.ctx, { type: 'getScanConfig' });
    if (gen !== this.generation || this.stopped) return;
    this.config = config;
    if (!config?.active || !config.prefilter) {
      this.scanner = null;
      await this.report();
      return;
    }
    const version = config.configVersion;
    const prefilter = new Prefilter(config.prefilter);
    // The expressions' compile in a task of its own, then the page has a turn.
    prefilter.warm();
    await yieldToPage();
    if (gen !== this.generation || this.stopped) return;
    this.scanner = new PageScanner({
      prefilter,
      match: async (sentences) => {
        const raw = await sendToBackground(this.ctx, {
          type: 'matchSentences',
          configVersion: version,
          sentences,
        });
        const reply = parseMessage(MatchReplySchema, raw);
        return reply && 'findings' in reply ? reply.findings : null;
      },
      exclude: (el) => this.isOurs(el),
      yieldNow: yieldToPage,
    });
    const root = document.body ?? document.documentElement;
    const cancelled = () => gen !== this.generation || this.stopped;
    // Watch before reading, not after: text a page adds while the first scan
    // is under way (it awaits the background between batches) used to fall
    // between the scan and the observer and was never highlighted.
    this.mutations.start(root);
    const scan = this.scanner.scan(root, cancelled);
    this.scanning = scan;
    if (!(await scan)) return;
    this.render();
    await this.report();
  }

  /** Rescans the blocks that hold changed nodes, once the scan before it is done. */
  private rescan(nodes: Node[]): Promise<void> {
    const gen = this.generation;
    const run = this.scanning.then(() =>
      gen === this.generation ? this.rescanBlocks(nodes) : undefined,
    );
    this.scanning = run.catch(() => undefined);
    return run;
  }

  private async rescanBlocks(nodes: Node[]): Promise<void> {
    const scanner = this.scanner;
    if (!scanner || this.stopped) return;
    const gen = this.generation;
    const blocks = new Set<Element>();
    for (const n of nodes) {
      const block = n.isConnected ? blockElementOf(n) : null;
      if (block) blocks.add(block);
    }
    const roots = [...blocks].filter((b) => ![...blocks].some((o) => o !== b && o.contains(b)));
    scanner.prune();
    for (const root of roots) {
      if (!(await scanner.scan(root, () => gen !== this.generation || this.stopped))) return;
    }
    this.render();
    await this.report();
  }

  private hits(): PageHit[] {
    const showRefutations = this.config?.showRefutations ?? false;
    return (this.scanner?.all() ?? []).filter(
      (h) => !this.dismissed.has(dismissKey(h)) && (h.stance === 'asserts' || showRefutations),
    );
  }

  private render(): void {
    if (!this.config) return;
    const marks = this.kept().map((h) => ({ key: h.key, range: h.range, kind: h.stance }));
    this.highlighter.show(marks, {
      style: this.config.highlightStyle,
      showRefutations: this.config.showRefutations,
      visible: this.visible,
    });
    if (this.highlighter.shown > 0) this.highlightStyle.attach();
    else this.highlightStyle.detach();
    // The fallback highlighter (no CSS.highlights, e.g. Firefox before 140)
    // wraps and unwraps page text; those are our own changes, not the page's,
    // and rescanning them would repaint and rescan again, forever.
    this.mutations.discardQueued();
  }

  private async report(): Promise<void> {
    const items = this.kept().slice(0, 1000).map(toPageFinding);
    await sendToBackground(this.ctx, { type: 'pageFindings', items });
  }

  /** Every finding the person has not dismissed, of either stance. */
  private kept(): PageHit[] {
    return (this.scanner?.all() ?? []).filter((h) => !this.dismissed.has(dismissKey(h)));
  }

  private onClick(e: MouseEvent): void {
    if (!this.visible || this.scanner === null || this.isOurs(e.target as Node)) return;
    const key = this.highlighter.hitTest(e.clientX, e.clientY);
    if (key === null) {
      if (this.ui.isOpen) this.ui.close(false);
      return;
    }
    void this.openCard(key, false);
  }

  private async openCard(key: number, scroll: boolean): Promise<boolean> {
    const hit = this.hits().find((h) => h.key === key);
    if (!hit) return false;
    this.lastKey = key;
    if (scroll) {
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      const el = hit.range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    }
    const myth = await sendToBackground<MythView>(this.ctx, {
      type: 'getMyth',
      mythId: hit.mythId,
    });
    if (!myth || this.stopped) return false;
    this.ui.open({
      myth,
      stance: hit.stance,
      anchor: () => hit.range.getBoundingClientRect(),
      onHideCategory: (category) => sendChange(this.ctx, { type: 'hideCategory', category }),
      onNotAMyth: () => {
        this.dismissed.add(dismissKey(hit));
        this.render();
        void this.report();
        const { mythId, sentence } = hit;
        return sendChange(this.ctx, { type: 'reportNotMyth', mythId, sentence });
      },
    });
    return true;
  }

  private handle(msg: ToContent): unknown {
    switch (msg.type) {
      case 'command':
        if (msg.command === 'toggle-highlights') return this.setVisible(!this.visible);
        return this.next();
      case 'setHighlightsVisible':
        return this.setVisible(msg.visible);
      case 'focusFinding':
        this.setVisible(true);
        return this.openCard(msg.key, true);
      case 'getPageState':
        return this.state();
    }
  }

  private next(): Promise<boolean> | boolean {
    const list = this.hits();
    if (list.length === 0) {
      this.ui.announce(t('announceNoFindings', 'Myth Lens found nothing to note on this page.'));
      return false;
    }
    if (!this.visible) this.setVisible(true);
    const after = list.find((h) => h.key > this.lastKey) ?? list[0]!;
    return this.openCard(after.key, true);
  }

  private setVisible(visible: boolean): boolean {
    this.visible = visible;
    if (!visible) this.ui.close(false);
    this.render();
    this.ui.announce(
      visible
        ? t('announceHighlightsShown', 'Myth Lens highlights shown')
        : t('announceHighlightsHidden', 'Myth Lens highlights hidden'),
    );
    return visible;
  }

  private state() {
    const all = this.kept();
    return {
      status: this.config === null ? 'unavailable' : this.config.active ? 'ready' : 'paused',
      host: location.hostname,
      visible: this.visible,
      asserted: all.filter((h) => h.stance === 'asserts').map(toPageFinding),
      refuted: all.filter((h) => h.stance === 'refutes').length,
    };
  }
}

function t(key: string, fallback: string): string {
  return translator(browser.i18n.getMessage, () => fallback)(key);
}
