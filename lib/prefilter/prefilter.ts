import { pageLanguage } from '../language/shipped';
import { splitSentences, type Span } from '../text/sentences';
import {
  foldText,
  foldsToLetters,
  HYPHENATED,
  INNER_HYPHEN,
  type FoldTable,
} from '../text/text-fold';

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
  /** Lower-case words; a whole word equal to one of them fills that word group. */
  words: string[];
  /** Word ids of the gate: every pattern needs at least one of them. */
  gate: number[];
  /** For each pattern, its required groups; each group lists word ids, any one suffices. */
  patterns: number[][][];
  /**
   * The concept lexicon's topic words as one regular expression (see
   * concepts.ts), or null without a scorer. The scorer reads only sentences
   * that hold one, or that start with "it"/"this" right after one.
   */
  topic: string | null;
  fold: FoldTable;
}

/** A sentence that takes its topic from the one before: "It's just laziness." */
export const PRONOUN_START = new RegExp(
  `^\\W*(?:${pageLanguage.pronounStarts.map(escapeRegex).join('|')})\\b`,
  'i',
);

/** A sentence worth parsing, and the patterns whose required words it holds. */
export interface Candidate extends Span {
  patterns: number[];
  /** It names a topic word (see `CompiledPrefilter.topic`). */
  topic?: boolean;
}

interface WordAt {
  at: number;
  ids: number[];
}

export class Prefilter {
  private readonly gate: RegExp;
  private readonly wordIds = new Map<string, number>();
  private readonly letters: RegExp;
  private readonly topic: RegExp | null;
  /** A cheap first test for the topic gate: some topic word's first letters, anywhere. */
  private readonly topicQuick: RegExp | null;
  /** For each word id, the word groups (numbered across all patterns) that it fills. */
  private readonly groupsOfWord: number[][];
  /** The pattern of each numbered group. */
  private readonly patternOfGroup: Int32Array;
  /** Patterns without a required group: any sentence with a word may match them. */
  private readonly ungrouped: number[] = [];
  /** Scratch for `satisfied`: when each group was last filled, and groups filled per pattern. */
  private readonly filledAt: Int32Array;
  private readonly filled: Int32Array;
  private stamp = 0;

  constructor(private readonly compiled: CompiledPrefilter) {
    this.groupsOfWord = compiled.words.map(() => []);
    const owner: number[] = [];
    compiled.patterns.forEach((groups, i) => {
      if (groups.length === 0) this.ungrouped.push(i);
      for (const g of groups) {
        for (const id of new Set(g)) this.groupsOfWord[id]?.push(owner.length);
        owner.push(i);
      }
    });
    this.patternOfGroup = Int32Array.from(owner);
    this.filledAt = new Int32Array(owner.length);
    this.filled = new Int32Array(compiled.patterns.length);
    compiled.words.forEach((s, i) => this.wordIds.set(s, i));
    const gate = [...new Set(compiled.gate.map((id) => compiled.words[id] ?? ''))];
    gate.sort((a, b) => b.length - a.length);
    this.gate = new RegExp(`\\b(?:${gate.map(escapeRegex).join('|') || '(?!)'})\\b`, 'i');
    this.letters = foldsToLetters(compiled.fold);
    this.topic = compiled.topic ? new RegExp(compiled.topic, 'i') : null;
    this.topicQuick = compiled.topic ? quickTest(compiled.topic) : null;
  }

  /**
   * Runs each expression once on a short text. V8 compiles a regular
   * expression on its first use; the gate and topic expressions are large,
   * so the content script warms them in a task of their own before the first
   * slice of the scan (on cnn.html that slice was a 40 to 60 ms task).
   */
  warm(): void {
    for (const text of ['Depression is not laziness.', 'Ç', 'well-being']) this.candidates(text);
  }

  /** Sentences of one block that may match some pattern; splits only blocks that pass the gate. */
  candidates(text: string, split: (t: string) => Span[] = splitSentences): Candidate[] {
    const topical = this.topic !== null && this.topicIn(text);
    const folded = this.passesGate(text) ?? (topical ? this.mayFold(text) : null);
    if (folded === null) return [];
    const words = this.words(text);
    const out: Candidate[] = [];
    let h = 0;
    for (const s of split(text)) {
      const slice = text.slice(s.start, s.end);
      const hasTopic = topical && this.topicIn(slice);
      while (h < words.length && words[h]!.at < s.start) h++;
      let k = h;
      while (k < words.length && words[k]!.at < s.end) k++;
      let patterns = this.satisfied(words.slice(h, k));
      if (folded && patterns.length < this.compiled.patterns.length) {
        if (this.mayFold(slice)) {
          patterns = union(
            patterns,
            this.satisfied(this.words(foldText(slice, this.compiled.fold))),
          );
        }
      }
      if (patterns.length > 0 || hasTopic)
        out.push({ start: s.start, end: s.end, patterns, ...(hasTopic ? { topic: true } : {}) });
    }
    return out;
  }

