import type { CDPSession, HTTPRequest, Page, Target } from 'puppeteer-core';
import { evalInBackground } from './background';
import type { BrowserHandle } from './launch';

/** One network request, as seen from the context that made it. */
export interface RecordedRequest {
  /** What kind of context sent it: a tab, the service worker, an iframe, ... */
  context: string;
  /** URL of that context (the page, or the worker's script). */
  contextUrl: string;
  url: string;
  /** How the browser says it started: parser, script, preload, other... */
  initiator: string;
  /** Script URLs on the initiator's stack, and the initiator URL when given. */
  initiatorUrls: string[];
}

export interface NetworkLog {
  readonly requests: RecordedRequest[];
  /** Also records this page (needed in Firefox, where only pages can be watched). */
  watch(page: Page): Promise<void>;
  stop(): Promise<void>;
}

type CdpInitiator = {
  type: string;
  url?: string;
  stack?: CdpStack;
};
type CdpStack = { callFrames: { url: string }[]; parent?: CdpStack };

/**
 * Records every request the browser sends while it runs.
 *
 * Chromium: a CDP session with `Network.enable` on every target there is and
 * every one that appears later (tabs, iframes, the extension's service worker,
 * its popup and options pages); `Network.requestWillBeSent` reports each
 * request with its initiator and the script stack behind it, so a request
 * made by a content script shows the chrome-extension:// script on its stack.
 * WebSocket handshakes come through `Network.webSocketCreated`.
 *
 * Firefox: WebDriver BiDi does not expose extension contexts, so only pages
 * given to `watch` are recorded (puppeteer's `request` event); pair it with
 * `wrapNetworkApis`, which counts the background's own network calls.
 */
export async function recordNetwork(handle: BrowserHandle): Promise<NetworkLog> {
  const requests: RecordedRequest[] = [];
  const sessions: CDPSession[] = [];
  const watched = new WeakSet<object>();
  const pageListeners: [Page, (r: HTTPRequest) => void][] = [];

  const attach = async (target: Target) => {
    if (handle.name !== 'chromium' || watched.has(target)) return;
    watched.add(target);
    const kind = target.type();
    if (!['page', 'service_worker', 'background_page', 'other', 'webview'].includes(kind)) return;
    try {
      const session = await target.createCDPSession();
      sessions.push(session);
      const contextUrl = () => target.url();
      session.on(
        'Network.requestWillBeSent',
        (event: { request: { url: string }; initiator: CdpInitiator }) => {
          requests.push({
            context: kind,
            contextUrl: contextUrl(),
            url: event.request.url,
            initiator: event.initiator.type,
            initiatorUrls: initiatorUrls(event.initiator),
          });
        },
      );
      session.on('Network.webSocketCreated', (event: { url: string; initiator?: CdpInitiator }) => {
        requests.push({
          context: kind,
          contextUrl: contextUrl(),
          url: event.url,
          initiator: `websocket:${event.initiator?.type ?? 'unknown'}`,
          initiatorUrls: event.initiator ? initiatorUrls(event.initiator) : [],
        });
      });
      await session.send('Network.enable');
    } catch {
      // A target that closed while attaching has nothing left to send.
    }
  };

  const onTarget = (target: Target) => void attach(target);
  if (handle.name === 'chromium') {
    handle.browser.on('targetcreated', onTarget);
    await Promise.all(handle.browser.targets().map(attach));
  }

  return {
    requests,
    async watch(page) {
      if (handle.name === 'chromium') {
        await attach(page.target());
        return;
      }
      if (watched.has(page)) return;
      watched.add(page);
      const listener = (request: HTTPRequest) => {
        const initiator = request.initiator();
        requests.push({
          context: 'page',
          contextUrl: page.url(),
          url: request.url(),
          initiator: initiator?.type ?? 'unknown',
          initiatorUrls: initiator ? initiatorUrls(initiator as CdpInitiator) : [],
        });
      };
      page.on('request', listener);
      pageListeners.push([page, listener]);
    },
    async stop() {
      handle.browser.off('targetcreated', onTarget);
      for (const [page, listener] of pageListeners) page.off('request', listener);
      await Promise.all(sessions.map((s) => s.detach().catch(() => undefined)));
    },
  };
}

