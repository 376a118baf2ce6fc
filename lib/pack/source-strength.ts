/**
 * What sort of source each bibliography entry is, and how much weight it can
 * bear, in the plain words a reader sees (issue 14). The pack schema accepts
 * only these ids, so a new kind or level is added here, with its words, and
 * the README's scale is updated beside it. English like the rest of the
 * pack's text: the words reach the card and the popup through MythView, and
 * MYTHS.md through myths-doc.
 */

/** Kinds of source, roughly from most to least direct evidence; the order is only for the docs. */
export const SOURCE_KINDS = {
  'meta-analysis-of-trials': 'meta-analysis of randomised trials',
  'review-of-reviews': 'review of systematic reviews',
  'meta-analysis-of-observational-studies': 'meta-analysis of observational studies',
  'systematic-review': 'systematic review',
  'randomised-trial': 'single randomised trial',
  'clinical-trial': 'single clinical trial without a placebo group',
  reanalysis: "reanalysis of one study's data",
  'cohort-or-survey': 'cohort study or survey',
  'genetic-or-post-mortem': 'genetic or post-mortem study',
  'narrative-review': 'narrative review',
  'agency-page': 'health agency page',
  'opinion-or-reply': 'opinion or reply',
} as const;

export type SourceKind = keyof typeof SOURCE_KINDS;

/**
 * The strength scale, strongest first; the index is the rank. A source's
 * level says how much weight it can bear for what the pack cites it for, not
 * how good its authors are: see "How strong is each source" in the README.
 */
export const STRENGTHS = ['strong', 'moderate', 'limited', 'background'] as const;

export type Strength = (typeof STRENGTHS)[number];

/** Each level in plain words, as shown beside a source. */
export const STRENGTH_TEXT: Record<Strength, string> = {
  strong: 'strong evidence',
  moderate: 'moderate evidence',
  limited: 'limited evidence',
  background: 'background information',
};

/** What each level means, for the docs and for anyone assigning one. */
export const STRENGTH_MEANING: Record<Strength, string> = {
  strong:
    'many randomised trials, or a very large study, pooled with consistent results and no major caveat noted',
  moderate:
    'good evidence with clear limits: pooled studies with mixed quality or results, a large single randomised trial, or pooled observational studies',
  limited:
    'a single observational, small or early study, a narrative review, pooled trials rated very low certainty, or a finding that other researchers dispute',
  background:
    'a health agency summarising what is generally accepted; useful context, not a study itself',
};

export const SOURCE_KIND_IDS = Object.keys(SOURCE_KINDS) as SourceKind[];

/** The plain words for a kind id; an id this build does not know is shown as it came. */
export function kindText(kind: string): string {
  return (SOURCE_KINDS as Record<string, string>)[kind] ?? kind;
}

/** The plain words for a strength id; an id this build does not know is shown as it came. */
export function strengthText(strength: string): string {
  return (STRENGTH_TEXT as Record<string, string>)[strength] ?? strength;
}

/** 0 for the strongest level; an unknown level ranks after every known one. */
export function strengthRank(strength: string): number {
  const i = (STRENGTHS as readonly string[]).indexOf(strength);
  return i === -1 ? STRENGTHS.length : i;
}

/**
 * The items strongest first. Stable: sources of equal strength keep the order
 * the myth's author gave them, which is the order the correction uses them in.
 */
export function strongestFirst<T extends { strength: string }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => strengthRank(a.item.strength) - strengthRank(b.item.strength) || a.i - b.i)
    .map(({ item }) => item);
}
