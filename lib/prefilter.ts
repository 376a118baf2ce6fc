import { splitSentences, type Span } from './sentences';
import { foldText, foldsToLetters, HYPHENATED, INNER_HYPHEN, type FoldTable } from './text-fold';

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

interface Hit {
  at: number;
  ids: number[];
}

export class Prefilter {
  private readonly gate: RegExp;
  private readonly stemIds = new Map<string, number>();
  private readonly stemLengths: number[];
  /** First three letters of every stem: most words are rejected by this one lookup. */
  private readonly heads = new Set<string>();
  private readonly letters: RegExp;

  constructor(private readonly compiled: CompiledPrefilter) {
    compiled.stems.forEach((s, i) => this.stemIds.set(s, i));
    this.stemLengths = [...new Set(compiled.stems.map((s) => s.length))].sort((a, b) => a - b);
    for (const s of compiled.stems) this.heads.add(s.slice(0, 3));
    const gate = [...new Set(compiled.gate.map((id) => compiled.stems[id] ?? ''))];
    gate.sort((a, b) => b.length - a.length);
    this.gate = new RegExp(`\\b(?:${gate.map(escapeRegex).join('|') || '(?!)'})`, 'i');
    this.letters = foldsToLetters(compiled.fold);
  }

  /** Sentences of one block that may match some pattern; splits only blocks that pass the gate. */
  candidates(text: string, split: (t: string) => Span[] = splitSentences): Candidate[] {
    const folded = this.passesGate(text);
    if (folded === null) return [];
    const hits = this.hits(text);
    const out: Candidate[] = [];
    let h = 0;
    for (const s of split(text)) {
      while (h < hits.length && hits[h]!.at < s.start) h++;
      let k = h;
      while (k < hits.length && hits[k]!.at < s.end) k++;
      let patterns = this.satisfied(hits.slice(h, k));
      if (folded && patterns.length < this.compiled.patterns.length) {
        const slice = text.slice(s.start, s.end);
        if (this.mayFold(slice)) {
          patterns = union(
            patterns,
            this.satisfied(this.hits(foldText(slice, this.compiled.fold))),
          );
        }
      }
      if (patterns.length > 0) out.push({ start: s.start, end: s.end, patterns });
    }
    return out;
  }

  /**
   * null: no pattern can match; otherwise whether sentences must also be
   * checked folded. Folding the whole block is the rare case (accented or
   * look-alike letters, zero-width characters); a hyphenated word is
   * checked alone with its hyphens removed, as compromise reads it.
   */
  private passesGate(text: string): boolean | null {
    if (this.gate.test(text)) return this.mayFold(text);
    if (this.letters.test(text))
      return this.gate.test(foldText(text, this.compiled.fold)) ? true : null;
    if (INNER_HYPHEN.test(text)) {
      for (const m of text.matchAll(HYPHENATED))
        if (this.gate.test(m[0].replace(/-/g, ''))) return true;
    }
    return null;
  }

  private mayFold(text: string): boolean {
    return this.letters.test(text) || INNER_HYPHEN.test(text);
  }

  /**
   * Every word (a run of regex word characters, as `\\b` sees them) that
   * starts with a stem, with the stems it starts with, in text order.
   */
  private hits(text: string): Hit[] {
    const out: Hit[] = [];
    const word = /\w+/g;
    for (let m = word.exec(text); m !== null; m = word.exec(text)) {
      const w = m[0].toLowerCase();
      if (!this.heads.has(w.slice(0, 3))) continue;
      let ids: number[] | undefined;
      for (const len of this.stemLengths) {
        if (len > w.length) break;
        const id = this.stemIds.get(w.slice(0, len));
        if (id !== undefined) (ids ??= []).push(id);
      }
      if (ids) out.push({ at: m.index, ids });
    }
    return out;
  }

  /** Patterns whose groups are all present, each group after the previous one. */
  private satisfied(hits: Hit[]): number[] {
    const ok: number[] = [];
    if (hits.length === 0) return ok;
    this.compiled.patterns.forEach((groups, i) => {
      let from = 0;
      for (const g of groups) {
        while (from < hits.length && !hits[from]!.ids.some((id) => g.includes(id))) from++;
        if (from === hits.length) return;
        from++;
      }
      ok.push(i);
    });
    return ok;
  }
}

function union(a: number[], b: number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
