import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    if (ctx.isInvalid) return;
    void browser.runtime.sendMessage({ type: 'hello' }).catch(() => undefined);
  },
});
