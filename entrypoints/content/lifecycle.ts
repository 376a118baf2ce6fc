import type { ContentScriptContext } from './script-context';
import { HOST_TAG, SHADOW_MARK } from './card-host';

/**
 * Issue #8: what a content script does when its extension is updated,
 * reloaded or disabled while the page stays open.
 *
 * Chrome keeps the old script running, cut off: `browser.runtime.id` turns
 * undefined and every extension call throws "Extension context invalidated".
 * It injects no new script into open tabs, so the page keeps underlines that
 * nothing can explain any more, and an open card threw that error on the next
 * scroll (it draws its strings through `i18n.getMessage`). The old script
 * therefore takes everything it added off the page, so the page reads as it
 * did before Myth Lens, until the person reloads it and the new version runs.
 *
 * Firefox kills the old script outright (its listeners stop) and injects the
 * new version, but leaves the old script's DOM behind: an open card stayed on
 * screen, dead, under the new one. The new script removes such leftovers.
 */

/**
 * Stops the script on the first sign of use once its extension context is
 * gone: the tab shown again, a pointer or key press, a scroll or resize. Each
 * listener only reads `ctx.isInvalid`, which notices the missing runtime id and
 * runs the script's `onInvalidated` teardown; they are ctx listeners, so that
 * teardown removes them too. Capture and passive: they run before the card's
 * own scroll and key handlers, and never delay scrolling.
 */
export function stopWhenOrphaned(ctx: ContentScriptContext): void {
  const check = () => void ctx.isInvalid;
  const options = { capture: true, passive: true };
  ctx.addEventListener(document, 'visibilitychange', check, options);
  for (const type of ['focus', 'pointerdown', 'keydown', 'scroll', 'resize'] as const) {
    ctx.addEventListener(window, type, check, options);
  }
}

/** Whether an error from an extension API means this script's extension is gone. */
export function isContextInvalidated(error: unknown): boolean {
  return error instanceof Error && /extension context invalidated/i.test(error.message);
}

/**
 * Removes what an earlier copy of this script left in `doc`: its shadow host,
 * an open card included. Call before this copy adds anything. Returns how
 * many elements it removed. Only a host whose closed shadow root holds the
 * card's mark goes: a page can make a `<myth-lens-ui>` of its own, and seeing
 * it removed would tell the page that Myth Lens is installed (issue 13).
 */
export function removeLeftovers(doc: Document, shadowOf = closedShadowRoot): number {
  const hosts = Array.from(doc.querySelectorAll(HOST_TAG)).filter(
    (host) => shadowOf(host)?.querySelector(`style[${SHADOW_MARK}]`) != null,
  );
  for (const host of hosts) host.remove();
  return hosts.length;
}

/**
 * An element's shadow root, closed ones included, as only extension code can
 * see it: Firefox gives content scripts `openOrClosedShadowRoot`, Chrome has
 * `chrome.dom.openOrClosedShadowRoot`. Chrome never needs it here (it injects
 * no new script into open tabs); without either, nothing is removed.
 */
function closedShadowRoot(el: Element): ShadowRoot | null {
  const own = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null })
    .openOrClosedShadowRoot;
  if (own !== undefined) return own;
  const dom = (
    globalThis as {
      chrome?: { dom?: { openOrClosedShadowRoot?: (e: Element) => ShadowRoot | null } };
    }
  ).chrome?.dom;
  return dom?.openOrClosedShadowRoot?.(el) ?? null;
}
