import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * The labelled real text in ../shared/eval, read where it lies (it is other
 * people's words: nothing here copies it into the repository), and the
 * sealed split the detector issue fixed before any tuning: every row and page
 * whose source URL's SHA-256 (hex) starts with 0, 1, 2 or 3. Whole pages stay
 * on one side, so cross-validation can group by source.
 */

export type Label = 'myth' | 'refutes' | 'neutral';

export interface LabelledSentence {
  id: string;
  text: string;
  /** The sentence or two before it on its page, when known. */
  context: string;
  label: Label;
  category: string | null;
  source: string;
}

export interface LabelledPage {
  file: string;
  kind: 'debunk' | 'assert' | 'neutral';
  source: string;
  /** The page text without its URL line. */
  text: string;
  asserts: { text: string; category: string }[];
  mentions: { text: string; category: string }[];
}

export type Split = 'sealed' | 'rest' | 'all';

/** Whether a source belongs to the sealed quarter. */
function isSealed(source: string): boolean {
  return '0123'.includes(createHash('sha256').update(source).digest('hex')[0] ?? '');
}

function inSplit(source: string, split: Split): boolean {
  return split === 'all' || isSealed(source) === (split === 'sealed');
}

/** Sentences from one .jsonl file or every .jsonl file in a folder. */
export function readSentences(path: string, split: Split = 'all'): LabelledSentence[] {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
        .map((f) => join(path, f))
    : [path];
  const rows: LabelledSentence[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .forEach((line, i) => {
        const r = JSON.parse(line) as Partial<LabelledSentence>;
        if (typeof r.text !== 'string' || !['myth', 'refutes', 'neutral'].includes(r.label ?? ''))
          throw new Error(`${file}:${i + 1}: needs "text" and a "label" of myth/refutes/neutral`);
        const source = r.source ?? `${basename(file)}#${i + 1}`;
        if (!inSplit(source, split)) return;
        rows.push({
          id: r.id ?? `${basename(file)}:${i + 1}`,
          text: r.text,
          context: r.context ?? '',
          label: r.label as Label,
          category: r.category ?? null,
          source,
        });
      });
  }
  return rows;
}

/** Whether a folder is a labelled page set (it has labels.jsonl). */
export function isPageSet(path: string): boolean {
  return statSync(path).isDirectory() && existsSync(join(path, 'labels.jsonl'));
}

/** The pages of a labelled page set, with their labels. */
export function readPages(dir: string, split: Split = 'all'): LabelledPage[] {
  const pages: LabelledPage[] = [];
  for (const line of readFileSync(join(dir, 'labels.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const l = JSON.parse(line) as Omit<LabelledPage, 'source' | 'text'>;
    const raw = readFileSync(join(dir, l.file), 'utf8');
    const newline = raw.indexOf('\n');
    const source = raw.slice(0, newline).trim();
    if (!inSplit(source, split)) continue;
    pages.push({ ...l, source, text: raw.slice(newline + 1) });
  }
  return pages;
}
