/**
 * `npm run eval -- <file.jsonl | folder> [--split sealed|rest|all] [--errors]`:
 * accuracy on labelled text.
 * - Sentences (.jsonl, or a folder of them, as in ../shared/eval/train):
 *   {"text", "label": "myth"|"refutes"|"neutral", "category", "context"?};
 *   each is judged after its context, as on its page. Prints precision and
 *   recall of asserted findings, the share of refutations and neutral
 *   sentences flagged, and how often the finding's category is right.
 * - Pages (a folder with labels.jsonl, as ../shared/eval/pages-depression):
 *   asserting sentences found, and false highlights by kind of page.
 * `--split` keeps the sealed quarter (source URL hash 0-3) or the rest.
 */
import { compileDetector } from '../lib/nlp/detector';
import { blocksFromText } from '../lib/judge/page-context';
import { packFromDisk } from './lib/pack-from-disk';
import { createLookup } from '../lib/lookup';
import { lookupFigure } from './lib/lookup-figure';
import { isPageSet, readPages, readSentences, type Split } from './lib/eval-data';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !['sealed', 'rest', 'all'].includes(a));
const splitAt = args.indexOf('--split');
const split = (splitAt >= 0 ? args[splitAt + 1] : 'all') as Split;
const showErrors = args.includes('--errors');
if (!file || !['sealed', 'rest', 'all'].includes(split)) {
  console.error(
    'usage: npm run eval -- <file.jsonl | folder> [--split sealed|rest|all] [--errors]',
  );
  process.exit(2);
}
const pack = packFromDisk();
const detector = compileDetector(pack);
const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(3));

try {
  if (isPageSet(file)) evalPages();
  else evalSentences();
} catch (e) {
  console.error(`eval: ${(e as Error).message}`);
  process.exit(2);
}

function evalSentences(): void {
  const rows = readSentences(file!, split);
  const c = { myth: 0, refutes: 0, neutral: 0, tp: 0, fr: 0, fn: 0, flagged: 0, category: 0 };
  const errors: string[] = [];
  for (const row of rows) {
    const before = row.context.trim();
    const text = before ? `${before}\n${row.text}` : row.text;
    const offset = before ? before.length + 1 : 0;
    const asserted = detector
      .scanPage([{ text }])
      .filter((f) => f.stance === 'asserts' && f.start >= offset);
    const flagged = asserted.length > 0;
    c[row.label]++;
    if (flagged) c.flagged++;
    if (row.label === 'myth' && flagged) {
      c.tp++;
      if (asserted.some((f) => f.category === row.category)) c.category++;
    } else if (row.label === 'myth')
      errors.push(`MISSED   ${row.id} [${row.category}] ${row.text}`);
    else if (flagged) {
      if (row.label === 'refutes') c.fr++;
      else c.fn++;
      const what = asserted.map((f) => `${f.mythId} (${(f.why ?? []).join(', ')})`).join('; ');
      errors.push(`FLAGGED  ${row.id} (${row.label}) ${row.text}\n           -> ${what}`);
    }
  }
  if (showErrors) console.log(errors.join('\n'));
  console.log(
    `${file} (${split}): ${rows.length} sentences: ${c.myth} myth, ${c.refutes} refutes, ${c.neutral} neutral`,
  );
  console.log(`precision (asserted findings that are myths): ${ratio(c.tp, c.flagged)}`);
  console.log(`recall (myth sentences found):                ${ratio(c.tp, c.myth)}`);
  console.log(`refutes flagged as asserting:                 ${ratio(c.fr, c.refutes)}`);
  console.log(`neutral flagged as asserting:                 ${ratio(c.fn, c.neutral)}`);
  console.log(`right category among myths found:             ${ratio(c.category, c.tp)}`);
  // The popup lookup, as a person pasting the sentence would use it.
  const myths = rows.flatMap((r) =>
    r.label === 'myth' && r.category ? [{ text: r.text, category: r.category }] : [],
  );
  const { right, none, total } = lookupFigure(pack, createLookup(pack), myths);
  console.log(
    `popup lookup, right category first:           ${ratio(right, total)} (${none} of ${total} return nothing)`,
  );
}

function evalPages(): void {
  const pages = readPages(file!, split);
  let found = 0;
  let total = 0;
  const falseBy = { debunk: 0, assert: 0, neutral: 0 };
  const kinds = { debunk: 0, assert: 0, neutral: 0 };
  for (const page of pages) {
    kinds[page.kind]++;
    const { blocks, offsets } = blocksFromText(page.text);
    const hits = detector
      .scanPage(blocks)
      .filter((f) => f.stance === 'asserts')
      .map((f) => ({ from: offsets[f.block]! + f.start, to: offsets[f.block]! + f.end, f }));
    const spans = page.asserts.map((a) => {
      const s = page.text.indexOf(a.text);
      return { from: s, to: s + a.text.length };
    });
    const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) =>
      a.from < b.to && b.from < a.to;
    total += spans.length;
    const got = spans.filter((s) => hits.some((h) => overlaps(h, s))).length;
    found += got;
    const wrong = hits.filter((h) => !spans.some((s) => overlaps(h, s)));
    falseBy[page.kind] += wrong.length;
    if (showErrors) {
      console.log(`${page.file}: ${got}/${spans.length} found, ${wrong.length} false`);
      for (const w of wrong)
        console.log(`   FALSE ${w.f.mythId} (${(w.f.why ?? []).join(', ')}): ${w.f.text}`);
    }
  }
  console.log(
    `${file} (${split}): ${pages.length} pages (${kinds.debunk} debunk, ${kinds.assert} assert, ${kinds.neutral} neutral)`,
  );
  console.log(`asserting sentences found:       ${found} / ${total} = ${ratio(found, total)}`);
  console.log(
    `false highlights on debunk pages: ${falseBy.debunk} (${ratio(falseBy.debunk * 10, kinds.debunk)} per 10 pages)`,
  );
  console.log(`false highlights on neutral pages: ${falseBy.neutral}`);
  console.log(`false highlights on assert pages:  ${falseBy.assert}`);
}
