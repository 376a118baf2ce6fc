import type { Pack } from '../pack/pack';
import type { Myth } from '../pack/pack-schema';
import { mythsInDocOrder } from './myths-doc';

/**
 * The pack as schema.org ClaimReview JSON-LD, so fact-check aggregators can
 * read the corrections. Each review points at the myth's anchor in MYTHS.md,
 * which is the public page the review lives on.
 * https://schema.org/ClaimReview
 * https://developers.google.com/search/docs/appearance/structured-data/factcheck
 */

/**
 * Where MYTHS.md is published. The project has no site yet; `.invalid` is a
 * reserved top-level domain (RFC 2606), so this placeholder can never point at
 * someone else's page. Pass `--base` to the export script once it has a home.
 */
export const DEFAULT_DOCS_URL = 'https://myth-lens.invalid/MYTHS.md';

/** Google asks for claimReviewed "less than 75 characters" so it does not wrap on phones. */
export const CLAIM_REVIEWED_MAX = 74;

export type RatingName = 'False' | 'Misleading';

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  reviewBody: string;
  datePublished: string;
  author: { '@type': 'Organization'; name: 'Myth Lens'; url: string };
  itemReviewed: { '@type': 'Claim'; author: { '@type': 'Organization'; name: string } };
  reviewRating: {
    '@type': 'Rating';
    ratingValue: number;
    bestRating: number;
    worstRating: number;
    alternateName: RatingName;
  };
}

/**
 * A verdict that concedes something before correcting it ("Exercise helps many
 * people, but it is not a cure on its own") marks a claim with a true core:
 * "Misleading". Any other verdict flatly rejects the claim: "False". A rule on
 * the verdict's words keeps the rating in the data the authors already write,
 * with no new pack field. Only verb forms of "help" count ("the right help"
 * concedes nothing), and "partly" is left out: verdicts use it as "partly
 * because".
 */
const TRUE_CORE =
  /,\s*(but|yet)\b|\b(although|though|helps|can help|may help|on (its|their) own|alone)\b/i;

/** The rating name for one myth, read from its verdict. */
export function ratingName(myth: Pick<Myth, 'verdict'>): RatingName {
  return TRUE_CORE.test(myth.verdict) ? 'Misleading' : 'False';
}

/** The claim cut on a word boundary to fit `max` characters, ending in "…" when cut. */
export function shortenClaim(claim: string, max = CLAIM_REVIEWED_MAX): string {
  const text = claim.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1); // one character left for the ellipsis
  const endsOnWord = /\s/.test(text[max - 1] ?? '');
  const whole = endsOnWord ? room : room.slice(0, Math.max(room.lastIndexOf(' '), 0));
  // A first word longer than the room is cut mid-word rather than leaving nothing.
  const kept = whole.trim() || room;
  return `${kept.replace(/[\s,;:.!?–—-]+$/, '')}…`;
}

/**
 * The reviews' publication date: the earliest changelog date, when the pack
 * (and so every review in it) was first published. The pack records no
 * per-myth date, and inventing one would be worse than this approximation.
 */
function firstPublished(pack: Pack): string {
  const dates = pack.meta.changelog.map((c) => c.date).sort();
  const first = dates[0];
  if (!first || !/^\d{4}-\d{2}-\d{2}$/.test(first)) {
    throw new Error(`content/pack.json: changelog date "${first ?? ''}" must be YYYY-MM-DD`);
  }
  return first;
}

/** An absolute https URL without a fragment; anything else would make every review's url invalid. */
export function docsUrl(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`The docs URL "${base}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:') throw new Error(`The docs URL "${base}" must use https`);
  url.hash = '';
  return url.href;
}

/** One ClaimReview per myth, in MYTHS.md order; `base` is where MYTHS.md is published. */
export function toClaimReviews(pack: Pack, base: string = DEFAULT_DOCS_URL): ClaimReview[] {
  const page = docsUrl(base);
  const datePublished = firstPublished(pack);
  return mythsInDocOrder(pack).map((myth) => ({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${page}#${myth.id}`,
    claimReviewed: shortenClaim(myth.claim),
    reviewBody: myth.correction,
    datePublished,
    author: { '@type': 'Organization', name: 'Myth Lens', url: page },
    // A myth has no single author; it is what many people repeat.
    itemReviewed: { '@type': 'Claim', author: { '@type': 'Organization', name: 'Common belief' } },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: ratingName(myth),
    },
  }));
}
