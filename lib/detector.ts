import type { Pack } from './pack';
import { parsePattern, patternAnchors, patternHasNegation } from './pattern-anchors';
import { Prefilter, type CompiledPrefilter } from './prefilter';
import { compilePrefilter, planPattern, type PatternPlan } from './prefilter-compile';
import { ConceptMatcher } from './concepts';
import type { SentenceContext } from './features';
import { Judge } from './judge';
import { sentencesInContext, type PageBlock } from './page-context';
import { splitSentences } from './sentences';
import {
  matchSentence,
  type CompiledPattern,
  type Regs,
  type SentenceFinding,
} from './sentence-match';
import { compileStance } from './stance';
import { StemRarity } from './word-rarity';

export type { SentenceFinding } from './sentence-match';

/**
 * The engine every surface uses. Stage one (the prefilter) picks candidate
 * sentences with one regular-expression pass; stage two runs compromise on
 * those sentences only, then decides stance. `scan` and `matchSentence` are
 * separate so the content script can run stage one and hand candidates over.
 */

export interface Finding extends SentenceFinding {
  sentence: string;
}

export interface PageFinding extends Finding {
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
  scan(text: string): Finding[];
  /** Findings on a page of blocks, each sentence judged with its neighbours and heading. */
  scanPage(blocks: readonly PageBlock[]): PageFinding[];
  /**
   * Stage two for one sentence in its context; `patterns` are the prefilter's
   * candidate ids (all when omitted).
   */
  matchSentence(
    sentence: string,
    patterns?: readonly number[],
    ctx?: SentenceContext,
  ): SentenceFinding[];
}

const CACHE_LIMIT = 2000;

/**
 * Below the threshold, a sentence a context rule calls a mention is still
 * reported as a refutation when its score is at least this share of the
 * threshold: the page is talking about that myth.
 */
const MENTION_SHARE = 0.5;

/** Compiles the pack once for the enabled categories and myths. */
export function compileDetector(pack: Pack, options: DetectorOptions = {}): Detector {
  const wanted = options.categories ? new Set(options.categories) : null;
  const off = new Set(options.disabledMyths ?? []);
  const negationWords = new Set(pack.stance.negations);
  // The build's parses and plans when it made them (see precompiled.ts), else live ones.
  const pre = pack.precompiled;
  const parse = (source: string): Regs => pre?.regs[source] ?? parseOnce(source);
  const plan = (source: string, regs: Regs): PatternPlan =>
    pre?.plans[source] ?? planPattern(patternAnchors(regs), rarityOf(pack));
  const patterns: CompiledPattern[] = [];
  const plans: PatternPlan[] = [];
  const shared = pack.stance.exceptions.map(parse);
  const exceptions = new Map<string, Regs[]>();
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
  const cache = new Map<string, SentenceFinding[]>();

  const byPatterns = (sentence: string, ids: readonly number[]): SentenceFinding[] => {
    const chosen = ids.map((i) => patterns[i]).filter((p): p is CompiledPattern => p !== undefined);
    return matchSentence(sentence, chosen, exceptions, stance);
  };

  /**
   * With a scorer: the scorer and the context rules decide; the patterns are
   * asked only about a flagged sentence, to name the myth more exactly and to
   * veto it when they read it as a refutation. Without one: the patterns alone.
   */
  const decide = (
    sentence: string,
    ids: readonly number[],
    ctx: SentenceContext,
  ): SentenceFinding[] => {
    if (!judge) return byPatterns(sentence, ids);
    const j = judge.judge(sentence, ctx);
    if (!j || j.p < judge.threshold * MENTION_SHARE) return [];
    if (j.mention !== null || j.p < judge.threshold) {
      if (j.mention === null) return [];
      const myth = judge.pickMyth(sentence, j.category);
      return myth ? [Judge.finding(sentence, myth, 'refutes', [j.mention])] : [];
    }
    const byPattern = byPatterns(sentence, ids);
    if (
      byPattern.some((f) => f.stance === 'refutes') &&
      !byPattern.some((f) => f.stance === 'asserts')
    )
      return byPattern;
    const named = byPattern.find((f) => f.stance === 'asserts');
    if (named) return [{ ...named, why: j.why }];
    const myth = judge.pickMyth(sentence, j.category);
    return myth ? [Judge.finding(sentence, myth, 'asserts', j.why)] : [];
  };

  const matchOne = (
    sentence: string,
    ids: readonly number[] = all,
    ctx: SentenceContext = {},
  ): SentenceFinding[] => {
    const key = `${ids.join(',')}\u0000${sentence}\u0000${ctx.prev ?? ''}\u0000${ctx.next ?? ''}\u0000${ctx.heading ?? ''}\u0000${ctx.list ? 1 : 0}${ctx.prevInBlock ? 1 : 0}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const found = decide(sentence, ids, ctx);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
    return found;
  };

  const scanPage = (blocks: readonly PageBlock[]): PageFinding[] => {
    const findings: PageFinding[] = [];
    const wantedSpans = new Map<string, number[]>();
    blocks.forEach((b, i) => {
      const list = options.skipPrefilter
        ? splitSentences(b.text).map((s) => ({ ...s, patterns: all }))
        : runner.candidates(b.text);
      for (const c of list) wantedSpans.set(`${i}:${c.start}`, c.patterns);
    });
    for (const s of sentencesInContext(blocks)) {
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
    scan: (text) => scanPage([{ text }]).map(({ block: _block, ...f }) => f),
  };
}

const parses = new Map<string, Regs>();

/** compromise's parse of a pattern, kept: recompiling for new settings reuses it. */
function parseOnce(pattern: string): Regs {
  let regs = parses.get(pattern);
  if (!regs) {
    regs = parsePattern(pattern);
    parses.set(pattern, regs);
  }
  return regs;
}

const rarities = new WeakMap<Pack, StemRarity>();

/** The pack's word rarity table, built once per pack. */
export function rarityOf(pack: Pack): StemRarity {
  let r = rarities.get(pack);
  if (!r) {
    r = new StemRarity(pack.commonWords);
    rarities.set(pack, r);
  }
  return r;
}
