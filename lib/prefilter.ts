import type { Span } from './sentences';
import { foldText, mayFold, type FoldTable } from './text-fold';

/**
 * Stage one: a single regular-expression pass that finds the sentences worth
 * parsing. It is compiled from the pack (the words each pattern requires and
 * their inflections) into plain JSON, so the content script can run it without
 * loading compromise. It only ever says "maybe": a sentence it keeps may still
 * match nothing, but a sentence it drops can match nothing.
 */

/** The serialisable prefilter: word stems, and per pattern its groups of stem ids. */
export interface CompiledPrefilter {
  /** Lower-case word prefixes; a word starting with one of them hits that stem. */
  stems: string[];
  /** For each pattern, its required groups; each group lists stem ids, any one suffices. */
  patterns: number[][][];
  fold: FoldTable;
}

/** A sentence worth parsing, and the patterns whose required words it holds. */
export interface Candidate extends Span {
  patterns: number[];
}

export class Prefilter {
  private readonly regex: RegExp;
  private readonly stemIds = new Map<string, number>();
  private readonly maxStem: number;

  constructor(private readonly compiled: CompiledPrefilter) {
    compiled.stems.forEach((s, i) => this.stemIds.set(s, i));
    this.maxStem = Math.max(1, ...compiled.stems.map((s) => s.length));
    const sorted = [...compiled.stems].sort((a, b) => b.length - a.length).map(escapeRegex);
    // \b then any stem: one linear pass, no per-stem loop over the text.
    this.regex = new RegExp(`\\b(?:${sorted.join('|') || '(?!)'})`, 'gi');
  }

  /** Sentences of `text` (already split into `sentences`) that may match some pattern. */
  candidates(text: string, sentences: readonly Span[]): Candidate[] {
    const hits = this.hitsByPosition(text);
    const out: Candidate[] = [];
    let h = 0;
    for (const s of sentences) {
      const present = new Set<number>();
      while (h < hits.length && (hits[h]?.at ?? 0) < s.start) h++;
      for (let k = h; k < hits.length && (hits[k]?.at ?? Infinity) < s.end; k++) {
        hits[k]?.ids.forEach((id) => present.add(id));
      }
      let patterns = this.satisfied(present);
      if (patterns.length < this.compiled.patterns.length) {
        const slice = text.slice(s.start, s.end);
        if (mayFold(slice))
          patterns = this.satisfied(this.stemsIn(foldText(slice, this.compiled.fold)));
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

  private hitsByPosition(text: string): { at: number; ids: number[] }[] {
    const hits: { at: number; ids: number[] }[] = [];
    this.regex.lastIndex = 0;
    for (let m = this.regex.exec(text); m !== null; m = this.regex.exec(text)) {
      const word = readWord(text, m.index, this.maxStem).toLowerCase();
      const ids: number[] = [];
      for (let len = 1; len <= word.length; len++) {
        const id = this.stemIds.get(word.slice(0, len));
        if (id !== undefined) ids.push(id);
      }
      hits.push({ at: m.index, ids });
      this.regex.lastIndex = m.index + Math.max(1, m[0].length);
    }
    return hits;
  }

  private satisfied(present: ReadonlySet<number>): number[] {
    const ok: number[] = [];
    this.compiled.patterns.forEach((groups, i) => {
      if (groups.every((g) => g.some((id) => present.has(id)))) ok.push(i);
    });
    return ok;
  }
}

function readWord(text: string, at: number, max: number): string {
  let end = at;
  while (end < text.length && end - at < max && /[A-Za-z]/.test(text[end] ?? '')) end++;
  return text.slice(at, end);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
