import type { HitSummary, PageState } from '../../lib/protocol';
import type { Hit } from '../../lib/page/page-scan';

/** A dismissal survives rescans: it names the myth and the sentence, not a key. */
function dismissKey(h: Hit): string {
  return `${h.mythId}\u0000${h.sentence}`;
}

/** A hit as the popup lists it and the badge counts it. */
export function toHitSummary(h: Hit): HitSummary {
  const { key, mythId, category, stance } = h;
  return { key, mythId, category, stance, text: h.text.slice(0, 300) };
}

/**
 * The page's hits as the person sees them: what the scanner found, less what
 * they marked "not a myth here". One place for the filter that the painter,
 * the popup's list, the badge and the next-finding command all read.
 */
export class HitList {
  private readonly dismissed = new Set<string>();

  /** `found` reads the scanner's current hits, in document order. */
  constructor(private readonly found: () => Hit[]) {}

  /** Every hit the person has not dismissed, of either stance. */
  kept(): Hit[] {
    return this.found().filter((h) => !this.dismissed.has(dismissKey(h)));
  }

  /** The hits a person can open: asserting ones, and refuting ones only when shown. */
  openable(showRefutations: boolean): Hit[] {
    return this.kept().filter((h) => h.stance === 'asserts' || showRefutations);
  }

  dismiss(hit: Hit): void {
    this.dismissed.add(dismissKey(hit));
  }

  /** The first openable hit after `key` in document order, wrapping round; null when none. */
  nextAfter(key: number, showRefutations: boolean): Hit | null {
    const list = this.openable(showRefutations);
    return list.find((h) => h.key > key) ?? list[0] ?? null;
  }

  /** What the badge and the popup's list are told after a scan (at most 1000 items). */
  summaries(kept = this.kept()): HitSummary[] {
    return kept.slice(0, 1000).map(toHitSummary);
  }

  /** The popup's view of this frame. */
  pageState(status: PageState['status'], host: string, visible: boolean): PageState {
    const all = this.kept();
    return {
      status,
      host,
      visible,
      asserted: all
        .filter((h) => h.stance === 'asserts')
        .slice(0, 1000)
        .map(toHitSummary),
      refuted: all.filter((h) => h.stance === 'refutes').length,
    };
  }
}
