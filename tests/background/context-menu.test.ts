import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { installContextMenu, openLookup } from '../../entrypoints/background/context-menu';

/**
 * The context menu cannot be clicked in a headless browser, so its two halves
 * are proven apart: here, that a click opens `popup.html?q=<selection>` in a
 * popup window; in tests/e2e/popup.e2e.ts, that the popup opened at such a URL
 * ranks the selection's myth first.
 */

afterEach(() => {
  vi.restoreAllMocks();
});

type CreateData = Parameters<typeof fakeBrowser.windows.create>[0];

/** The windows.create calls made, with the URL taken apart as the popup reads it. */
function openedWindows(create: { mock: { calls: unknown[][] } }) {
  return create.mock.calls.map(([data]) => {
    const { url, ...rest } = data as CreateData & { url: string };
    const parsed = new URL(url);
    return {
      ...rest,
      // Not `origin`: it is "null" for a chrome-extension: URL outside a browser.
      page: `${parsed.protocol}//${parsed.host}${parsed.pathname}`,
      // entrypoints/popup/main.tsx reads the text with URLSearchParams#get('q').
      q: parsed.searchParams.get('q'),
    };
  });
}

describe('openLookup', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('opens the popup page with the selected text in ?q=, in a small popup window', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const text = 'Honestly, running cures depression & anxiety — #trust me, 100% + “really”';
    await openLookup(text);
    expect(openedWindows(create)).toEqual([
      {
        page: `chrome-extension://${fakeBrowser.runtime.id}/popup.html`,
        q: text,
        type: 'popup',
        width: 420,
        height: 640,
      },
    ]);
    // The exact shape the e2e test opens: popup.html?q=<encodeURIComponent(text)>.
    expect((create.mock.calls[0]![0] as { url: string }).url).toBe(
      fakeBrowser.runtime.getURL(`/popup.html?q=${encodeURIComponent(text)}`),
    );
  });

  it('passes at most 5000 characters of a long selection', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    await openLookup(`${'Depression is just laziness. '.repeat(400)}END`);
    const [opened] = openedWindows(create);
    expect(opened?.q).toHaveLength(5000);
    expect(opened?.q?.startsWith('Depression is just laziness. ')).toBe(true);
  });

  it('never cuts an emoji in half at the limit', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    await openLookup(`${'x'.repeat(4999)}😀 and more`);
    const [opened] = openedWindows(create);
    expect(opened?.q).toBe('x'.repeat(4999));
  });
});

describe('installContextMenu', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  /** The fake browser has no contextMenus; these stand in for the calls the module makes. */
  function fakeMenus() {
    const menus = fakeBrowser.contextMenus;
    const created: unknown[] = [];
    let onClicked: ((info: object) => void) | undefined;
    vi.spyOn(menus, 'removeAll').mockResolvedValue(undefined);
    vi.spyOn(menus, 'create').mockImplementation((props) => {
      created.push(props);
      return 'myth-lens-check';
    });
    vi.spyOn(menus.onClicked, 'addListener').mockImplementation((listener) => {
      onClicked = listener as (info: object) => void;
    });
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Check with Myth Lens');
    return {
      created,
      click: (info: object) => {
        if (!onClicked) throw new Error('no onClicked listener was added');
        onClicked(info);
      },
    };
  }

  it('adds "Check with Myth Lens" for selected text when installed', async () => {
    const menus = fakeMenus();
    installContextMenu();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(menus.created).toHaveLength(1));
    expect(menus.created[0]).toEqual({
      id: 'myth-lens-check',
      title: 'Check with Myth Lens',
      contexts: ['selection'],
    });
  });

  it('opens the lookup for a click on its item with a selection, and for nothing else', async () => {
    const menus = fakeMenus();
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    installContextMenu();
    menus.click({ menuItemId: 'someone-else', selectionText: 'depression is laziness' });
    menus.click({ menuItemId: 'myth-lens-check' });
    menus.click({ menuItemId: 'myth-lens-check', selectionText: 'he needs to man up' });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(openedWindows(create)[0]?.q).toBe('he needs to man up');
  });
});
