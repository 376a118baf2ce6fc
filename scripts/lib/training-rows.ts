import { join } from 'node:path';
import type { SentenceContext } from '../../lib/judge/features';
import type { Pack } from '../../lib/pack/pack';
import { blocksFromText, sentencesInContext } from '../../lib/judge/page-context';
import type { Scorer } from '../../lib/judge/scorer';
import { readPages, readSentences, type Label } from './eval-data';
import { SHARED } from './corpus';

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
  origin: 'train' | 'dev' | 'page' | 'pack';
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
