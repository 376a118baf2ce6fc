import { ConceptMatcher } from './concepts';
import { mentionReason } from './context-rules';
import { STANCE_CONCEPTS, type Analysis, type SentenceContext } from './features';
import type { Pack } from '../pack/pack';
import type { Myth } from '../pack/pack-schema';
import { PRONOUN_START } from '../prefilter/prefilter';
import { Scorer, categoryKeywords, plainKeywords } from './scorer';
import type { Finding } from '../nlp/sentence-match';

/**
 * The decision for one sentence in its page: the topic gate, the learned
 * score, the context rules, and which myth it is. A finding says which myth
 * and why (the concepts that carried the score, or the context rule that made
 * it a mention). The compromise pattern stage is asked only about sentences
 * the scorer flags, so text about depression stays cheap.
 */

export interface Judgement {
  /** Probability that the sentence asserts a myth; 0 when it was not read. */
  p: number;
  /** The same, read without its neighbours (only when `p` is below the caller's floor). */
  pAlone: number;
  category: string;
  /** Every category, likeliest first. */
  ranked: string[];
  why: string[];
  /** Why the sentence is a mention, when a context rule says so. */
  mention: string | null;
  /** The sentence denies one of its content concepts, or calls something a myth. */
  denies: boolean;
}

/**
 * A sentence about depression itself that denies one of its content concepts
 * ("depression is not laziness", "exercise isn't a cure for depression") or
 * calls something a myth.
 */
function denies(a: Analysis): boolean {
  if (!a.concepts.has('DEPRESSION') && !a.concepts.has('MENTAL')) return false;
  if (a.concepts.has('MYTH_MARKER')) return true;
  const negations = a.hits.filter((h) => h.concept === 'NEGATION').map((h) => h.from);
  return a.hits.some(
    (h) => !STANCE_CONCEPTS.has(h.concept) && negations.some((n) => n < h.from && h.from - n <= 4),
  );
}

export class Judge {
  readonly scorer: Scorer;
  private readonly keywords: ConceptMatcher;
  private readonly mythsByCategory = new Map<string, Myth[]>();

  constructor(pack: Pack, enabled: readonly Myth[]) {
    if (!pack.scorer) throw new Error('the pack has no scorer: run `npm run train`');
    this.scorer = new Scorer(pack.concepts, pack.scorer, categoryKeywords(pack));
    const byId: Record<string, string[]> = {};
    for (const m of enabled) {
      byId[m.id.toUpperCase().replace(/-/g, '_')] = plainKeywords(m);
      const list = this.mythsByCategory.get(m.category) ?? [];
      list.push(m);
      this.mythsByCategory.set(m.category, list);
    }
    this.keywords = new ConceptMatcher({ topics: [], concepts: byId });
  }

  get threshold(): number {
    return this.scorer.model.threshold;
  }

  /** Whether the sentence is read at all: it names a topic, or "it"/"this" follows one. */
  gated(text: string, ctx: SentenceContext, a: Analysis = this.scorer.analyse(text)): boolean {
    if (this.scorer.hasTopic(a)) return true;
    return (
      !!ctx.prev &&
      !!ctx.prevInBlock &&
      PRONOUN_START.test(text) &&
      this.scorer.hasTopic(this.scorer.analyse(ctx.prev))
    );
  }

  /**
   * The judgement of one sentence in its context. `floor`: the caller only
   * needs `pAlone` when `p` is below it, so above it `pAlone` is `p`.
   */
  judge(text: string, ctx: SentenceContext, floor = 1): Judgement | null {
    const a = this.scorer.analyse(text);
    if (!this.gated(text, ctx, a)) return null;
    const s = this.scorer.score(text, a, ctx);
    const pAlone = (ctx.prev || ctx.next) && s.p < floor ? this.scorer.score(text, a, {}).p : s.p;
    return {
      p: s.p,
      pAlone,
      category: s.category,
      ranked: s.ranked,
      why: s.why,
      mention: mentionReason(text, ctx),
      denies: denies(a),
    };
  }

  /**
   * For a text a person asks about (the popup), without the topic gate: its
   * category, when it names at least two content concepts ("snap out of it,
   * you're just lazy"), none of them a near miss. Null otherwise.
   */
  judgeUngated(text: string): { p: number; category: string } | null {
    const a = this.scorer.analyse(text);
    if (a.concepts.has('NEAR_MISS')) return null;
    const content = [...a.concepts].filter((c) => !STANCE_CONCEPTS.has(c));
    if (content.length < 2) return null;
    const s = this.scorer.score(text, a, {});
    return { p: s.p, category: s.category };
  }

  /** The enabled myth of the judged category whose keywords the sentence shares most. */
  pickMyth(text: string, category: string): Myth | null {
    const candidates = this.mythsByCategory.get(category);
    if (!candidates || candidates.length === 0) return null;
    const counts = new Map<string, number>();
    for (const h of this.keywords.match(this.scorer.analyse(text).words))
      counts.set(h.concept, (counts.get(h.concept) ?? 0) + 1);
    let best = candidates[0]!;
    let bestCount = -1;
    for (const m of candidates) {
      const c = counts.get(m.id.toUpperCase().replace(/-/g, '_')) ?? 0;
      if (c > bestCount) {
        best = m;
        bestCount = c;
      }
    }
    return best;
  }

  /** A whole-sentence finding for a myth, without trailing punctuation. */
  static finding(text: string, myth: Myth, stance: Finding['stance'], why: string[]): Finding {
    let end = text.length;
    while (end > 0 && /[\s.,;:!?…"'”’)\]]/.test(text[end - 1] ?? '')) end--;
    let start = 0;
    while (start < end && /[\s"'“‘([]/.test(text[start] ?? '')) start++;
    return {
      mythId: myth.id,
      category: myth.category,
      stance,
      start,
      end,
      text: text.slice(start, end),
      why,
    };
  }
}
