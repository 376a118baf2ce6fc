import { defineContentScript } from 'wxt/utils/define-content-script';
import { PageController } from './controller';
import { removeLeftovers, stopWhenOrphaned } from './lifecycle';
import type { ContentScriptContext } from './script-context';

/**
 * Thin: everything the content script schedules goes through `ctx`, so an
 * extension update leaves the old script inert instead of throwing
 * "Extension context invalidated"; lifecycle.ts says what each browser does
 * then and why the old script clears its highlights and card.
 *
 * No manifest stylesheet: the highlight styles are added only once there is
 * something to highlight (highlight-style.ts), so a page with nothing to show
 * cannot tell that Myth Lens is installed (issue 13).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  main(wxtCtx) {
    // wxt.config.ts aliases WXT's context module to ./script-context, so this is ours.
    const ctx = wxtCtx as unknown as ContentScriptContext;
    removeLeftovers(document);
    const controller = new PageController(ctx);
    ctx.onInvalidated(() => controller.stop());
    stopWhenOrphaned(ctx);
    void controller.start();
  },
});
