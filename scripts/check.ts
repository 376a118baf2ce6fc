/**
 * `npm run check -- [--json] <file.txt|file.html|-> ...`: the detector on files.
 * HTML is reduced to visible text by the same block extraction the content
 * script uses. Exit 0 on success, 2 when an input cannot be read.
 */
import { compileDetector, type FindingInText } from '../lib/nlp/detector';
import { pageBlocksOf, readInput } from './lib/read-input';
import { packFromDisk } from './lib/pack-from-disk';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json');
if (files.length === 0) {
  console.error('usage: npm run check -- [--json] <file.txt|file.html|-> ...');
  process.exit(2);
}

const detector = compileDetector(packFromDisk());
let failed = false;
for (const file of files) {
  let content: string;
  try {
    content = readInput(file);
  } catch (e) {
    console.error(`check: ${(e as Error).message}`);
    failed = true;
    continue;
  }
  const findings = scanFile(file, content);
  if (json) {
    console.log(JSON.stringify({ file, findings }));
  } else {
    const asserted = findings.filter((f) => f.stance === 'asserts').length;
    console.log(`${file}: ${asserted} asserted, ${findings.length - asserted} refuted`);
    for (const f of findings)
      console.log(
        `  [${f.stance}] ${f.mythId} (${f.category}; ${(f.why ?? []).join(', ').toLowerCase()}): ${f.sentence}`,
      );
  }
}
process.exit(failed ? 2 : 0);

/**
 * Findings with offsets into the file (HTML: its blocks joined by blank lines),
 * each sentence judged in its page context, as the extension judges it.
 */
function scanFile(file: string, content: string): FindingInText[] {
  const { blocks, offsets } = pageBlocksOf(file, content);
  return detector.scanPage(blocks).map(({ block, ...f }) => ({
    ...f,
    start: f.start + offsets[block]!,
    end: f.end + offsets[block]!,
  }));
}
