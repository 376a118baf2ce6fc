import type { Pack } from '../pack/pack';
import {
  parsePattern,
  patternAnchors,
  patternHasNegation,
  type ParsedPattern,
} from './pattern-anchors';
import { Prefilter, type CompiledPrefilter } from '../prefilter/prefilter';
import { compilePrefilter, planPattern, type PatternPlan } from '../prefilter/prefilter-compile';
import { ConceptMatcher } from '../judge/concepts';
import type { SentenceContext } from '../judge/features';
import { Judge } from '../judge/judge';
import { mentionReason } from '../judge/context-rules';
import { sentencesInContext, type PageBlock } from '../judge/page-context';
import { splitSentences } from '../text/sentences';
import { matchSentence, type CompiledPattern, type Finding } from './sentence-match';
import { compileStance } from './stance';
import { WordRarity } from '../prefilter/word-rarity';

export type { Finding } from './sentence-match';

/**
 * The engine every surface uses. Stage one (the prefilter) picks candidate
 * sentences with one regular-expression pass; stage two runs compromise on
 * those sentences only, then decides stance. `scan` and `matchSentence` are
 * separate so the content script can run stage one and hand candidates over.
 */

export interface FindingInText extends Finding {
  sentence: string;
}

export interface FindingInBlock extends FindingInText {
  /** Index of the block it is in; offsets are into that block. */
  block: number;
}

export interface DetectorOptions {
  /** Categories to look for; all when omitted. */
  categories?: Iterable<string>;
  /** Single myths switched off. */
  disabledMyths?: Iterable<string>;
  /** Send every sentence to compromise: the slow reference the prefilter is tested against. */
  skipPrefilter?: boolean;
}

export interface Detector {
  /** Plain JSON: what the content script needs to run stage one by itself. */
  readonly prefilter: CompiledPrefilter;
  readonly patternCount: number;
  /** Findings in one block of text, offsets into it. */
  scan(text: string): FindingInText[];
  /** Findings on a page of blocks, each sentence judged with its neighbours and heading. */
  scanPage(blocks: readonly PageBlock[]): FindingInBlock[];
  /**
   * Stage two for one sentence in its context; `patterns` are the prefilter's
   * candidate ids (all when omitted).
   */
  matchSentence(sentence: string, patterns?: readonly number[], ctx?: SentenceContext): Finding[];
  /**
   * Which myth a text is most about, by the scorer's category model, whether
   * or not it asserts it; null without a scorer, or when the text names
   * neither a topic word nor two content concepts.
   */
  classify(text: string): { mythId: string; category: string; p: number } | null;
}

const CACHE_LIMIT = 2000;

/**
 * Scores below this never reach the compromise patterns: the scorer is sure
 * enough there that a pattern could only be wrong. Plain textbook myths score
 * low (the corpus quotes them in refutations), so the floor is kept low.
 */
const PATTERN_FLOOR = 0.15;

/**
 * How many of the scorer's likeliest categories have their patterns tried.
 * Three, not two: a neighbour about another myth can push a sentence's own
 * category to third ("…are just in their heads" after a line about pills).
 */
const LIKELY_CATEGORIES = 3;

