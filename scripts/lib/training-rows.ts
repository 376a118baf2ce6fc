import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SentenceContext } from '../../lib/judge/features';
import type { Pack } from '../../lib/pack/pack';
import { blocksFromText, sentencesInContext } from '../../lib/judge/page-context';
import type { Scorer } from '../../lib/judge/scorer';
import { readPages, readSentences, type Label } from './eval-data';
import { SHARED } from './corpus';
import { LANGUAGE_DIR } from '../../lib/pack/pack';
import { ROOT } from './pack-from-disk';

/** The project's own training sentences (content/language/en/training/*.jsonl). */
export const OWN_TRAINING = join(ROOT, LANGUAGE_DIR, 'training');

/** Rows of the real corpus, as opposed to the project's own writing. */
export const isReal = (r: Row): boolean => r.origin !== 'pack' && r.origin !== 'own';

/**
 * The project's own sentences, written in the ways people write (forum
 * posts, headlines, shop pages, quizzes) with a sentence before them where a
 * page would have one. Checked line by line: a bad line fails naming its file,
 * line and field. Grouped in runs of ten lines so cross-validation folds
 * share them out.
 */
export function ownRows(
  pack: Pack,
  scorer: Scorer,
  topicFromPrev: (text: string, prev?: string) => boolean,
  dir: string = OWN_TRAINING,
): Row[] {
  if (!existsSync(dir)) return [];
  const categories = new Set(pack.categories.map((c) => c.id));
  return readSentences(dir, 'all').map((r) => {
    const where = `${join(LANGUAGE_DIR, 'training', r.id.replace(/:\d+$/, ''))} line ${r.id.replace(/^.*:/, '')}`;
    if (r.label === 'neutral' ? r.category !== null : !categories.has(r.category ?? ''))
      throw new Error(
        `${where}: "category" must be ${r.label === 'neutral' ? 'null for a neutral line' : `one of ${[...categories].join(', ')}`}`,
      );
    if (r.text.trim() === '' || r.text.length > 300)
      throw new Error(`${where}: "text" must be 1 to 300 characters`);
    const prev = r.context.trim() || undefined;
    const line = Number(r.id.replace(/^.*:/, ''));
    return {
      text: r.text,
      ctx: { prev },
      label: r.label,
      category: r.category,
      group: `own:${r.id.replace(/:\d+$/, '')}:${Math.floor(line / 10)}`,
      origin: 'own' as const,
      weight: 1,
      topicByContext: topicFromPrev(r.text, prev),
    };
  });
}

/**
 * Everything the scorer learns from: the real labelled sentences and pages
 * outside the sealed quarter (read from ../shared, never copied), and the
 * pack's own example sentences. `group` keeps a page's rows in one fold.
 */

export interface Row {
  text: string;
  ctx: SentenceContext;
  label: Label;
  category: string | null;
  group: string;
  /** Real text (measured) or the project's own writing (`pack`, `own`: trained on, never measured). */
  origin: 'train' | 'dev' | 'page' | 'pack' | 'own';
  weight: number;
  /** The sentence has no topic word but takes its topic from the one before ("it", "this"). */
  topicByContext: boolean;
}

const PRONOUN_START = /^\W*(?:it|this|that|they|these|those|such)\b/i;

export function trainingRows(pack: Pack, scorer: Scorer): Row[] {
  const rows: Row[] = [];
  const topicFromPrev = (text: string, prev?: string) =>
    !!prev && PRONOUN_START.test(text) && scorer.hasTopic(scorer.analyse(prev));
  for (const r of readSentences(join(SHARED, 'eval', 'train'), 'rest')) {
    const ctx = { prev: r.context || undefined };
    rows.push({
      ...r,
      ctx,
      group: r.source,
      origin: 'train',
      weight: 1,
      topicByContext: topicFromPrev(r.text, ctx.prev),
    });
  }
  for (const r of readSentences(join(SHARED, 'eval', 'dev-sentences.jsonl'), 'rest')) {
    rows.push({ ...r, ctx: {}, group: r.source, origin: 'dev', weight: 1, topicByContext: false });
  }
  for (const page of readPages(join(SHARED, 'eval', 'pages-depression'), 'rest')) {
    const { blocks, offsets } = blocksFromText(page.text);
    const spans = (list: { text: string; category: string }[]) =>
      list.map((a) => {
        const s = page.text.indexOf(a.text);
        return { from: s, to: s + a.text.length, category: a.category };
      });
    const asserts = spans(page.asserts);
    const mentions = spans(page.mentions);
    for (const s of sentencesInContext(blocks)) {
      const from = offsets[s.block]! + s.start;
      const to = offsets[s.block]! + s.end;
      const hit = (l: typeof asserts) => l.find((a) => a.from < to && from < a.to);
      const a = hit(asserts);
      const m = a ? undefined : hit(mentions);
      const byCtx = topicFromPrev(s.text, s.ctx.prev);
      if (!a && !m && !scorer.hasTopic(scorer.analyse(s.text)) && !byCtx) continue;
      rows.push({
        text: s.text,
        ctx: s.ctx,
        label: a ? 'myth' : m ? 'refutes' : 'neutral',
        category: a?.category ?? m?.category ?? null,
        group: page.source,
        origin: 'page',
        weight: 1,
        topicByContext: byCtx,
      });
    }
  }
  rows.push(...ownRows(pack, scorer, topicFromPrev));
  for (const myth of pack.myths) {
    const ex = myth.examples;
    const add = (texts: readonly string[], label: Label) => {
      for (const text of texts)
        rows.push({
          text,
          ctx: {},
          label,
          category: label === 'neutral' ? null : myth.category,
          group: `pack:${myth.id}`,
          origin: 'pack',
          weight: 1,
          topicByContext: false,
        });
    };
    add(ex.asserts, 'myth');
    add(ex.refutes, 'refutes');
    add(ex.neutral, 'neutral');
  }
  return rows;
}
