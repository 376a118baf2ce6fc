/**
 * `npm run train`: fits the scorer (content/language/en/scorer.json) on real labelled
 * text in ../shared/eval (never the sealed quarter) plus the pack's own
 * example sentences, chooses the threshold by cross-validation grouped by
 * source page, prints the out-of-fold figures, and writes only numbers:
 * weights keyed by features (words, word pairs, concepts), no sentences.
 * `-- --cv` prints the figures without writing; `-- --errors` also prints
 * the whole detector's out-of-fold mistakes (to the terminal only). The popup lookup is also
 * measured out of fold (right category first on the real myth sentences).
 * Environment: L2 (the regularisation, default 1), DROP (feature prefixes
 * left out, default "b:": word pairs, which overfit on this much data) and
 * THRESHOLD (instead of the chosen one).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDetector } from '../lib/nlp/detector';
import { createLookup } from '../lib/lookup';
import { Scorer, categoryKeywords, type ScorerModel } from '../lib/judge/scorer';
import { mentionReason } from '../lib/judge/context-rules';
import { LANGUAGE_DIR } from '../lib/pack/pack';
import { ROOT, packFromDisk } from './lib/pack-from-disk';
import { isReal, trainingRows, type Row } from './lib/training-rows';
import { fitLogistic, fitSoftmax, groupFolds } from './lib/fit';
import { lookupFigure } from './lib/lookup-figure';

const cvOnly = process.argv.includes('--cv') || process.argv.includes('--errors');
const showErrors = process.argv.includes('--errors');
const pack = packFromDisk();
const empty: ScorerModel = { threshold: 1, assert: {}, categories: [], category: {} };
const keywords = categoryKeywords(pack);
const scorer = new Scorer(pack.concepts, empty, keywords);
const rows = trainingRows(pack, scorer);
const categories = pack.categories.map((c) => c.id);

const featurise = (r: Row) => scorer.features(r.text, scorer.analyse(r.text), r.ctx);
const drop = (process.env.DROP ?? 'b:').split(',').filter(Boolean);
const X = rows.map((r) => featurise(r).filter((f) => !drop.some((d) => f.startsWith(d))));
const C2 = Number(process.env.L2 ?? 1);
const PRECISION_FLOOR = 0.8;
/** The whole detector's precision the shipped threshold must keep out of fold: the project's goal. */
const WHOLE_PRECISION = 0.9;

function fit(idx: number[]): ScorerModel {
  const assert = fitLogistic(
    idx.map((i) => X[i]!),
    idx.map((i) => (rows[i]!.label === 'myth' ? 1 : 0)),
    idx.map((i) => rows[i]!.weight),
    C2,
  );
  const withCat = idx.filter((i) => rows[i]!.category && rows[i]!.label !== 'neutral');
  const category = fitSoftmax(
    withCat.map((i) => X[i]!),
    withCat.map((i) => categories.indexOf(rows[i]!.category!)),
    categories.length,
    C2,
  );
  return { threshold: 0.5, assert, categories, category };
}

// Out-of-fold scores, grouped by source page so no page is on both sides.
const folds = groupFolds(
  rows.map((r) => r.group),
  5,
);
const oof: { p: number; cat: string }[] = new Array(rows.length);
const foldModels: ScorerModel[] = [];
for (const test of folds) {
  const inTest = new Set(test);
  const model = fit(rows.map((_, i) => i).filter((i) => !inTest.has(i)));
  foldModels.push(model);
  const s = new Scorer(pack.concepts, model, keywords);
  for (const i of test) {
    const r = rows[i]!;
    const sc = s.score(r.text, s.analyse(r.text), r.ctx);
    oof[i] = { p: sc.p, cat: sc.category };
  }
}

