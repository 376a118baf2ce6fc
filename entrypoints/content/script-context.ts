import { browser } from 'wxt/browser';

/**
 * The content script's own lifecycle, in place of WXT's ContentScriptContext
 * (wxt.config.ts aliases `wxt/utils/content-script-context` here, so WXT's
 * entrypoint wrapper builds this one). Issue 13: WXT's class posts
 * `{type: "<extension id>:content:wxt:content-script-started"}` to every
 * frame, dispatches it on `document`, and stops itself when a page dispatches
 * that event back; its `wxt:locationchange` is a window event a page can fire
 * too. A page could so learn that Myth Lens is installed (and its id), switch
 * it off, or make it restart in a loop. This class sends nothing to the page
 * and listens to nothing the page can fake: it ends only when the extension
 * context is gone (see lifecycle.ts), which no page can cause.
 *
 * Same method names as WXT's, so code and tests written against WXT's type keep working.
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();

  /** Same signature as WXT's; nothing is announced, so the arguments go unused. */
  constructor(
    readonly contentScriptName = 'content',
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once the extension was updated, reloaded or disabled (runtime id gone) or teardown ran. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Runs `cb` once at teardown; returns a function that removes it. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  /** Tears the script down (idempotent). */
  notifyInvalidated(): void {
    if (!this.signal.aborted) this.controller.abort('Content script context invalidated');
  }

  /** A promise that never settles: for work that must not go on after teardown. */
  block<T>(): Promise<T> {
    return new Promise(() => undefined);
  }

  /**
   * A timer cleared at teardown. Its teardown hook goes once it has fired:
   * the mutation watcher sets one per batch, and a hook per batch kept for
   * the life of a busy page was a leak.
   */
  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      forget();
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    const forget = this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => {
      forget();
      if (this.isValid) callback(time);
    });
    const forget = this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  /** A DOM listener removed at teardown. No `wxt:` event names: those were page-forgeable. */
  addEventListener<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    handler: (event: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: never) => void,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, handler as EventListener, { ...options, signal: this.signal });
  }
}
