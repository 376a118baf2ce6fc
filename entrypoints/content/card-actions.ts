import type { Hit } from '../../lib/page/page-scan';
import type { MythView } from '../../lib/pack/myth-view';
import type { CardHost } from './card-host';
import type { HitList } from './hit-list';

/** What the card needs from the rest of the content script. */
export interface CardActionDeps {
  ui: Pick<CardHost, 'open' | 'announce'>;
  hits: HitList;
  showRefutations: () => boolean;
  getMyth: (mythId: string) => Promise<MythView | null>;
  /** Each resolves to why the background refused the change, or null once stored. */
  hideCategory: (category: string) => Promise<string | null>;
  reportNotMyth: (mythId: string, sentence: string) => Promise<string | null>;
  /** The person dismissed a hit: repaint and report the new counts. */
  dismissed: () => void;
  /** Makes highlights visible (a jump to a hit shows them again). */
  show: () => void;
  /** Whether the script was stopped meanwhile, so a late answer opens nothing. */
  stopped: () => boolean;
  reducedMotion: () => boolean;
  t: (key: string, fallback: string) => string;
}

/**
 * Opens the card for a hit (a click, the popup's list, the next-finding
 * command) and carries out what its buttons ask.
 */
export class CardActions {
  private lastKey = 0;

  constructor(private readonly deps: CardActionDeps) {}

  /** Opens the card for the hit with this key; false when there is no such hit to open. */
  async open(key: number, scroll: boolean): Promise<boolean> {
    const d = this.deps;
    const hit = d.hits.openable(d.showRefutations()).find((h) => h.key === key);
    if (!hit) return false;
    this.lastKey = key;
    if (scroll) {
      const el = hit.range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', behavior: d.reducedMotion() ? 'auto' : 'smooth' });
    }
    const myth = await d.getMyth(hit.mythId);
    if (!myth || d.stopped()) return false;
    d.ui.open({
      myth,
      stance: hit.stance,
      anchor: () => hit.range.getBoundingClientRect(),
      onHideCategory: (category) => d.hideCategory(category),
      onNotAMyth: () => this.notAMyth(hit),
    });
    return true;
  }

  /** The next-finding command: the hit after the last one opened, wrapping round. */
  next(): Promise<boolean> | boolean {
    const d = this.deps;
    const hit = d.hits.nextAfter(this.lastKey, d.showRefutations());
    if (!hit) {
      d.ui.announce(d.t('announceNoFindings', 'Myth Lens found nothing to note on this page.'));
      return false;
    }
    d.show();
    return this.open(hit.key, true);
  }

  private notAMyth(hit: Hit): Promise<string | null> {
    this.deps.hits.dismiss(hit);
    this.deps.dismissed();
    return this.deps.reportNotMyth(hit.mythId, hit.sentence);
  }
}