/** Figures on the real corpus rows (not the pack's own examples) at a threshold. */
function figures(t: number, useRules: boolean) {
  const c = { myth: 0, refutes: 0, neutral: 0, tp: 0, fr: 0, fn: 0, flagged: 0, catOk: 0 };
  rows.forEach((r, i) => {
    if (!isReal(r)) return;
    const gated = scorer.hasTopic(scorer.analyse(r.text)) || r.topicByContext;
    const flagged = gated && oof[i]!.p >= t && !(useRules && mentionReason(r.text, r.ctx) !== null);
    c[r.label]++;
    if (!flagged) return;
    c.flagged++;
    if (r.label === 'myth') {
      c.tp++;
      if (oof[i]!.cat === r.category) c.catOk++;
    } else if (r.label === 'refutes') c.fr++;
    else c.fn++;
  });
  return {
    t,
    recall: c.tp / c.myth,
    precision: c.flagged ? c.tp / c.flagged : 1,
    refutes: c.fr / c.refutes,
    neutral: c.fn / c.neutral,
    category: c.tp ? c.catOk / c.tp : 0,
  };
}

const fmt = (f: ReturnType<typeof figures>) =>
  `t=${f.t.toFixed(2)} recall ${f.recall.toFixed(3)} precision ${f.precision.toFixed(3)} refutes ${f.refutes.toFixed(3)} neutral ${f.neutral.toFixed(3)} category ${f.category.toFixed(3)}`;
let chosen = figures(0.9, true);
for (let t = 0.3; t <= 0.96; t += 0.02) {
  const f = figures(t, true);
  // A highlight on a refutation is the worst failure: the false-flag bounds are hard,
  // and the precision floor is the best this scorer reaches out of fold (see README).
  const ok = f.precision >= PRECISION_FLOOR && f.refutes <= 0.05 && f.neutral <= 0.02;
  if (ok && f.recall > chosen.recall) chosen = f;
}
// THRESHOLD fixes it instead, to see the whole detector at another operating point.
if (process.env.THRESHOLD) chosen = figures(Number(process.env.THRESHOLD), true);
console.log(
  `${rows.length} training rows (${rows.filter(isReal).length} real); grouped 5-fold CV, L2 ${C2}`,
);
console.log(`chosen ${fmt(chosen)}`);
for (const target of [0.3, 0.4, 0.5, 0.6]) {
  let at: ReturnType<typeof figures> | null = null;
  for (let t = 0.1; t <= 0.99; t += 0.01) {
    const f = figures(t, true);
    if (f.recall >= target) at = f;
  }
  if (at) console.log(`at recall>=${target}: ${fmt(at)}`);
}
// How well the score ranks real myth sentences above the rest, threshold aside.
{
  const real = rows.flatMap((r, i) =>
    isReal(r) ? [{ p: oof[i]!.p, myth: r.label === 'myth' }] : [],
  );
  const pos = real.filter((r) => r.myth).map((r) => r.p);
  const neg = real.filter((r) => !r.myth).map((r) => r.p);
  let wins = 0;
  for (const a of pos) for (const b of neg) wins += a > b ? 1 : a === b ? 0.5 : 0;
  console.log(
    `score AUC out of fold: ${(wins / (pos.length * neg.length)).toFixed(3)} on ${real.length} real sentences`,
  );
}
// The category model alone, out of fold, on every real myth sentence (flagged or not).
{
  const myths = rows.flatMap((r, i) => (isReal(r) && r.label === 'myth' ? [i] : []));
  const right = myths.filter((i) => oof[i]!.cat === rows[i]!.category).length;
  if (showErrors) {
    const confusion: Record<string, Record<string, number>> = {};
    for (const i of myths) {
      const row = (confusion[rows[i]!.category!] ??= {});
      row[oof[i]!.cat] = (row[oof[i]!.cat] ?? 0) + 1;
    }
    console.log('category confusion (true: predicted):', JSON.stringify(confusion));
  }
  console.log(
    `category model out of fold: right ${(right / myths.length).toFixed(3)} of ${myths.length} myth sentences`,
  );
}
/** The whole detector (scorer, context rules and patterns) out of fold, at a threshold. */
function whole(t: number, errors = false) {
  const c = { myth: 0, refutes: 0, neutral: 0, tp: 0, fr: 0, fn: 0, flagged: 0 };
  folds.forEach((test, k) => {
    const detector = compileDetector({ ...pack, scorer: { ...foldModels[k]!, threshold: t } });
    for (const i of test) {
      const r = rows[i]!;
      if (!isReal(r)) continue;
      const flagged = detector
        .matchSentence(r.text, undefined, r.ctx)
        .some((f) => f.stance === 'asserts');
      c[r.label]++;
      if (errors && flagged !== (r.label === 'myth'))
        console.log(
          `${flagged ? 'FLAGGED' : 'MISSED '} ${r.label.padEnd(7)} ${r.origin} ${r.text}`,
        );
      if (!flagged) continue;
      c.flagged++;
      if (r.label === 'myth') c.tp++;
      else if (r.label === 'refutes') c.fr++;
      else c.fn++;
    }
  });
  return {
    t,
    recall: c.tp / c.myth,
    precision: c.flagged ? c.tp / c.flagged : 1,
    refutes: c.fr / c.refutes,
    neutral: c.fn / c.neutral,
  };
}
const fmtWhole = (f: ReturnType<typeof whole>) =>
  `t=${f.t.toFixed(2)} recall ${f.recall.toFixed(3)} precision ${f.precision.toFixed(3)} refutes ${f.refutes.toFixed(3)} neutral ${f.neutral.toFixed(3)}`;
