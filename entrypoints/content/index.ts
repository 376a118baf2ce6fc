import { defineContentScript } from 'wxt/utils/define-content-script';
import { PageController } from './controller';
import './style.css';

/**
 * Thin: everything the content script schedules goes through `ctx`, so an
 * extension update leaves the old script inert instead of throwing
 * "Extension context invalidated".
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  main(ctx) {
    const controller = new PageController(ctx);
    ctx.onInvalidated(() => controller.stop());
    void controller.start();
  },
});
