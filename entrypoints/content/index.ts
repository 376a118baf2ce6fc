import { defineContentScript } from 'wxt/utils/define-content-script';
import { PageController } from './controller';
import { removeLeftovers, stopWhenOrphaned } from './lifecycle';
import './style.css';

/**
 * Thin: everything the content script schedules goes through `ctx`, so an
 * extension update leaves the old script inert instead of throwing
 * "Extension context invalidated"; lifecycle.ts says what each browser does
 * then and why the old script clears its highlights and card.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  main(ctx) {
    removeLeftovers(document);
    const controller = new PageController(ctx);
    ctx.onInvalidated(() => controller.stop());
    stopWhenOrphaned(ctx);
    void controller.start();
  },
});
