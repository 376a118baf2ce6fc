import nlp from 'compromise';
import type { Pack } from './pack';
import { parsePattern, patternAnchors } from '../nlp/pattern-anchors';
import { planPattern, type PatternPlan } from '../prefilter/prefilter-compile';
import type { ParsedPattern } from '../nlp/pattern-anchors';
import { WordRarity } from '../prefilter/word-rarity';

/**
 * The NLP work of compiling the pack, done once at build time: compromise's
 * parse of every pattern, exception and stance frame, and each pattern's
 * prefilter plan. With it, a cold service worker compiles the pack without
 * parsing anything. Entries are keyed by pattern text and stamped with the
 * compromise version, so stale or foreign data is never used: a pattern it
 * lacks is simply compiled live.
 */
export interface Precompiled {
  compromise: string;
  /** compromise's parse of each pattern, exception and stance frame, by its text. */
  regs: Record<string, ParsedPattern>;
  /** The prefilter plan of each myth pattern, by its text. */
  plans: Record<string, PatternPlan>;
}

/** Every match pattern the detector may parse: myth patterns, exceptions and stance frames. */
export function packSources(pack: Pack): string[] {
  return [
    ...pack.myths.flatMap((m) => [...m.patterns, ...m.exceptions]),
    ...pack.stance.exceptions,
    ...pack.stance.refutationFrames,
    ...pack.stance.reportingFrames,
    ...pack.stance.rhetoricalQuestions,
  ];
}

export function precompilePack(pack: Pack): Precompiled {
  const rarity = new WordRarity(pack.commonWords);
  const regs: Record<string, ParsedPattern> = {};
  for (const source of packSources(pack)) regs[source] ??= parsePattern(source);
  const plans: Record<string, PatternPlan> = {};
  for (const source of pack.myths.flatMap((m) => m.patterns)) {
    plans[source] ??= planPattern(patternAnchors(regs[source] ?? source), rarity);
  }
  return { compromise: nlp.version, regs, plans };
}

// compromise's parses hold Sets (and could hold RegExps), which JSON drops.
const SET = '$set';
const REGEXP = '$regexp';

/** Plain JSON text for the build to embed. */
export function serializePrecompiled(data: Precompiled): string {
  return JSON.stringify(data, (_key, value: unknown) => {
    if (value instanceof Set) return { [SET]: [...(value as Set<unknown>)] };
    if (value instanceof RegExp) return { [REGEXP]: [value.source, value.flags] };
    return value;
  });
}

/** The embedded data, or null when it was made by another compromise version or is unreadable. */
export function revivePrecompiled(text: string): Precompiled | null {
  try {
    // Plain JSON.parse, then a walk over the tokens: much faster than a reviver on every key.
    const data = JSON.parse(text) as Partial<Precompiled> | null;
    if (!data || data.compromise !== nlp.version || !data.regs || !data.plans) return null;
    for (const regs of Object.values(data.regs)) reviveTokens(regs as unknown[]);
    return data as Precompiled;
  } catch {
    return null;
  }
}

/** Turns the `{ $set }` and `{ $regexp }` stand-ins in compromise tokens back into objects. */
function reviveTokens(tokens: unknown[]): void {
  for (const token of tokens) {
    if (!token || typeof token !== 'object') continue;
    const t = token as Record<string, unknown>;
    for (const [key, value] of Object.entries(t)) {
      if (!value || typeof value !== 'object') continue;
      const v = value as Record<string, unknown>;
      if (Array.isArray(v[SET])) t[key] = new Set(v[SET] as unknown[]);
      else if (Array.isArray(v[REGEXP])) {
        const [source, flags] = v[REGEXP] as unknown[];
        t[key] = new RegExp(String(source), String(flags));
      } else if (key === 'choices' && Array.isArray(value)) {
        for (const choice of value) if (Array.isArray(choice)) reviveTokens(choice);
      }
    }
  }
}
