import nlp from 'compromise';
import type { ParsedPattern } from './pattern-anchors';
import { planOf, type Step } from './pattern-reach';

/**
 * A test before compromise reads a sentence at all: whether a pattern's
 * required words (pattern-reach.ts) could line up in the sentence's
 * whitespace-separated chunks. It is more lenient than the test on
 * compromise's terms, and never says no where that one says yes:
 * - a chunk may stand for every word compromise could make of it: each run of
 *   letters or digits, the runs joined ("U.S." is "us", "re-enact" is
 *   "reenact"), the words of a contraction ("cannot": "can", "not") and of an
 *   alias ("&": "and"); a chunk with an apostrophe or a letter outside
 *   a-z after folding may stand for any word;
 * - between two required words only the chunks of letters and digits without
 *   an apostrophe are counted, each one term at least, and two required words
 *   may share a chunk ("self-pity").
 * On text about depression most sentences the prefilter passes fail here,
 * and skip compromise's tokenizer.
 */

type Model = {
  one: {
    unicode: Record<string, string>;
    aliases: Record<string, string>;
    contractions: { word?: string; out: string[] }[];
  };
};

const model = nlp.model() as unknown as Model;
const FOLD = model.one.unicode;
const ALIASES: Readonly<Record<string, string>> = model.one.aliases;
const CONTRACTIONS = new Map<string, string[]>();
for (const c of model.one.contractions)
  if (c.word)
    CONTRACTIONS.set(
      c.word,
      c.out.map((w) => w.toLowerCase()),
    );

const ANY = null;
type Forms = ReadonlySet<string> | typeof ANY;

export interface ChunkView {
  forms: Forms[];
  /** For each chunk, how many counted chunks come before it. */
  counted: number[];
  /** Whether each chunk is counted. */
  isCounted: boolean[];
}

const APOSTROPHE = /['’‘`´ʼ]/;
const ALNUM = /[\p{L}\p{N}]/u;

/** What compromise could read in one chunk, or ANY. */
function formsOf(chunk: string): Forms {
  if (APOSTROPHE.test(chunk)) return ANY;
  let c = chunk.toLowerCase();
  if (/[^\x20-\x7e]/.test(c)) {
    c = c.replace(/[^\x20-\x7e]/g, (ch) => FOLD[ch] ?? FOLD[ch.toUpperCase()] ?? ch).toLowerCase();
    c = c.replace(/[\u200B-\u200D\uFEFF]/g, '');
    if (/[^\x20-\x7e]/.test(c)) return ANY;
  }
  const out = new Set<string>();
  const runs = c.match(/[a-z0-9]+/g) ?? [];
  for (const r of runs) {
    out.add(r);
    // A number and its unit ("10km") may be read apart.
    for (const part of r.match(/[a-z]+|[0-9]+/g) ?? []) out.add(part);
  }
  if (runs.length > 1) out.add(runs.join(''));
  const trimmed = c.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  if (trimmed) out.add(trimmed);
  out.add(c);
  for (const f of [...out]) {
    const alias = ALIASES[f];
    if (alias) out.add(alias);
    const parts = CONTRACTIONS.get(f);
    if (parts) for (const p of parts) out.add(p);
  }
  for (const ch of c) {
    const alias = ALIASES[ch];
    if (alias) out.add(alias);
  }
  return out;
}

/** Chunks already read: words repeat from sentence to sentence. */
const seen = new Map<string, Forms>();
const SEEN_LIMIT = 20_000;

function cachedFormsOf(chunk: string): Forms {
  let f = seen.get(chunk);
  if (f === undefined) {
    f = formsOf(chunk);
    if (seen.size >= SEEN_LIMIT) seen.clear();
    seen.set(chunk, f);
  }
  return f;
}

/** The chunks of a sentence, read once for all its patterns. */
export function chunkView(sentence: string): ChunkView {
  const forms: Forms[] = [];
  const counted: number[] = [];
  const isCounted: boolean[] = [];
  let n = 0;
  for (const chunk of sentence.split(/\s+/)) {
    if (chunk === '') continue;
    forms.push(cachedFormsOf(chunk));
    counted.push(n);
    const counts = ALNUM.test(chunk) && !APOSTROPHE.test(chunk);
    isCounted.push(counts);
    if (counts) n++;
  }
  return { forms, counted, isCounted };
}

function reads(forms: Forms, words: ReadonlySet<string>): boolean {
  if (forms === ANY) return true;
  for (const w of forms) if (words.has(w)) return true;
  return false;
}

/** Whether the pattern's required words could line up in the chunks (see above). */
export function mayReach(view: ChunkView, regs: ParsedPattern): boolean {
  return fits(view, planOf(regs));
}

function fits(view: ChunkView, steps: readonly Step[]): boolean {
  const { forms, counted, isCounted } = view;
  let ends: number[] = [];
  for (let k = 0; k < steps.length; k++) {
    const { words, most } = steps[k]!;
    const next: number[] = [];
    for (let i = 0; i < forms.length; i++) {
      if (!reads(forms[i]!, words)) continue;
      if (k === 0) {
        next.push(i);
        continue;
      }
      // The latest earlier end (or this chunk) leaves the fewest counted chunks between.
      let e = -1;
      for (const x of ends) if (x <= i) e = x;
      if (e < 0) continue;
      const between = e === i ? 0 : counted[i]! - counted[e]! - (isCounted[e] ? 1 : 0);
      if (between <= most) next.push(i);
    }
    if (next.length === 0) return false;
    ends = next;
  }
  return true;
}
