import type { browser as wxtBrowser } from 'wxt/browser';
import type { BrowserHandle } from './launch';

/**
 * The extension API object inside the background: `browser` in Firefox,
 * `chrome` in the Chrome service worker (both promise-based there). Typed with
 * WXT's browser so tests get completion for tabs, action, storage, ...
 */
export type ExtensionApi = typeof wxtBrowser;

/** Values that survive the JSON trip between Node and the background. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Runs `fn(api, ...args)` inside the extension's background (Chrome: the MV3
 * service worker; Firefox: the MV2 background page, reached over RDP) and
 * returns its awaited result. `fn` is sent as source text, so it must not use
 * anything from the test's scope except its arguments; arguments and result
 * must be JSON (convert Sets/Maps, e.g. `[...globalThis.mythLensSeenTabs]`).
 * Both browsers share the same JSON wrapper so results look alike in each.
 */
export async function evalInBackground<A extends Json[], R>(
  handle: BrowserHandle,
  fn: (api: ExtensionApi, ...args: A) => R | Promise<R>,
  ...args: A
): Promise<Awaited<R>> {
  // Errors are caught inside and returned as data: Firefox's console reports a
  // rejected top-level await without its reason.
  const expression = `(async () => {
    try {
      const api = globalThis.browser ?? globalThis.chrome;
      const value = await (${fn.toString()})(api, ...${JSON.stringify(args)});
      return JSON.stringify({ value });
    } catch (error) {
      const text = String(error), stack = String((error && error.stack) || '');
      return JSON.stringify({ error: stack.startsWith(text) ? stack : text + '\\n' + stack });
    }
  })()`;
  let json: string;
  try {
    json = handle.firefoxBackground
      ? await handle.firefoxBackground.evaluate(expression)
      : await evaluateInServiceWorker(handle, expression);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`evalInBackground (${handle.name}) failed: ${reason}`, { cause: error });
  }
  const outcome = JSON.parse(json) as { value: Awaited<R>; error?: string };
  if (outcome.error !== undefined) {
    throw new Error(`evalInBackground (${handle.name}): the function threw: ${outcome.error}`);
  }
  return outcome.value;
}

/**
 * Any throw here is the transport's, never the function's (those come back as
 * data), so it is retried briefly: right after install or a worker restart the
 * target can exist before its worker or execution context does.
 */
async function evaluateInServiceWorker(handle: BrowserHandle, expression: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      // Looked up on every call: Chrome may restart the worker, giving a new target.
      const target = await handle.browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith(handle.extensionBaseUrl),
        { timeout: Math.max(deadline - Date.now(), 1) },
      );
      const worker = await target.worker();
      if (!worker) throw new Error('the service worker target has no worker yet');
      return (await worker.evaluate(expression)) as string;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
