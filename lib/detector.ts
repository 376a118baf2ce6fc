import type { Pack } from './pack';
import { parsePattern, patternAnchors, patternHasNegation } from './pattern-anchors';
import { Prefilter, type CompiledPrefilter } from './prefilter';
import { compilePrefilter, planPattern, type PatternPlan } from './prefilter-compile';
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
  /** Stage two for one sentence; `patterns` are the prefilter's candidate ids (all when omitted). */
  matchSentence(sentence: string, patterns?: readonly number[]): SentenceFinding[];
}

const CACHE_LIMIT = 2000;

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
  const prefilter = compilePrefilter(plans);
  const runner = new Prefilter(prefilter);
  const stance = compileStance(pack.stance, parse);
  const all = patterns.map((_, i) => i);
  // Rescans of a changing page see the same sentences again; remember them.
  const cache = new Map<string, SentenceFinding[]>();

  const matchOne = (sentence: string, ids: readonly number[] = all): SentenceFinding[] => {
    const key = `${ids.join(',')}\u0000${sentence}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const chosen = ids.map((i) => patterns[i]).filter((p): p is CompiledPattern => p !== undefined);
    const found = matchSentence(sentence, chosen, exceptions, stance);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, found);
    return found;
  };

  return {
    prefilter,
    patternCount: patterns.length,
    matchSentence: matchOne,
    scan(text) {
      const candidates = options.skipPrefilter
        ? splitSentences(text).map((s) => ({ ...s, patterns: all }))
        : runner.candidates(text);
      const findings: Finding[] = [];
      for (const c of candidates) {
        const sentence = text.slice(c.start, c.end);
        for (const f of matchOne(sentence, c.patterns)) {
          findings.push({ ...f, start: f.start + c.start, end: f.end + c.start, sentence });
        }
      }
      return findings;
    },
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
