// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { CardHost as CardHostType } from '../../entrypoints/content/card-host';
import { mythViews, testPack } from '../helpers/components';
import { t } from '../helpers/t';

/** Issue 13: a page can neither read the card nor press its buttons. */

const myth = mythViews(testPack())[0]!;
let ui: CardHostType;
let CardHost: typeof CardHostType;
let HOST_TAG: string;

beforeAll(async () => {
  // card-host.tsx takes browser.i18n.getMessage when it loads: English strings first.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string[]) =>
    t(key, subs)) as typeof fakeBrowser.i18n.getMessage);
  ({ CardHost, HOST_TAG } = await import('../../entrypoints/content/card-host'));
});

afterEach(() => ui?.destroy());

function openCard() {
  ui = new CardHost();
  const onHideCategory = vi.fn();
  const onNotAMyth = vi.fn();
  ui.open({
    myth,
    stance: 'asserts',
    anchor: () => new DOMRect(10, 10, 100, 20),
    onHideCategory,
    onNotAMyth,
  });
  // The test reaches in as only the content script can: the root is closed to the page.
  const shadow = (ui as unknown as { shadow: ShadowRoot }).shadow;
  return { shadow, onHideCategory, onNotAMyth };
}

describe('CardHost', () => {
  it('keeps its shadow root closed to page scripts', () => {
    openCard();
    const host = document.querySelector(HOST_TAG)!;
    expect(host).not.toBeNull();
    expect(host.shadowRoot).toBeNull();
  });

  it("ignores a script's clicks and keys on its buttons", () => {
    const { shadow, onHideCategory, onNotAMyth } = openCard();
    const buttons = [...shadow.querySelectorAll('button')];
    expect(buttons.length).toBeGreaterThanOrEqual(3);
    for (const b of buttons) {
      b.click();
      b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      b.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    }
    shadow
      .querySelector('[role="dialog"]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onHideCategory).not.toHaveBeenCalled();
    expect(onNotAMyth).not.toHaveBeenCalled();
    expect(ui.isOpen).toBe(true);
  });

  it('describes the open card to the extension, and nothing once closed', () => {
    openCard();
    const card = ui.describe()!;
    expect(card.verdict).toBe(myth.verdict);
    expect(card.buttons.map((b) => b.label).join(' ')).toMatch(/Hide this category/);
    ui.close(false);
    expect(ui.describe()).toBeNull();
  });
});
