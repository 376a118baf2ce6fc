import { browser } from 'wxt/browser';

export interface ShortcutInfo {
  name: string;
  description: string;
  shortcut: string;
}

/** The extension's keyboard commands as the browser has them now (a person may have changed them). */
export async function shortcuts(): Promise<ShortcutInfo[]> {
  const all = await browser.commands.getAll().catch(() => []);
  return all.map((c) => ({
    name: c.name ?? '',
    description:
      c.name === '_execute_action' || c.name === '_execute_browser_action'
        ? 'Open Myth Lens'
        : (c.description ?? ''),
    shortcut: c.shortcut ?? '',
  }));
}

/** The browser's own page for extension shortcuts. */
export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) return commands.openShortcutSettings();
  const url = import.meta.env.FIREFOX ? 'about:addons' : 'chrome://extensions/shortcuts';
  await browser.tabs.create({ url });
}

/** Saves text as a file through an object URL: nothing leaves the device. */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
