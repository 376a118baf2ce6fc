import { describe, expect, it } from 'vitest';
import { compileDetector } from '../../lib/nlp/detector';
import { packFromDisk } from '../../scripts/lib/pack-from-disk';
import { NO_SPACE_TEXTS } from '../helpers/hostile-text';

/**
 * How long the detector takes on text built to be slow, in wall time; that
 * what it finds there is right is checked in tests/lib/nlp/detector.fuzz.test.ts.
 * Run with the e2e files, one file at a time (see tests/perf/lookup.perf.ts).
 */

describe('detector.scan on hostile text', () => {
  it('takes under 5 s on each half megabyte without a single space', () => {
    const detector = compileDetector(packFromDisk());
    detector.scan('warm up: depression is just laziness.');
    for (const text of NO_SPACE_TEXTS) {
      const started = performance.now();
      detector.scan(text);
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(5_000);
    }
  });
});