  /**
   * The candidates plus each "it"/"this" sentence that directly follows a
   * topic sentence in the same text, which takes its topic from it. Kept
   * apart from `candidates` so that stays a function of each sentence alone
   * (the same whole or window by window).
   */
  withFollowUps(
    text: string,
    found: Candidate[],
    spans: Span[] = splitSentences(text),
  ): Candidate[] {
    if (!found.some((c) => c.topic)) return found;
    const at = new Map(found.map((c) => [c.start, c]));
    const out: Candidate[] = [];
    spans.forEach((s, i) => {
      const own = at.get(s.start);
      if (own) out.push(own);
      else if (
        at.get(spans[i - 1]?.start ?? -1)?.topic &&
        PRONOUN_START.test(text.slice(s.start, s.end))
      )
        out.push({ start: s.start, end: s.end, patterns: [] });
    });
    return out;
  }

  /** Whether the text holds a topic word, as is or folded. */
  private topicIn(text: string): boolean {
    const re = this.topic!;
    if (!this.topicQuick!.test(text) && !this.mayFold(text)) return false;
    if (re.test(text)) return true;
    return this.mayFold(text) && re.test(foldText(text, this.compiled.fold));
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
   * Every word (a run of regex word characters, as `\\b` sees them) that is
   * one of the words, in text order. compromise matches a pattern word only
   * as a whole word, so "snap" does not stand for "Snapchat"; a possessive
   * ("depression's") is the word and an "s" to a `\\w+` scan.
   */
  private words(text: string): WordAt[] {
    const out: WordAt[] = [];
    const word = /\w+/g;
    for (let m = word.exec(text); m !== null; m = word.exec(text)) {
      const id = this.wordIds.get(m[0].toLowerCase());
      if (id !== undefined) out.push({ at: m.index, ids: [id] });
    }
    return out;
  }

  /**
   * Patterns whose groups are all present, each group after the previous one.
   * Only patterns all of whose groups the sentence's words fill (counted
   * through the word-to-group index) are checked for order, so a sentence
   * costs the patterns it touches, not all of them.
   */
  private satisfied(words: WordAt[]): number[] {
    if (words.length === 0) return [];
    const stamp = ++this.stamp;
    const touched: number[] = [];
    for (const w of words)
      for (const id of w.ids)
        for (const g of this.groupsOfWord[id] ?? []) {
          if (this.filledAt[g] === stamp) continue;
          this.filledAt[g] = stamp;
          const p = this.patternOfGroup[g]!;
          if (this.filled[p] === 0) touched.push(p);
          this.filled[p]!++;
        }
    const ok: number[] = [...this.ungrouped];
    for (const p of touched) {
      const groups = this.compiled.patterns[p]!;
      if (this.filled[p] === groups.length && inOrder(groups, words)) ok.push(p);
      this.filled[p] = 0;
    }
    return ok.sort((a, b) => a - b);
  }
}

/** Whether each group has a word after the previous group's. */
function inOrder(groups: readonly number[][], words: readonly WordAt[]): boolean {
  let from = 0;
  for (const g of groups) {
    while (from < words.length && !words[from]!.ids.some((id) => g.includes(id))) from++;
    if (from === words.length) return false;
    from++;
  }
  return true;
}

/**
 * From the topic expression, a plain one that any text it matches also
 * matches: the first six letters of each alternative's longest word, as
 * ordinary case-insensitive text (no look-behind, no Unicode classes), so a
 * block with none of them is passed over at the cost of one simple scan.
 */
function quickTest(topic: string): RegExp {
  const body = topic.slice(topic.indexOf('(?:') + 3, topic.lastIndexOf(')(?!'));
  const heads = body.split('|').map((alt) => {
    // The longest word of the alternative, as plain text, up to six letters.
    const words = alt
      .split('[^a-z0-9]+')
      .map((w) => (/^(?:\\.|[^\\[(])*/.exec(w)?.[0] ?? '').replace(/\\(.)/g, '$1'));
    return words.reduce((a, b) => (b.length > a.length ? b : a), '').slice(0, 6);
  });
  if (heads.some((h) => h.length === 0)) return /[\s\S]/;
  return new RegExp([...new Set(heads)].map(escapeRegex).join('|'), 'i');
}

function union(a: number[], b: number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
