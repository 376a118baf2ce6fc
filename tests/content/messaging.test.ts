// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from '../../entrypoints/content/script-context';
import { sendToBackground } from '../../entrypoints/content/messaging';

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
