import { browser } from 'wxt/browser';
import type { ContentScriptContext } from './script-context';
import {
  parseReply,
  type FromContent,
  type FromContentReplies,
  type RequestOf,
} from '../../lib/protocol';
import { isContextInvalidated } from './lifecycle';

/** How long to wait before asking again when the background did not answer. */
const RETRY_DELAY = 200;

/**
 * Sends a message to the background, or resolves null when it cannot answer.
 * When the extension context is gone (updated, reloaded or disabled while this
 * page stayed open), it stops this script through `ctx` and resolves null, so
 * an old content script goes quiet instead of throwing. When the context is
 * fine but the send failed, the background was most likely a service worker
 * stopped mid-request: Chrome starts it again for the next message, so the
 * message is sent once more rather than leaving a scan half done (issue #8).
 * Each message but one only reads, or sets a value outright, so is safe to
 * repeat; a "not a myth here" note might be stored twice, so it is not.
 */
export async function sendToBackground<K extends FromContent['type']>(
  ctx: ContentScriptContext,
  message: RequestOf<FromContent, K>,
): Promise<FromContentReplies[K] | null> {
  for (let attempt = 0; ; attempt++) {
    if (ctx.isInvalid) return null;
    try {
      return parseReply(message.type as K, await browser.runtime.sendMessage(message));
    } catch (error) {
      if (isContextInvalidated(error)) ctx.notifyInvalidated();
      if (attempt > 0 || message.type === 'reportNotMyth' || ctx.isInvalid) return null;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY));
    }
  }
}

/**
 * Sends a change (hide a category, store a note) and resolves to why the
 * background refused it, or null once it is stored: a refused change is said
 * to the person, never dropped in silence (issue 13).
 */
export async function sendChange(
  ctx: ContentScriptContext,
  message: RequestOf<FromContent, 'hideCategory' | 'reportNotMyth'>,
): Promise<string | null> {
  const answer = await sendToBackground(ctx, message);
  if (answer === null) return 'Myth Lens could not save this.';
  return answer.ok ? null : answer.error;
}

/**
 * Gives the page a turn between slices of work. A timer, not
 * `scheduler.yield()`: that continuation runs ahead of the page's own timers,
 * so a long scan made of short slices still kept the page's timers waiting
 * (Firefox, measured in the soak: one 99 ms stall from twelve 8 ms slices).
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
