import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

/** Tabs whose content script has reported in; read by the e2e smoke test. */
const seenTabs = new Set<number>();

export default defineBackground(() => {
  (globalThis as { mythLensSeenTabs?: Set<number> }).mythLensSeenTabs = seenTabs;
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined) return undefined;
    if (
      typeof message === 'object' &&
      message !== null &&
      (message as { type?: unknown }).type === 'hello'
    ) {
      seenTabs.add(sender.tab.id);
      return Promise.resolve({ ok: true });
    }
    return undefined;
  });
});
