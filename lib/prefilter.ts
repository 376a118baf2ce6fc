import { splitSentences, type Span } from './sentences';
import { foldText, needsFold, type FoldTable } from './text-fold';

/**
 * Stage one: regular-expression passes that find the sentences worth
 * parsing. It is compiled from the pack (the words each pattern requires and
 * their inflections) into plain JSON, so the content script can run it
 * without loading compromise. It only ever says "maybe": a sentence it keeps
 * may still match nothing, but a sentence it drops can match nothing.
 *
 * Two passes keep it fast on pages about other things: a gate built from
 * each pattern's most selective word group (topic words such as
 * "depression" or "serotonin") runs over the whole block first; only a
 * block that passes is split into sentences and checked pattern by pattern.
 */

/** The serialisable prefilter. */
export interface CompiledPrefilter {
  /** Lower-case word prefixes; a word starting with one of them hits that stem. */
  stems: string[];
  /** Stem ids of the gate: every pattern needs at least one of them. */
  gate: number[];
  /** For each pattern, its required groups; each group lists stem ids, any one suffices. */
  patterns: number[][][];
  fold: FoldTable;
}

/** A sentence worth parsing, and the patterns whose required words it holds. */
export interface Candidate extends Span {
  patterns: number[];
}

export class Prefilter {
  private readonly gate: RegExp;
  private readonly words: RegExp;
  private readonly stemIds = new Map<string, number>();
  private readonly maxStem: number;
  private readonly foldable: RegExp;

  constructor(private readonly compiled: CompiledPrefilter) {
    compiled.stems.forEach((s, i) => this.stemIds.set(s, i));
    this.maxStem = Math.max(1, ...compiled.stems.map((s) => s.length));
    this.gate = alternation(
      compiled.gate.map((id) => compiled.stems[id] ?? ''),
      '',
    );
    this.words = alternation(compiled.stems, 'g');
    this.foldable = needsFold(compiled.fold);
  }

  /** Sentences of one block that may match some pattern; splits only blocks that pass the gate. */
  candidates(text: string, split: (t: string) => Span[] = splitSentences): Candidate[] {
    const folded = this.passesGate(text);
    if (folded === null) return [];
    const sentences = split(text);
    const hits = this.hitsByPosition(text);
    const out: Candidate[] = [];
    let h = 0;
    for (const s of sentences) {
      const present = new Set<number>();
      while (h < hits.length && hits[h]!.at < s.start) h++;
      for (let k = h; k < hits.length && hits[k]!.at < s.end; k++)
        hits[k]!.ids.forEach((id) => present.add(id));
      let patterns = this.satisfied(present);
      if (folded && patterns.length < this.compiled.patterns.length) {
        const slice = text.slice(s.start, s.end);
        if (this.foldable.test(slice))
          patterns = union(
            patterns,
            this.satisfied(this.stemsIn(foldText(slice, this.compiled.fold))),
          );
      }
      if (patterns.length > 0) out.push({ start: s.start, end: s.end, patterns });
    }
    return out;
  }

  /** Stem ids present in a piece of text. */
  stemsIn(text: string): Set<number> {
    const present = new Set<number>();
    for (const hit of this.hitsByPosition(text)) hit.ids.forEach((id) => present.add(id));
    return present;
  }

  /** null: no pattern can match; false: passes on the text as written; true: passes only once folded. */
  private passesGate(text: string): boolean | null {
    if (this.gate.test(text)) return this.foldable.test(text);
    if (!this.foldable.test(text)) return null;
    return this.gate.test(foldText(text, this.compiled.fold)) ? true : null;
  }

  private hitsByPosition(text: string): { at: number; ids: number[] }[] {
    const hits: { at: number; ids: number[] }[] = [];
    this.words.lastIndex = 0;
    for (let m = this.words.exec(text); m !== null; m = this.words.exec(text)) {
      const word = readWord(text, m.index, this.maxStem).toLowerCase();
      const ids: number[] = [];
      for (let len = 1; len <= word.length; len++) {
        const id = this.stemIds.get(word.slice(0, len));
        if (id !== undefined) ids.push(id);
      }
      hits.push({ at: m.index, ids });
      this.words.lastIndex = m.index + Math.max(1, m[0].length);
    }
    return hits;
  }

  private satisfied(present: ReadonlySet<number>): number[] {
    const ok: number[] = [];
    if (present.size === 0) return ok;
    this.compiled.patterns.forEach((groups, i) => {
      if (groups.every((g) => g.some((id) => present.has(id)))) ok.push(i);
    });
    return ok;
  }
}

/** `\b(?:a|b|…)`, longest first so the reported match is the longest stem. */
function alternation(stems: string[], flags: string): RegExp {
  const sorted = [...new Set(stems)].sort((a, b) => b.length - a.length).map(escapeRegex);
  return new RegExp(`\\b(?:${sorted.join('|') || '(?!)'})`, `i${flags}`);
}

function union(a: number[], b: number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

function readWord(text: string, at: number, max: number): string {
  let end = at;
  while (end < text.length && end - at < max && /[A-Za-z]/.test(text[end] ?? '')) end++;
  return text.slice(at, end);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
