import type { ContentScriptContext } from './script-context';

/**
 * What the content script learns from the page's events, and only from what a
 * page cannot forge (issue 13). A page can dispatch any event on `window`,
 * `document` or `navigation`, with any name and any fields, but never one
 * with `isTrusted` set: the browser sets that only for its own events, which
 * is what real user input and real navigations are.
 */

/** How often the address is compared where the Navigation API is missing (Firefox ESR). */
const POLL_MS = 1_000;
/** A page that changes its address many times a second restarts the scan at most this often. */
const MIN_RESTART_MS = 1_000;

type NavigationLike = EventTarget;

/**
 * Calls `onChange` after the document's address changed within the page (a
 * single-page app's navigation), at most once per second, trailing, so the
 * last address is always scanned. The address is the judge: the Navigation
 * API's trusted `navigate` and `navigatesuccess`, or a poll where that API is missing, only
 * prompt a look at `location.href`, and nothing happens unless it really
 * changed. Replaces WXT's `wxt:locationchange`, a window event a page could
 * dispatch itself to keep the script restarting.
 */
function watchLocation(ctx: ContentScriptContext, onChange: () => void): void {
  let last = location.href;
  let lastRun = 0;
  let timer: number | undefined;
  const fire = () => {
    timer = undefined;
    lastRun = Date.now();
    onChange();
  };
  const look = () => {
    if (location.href === last) return;
    last = location.href;
    if (timer !== undefined) return;
    timer = ctx.setTimeout(fire, Math.max(0, lastRun + MIN_RESTART_MS - Date.now()));
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    // `navigate` fires before a pushState's address is in place: look a turn later.
    ctx.addEventListener(navigation, 'navigate', (e) => {
      if (e.isTrusted) ctx.setTimeout(look, 0);
    });
    ctx.addEventListener(navigation, 'navigatesuccess', (e) => {
      if (e.isTrusted) look();
    });
  } else {
    ctx.setInterval(look, POLL_MS);
  }
}

const INTERACTIVE =
  'a[href],button,input,select,textarea,label,summary,[role="button"],[role="link"]';

/** What the controller does on the page's events. */
export interface PageHandlers {
  /** A real click outside the page's own links, buttons and fields. */
  click(event: MouseEvent): void;
  /** The address changed within the page (see watchLocation). */
  locationChange(): void;
  /** The document goes away. */
  hide(): void;
  /** The document came back from the back-forward cache. */
  shownFromCache(): void;
}

/**
 * Issue 13: only the browser's own events count; a page's synthetic click on
 * a highlight must not open the card, nor a fake pagehide clear the badge.
 */
export function listenToPage(ctx: ContentScriptContext, on: PageHandlers): void {
  const click = trusted((e: MouseEvent) => {
    if (e.target instanceof Element && e.target.closest(INTERACTIVE)) return;
    on.click(e);
  });
  ctx.addEventListener(window, 'click', click, { capture: true });
  watchLocation(ctx, on.locationChange);
  // A document that goes away (navigation, reload, a removed iframe, the
  // back-forward cache) takes its count off the badge itself: the background
  // cannot notice a new page, as tabs.onUpdated carries no URL without the
  // "tabs" permission, so a framed page's counts used to pile up on the badge.
  ctx.addEventListener(window, 'pagehide', trusted(on.hide));
  const show = trusted((e: PageTransitionEvent) => e.persisted && on.shownFromCache());
  ctx.addEventListener(window, 'pageshow', show);
}

/** `handler`, run only for events the browser made: real input, real page lifecycle. */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
