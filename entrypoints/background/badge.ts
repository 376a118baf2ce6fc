import { browser } from 'wxt/browser';
import type { BackgroundState } from './state';

/** The toolbar action: `action` in MV3, `browserAction` in Firefox's MV2. */
export const action = browser.action ?? browser.browserAction;

/** A calm, readable badge: white on a deep purple passes WCAG contrast. */
const BADGE_COLOR = '#4b2c83';

/** Shows the number of asserted findings for a tab; no badge for zero. */
export async function setBadge(tabId: number, asserted: number): Promise<void> {
  await action.setBadgeText({ tabId, text: asserted > 0 ? String(Math.min(asserted, 999)) : '' });
  await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  // Not every browser has setBadgeTextColor (Firefox MV2 does; older Chromium may not).
  (action as { setBadgeTextColor?: (d: object) => Promise<void> }).setBadgeTextColor?.({
    tabId,
    color: '#ffffff',
  });
}

export function installBadge(state: BackgroundState): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A navigation starts a fresh page: the old count no longer applies.
    if (change.status === 'loading' && change.url !== undefined) {
      void state
        .forgetTab(tabId)
        .then(() => setBadge(tabId, 0))
        .catch(() => undefined);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    state.seenTabs.delete(tabId);
    void state.forgetTab(tabId).catch(() => undefined);
  });
}
