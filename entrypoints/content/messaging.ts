import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FromContent } from '../../lib/messages';

/**
 * Sends a message to the background, or resolves null when the extension
 * context is gone (updated or reloaded while this page stayed open): an old
 * content script then goes quiet instead of throwing.
 */
export async function sendToBackground<T>(
  ctx: ContentScriptContext,
  message: FromContent,
): Promise<T | null> {
  if (ctx.isInvalid) return null;
  try {
    return ((await browser.runtime.sendMessage(message)) as T | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Gives the page a turn between slices of work. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
