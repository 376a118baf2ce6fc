import { describe, expect, it } from 'vitest';
import { compileDetector } from '../../../lib/nlp/detector';
import { Prefilter, type CompiledPrefilter } from '../../../lib/prefilter/prefilter';
import { packFromDisk } from '../../../scripts/lib/pack-from-disk';
import { splitSentences } from '../../../lib/text/sentences';
import { everyExample } from '../../helpers/examples';

/**
 * The prefilter finds a sentence's candidate patterns through a word-to-group
 * index. This is the plain definition it must agree with: every pattern whose
 * groups the sentence's words fill, each after the one before.
 */
function plainCandidates(compiled: CompiledPrefilter, sentence: string): number[] {
  const ids = new Map(compiled.words.map((w, i) => [w, i]));
  const words = [...sentence.matchAll(/\w+/g)].flatMap((m) => {
    const id = ids.get(m[0].toLowerCase());
    return id === undefined ? [] : [id];
  });
  if (words.length === 0) return [];
  return compiled.patterns.flatMap((groups, i) => {
    let from = 0;
    for (const g of groups) {
      while (from < words.length && !g.includes(words[from]!)) from++;
      if (from === words.length) return [];
      from++;
    }
    return [i];
  });
}

describe('the prefilter\u2019s candidate patterns', () => {
  const pack = packFromDisk();
  const compiled = compileDetector(pack).prefilter;
  const prefilter = new Prefilter(compiled);
  // Plain ASCII without inner hyphens, so folding plays no part, and one sentence each.
  const oneSentence = (s: string) => splitSentences(s).length === 1;
  const plain = everyExample(pack)
    .map((s) => s.replace(/[^\x20-\x7e]/g, ' ').replace(/(\w)-(\w)/g, '$1 $2'))
    .filter(oneSentence);
  // The same words in reverse: groups present, order broken.
  const reversed = plain.map((s) => s.split(/\s+/).reverse().join(' ')).filter(oneSentence);

  it('are the patterns whose groups the words fill in order, for every example sentence', () => {
    expect(plain.length).toBeGreaterThan(300);
    let some = 0;
    for (const s of [...plain, ...reversed]) {
      const want = plainCandidates(compiled, s);
      const got = prefilter.candidates(s).flatMap((c) => c.patterns);
      expect(got, s).toEqual(want);
      if (want.length > 0) some++;
    }
    // The comparison means something only if many sentences have candidates.
    expect(some).toBeGreaterThan(plain.length / 2);
  });
});
