import { browser } from 'wxt/browser';
import { translator } from '../../lib/translate';
import type { ContentScriptContext } from './script-context';
import { SETTINGS_KEY } from '../../lib/settings/settings-store';
import {
  dispatch,
  parseMessage,
  ToContentSchema,
  type Handlers,
  type ToContent,
  type ToContentReplies,
} from '../../lib/protocol';
import { CardActions } from './card-actions';
import { CardHost } from './card-host';
import { HitList } from './hit-list';
import { sendChange, sendToBackground } from './messaging';
import { listenToPage } from './page-signals';
import { Painter } from './painter';
import { ScanSession } from './scan-session';

/**
 * One page's Myth Lens, wired from its parts: the scan session (configuration,
 * scans, rescans), the hit list (what the person has not dismissed), the
 * painter, the card and its actions, and the requests the popup and the
 * background send. Each part is small enough to test on its own.
 */
export class PageController {
  private readonly painter = new Painter(document);
  private readonly ui = new CardHost();
  private readonly session: ScanSession;
  private readonly hits: HitList;
  private readonly card: CardActions;
  private visible = true;
  private stopped = false;

  private readonly handlers: Handlers<ToContent, ToContentReplies> = {
    command: (msg) =>
      msg.command === 'toggle-highlights' ? this.setVisible(!this.visible) : this.card.next(),
    setHighlightsVisible: (msg) => this.setVisible(msg.visible),
    focusFinding: (msg) => {
      this.setVisible(true);
      return this.card.open(msg.key, true);
    },
    getPageState: () => {
      const config = this.session.config;
      const status = config === null ? 'unavailable' : config.active ? 'ready' : 'paused';
      return this.hits.pageState(status, location.hostname, this.visible);
    },
    // Only the frame with a card open answers (undefined: no answer).
    describeCard: () => this.ui.describe() ?? undefined,
  };

  private readonly onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = parseMessage(ToContentSchema, message);
    return msg ? dispatch(this.handlers, msg) : undefined;
  };

  private readonly onStorage = (changes: Record<string, unknown>) => {
    if (SETTINGS_KEY in changes) void this.session.restart();
  };

  constructor(private readonly ctx: ContentScriptContext) {
    this.session = new ScanSession({
      ctx,
      config: () => sendToBackground(ctx, { type: 'getScanConfig' }),
      match: async (configVersion, sentences) => {
        const reply = await sendToBackground(ctx, {
          type: 'matchSentences',
          configVersion,
          sentences,
        });
        return reply && 'findings' in reply ? reply.findings : null;
      },
      isOurs: (n) => this.ui.isOurs(n),
      cleared: () => {
        this.painter.clear();
        this.ui.close(false);
      },
      scanned: async () => {
        const kept = this.hits.kept();
        this.render(kept);
        await this.report(kept);
      },
      root: () => document.body ?? document.documentElement,
    });
    this.hits = new HitList(() => this.session.hits());
    this.card = new CardActions({
      ui: this.ui,
      hits: this.hits,
      showRefutations: () => this.session.config?.showRefutations ?? false,
      getMyth: (mythId) => sendToBackground(ctx, { type: 'getMyth', mythId }),
      hideCategory: (category) => sendChange(ctx, { type: 'hideCategory', category }),
      reportNotMyth: (mythId, sentence) =>
        sendChange(ctx, { type: 'reportNotMyth', mythId, sentence }),
      dismissed: () => {
        const kept = this.hits.kept();
        this.render(kept);
        void this.report(kept);
      },
      show: () => {
        if (!this.visible) this.setVisible(true);
      },
      stopped: () => this.stopped,
      reducedMotion: () => matchMedia('(prefers-reduced-motion: reduce)').matches,
      t,
    });
  }

  async start(): Promise<void> {
    browser.runtime.onMessage.addListener(this.onMessage);
    browser.storage.onChanged.addListener(this.onStorage);
    listenToPage(this.ctx, {
      click: (e) => this.onClick(e),
      locationChange: () => void this.session.restart(),
      hide: () => void sendToBackground(this.ctx, { type: 'pageFindings', items: [] }),
      shownFromCache: () => void this.report(),
    });
    await this.session.restart();
  }

  stop(): void {
    this.stopped = true;
    this.session.stop();
    browser.runtime.onMessage.removeListener(this.onMessage);
    browser.storage.onChanged.removeListener(this.onStorage);
    this.painter.clear();
    this.ui.destroy();
  }

  /** Paints `kept` (the hits not dismissed, read once per scan by the caller). */
  private render(kept = this.hits.kept()): void {
    const config = this.session.config;
    if (!config) return;
    this.painter.paint(kept, {
      style: config.highlightStyle,
      showRefutations: config.showRefutations,
      visible: this.visible,
    });
  }

  private async report(kept = this.hits.kept()): Promise<void> {
    await sendToBackground(this.ctx, { type: 'pageFindings', items: this.hits.summaries(kept) });
  }

  private onClick(e: MouseEvent): void {
    if (!this.visible || !this.session.running || this.ui.isOurs(e.target as Node)) return;
    const key = this.painter.hitAt(e.clientX, e.clientY);
    if (key === null) {
      if (this.ui.isOpen) this.ui.close(false);
      return;
    }
    void this.card.open(key, false);
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
}

function t(key: string, fallback: string): string {
  return translator(browser.i18n.getMessage, () => fallback)(key);
}
