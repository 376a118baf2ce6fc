import { compileDetector, type Detector } from '../../lib/nlp/detector';
import type { Pack } from '../../lib/pack/pack';

/**
 * Texts where the prefilter path and the every-sentence path disagree, with
 * both results. `fast` may be a detector the caller compiled from `pack`
 * already, so what it has scanned is not scanned again.
 */
export function prefilterDifferences(
  pack: Pack,
  texts: Iterable<string>,
  fast: Detector = compileDetector(pack),
) {
  const full = compileDetector(pack, { skipPrefilter: true });
  const diffs: { text: string; fast: unknown; full: unknown }[] = [];
  for (const text of texts) {
    const a = fast.scan(text);
    const b = full.scan(text);
    if (JSON.stringify(a) !== JSON.stringify(b))
      diffs.push({ text: text.slice(0, 200), fast: a, full: b });
  }
  return diffs;
}
