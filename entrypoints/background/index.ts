import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { installBadge } from './badge';
import { installContextMenu } from './context-menu';
import { isCommand, type ToContent } from '../../lib/protocol';
import { installMessageHandlers } from './handlers';
import { createState } from './state';

/**
 * The background wires storage, messaging and the detector. It keeps no state
 * that matters only in memory: settings live in storage and are re-read on
 * wake, so a sleeping MV3 service worker loses nothing.
 */
export default defineBackground(() => {
  const state = createState();
  // Read by the e2e smoke test: which tabs' content scripts reported in.
  (globalThis as { mythLensSeenTabs?: Set<number> }).mythLensSeenTabs = state.seenTabs;
  installMessageHandlers(state);
  installBadge(state);
  installContextMenu();
  browser.commands.onCommand.addListener((command) => {
    if (!isCommand(command)) return;
    const message: ToContent = { type: 'command', command };
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id === undefined) return;
      browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
    });
  });
});
