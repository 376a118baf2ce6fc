import nlp from 'compromise';
import type { AnchorGroup } from './pattern-anchors';
import type { CompiledPrefilter } from './prefilter';
import type { StemRarity } from './word-rarity';

/**
 * What the prefilter needs from one pattern: its required word groups as
 * stems, and which group is the rarest (the pattern's share of the gate).
 * It depends only on the pattern, so the build works it out once.
 */
export interface PatternPlan {
  /** Each required group as prefixes; a word starting with one of them fills the group. */
  groups: string[][];
  /** Index of the group that goes into the gate. */
  gate: number;
}

/**
 * Plans one pattern from its required word groups. Every word becomes
 * prefixes that cover the forms compromise would accept for it: the word
 * itself (which also covers "depression's", "cures", "cured"), a shorter
 * one, and compromise's own irregular forms ("think" → "thought", "man" → "men").
 */
export function planPattern(groups: readonly AnchorGroup[], rarity: StemRarity): PatternPlan {
  const stems = groups.map((group) => [...new Set(group.flatMap(wordStems))]);
  let gate = 0;
  let bestScore = Infinity;
  stems.forEach((g, i) => {
    const score = groupFrequency(g, rarity);
    if (score < bestScore) {
      gate = i;
      bestScore = score;
    }
  });
  return { groups: stems, gate };
}

/** Numbers the stems of the chosen patterns' plans into the prefilter's plain JSON. */
export function compilePrefilter(plans: readonly PatternPlan[]): CompiledPrefilter {
  const stemIds = new Map<string, number>();
  const idOf = (stem: string) => {
    let id = stemIds.get(stem);
    if (id === undefined) {
      id = stemIds.size;
      stemIds.set(stem, id);
    }
    return id;
  };
  const patterns = plans.map((plan) => plan.groups.map((group) => group.map(idOf)));
  // The gate holds each pattern's rarest group: a block without any of them cannot match.
  const gate = [...new Set(patterns.flatMap((groups, i) => groups[plans[i]?.gate ?? 0] ?? []))];
  return {
    stems: [...stemIds.keys()],
    gate,
    patterns,
    fold: (nlp.model() as { one: { unicode: Record<string, string> } }).one.unicode,
  };
}

const methods = nlp.methods() as unknown as {
  two: {
    transform: {
      verb: { all: (w: string, model: unknown) => string[] };
      noun: { toPlural: (w: string, model: unknown) => string };
      adjective: { all: (w: string, model: unknown) => string[] };
    };
  };
};

const stemCache = new Map<string, string[]>();

/** Prefixes that together cover every surface form compromise may match to `word`. */
export function wordStems(word: string): string[] {
  let stems = stemCache.get(word);
  if (!stems) {
    stems = computeStems(word);
    stemCache.set(word, stems);
  }
  return stems;
}

function computeStems(word: string): string[] {
  const model = nlp.model();
  const { verb, noun, adjective } = methods.two.transform;
  const forms = new Set<string>([word]);
  for (const f of [
    ...verb.all(word, model),
    noun.toPlural(word, model),
    ...adjective.all(word, model),
  ]) {
    if (/^[a-z]+$/.test(f)) forms.add(f);
  }
  // A form that starts with another form adds nothing to a prefix search.
  const list = [...forms].sort((a, b) => a.length - b.length);
  return list.filter((f, i) => !list.slice(0, i).some((shorter) => f.startsWith(shorter)));
}

/** How often a group's stems occur on unrelated pages, per million words. */
export function groupFrequency(group: readonly string[], rarity: StemRarity): number {
  return group.reduce((sum, stem) => sum + rarity.frequency(stem), 0);
}