// The threshold ships for the whole detector, so it is chosen on the whole detector's
// figures: the most recall whose false flags stay within the bounds (THRESHOLD overrides).
if (!process.env.THRESHOLD) {
  let best: ReturnType<typeof whole> | null = null;
  for (let t = chosen.t; t <= 0.965; t += 0.02) {
    const f = whole(t);
    console.log(`whole detector at ${fmtWhole(f)}`);
    const ok = f.precision >= WHOLE_PRECISION && f.refutes <= 0.05 && f.neutral <= 0.02;
    if (ok && (!best || f.recall > best.recall)) best = f;
  }
  if (best) chosen = figures(best.t, true);
}
console.log(`whole detector out of fold: ${fmtWhole(whole(chosen.t, showErrors))}`);
// The popup lookup out of fold: does a myth of the right category rank first?
{
  let right = 0;
  let none = 0;
  let total = 0;
  folds.forEach((test, k) => {
    const lookup = createLookup({ ...pack, scorer: { ...foldModels[k]!, threshold: chosen.t } });
    const myths = test.flatMap((i) => {
      const r = rows[i]!;
      return isReal(r) && r.label === 'myth' && r.category
        ? [{ text: r.text, category: r.category }]
        : [];
    });
    const f = lookupFigure(pack, lookup, myths);
    right += f.right;
    none += f.none;
    total += f.total;
  });
  console.log(
    `lookup out of fold: right category first ${(right / total).toFixed(3)} of ${total} myth sentences (${none} return nothing)`,
  );
}
if (!cvOnly) {
  const model = fit(rows.map((_, i) => i));
  model.threshold = Number(chosen.t.toFixed(2));
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const assert = Object.fromEntries(
    Object.entries(model.assert)
      .filter(([, w]) => Math.abs(w) >= 0.01)
      .map(([f, w]) => [f, round(w)]),
  );
  const category = Object.fromEntries(
    Object.entries(model.category)
      .filter(([, ws]) => ws.some((w) => Math.abs(w) >= 0.01))
      .map(([f, ws]) => [f, ws.map(round)]),
  );
  const out = { ...model, assert, category };
  const file = `${LANGUAGE_DIR}/scorer.json`;
  writeFileSync(join(ROOT, file), `${JSON.stringify(out)}\n`);
  console.log(
    `wrote ${file}: ${Object.keys(assert).length} assert weights, ${Object.keys(category).length} category rows`,
  );
}
