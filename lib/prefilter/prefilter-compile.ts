import nlp from 'compromise';
import type { AnchorGroup } from '../nlp/pattern-anchors';
import type { CompiledPrefilter } from './prefilter';
import type { StemRarity } from './word-rarity';

/**
 * What the prefilter needs from one pattern: its required word groups as
 * stems, and which group is the rarest (the pattern's share of the gate).
 * It depends only on the pattern, so the build works it out once.
 */
export interface PatternPlan {
  /** Each required group as words; any one of them, as a whole word, fills the group. */
  groups: string[][];
  /** Index of the group that goes into the gate. */
  gate: number;
}

/** Plans one pattern from its required word groups (see `wordStems`). */
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
export function compilePrefilter(
  plans: readonly PatternPlan[],
  topic: string | null = null,
): CompiledPrefilter {
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
    topic,
    fold: (nlp.model() as { one: { unicode: Record<string, string> } }).one.unicode,
  };
}

/**
 * The words the prefilter looks for to stand for a pattern word.
 * compromise matches a plain pattern word against a term's text, normal
 * form, machine form (contractions) or alias, never an inflection ("cure"
 * does not match "cured"; patterns list the forms they want) or a longer
 * word ("snap" does not match "Snapchat"), so the word itself is enough: a
 * possessive ("depression's") is the word and an "s" to the prefilter's
 * word scan. Accents, look-alike letters and inner hyphens are folded there.
 */
export function wordStems(word: string): string[] {
  return [word];
}

/** How often a group's stems occur on unrelated pages, per million words. */
export function groupFrequency(group: readonly string[], rarity: StemRarity): number {
  return group.reduce((sum, stem) => sum + rarity.frequency(stem), 0);
}
