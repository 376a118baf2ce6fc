import { browser } from 'wxt/browser';

const MENU_ID = 'myth-lens-check';

/** "Check with Myth Lens" on selected text opens the lookup with that text. */
export function installContextMenu(): void {
  const menus = browser.contextMenus ?? (browser as { menus?: typeof browser.contextMenus }).menus;
  if (!menus) return;
  browser.runtime.onInstalled.addListener(() => {
    menus.removeAll().then(() =>
      menus.create({
        id: MENU_ID,
        title: message('contextMenuCheck', 'Check with Myth Lens'),
        contexts: ['selection'],
      }),
    );
  });
  menus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    void openLookup(info.selectionText);
  });
}

/** Opens the popup page in a small window, with the text to check in its URL. */
export async function openLookup(text: string): Promise<void> {
  const url = browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(text.slice(0, 5000))}`);
  await browser.windows.create({ url, type: 'popup', width: 420, height: 640 });
}

/** A UI string from _locales, with an English fallback while a key is missing. */
function message(key: string, fallback: string): string {
  return (browser.i18n.getMessage as (k: string) => string)(key) || fallback;
}
