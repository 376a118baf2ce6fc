import { ConceptMatcher, type ConceptLexicon } from './concepts';
import {
  analyse,
  featuresOf,
  STANCE_CONCEPTS,
  type Analysis,
  type SentenceContext,
} from './features';

/**
 * The learned part of the detector: two linear models over the features of
 * features.ts, trained by `npm run train` on real labelled text and shipped
 * as numbers in content/language/en/scorer.json. One gives the probability that a
 * sentence asserts a myth in earnest; the other which category of myth it
 * is about. Rules a reader uses (a "Myth:" marker next to the sentence, a
 * belief reported as history, a list under a "myths" heading) are applied on
 * top, in context-rules.ts.
 */

export interface ScorerModel {
  /** Probability at or above which a sentence is flagged. */
  threshold: number;
  /** Weights of the assert model, by feature. */
  assert: Record<string, number>;
  categories: string[];
  /** Weights of the category model: one number per category, by feature. */
  category: Record<string, number[]>;
}

export interface Score {
  /** Probability that the sentence asserts a myth. */
  p: number;
  category: string;
  /** Every category, likeliest first. */
  ranked: string[];
  /** The concepts that pushed the score up most, strongest first. */
  why: string[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Analyses kept per scorer; a page's worth of sentences and their neighbours. */
const ANALYSIS_CACHE = 4000;

export class Scorer {
  readonly matcher: ConceptMatcher;
  /** The pack's own keywords, one concept per category: `kw:` features. */
  private readonly keywords: ConceptMatcher | null;
  private readonly analyses = new Map<string, Analysis>();

  constructor(
    readonly lexicon: ConceptLexicon,
    readonly model: ScorerModel,
    keywordsByCategory?: Record<string, string[]>,
  ) {
    this.matcher = new ConceptMatcher(lexicon);
    this.keywords = keywordsByCategory
      ? new ConceptMatcher({ topics: [], concepts: keywordsByCategory })
      : null;
  }

  /** The feature strings of a sentence in its context, as the models read them. */
  features(text: string, a: Analysis, ctx: SentenceContext = {}): string[] {
    const feats = featuresOf(this.matcher, a, text, ctx, (t) => this.analyse(t));
    if (this.keywords) {
      const seen = new Set<string>();
      for (const h of this.keywords.match(a.words)) seen.add(h.concept);
      for (const c of seen) feats.push(`kw:${c}`);
    }
    return feats;
  }

  /**
   * Words and concepts of a text, kept: each sentence of a page is read again
   * as the next sentence's `prev` and the previous one's `next`.
   */
  analyse(text: string): Analysis {
    let a = this.analyses.get(text);
    if (!a) {
      a = analyse(this.matcher, text);
      if (this.analyses.size >= ANALYSIS_CACHE) this.analyses.clear();
      this.analyses.set(text, a);
    }
    return a;
  }

  /**
   * Whether the sentence names a topic concept (depression, medication,
   * trauma...), and not in a near-miss sense ("a tropical depression").
   */
  hasTopic(a: Analysis): boolean {
    if (a.concepts.has('NEAR_MISS')) return false;
    for (const c of a.concepts) if (this.matcher.topics.has(c)) return true;
    return false;
  }

  score(text: string, a: Analysis, ctx: SentenceContext = {}): Score {
    const feats = this.features(text, a, ctx);
    const { assert, category, categories } = this.model;
    let z = 0;
    const pushes = new Map<string, number>();
    const totals = categories.map(() => 0);
    for (const f of feats) {
      const w = assert[f];
      if (w !== undefined) {
        z += w;
        if (w > 0 && (f.startsWith('c:') || f.startsWith('cc:'))) {
          for (const c of f.slice(f.indexOf(':') + 1).split('+'))
            if (!STANCE_CONCEPTS.has(c)) pushes.set(c, (pushes.get(c) ?? 0) + w);
        }
      }
      const cw = category[f];
      if (cw) for (let i = 0; i < totals.length; i++) totals[i]! += cw[i] ?? 0;
    }
    const order = categories.map((_, i) => i).sort((x, y) => totals[y]! - totals[x]!);
    const why = [...pushes.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([c]) => c);
    const ranked = order.map((i) => categories[i]!);
    return { p: sigmoid(z), category: ranked[0] ?? '', ranked, why };
  }
}

/** A myth's keywords as the concept matcher reads them: lower case, no wildcard. */
export function plainKeywords(myth: { keywords: readonly string[] }): string[] {
  return myth.keywords.map((k) => k.toLowerCase().replace(/[*]/g, '').trim()).filter(Boolean);
}

/** The pack's keywords by category, as the scorer's `kw:` features read them. */
export function categoryKeywords(pack: {
  myths: readonly { category: string; keywords: readonly string[] }[];
}): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of pack.myths) {
    const list = (out[m.category] ??= []);
    for (const w of plainKeywords(m)) if (!list.includes(w)) list.push(w);
  }
  return out;
}
