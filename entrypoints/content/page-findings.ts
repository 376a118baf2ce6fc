import type { PageFinding } from '../../lib/messages';
import type { PageHit } from '../../lib/page/page-scan';

/** A dismissal survives rescans: it names the myth and the sentence, not a key. */
export function dismissKey(h: PageHit): string {
  return `${h.mythId}\u0000${h.sentence}`;
}

/** A finding as the popup lists it and the badge counts it. */
export function toPageFinding(h: PageHit): PageFinding {
  const { key, mythId, category, stance } = h;
  return { key, mythId, category, stance, text: h.text.slice(0, 300) };
}
