import { createLookup, MAX_QUERY_CHARS } from '../../lib/lookup';
import type { Pack } from '../../lib/pack/pack';

/**
 * The popup's lookup: how long a typed claim takes (every example sentence of
 * the pack, each once, in a fresh lookup so no answer comes from a cache) and
 * a paste of real page text as long as the lookup accepts. Timing lives here,
 * not in unit tests, so no test depends on how busy the machine is.
 */
export function benchLookup(pack: Pack, pageText: string): void {
  const lookup = createLookup(pack);
  lookup('warm up: compromise compiles its lexicon on first use.');
  const queries = pack.myths.flatMap((m) => [
    ...m.examples.asserts,
    ...m.examples.refutes,
    ...m.examples.neutral,
  ]);
  const times = queries
    .map((q) => {
      const start = performance.now();
      lookup(q);
      return performance.now() - start;
    })
    .sort((a, b) => a - b);
  const at = (share: number) => times[Math.floor(times.length * share)]!.toFixed(2);
  console.log(
    `\npopup lookup, ${times.length} typed claims (the pack's examples): median ${at(0.5)} ms, p95 ${at(0.95)} ms, slowest ${times.at(-1)!.toFixed(1)} ms`,
  );
  const paste = `${pageText.slice(0, MAX_QUERY_CHARS - 200)}\nDepression is just laziness.`;
  const start = performance.now();
  const result = lookup(paste);
  console.log(
    `popup lookup, ${Math.round(paste.length / 1000)} KB paste of page text: ${(performance.now() - start).toFixed(0)} ms (${result.kind})`,
  );
}
