import nlp from 'compromise';
import type { AnchorGroup } from '../nlp/pattern-anchors';
import type { CompiledPrefilter } from './prefilter';
import type { WordRarity } from './word-rarity';

/**
 * What the prefilter needs from one pattern: its required word groups as
 * words, and which group is the rarest (the pattern's share of the gate).
 * It depends only on the pattern, so the build works it out once.
 */
export interface PatternPlan {
  /** Each required group as words; any one of them, as a whole word, fills the group. */
  groups: string[][];
  /** Index of the group that goes into the gate. */
  gate: number;
}

/** Plans one pattern from its required word groups (see `patternWords`). */
export function planPattern(groups: readonly AnchorGroup[], rarity: WordRarity): PatternPlan {
  const words = groups.map((group) => [...new Set(group.flatMap(patternWords))]);
  let gate = 0;
  let bestScore = Infinity;
  words.forEach((g, i) => {
    const score = groupFrequency(g, rarity);
    if (score < bestScore) {
      gate = i;
      bestScore = score;
    }
  });
  return { groups: words, gate };
}

/** Numbers the words of the chosen patterns' plans into the prefilter's plain JSON. */
export function compilePrefilter(
  plans: readonly PatternPlan[],
  topic: string | null = null,
): CompiledPrefilter {
  const wordIds = new Map<string, number>();
  const idOf = (word: string) => {
    let id = wordIds.get(word);
    if (id === undefined) {
      id = wordIds.size;
      wordIds.set(word, id);
    }
    return id;
  };
  const patterns = plans.map((plan) => plan.groups.map((group) => group.map(idOf)));
  // The gate holds each pattern's rarest group: a block without any of them cannot match.
  const gate = [...new Set(patterns.flatMap((groups, i) => groups[plans[i]?.gate ?? 0] ?? []))];
  return {
    words: [...wordIds.keys()],
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
export function patternWords(word: string): string[] {
  return [word];
}

/** How often a group's words occur on unrelated pages, per million words. */
export function groupFrequency(group: readonly string[], rarity: WordRarity): number {
  return group.reduce((sum, word) => sum + rarity.frequency(word), 0);
}
