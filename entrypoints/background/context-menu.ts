import { browser } from 'wxt/browser';
import { translator } from '../../lib/translate';

const MENU_ID = 'myth-lens-check';

/** "Check with Myth Lens" on selected text opens the lookup with that text. */
export function installContextMenu(): void {
  const menus = browser.contextMenus ?? (browser as { menus?: typeof browser.contextMenus }).menus;
  if (!menus) return;
  const register = () =>
    menus.removeAll().then(() =>
      menus.create({
        id: MENU_ID,
        title: message('contextMenuCheck', 'Check with Myth Lens'),
        contexts: ['selection'],
      }),
    );
  // Chrome keeps menus across restarts of its service worker; Firefox's MV2
  // background page starts fresh with every browser start, so it registers each time.
  if (import.meta.env.FIREFOX) void register();
  else browser.runtime.onInstalled.addListener(() => void register());
  menus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    void openLookup(info.selectionText);
  });
}

/** Opens the popup page in a small window, with the text to check in its URL. */
export async function openLookup(text: string): Promise<void> {
  let cut = text.slice(0, 5000);
  // Never cut an emoji in half: a lone surrogate makes encodeURIComponent throw.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const url = browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(cut)}`);
  await browser.windows.create({ url, type: 'popup', width: 420, height: 640 });
}

/** A UI string from _locales, with an English fallback while a key is missing. */
function message(key: string, fallback: string): string {
  return translator(browser.i18n.getMessage, () => fallback)(key);
}
