// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from '../../entrypoints/content/script-context';
import {
  isContextInvalidated,
  removeLeftovers,
  stopWhenOrphaned,
} from '../../entrypoints/content/lifecycle';

/** Issue #8: an old content script notices it was orphaned, and a new one tidies after it. */

const ID = fakeBrowser.runtime.id;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  (fakeBrowser.runtime as { id?: string }).id = ID;
  document.body.replaceChildren();
  document.querySelectorAll('myth-lens-ui').forEach((e) => e.remove());
});

/** Replaces the body with `html`, parsed. */
function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes));
}

const bodyHtml = () => new XMLSerializer().serializeToString(document.body);

/** What Chrome does to a content script whose extension was updated or reloaded. */
function orphan(): void {
  (fakeBrowser.runtime as { id?: string }).id = undefined;
}

describe('stopWhenOrphaned', () => {
  it('tears the script down on the first scroll, key or pointer after the context is gone', () => {
    for (const event of ['scroll', 'keydown', 'pointerdown', 'focus', 'resize']) {
      const ctx = new ContentScriptContext(`test-${event}`);
      const teardown = vi.fn();
      ctx.onInvalidated(teardown);
      stopWhenOrphaned(ctx);
      window.dispatchEvent(new Event(event));
      expect(teardown).not.toHaveBeenCalled();
      orphan();
      window.dispatchEvent(new Event(event));
      expect(teardown, event).toHaveBeenCalledTimes(1);
      (fakeBrowser.runtime as { id?: string }).id = ID;
    }
  });

  it('also when the tab is shown again', () => {
    const ctx = new ContentScriptContext('test-visibility');
    const teardown = vi.fn();
    ctx.onInvalidated(teardown);
    stopWhenOrphaned(ctx);
    orphan();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(teardown).toHaveBeenCalledTimes(1);
  });
});

describe('isContextInvalidated', () => {
  it('tells the orphaned-context error from other send failures', () => {
    expect(isContextInvalidated(new Error('Extension context invalidated.'))).toBe(true);
    expect(
      isContextInvalidated(
        new Error('Could not establish connection. Receiving end does not exist.'),
      ),
    ).toBe(false);
    expect(isContextInvalidated('Extension context invalidated.')).toBe(false);
  });
});

describe('removeLeftovers', () => {
  it('removes an earlier copy’s card host, and leaves page-made look-alikes alone', () => {
    // Myth Lens no longer wraps text in marks: unwrapping a page's own
    // <myth-lens-mark> would change its DOM and tell it the extension is here.
    setBody(
      '<p id="p">One <myth-lens-mark>depression is <b>laziness</b></myth-lens-mark> two.</p>',
    );
    const old = document.createElement('myth-lens-ui');
    const oldShadow = old.attachShadow({ mode: 'open' });
    const mark = document.createElement('style');
    mark.setAttribute('data-myth-lens-card', '');
    oldShadow.append(mark, 'old card');
    // Page-made: a bare element, and one with a shadow root of its own.
    const bare = document.createElement('myth-lens-ui');
    const lookAlike = document.createElement('myth-lens-ui');
    lookAlike.attachShadow({ mode: 'open' }).append(document.createElement('style'), 'fake');
    document.documentElement.append(old, bare, lookAlike);
    const before = bodyHtml();
    // The test reads shadow roots as the extension does; these are open for the test's sake.
    expect(removeLeftovers(document, (el) => el.shadowRoot)).toBe(1);
    expect(old.isConnected).toBe(false);
    expect(bare.isConnected && lookAlike.isConnected).toBe(true);
    expect(bodyHtml()).toBe(before);
    bare.remove();
    lookAlike.remove();
  });

  it('removes nothing where the browser gives no way to read closed shadow roots', () => {
    const old = document.createElement('myth-lens-ui');
    old.attachShadow({ mode: 'closed' });
    document.documentElement.append(old);
    expect(removeLeftovers(document)).toBe(0);
    old.remove();
  });

  it('changes nothing on a page without leftovers', () => {
    setBody('<p>Plain text.</p>');
    const before = bodyHtml();
    expect(removeLeftovers(document)).toBe(0);
    expect(bodyHtml()).toBe(before);
  });
});

describe('ContentScriptContext timers', () => {
  it('drops the teardown hook of a timer once it has fired, and still clears a pending one', async () => {
    const ctx = new ContentScriptContext('test-timers');
    let fired = 0;
    for (let i = 0; i < 50; i++) ctx.setTimeout(() => fired++, 0);
    await new Promise((r) => setTimeout(r, 20));
    expect(fired).toBe(50);
    const pending = ctx.setTimeout(() => fired++, 10_000);
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    ctx.notifyInvalidated();
    // Only the timer that had not fired is cleared at teardown: one call, not 51.
    expect(cleared.mock.calls.map((c) => c[0])).toEqual([pending]);
    cleared.mockRestore();
  });
});
