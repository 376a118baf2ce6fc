import { browser } from 'wxt/browser';
import { setBadge } from './badge';
import { FrameCounts, memoryArea, type SessionAreaLike } from './frame-counts';
import { bundledPack } from '../../lib/pack/pack-bundled';
import { packForDetector } from '../../lib/pack/pack-for-detector';
import { DetectorCache } from '../../lib/scan-config';
import type { Renames, Settings } from '../../lib/settings/settings';
import { readSettings, settingsArea, SETTINGS_KEY } from '../../lib/settings/settings-store';
import renames from '../../content/renames.json';

/** The background's working state, rebuilt from storage whenever the worker wakes. */
export interface BackgroundState {
  /** Tabs whose content script asked for its configuration since this worker started (e2e smoke test). */
  seenTabs: Set<number>;
  /** Built on first use, so a waking service worker answers its first message quickly. */
  detectors(): DetectorCache;
  settings(): Promise<Settings>;
  /** Records one frame's asserted count and shows the tab's total on the badge. */
  frameCount(tabId: number, frameId: number, asserted: number): Promise<void>;
  forgetTab(tabId: number): Promise<void>;
}

export function createState(): BackgroundState {
  let detectors: DetectorCache | null = null;
  let cached: Promise<Settings> | null = null;
  browser.storage.onChanged.addListener((changes) => {
    if (SETTINGS_KEY in changes) cached = null;
  });
  const session = (browser.storage as { session?: SessionAreaLike }).session;
  const counts = new FrameCounts(session ?? memoryArea());
  return {
    seenTabs: new Set(),
    frameCount: async (tabId, frameId, asserted) => {
      await setBadge(tabId, await counts.set(tabId, frameId, asserted));
    },
    forgetTab: (tabId) => counts.forget(tabId),
    detectors: () => (detectors ??= new DetectorCache(packForDetector())),
    settings: () =>
      (cached ??= settingsArea(browser.storage).then((area) =>
        readSettings(area, bundledPack(), renames as Renames),
      )),
  };
}
