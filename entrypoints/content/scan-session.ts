import type { Finding } from '../../lib/nlp/sentence-match';
import { PageScanner, type CandidateSentence, type Hit } from '../../lib/page/page-scan';
import { blockElementOf } from '../../lib/page/text-blocks';
import { Prefilter } from '../../lib/prefilter/prefilter';
import type { ScanConfig } from '../../lib/scan-config';
import { yieldToPage } from './messaging';
import { MutationBatcher } from './mutations';
import type { ContentScriptContext } from './script-context';

export interface ScanSessionDeps {
  ctx: ContentScriptContext;
  /** The background's scan configuration for this page, or null when it did not answer. */
  config: () => Promise<ScanConfig | null>;
  /** Stage two for a batch under this configuration; null when it changed meanwhile. */
  match: (version: string, sentences: CandidateSentence[]) => Promise<Finding[][] | null>;
  /** Nodes of Myth Lens's own (the card), never read or rescanned. */
  isOurs: (node: Node) => boolean;
  /** Everything found so far was dropped (a restart): unpaint it and close the card. */
  cleared: () => void;
  /** A scan or rescan finished with these hits: paint them and report the counts. */
  scanned: () => Promise<void>;
  root: () => Element;
}

/**
 * The scan's life on one page: the configuration it runs under, the first
 * scan, and rescans of the blocks that change. Each restart starts a new
 * generation, and work of an older generation stops at its next check, so
 * an answer for old settings or an old page is never painted.
 */
export class ScanSession {
  private current: ScanConfig | null = null;
  private scanner: PageScanner | null = null;
  private generation = 0;
  private stopped = false;
  /** The scan running now; rescans queue behind it so two scans never fill one block twice. */
  private scanning: Promise<unknown> = Promise.resolve();
  private readonly mutations: MutationBatcher;

  constructor(private readonly deps: ScanSessionDeps) {
    this.mutations = new MutationBatcher(deps.ctx, deps.isOurs, (nodes) => void this.rescan(nodes));
  }

  /** The configuration of the last restart; null before the background answered. */
  get config(): ScanConfig | null {
    return this.current;
  }

  /** Whether a scan runs on this page (active, with a prefilter). */
  get running(): boolean {
    return this.scanner !== null;
  }

  /** Every current hit, in document order. */
  hits(): Hit[] {
    return this.scanner?.all() ?? [];
  }

  /** Starts over: new settings, a new page in a single-page app, or first load. */
  async restart(): Promise<void> {
    const gen = ++this.generation;
    const cancelled = () => gen !== this.generation || this.stopped;
    this.mutations.stop();
    this.scanner?.reset();
    this.deps.cleared();
    const config = await this.deps.config();
    if (cancelled()) return;
    this.current = config;
    if (!config?.active || !config.prefilter) {
      this.scanner = null;
      await this.deps.scanned();
      return;
    }
    const version = config.configVersion;
    const prefilter = new Prefilter(config.prefilter);
    // The expressions' compile in a task of its own, then the page has a turn.
    prefilter.warm();
    await yieldToPage();
    if (cancelled()) return;
    this.scanner = new PageScanner({
      prefilter,
      match: (sentences) => this.deps.match(version, sentences),
      exclude: (el) => this.deps.isOurs(el),
      yieldNow: yieldToPage,
    });
    const root = this.deps.root();
    // Watch before reading, not after: text a page adds while the first scan
    // is under way (it awaits the background between batches) used to fall
    // between the scan and the observer and was never highlighted.
    this.mutations.start(root);
    const scan = this.scanner.scan(root, cancelled);
    this.scanning = scan;
    if (!(await scan)) return;
    await this.deps.scanned();
  }

  /** Rescans the blocks that hold changed nodes, once the scan before it is done. */
  rescan(nodes: Node[]): Promise<void> {
    const gen = this.generation;
    const run = this.scanning.then(() =>
      gen === this.generation ? this.rescanBlocks(nodes) : undefined,
    );
    this.scanning = run.catch(() => undefined);
    return run;
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    this.mutations.stop();
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
    await this.deps.scanned();
  }
}
