import nlp from 'compromise';
import type { AnchorGroup } from './pattern-anchors';
import type { CompiledPrefilter } from './prefilter';
import type { StemRarity } from './word-rarity';

/**
 * Builds the prefilter from each pattern's required word groups. Every word
 * becomes prefixes that cover the forms compromise would accept for it: the
 * word itself (which also covers "depression's", "cures", "cured"), a shorter
 * and compromise's
 * own irregular forms ("think" → "thought", "man" → "men").
 */
export function compilePrefilter(
  patternAnchors: readonly AnchorGroup[][],
  rarity: StemRarity,
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
  const patterns = patternAnchors.map((groups) =>
    groups.map((group) => [...new Set(group.flatMap((w) => wordStems(w).map(idOf)))]),
  );
  const stems = [...stemIds.keys()];
  // The gate holds each pattern's rarest group: a block without any of them cannot match.
  const gate = [...new Set(patterns.flatMap((groups) => rarestGroup(groups, stems, rarity)))];
  return {
    stems,
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
export function groupFrequency(
  group: readonly number[],
  stems: readonly string[],
  rarity: StemRarity,
): number {
  return group.reduce((sum, id) => sum + rarity.frequency(stems[id] ?? ''), 0);
}

function rarestGroup(groups: number[][], stems: readonly string[], rarity: StemRarity): number[] {
  let best: number[] = [];
  let bestScore = Infinity;
  for (const g of groups) {
    const score = groupFrequency(g, stems, rarity);
    if (score < bestScore) {
      best = g;
      bestScore = score;
    }
  }
  return best;
}