/** Compiles the pack once for the enabled categories and myths. */
export function compileDetector(pack: Pack, options: DetectorOptions = {}): Detector {
  const wanted = options.categories ? new Set(options.categories) : null;
  const off = new Set(options.disabledMyths ?? []);
  const negationWords = new Set(pack.stance.negations);
  // The build's parses and plans when it made them (see precompiled.ts), else live ones.
  const pre = pack.precompiled;
  const parse = (source: string): ParsedPattern => pre?.regs[source] ?? parseOnce(source);
  const plan = (source: string, regs: ParsedPattern): PatternPlan =>
    pre?.plans[source] ?? planPattern(patternAnchors(regs), rarityOf(pack));
  const patterns: CompiledPattern[] = [];
  const plans: PatternPlan[] = [];
  const shared = pack.stance.exceptions.map(parse);
  const exceptions = new Map<string, ParsedPattern[]>();
  for (const myth of pack.myths) {
    if ((wanted && !wanted.has(myth.category)) || off.has(myth.id)) continue;
    for (const source of myth.patterns) {
      const regs = parse(source);
      const ownNegations = patternHasNegation(regs, negationWords) ? 1 : 0;
      patterns.push({ myth, source, regs, ownNegations });
      plans.push(plan(source, regs));
    }
    exceptions.set(myth.id, [...shared, ...myth.exceptions.map(parse)]);
  }
  const enabled = pack.myths.filter((m) => !(wanted && !wanted.has(m.category)) && !off.has(m.id));
  const judge = pack.scorer ? new Judge(pack, enabled) : null;
  const topic = judge ? new ConceptMatcher(pack.concepts).topicRegexSource(pack.concepts) : null;
  const prefilter = compilePrefilter(plans, topic);
  const runner = new Prefilter(prefilter);
  const stance = compileStance(pack.stance, parse);
  const all = patterns.map((_, i) => i);
  // Rescans of a changing page see the same sentences again; remember them.
  const cache = new Map<string, Finding[]>();

  const byPatterns = (sentence: string, ids: readonly number[]): Finding[] => {
    const chosen = ids.map((i) => patterns[i]).filter((p): p is CompiledPattern => p !== undefined);
    return matchSentence(sentence, chosen, exceptions, stance);
  };

  /**
   * With a scorer: a sentence asserts a myth when the scorer flags it or a
   * pattern reads it as asserting, unless a context rule makes it a mention
   * or a pattern reads it as a refutation. The patterns (compromise, the
   * costly part) are asked only when the scorer gives the sentence a real
   * chance, so most sentences of a page about depression never reach them.
   * Without a scorer: the patterns alone.
   */
  const decide = (sentence: string, ids: readonly number[], ctx: SentenceContext): Finding[] => {
    if (!judge) return byPatterns(sentence, ids);
    const j = judge.judge(sentence, ctx, PATTERN_FLOOR);
    // No topic word: only a pattern can speak for it ("snap out of it"), as before the scorer.
    if (!j) return mentionReason(sentence, ctx) === null ? byPatterns(sentence, ids) : [];
    if (Math.max(j.p, j.pAlone) < PATTERN_FLOOR) {
      // A low score with a denial in it ("depression is not laziness"): reported as a
      // refutation of the likeliest myth, without the cost of the patterns.
      if (!j.denies) return [];
      const myth = judge.pickMyth(sentence, j.category);
      return myth ? [Judge.finding(sentence, myth, 'refutes', ['denied'])] : [];
    }
    // Only the patterns of the categories the scorer finds likeliest.
    const likely = new Set(j.ranked.slice(0, LIKELY_CATEGORIES));
    const mine = ids.filter((i) => likely.has(patterns[i]?.myth.category ?? ''));
    const byPattern = mine.length > 0 ? byPatterns(sentence, mine) : [];
    const patternAsserts = byPattern.filter((f) => f.stance === 'asserts');
    if (j.mention !== null) {
      const refuted = byPattern.map((f) => ({
        ...f,
        stance: 'refutes' as const,
        why: [j.mention!],
      }));
      if (refuted.length > 0) return refuted;
      const myth = j.p >= judge.threshold ? judge.pickMyth(sentence, j.category) : null;
      return myth ? [Judge.finding(sentence, myth, 'refutes', [j.mention])] : [];
    }
    if (patternAsserts.length > 0) return patternAsserts.map((f) => ({ ...f, why: j.why }));
    if (byPattern.length > 0 || j.p < judge.threshold) return byPattern;
    const myth = judge.pickMyth(sentence, j.category);
    return myth ? [Judge.finding(sentence, myth, 'asserts', j.why)] : [];
  };

  const matchOne = (
    sentence: string,
    ids: readonly number[] = all,
    ctx: SentenceContext = {},
  ): Finding[] => {
    const key = `${ids.join(',')}\u0000${sentence}\u0000${ctx.prev ?? ''}\u0000${ctx.next ?? ''}\u0000${ctx.heading ?? ''}\u0000${ctx.list ? 1 : 0}${ctx.prevInBlock ? 1 : 0}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const found = decide(sentence, ids, ctx);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
    return found;
  };

  const scanPage = (blocks: readonly PageBlock[]): FindingInBlock[] => {
    const findings: FindingInBlock[] = [];
    const wantedSpans = new Map<string, number[]>();
    const wantedBlocks = new Set<number>();
    blocks.forEach((b, i) => {
      const list = options.skipPrefilter
        ? splitSentences(b.text).map((s) => ({ ...s, patterns: all }))
        : runner.withFollowUps(b.text, runner.candidates(b.text));
      for (const c of list) wantedSpans.set(`${i}:${c.start}`, c.patterns);
      if (list.length > 0) wantedBlocks.add(i);
    });
    // Most text is about other things: without a candidate there is no context to build.
    if (wantedSpans.size === 0) return findings;
    for (const s of sentencesInContext(blocks, wantedBlocks)) {
      const ids = wantedSpans.get(`${s.block}:${s.start}`);
      if (!ids) continue;
      for (const f of matchOne(s.text, ids, s.ctx)) {
        findings.push({
          ...f,
          start: f.start + s.start,
          end: f.end + s.start,
          sentence: s.text,
          block: s.block,
        });
      }
    }
    return findings;
  };

  return {
    prefilter,
    patternCount: patterns.length,
    matchSentence: matchOne,
    scanPage,
    classify(text) {
      if (!judge) return null;
      const j = judge.judge(text, {}) ?? judge.judgeUngated(text);
      if (!j) return null;
      const myth = judge.pickMyth(text, j.category);
      return myth ? { mythId: myth.id, category: myth.category, p: j.p } : null;
    },
    scan: (text) => scanPage([{ text }]).map(({ block: _block, ...f }) => f),
  };
}

const parses = new Map<string, ParsedPattern>();

/** compromise's parse of a pattern, kept: recompiling for new settings reuses it. */
function parseOnce(pattern: string): ParsedPattern {
  let regs = parses.get(pattern);
  if (!regs) {
    regs = parsePattern(pattern);
    parses.set(pattern, regs);
  }
  return regs;
}

const rarities = new WeakMap<Pack, WordRarity>();

/** The pack's word rarity table, built once per pack. */
export function rarityOf(pack: Pack): WordRarity {
  let r = rarities.get(pack);
  if (!r) {
    r = new WordRarity(pack.commonWords);
    rarities.set(pack, r);
  }
  return r;
}
