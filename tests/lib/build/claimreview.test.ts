import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  CLAIM_REVIEWED_MAX,
  DEFAULT_DOCS_URL,
  docsUrl,
  ratingName,
  shortenClaim,
  toClaimReviews,
} from '../../../lib/build/claimreview';
import type { Pack } from '../../../lib/pack/pack';
import { packFromDisk } from '../../../scripts/lib/pack-from-disk';
import { minimalPack } from '../../helpers/minimal-pack';

const pack = minimalPack();

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1));
const httpsUrl = v.pipe(v.string(), v.url(), v.startsWith('https://'));

/**
 * What schema.org and Google's fact-check guidelines require of a ClaimReview
 * (https://developers.google.com/search/docs/appearance/structured-data/factcheck).
 * Written independently of lib/build/claimreview.ts so the two check each other.
 */
const RequiredClaimReview = v.looseObject({
  '@context': v.literal('https://schema.org'),
  '@type': v.literal('ClaimReview'),
  claimReviewed: v.pipe(nonEmpty, v.maxLength(74, 'claimReviewed must be under 75 characters')),
  reviewRating: v.pipe(
    v.looseObject({
      '@type': v.literal('Rating'),
      ratingValue: v.number(),
      bestRating: v.number(),
      worstRating: v.number(),
      alternateName: nonEmpty,
    }),
    v.check(
      (r) => r.worstRating <= r.ratingValue && r.ratingValue <= r.bestRating,
      'ratingValue must lie between worstRating and bestRating',
    ),
  ),
  itemReviewed: v.looseObject({ '@type': v.literal('Claim') }),
  author: v.looseObject({ '@type': v.picklist(['Organization', 'Person']), name: nonEmpty }),
  url: httpsUrl,
  datePublished: v.pipe(v.string(), v.isoDate()),
});

function expectValid(reviews: unknown[]): void {
  for (const review of reviews) {
    const result = v.safeParse(RequiredClaimReview, review);
    const problems = result.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`) ?? [];
    expect(problems, JSON.stringify(review)).toEqual([]);
  }
}

describe('the required-fields schema', () => {
  it('rejects what Google would reject, so a pass means something', () => {
    const [good] = toClaimReviews(pack);
    const bad = [
      { ...good, claimReviewed: 'x'.repeat(75) },
      { ...good, url: 'http://example.org/MYTHS.md#a' },
      { ...good, reviewRating: { ...good!.reviewRating, ratingValue: 6 } },
      { ...good, itemReviewed: { '@type': 'CreativeWork' } },
      { ...good, author: { '@type': 'Organization', name: ' ' } },
    ];
    for (const review of bad) expect(v.is(RequiredClaimReview, review)).toBe(false);
  });
});

describe('toClaimReviews', () => {
  it('gives the minimal pack one valid review per myth, pointing at its MYTHS.md anchor', () => {
    const reviews = toClaimReviews(pack);
    expectValid(reviews);
    expect(reviews.map((r) => r.url)).toEqual([
      `${DEFAULT_DOCS_URL}#depression-is-laziness`,
      `${DEFAULT_DOCS_URL}#exercise-cures-depression`,
    ]);
    expect(reviews[0]).toMatchObject({
      claimReviewed: 'Depression is laziness.',
      reviewBody: pack.myths.find((m) => m.id === 'depression-is-laziness')!.correction,
      datePublished: '2026-11-26',
      author: { '@type': 'Organization', name: 'Myth Lens', url: DEFAULT_DOCS_URL },
    });
  });

  it('gives the real pack valid reviews', () => {
    const real = packFromDisk();
    const reviews = toClaimReviews(real);
    expect(reviews).toHaveLength(real.myths.length);
    expectValid(reviews);
  });

  it('uses the given base and the earliest changelog date', () => {
    const later: Pack = {
      ...pack,
      meta: {
        ...pack.meta,
        changelog: [{ version: '0.0.2', date: '2027-01-02', notes: 'x' }, ...pack.meta.changelog],
      },
    };
    const [review] = toClaimReviews(later, 'https://example.org/docs/MYTHS.md#old');
    expect(review?.url).toBe('https://example.org/docs/MYTHS.md#depression-is-laziness');
    expect(review?.datePublished).toBe('2026-11-26');
  });

  it('refuses a base that would make every url invalid', () => {
    expect(() => toClaimReviews(pack, 'http://example.org/MYTHS.md')).toThrow('must use https');
    expect(() => toClaimReviews(pack, 'MYTHS.md')).toThrow('not an absolute URL');
  });

  it('refuses a changelog date that is not YYYY-MM-DD', () => {
    const odd: Pack = {
      ...pack,
      meta: { ...pack.meta, changelog: [{ version: '0.0.1', date: 'late 2026', notes: 'x' }] },
    };
    expect(() => toClaimReviews(odd)).toThrow('must be YYYY-MM-DD');
  });
});

describe('shortenClaim', () => {
  it('keeps a short claim as it is', () => {
    expect(shortenClaim('Depression is laziness.')).toBe('Depression is laziness.');
    expect(shortenClaim('x'.repeat(CLAIM_REVIEWED_MAX))).toHaveLength(CLAIM_REVIEWED_MAX);
  });

  it('cuts a long claim on a word boundary and marks the cut', () => {
    const claim =
      'If you just exercised more, ate better and went outside, your depression would go away for good.';
    const short = shortenClaim(claim);
    expect(short.length).toBeLessThanOrEqual(CLAIM_REVIEWED_MAX);
    expect(short).toBe('If you just exercised more, ate better and went outside, your depression…');
    expect(claim.startsWith(short.slice(0, -1))).toBe(true);
  });

  it('keeps a last word that ends exactly at the limit', () => {
    expect(shortenClaim('aaaa bbbb cccc', 10)).toBe('aaaa bbbb…');
  });

  it('cuts a single overlong word rather than returning nothing', () => {
    expect(shortenClaim('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('ratingName', () => {
  it.each([
    ['Exercise helps many people, but it is not a cure on its own.', 'Misleading'],
    ['Sunlight can help mood, yet it does not treat depression.', 'Misleading'],
    ['Depression is an illness, not a lack of effort.', 'False'],
    ['Depression is a medical condition and nobody chooses it.', 'False'],
    ['Depression is treatable, even if finding the right help takes time.', 'False'],
    ['Willpower rarely lifts it, partly because the illness saps focus.', 'False'],
  ])('%s → %s', (verdict, name) => {
    expect(ratingName({ verdict })).toBe(name);
  });
});

describe('docsUrl', () => {
  it('drops a fragment so each review can add its own', () => {
    expect(docsUrl('https://example.org/MYTHS.md#top')).toBe('https://example.org/MYTHS.md');
  });
});
