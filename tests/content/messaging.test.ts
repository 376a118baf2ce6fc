// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from '../../entrypoints/content/script-context';
import { sendChange, sendToBackground } from '../../entrypoints/content/messaging';

/** Issue #8: a content script's sends when the worker restarts or the extension is gone. */

const ID = fakeBrowser.runtime.id;
let ctx: ContentScriptContext;

beforeEach(() => {
  fakeBrowser.reset();
  ctx = new ContentScriptContext('test');
});
afterEach(() => {
  (fakeBrowser.runtime as { id?: string }).id = ID;
  vi.restoreAllMocks();
});

describe('sendToBackground', () => {
  it('asks once more when the background did not answer (a stopped service worker)', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockResolvedValueOnce({ active: true });
    expect(await sendToBackground(ctx, { type: 'getScanConfig' })).toEqual({ active: true });
    expect(send).toHaveBeenCalledTimes(2);
    expect(ctx.isValid).toBe(true);
  });

  it('gives up after the second failure, and never repeats a "not a myth" note', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('gone'));
    expect(await sendToBackground(ctx, { type: 'getScanConfig' })).toBeNull();
    expect(send).toHaveBeenCalledTimes(2);
    send.mockClear();
    const note = { type: 'reportNotMyth', mythId: 'a', sentence: 's' } as const;
    expect(await sendToBackground(ctx, note)).toBeNull();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('stops the script quietly when the extension context is invalidated', async () => {
    const teardown = vi.fn();
    ctx.onInvalidated(teardown);
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValue(new Error('Extension context invalidated.'));
    expect(await sendToBackground(ctx, { type: 'getScanConfig' })).toBeNull();
    expect(send).toHaveBeenCalledTimes(1);
    expect(teardown).toHaveBeenCalledTimes(1);
  });

  it('sends nothing once the runtime id is gone', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    expect(await sendToBackground(ctx, { type: 'getScanConfig' })).toBeNull();
    expect(send).not.toHaveBeenCalled();
    expect(ctx.isInvalid).toBe(true);
  });
});

describe('sendChange', () => {
  const hide = { type: 'hideCategory', category: 'willpower' } as const;

  it('resolves null once the background stored the change', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true });
    expect(await sendChange(ctx, hide)).toBeNull();
  });

  it("resolves to the background's reason when it refused (issue 13: said, never silent)", async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({
      ok: false,
      error: 'the list of notes is full',
    });
    expect(await sendChange(ctx, hide)).toBe('the list of notes is full');
  });
});

describe('ContentScriptContext (issue 13)', () => {
  it('tells the page nothing when it starts, and a forged WXT event does not stop it', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const fresh = new ContentScriptContext('content');
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    const name = `${fakeBrowser.runtime.id}:content:wxt:content-script-started`;
    document.dispatchEvent(
      new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'page' } }),
    );
    window.postMessage({ type: name, contentScriptName: 'content', messageId: 'page' }, '*');
    expect(fresh.isValid).toBe(true);
  });
});
