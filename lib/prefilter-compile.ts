import nlp from 'compromise';
import type { AnchorGroup } from './pattern-anchors';
import type { CompiledPrefilter } from './prefilter';

/**
 * Builds the prefilter from each pattern's required word groups. Every word
 * becomes prefixes that cover the forms compromise would accept for it: the
 * word itself (which also covers "depression's", "cures", "cured"), a shorter
 * stem for y/e endings ("lazy" → "laz", covering "lazier"), and compromise's
 * own irregular forms ("think" → "thought", "man" → "men").
 */
export function compilePrefilter(patternAnchors: readonly AnchorGroup[][]): CompiledPrefilter {
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
  return {
    stems: [...stemIds.keys()],
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

/** Prefixes that together cover every surface form compromise may match to `word`. */
export function wordStems(word: string): string[] {
  const model = nlp.model();
  const { verb, noun, adjective } = methods.two.transform;
  const forms = new Set<string>([word]);
  if (/[ye]$/.test(word) && word.length > 3) forms.add(word.slice(0, -1));
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