function initiatorUrls(initiator: CdpInitiator): string[] {
  const urls = initiator.url ? [initiator.url] : [];
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    for (const frame of stack.callFrames) if (frame.url) urls.push(frame.url);
  }
  return urls;
}

/** The APIs a script can reach the network with, counted by `wrapNetworkApis`. */
export type NetworkCalls = Record<string, number>;

/**
 * Source of a function that replaces fetch, XMLHttpRequest, WebSocket,
 * EventSource, sendBeacon and Image#src in the global it runs in with
 * wrappers that count each call (and still call through), keeping the count
 * in `globalThis.mythLensNetworkCalls`. Shared by the background and pages.
 */
function installCounters(): boolean {
  const g = globalThis as unknown as Record<string, unknown> & {
    mythLensNetworkCalls?: Record<string, number>;
  };
  if (g.mythLensNetworkCalls) return true;
  const calls: Record<string, number> = {};
  g.mythLensNetworkCalls = calls;
  const hit = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  const wrapFn = (owner: Record<string, unknown> | undefined, key: string, name: string) => {
    const original = owner?.[key];
    if (!owner || typeof original !== 'function') return;
    owner[key] = function (this: unknown, ...args: unknown[]) {
      hit(name);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  };
  const wrapCtor = (key: string) => {
    const Original = g[key] as (new (...a: unknown[]) => object) | undefined;
    if (typeof Original !== 'function') return;
    g[key] = new Proxy(Original, {
      construct(target, args) {
        hit(key);
        return Reflect.construct(target, args);
      },
    });
  };
  wrapFn(g, 'fetch', 'fetch');
  const xhr = g.XMLHttpRequest as { prototype: Record<string, unknown> } | undefined;
  wrapFn(xhr?.prototype, 'open', 'XMLHttpRequest.open');
  wrapFn(xhr?.prototype, 'send', 'XMLHttpRequest.send');
  wrapCtor('WebSocket');
  wrapCtor('EventSource');
  const nav = g.navigator as Record<string, unknown> | undefined;
  if (nav && typeof nav.sendBeacon === 'function') {
    const beacon = (nav.sendBeacon as (...a: unknown[]) => boolean).bind(nav);
    nav.sendBeacon = (...args: unknown[]) => (hit('sendBeacon'), beacon(...args));
  }
  const image = (g.HTMLImageElement as { prototype: object } | undefined)?.prototype;
  const src = image && Object.getOwnPropertyDescriptor(image, 'src');
  if (image && src?.set) {
    Object.defineProperty(image, 'src', {
      ...src,
      set(this: HTMLImageElement, value: string) {
        hit('Image.src');
        src.set!.call(this, value);
      },
    });
  }
  return true;
}

/** Installs the counting wrappers in the extension's background (before the browse). */
export async function wrapBackgroundNetwork(handle: BrowserHandle): Promise<void> {
  await evalInBackground(handle, installCounters);
}

/** Network calls the background made since `wrapBackgroundNetwork`; null if it was restarted. */
export async function backgroundNetworkCalls(handle: BrowserHandle): Promise<NetworkCalls | null> {
  return evalInBackground(
    handle,
    () =>
      (globalThis as { mythLensNetworkCalls?: Record<string, number> }).mythLensNetworkCalls ??
      null,
  );
}

/** Installs the counting wrappers in an extension page (popup, options) opened as a tab. */
export async function wrapPageNetwork(page: Page): Promise<void> {
  await page.evaluate(`(${installCounters.toString()})()`);
}

/** Network calls an extension page made since `wrapPageNetwork`. */
export async function pageNetworkCalls(page: Page): Promise<NetworkCalls | null> {
  return page.evaluate(
    () =>
      (globalThis as { mythLensNetworkCalls?: Record<string, number> }).mythLensNetworkCalls ??
      null,
  );
}
