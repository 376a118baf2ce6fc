import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FrameCounts, memoryArea } from '../../entrypoints/background/frame-counts';
import { createState } from '../../entrypoints/background/state';

/**
 * Issue #8: the badge is the sum over a tab's frames, and Chrome may stop the
 * service worker between two frames' reports. A new FrameCounts (or a new
 * background state) on the same session storage is that restarted worker.
 */

beforeEach(() => {
  fakeBrowser.reset();
});

describe('FrameCounts', () => {
  it('keeps every frame of a tab across a restart of the worker', async () => {
    const area = fakeBrowser.storage.session;
    expect(await new FrameCounts(area).set(7, 0, 1)).toBe(1);
    expect(await new FrameCounts(area).set(7, 3, 1)).toBe(2);
    const restarted = new FrameCounts(area);
    expect(await restarted.set(7, 0, 2)).toBe(3);
    expect(await restarted.set(8, 0, 5)).toBe(5);
  });

  it('loses no frame when frames report at the same moment', async () => {
    const counts = new FrameCounts(fakeBrowser.storage.session);
    await Promise.all([0, 1, 2, 3, 4].map((frame) => counts.set(7, frame, 1)));
    expect(await counts.set(7, 5, 0)).toBe(5);
  });

  it('forgets a tab, and ignores a stored value of the wrong shape', async () => {
    const area = memoryArea();
    const counts = new FrameCounts(area);
    await counts.set(7, 0, 4);
    await counts.forget(7);
    expect(await counts.set(7, 1, 1)).toBe(1);
    await area.set({ 'frameCounts:9': { 0: 'three' } });
    expect(await counts.set(9, 1, 2)).toBe(2);
  });
});

describe('the background state', () => {
  it('shows all frames on the badge after the worker restarts', async () => {
    await createState().frameCount(7, 0, 2);
    await createState().frameCount(7, 4, 1);
    // A new state is what a woken service worker builds: only storage is left.
    const woken = createState();
    await woken.frameCount(7, 0, 3);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('4');
    await woken.forgetTab(7);
    await woken.frameCount(7, 4, 1);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1');
  });
});
