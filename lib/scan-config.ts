import { compileDetector, type Detector } from './nlp/detector';
import type { Pack } from './pack/pack';
import { enabledCategories, isActiveOn, type Settings } from './settings/settings';

/**
 * What a tab needs to scan under the current settings: whether to run on its
 * host, the prefilter, the display options, and a version that changes with
 * anything that changes findings, so late answers from old settings are dropped.
 */
export interface ScanConfig {
  active: boolean;
  configVersion: string;
  prefilter: Detector['prefilter'] | null;
  highlightStyle: Settings['highlightStyle'];
  showRefutations: boolean;
}

/** Compiles detectors on demand and keeps the last few, keyed by what they detect. */
export class DetectorCache {
  private readonly cache = new Map<string, Detector>();

  constructor(private readonly pack: Pack) {}

  versionFor(settings: Settings): string {
    const on = enabledCategories(settings).sort().join(',');
    const off = [...settings.disabledMyths].sort().join(',');
    return `${this.pack.meta.version}|${on}|${off}`;
  }

  detectorFor(settings: Settings): Detector {
    const key = this.versionFor(settings);
    let d = this.cache.get(key);
    if (!d) {
      d = compileDetector(this.pack, {
        categories: enabledCategories(settings),
        disabledMyths: settings.disabledMyths,
      });
      if (this.cache.size >= 4) this.cache.clear();
      this.cache.set(key, d);
    }
    return d;
  }

  configFor(settings: Settings, host: string | null): ScanConfig {
    const active = host !== null && isActiveOn(settings, host);
    return {
      active,
      configVersion: this.versionFor(settings),
      prefilter: active ? this.detectorFor(settings).prefilter : null,
      highlightStyle: settings.highlightStyle,
      showRefutations: settings.showRefutations,
    };
  }
}
