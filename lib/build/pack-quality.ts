import { rarityOf } from '../nlp/detector';
import type { Pack } from '../pack/pack';
import { patternAnchors } from '../nlp/pattern-anchors';
import { groupFrequency, patternWords } from '../prefilter/prefilter-compile';

/**
 * A pattern whose every required word is common on unrelated pages would
 * send ordinary sentences to the slow NLP stage and invites false alarms.
 * Each pattern must require at least one rarer, on-topic group of words.
 */
const GATE_LIMIT_PER_MILLION = 150;

export interface PatternProblem {
  file: string;
  field: string;
  problem: string;
}

/** Patterns whose rarest required group is still common, with the reason. */
export function weakPatterns(pack: Pack): PatternProblem[] {
  const rarity = rarityOf(pack);
  const problems: PatternProblem[] = [];
  for (const myth of pack.myths) {
    myth.patterns.forEach((pattern, i) => {
      const groups = patternAnchors(pattern);
      let best = Infinity;
      let words = '';
      for (const g of groups) {
        const forms = [...new Set(g.flatMap(patternWords))];
        const f = groupFrequency(forms, rarity);
        if (f < best) {
          best = f;
          words = g.slice(0, 4).join('|');
        }
      }
      if (best > GATE_LIMIT_PER_MILLION) {
        problems.push({
          file: `content/myths/${myth.category}/${myth.id}.json`,
          field: `patterns.${i}`,
          problem: `every required word is common on unrelated pages (rarest: ${words}, ${Math.round(best)} per million words; limit ${GATE_LIMIT_PER_MILLION}); require an on-topic word such as depression, trauma or serotonin`,
        });
      }
    });
  }
  return problems;
}
