import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { compileDetector } from '../../../lib/nlp/detector';
import { packForDetector } from '../../../lib/pack/pack-for-detector';
import { parsePattern } from '../../../lib/nlp/pattern-anchors';
import {
  packSources,
  precompilePack,
  revivePrecompiled,
  serializePrecompiled,
} from '../../../lib/pack/precompiled';
import { packFromDisk } from '../../../scripts/lib/pack-from-disk';
import { everyExample } from '../../helpers/examples';

const pack = packFromDisk();
const text = serializePrecompiled(precompilePack(pack));
const revived = revivePrecompiled(text);
const examples = everyExample(pack);

describe('precompiled pack', () => {
  it('revives every parse exactly as compromise makes it, Sets included', () => {
    expect(revived).not.toBeNull();
    for (const source of packSources(pack)) {
      expect(revived!.regs[source], source).toEqual(parsePattern(source));
    }
    const withSet = Object.values(revived!.regs)
      .flat()
      .some((t) => (t as { fastOr?: unknown }).fastOr instanceof Set);
    expect(withSet).toBe(true);
  });

  it('compiles the same prefilter and finds the same things as a live compile', () => {
    const live = compileDetector(pack);
    const fromBuild = compileDetector({ ...pack, precompiled: revived });
    expect(fromBuild.prefilter).toEqual(live.prefilter);
    for (const sentence of examples) {
      expect(fromBuild.scan(sentence), sentence).toEqual(live.scan(sentence));
    }
    const some = { categories: ['willpower', 'trauma'], disabledMyths: ['depression-is-laziness'] };
    expect(compileDetector({ ...pack, precompiled: revived }, some).prefilter).toEqual(
      compileDetector(pack, some).prefilter,
    );
  });

  it('uses the build data instead of parsing', () => {
    // A plan that can never pass the gate proves the detector read the data.
    const source = pack.myths[0]!.patterns[0]!;
    const doctored = structuredClone(revived!);
    doctored.regs = revived!.regs;
    doctored.plans[source] = { groups: [['zzzqqq']], gate: 0 };
    const d = compileDetector({ ...pack, precompiled: doctored });
    expect(d.prefilter.words).toContain('zzzqqq');
  });

  it('compiles live what the data lacks, so stale data is never wrong', () => {
    const partial = { ...revived!, regs: {}, plans: {} };
    const sentence = pack.myths[0]!.examples.asserts[0]!;
    expect(compileDetector({ ...pack, precompiled: partial }).scan(sentence)).toEqual(
      compileDetector(pack).scan(sentence),
    );
  });

  it('refuses data from another compromise version or that is not JSON', () => {
    const other = text.replace(`"compromise":"${nlp.version}"`, '"compromise":"0.0.1"');
    expect(other).not.toBe(text);
    expect(revivePrecompiled(other)).toBeNull();
    expect(revivePrecompiled('{not json')).toBeNull();
    expect(revivePrecompiled('null')).toBeNull();
  });

  it('is embedded by the build plugin for the bundled pack, covering every pattern', () => {
    const bundled = packForDetector();
    expect(bundled.precompiled).toBeTruthy();
    for (const source of packSources(bundled)) {
      expect(bundled.precompiled!.regs[source], source).toBeDefined();
    }
    for (const source of bundled.myths.flatMap((m) => m.patterns)) {
      expect(bundled.precompiled!.plans[source], source).toBeDefined();
    }
  });
});
