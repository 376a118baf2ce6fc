/**
 * `npm run eval -- <file.jsonl>`: accuracy on labelled sentences
 * ({"text", "label": "myth"|"refutes"|"neutral", "category"}). Prints
 * precision and recall of asserted findings, the share of refutations and
 * neutral sentences flagged as asserting, and every error.
 */
import { compileDetector } from '../lib/detector';
import { packFromDisk } from './lib/pack-from-disk';
import { readInput } from './lib/read-input';

interface Labelled {
  id?: string;
  text: string;
  label: 'myth' | 'refutes' | 'neutral';
  category?: string | null;
}

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run eval -- <file.jsonl>');
  process.exit(2);
}
let rows: Labelled[];
try {
  rows = readInput(file)
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labelled);
} catch (e) {
  console.error(`eval: ${(e as Error).message}`);
  process.exit(2);
}

const detector = compileDetector(packFromDisk());
const counts = {
  myth: 0,
  refutes: 0,
  neutral: 0,
  tp: 0,
  flaggedRefutes: 0,
  flaggedNeutral: 0,
  flagged: 0,
};
const errors: string[] = [];
for (const row of rows) {
  const findings = detector.scan(row.text);
  const asserted = findings.filter((f) => f.stance === 'asserts');
  const flagged = asserted.length > 0;
  counts[row.label]++;
  if (flagged) counts.flagged++;
  const what = asserted.map((f) => `${f.mythId}: "${f.text}"`).join('; ');
  if (row.label === 'myth') {
    if (flagged) counts.tp++;
    else errors.push(`MISSED   ${row.id ?? ''} [${row.category}] ${row.text}`);
  } else if (flagged) {
    if (row.label === 'refutes') counts.flaggedRefutes++;
    else counts.flaggedNeutral++;
    errors.push(`FLAGGED  ${row.id ?? ''} (${row.label}) ${row.text}\n           -> ${what}`);
  }
}
const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(3));
console.log(errors.join('\n'));
console.log(
  `\n${rows.length} sentences: ${counts.myth} myth, ${counts.refutes} refutes, ${counts.neutral} neutral`,
);
console.log(`precision (asserted findings that are myths): ${ratio(counts.tp, counts.flagged)}`);
console.log(`recall (myth sentences found):                ${ratio(counts.tp, counts.myth)}`);
console.log(
  `refutes flagged as asserting:                 ${ratio(counts.flaggedRefutes, counts.refutes)}`,
);
console.log(
  `neutral flagged as asserting:                 ${ratio(counts.flaggedNeutral, counts.neutral)}`,
);
