import { browser, type Browser } from 'wxt/browser';
import type { PopupProps } from '../../components/Popup';
import {
  parseReply,
  type FromExtensionPage,
  type PageState,
  type ToContent,
} from '../../lib/protocol';

/** The popup's view of the tab it was opened over, and the actions it can take there. */
export interface TabState {
  page: PopupProps['page'];
  visible: boolean;
  focus(key: number): Promise<void>;
  /** Resolves to why the change was refused, or undefined when it was stored. */
  pause(paused: boolean): Promise<string | undefined>;
  setVisible(visible: boolean): Promise<void>;
}

/**
 * Every frame runs its own content script with its own finding keys, so the
 * list and the jump to a finding both talk to the top frame only; without a
 * frameId, tabs.sendMessage asks every frame and takes whichever answers first,
 * which could list an iframe's findings and then focus the top frame's keys.
 */
const TOP_FRAME = { frameId: 0 };

/** The tab the popup speaks for: `?tab=<id>` when opened as a page, else the active tab. */
export async function popupTabId(tabParam: string | null): Promise<number | undefined> {
  if (tabParam !== null) {
    const id = Number(tabParam);
    return Number.isInteger(id) && id >= 0 ? id : undefined;
  }
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

/**
 * Asks the tab's content script for its findings. No "tabs" permission: the
 * tab's host comes from its own content script. `asPage` is true when the
 * popup was opened as a tab (`?tab=`), which must stay open after a jump.
 */
export async function connectTab(tabId: number | undefined, asPage: boolean): Promise<TabState> {
  const unavailable = { status: 'unavailable' as const, asserted: [], refuted: 0 };
  let state: PageState | null = null;
  if (tabId !== undefined) {
    const ask: ToContent = { type: 'getPageState' };
    const raw = await browser.tabs.sendMessage(tabId, ask, TOP_FRAME).catch(() => null);
    // Checked: the answer comes from a content script, which runs in the page's process.
    state = parseReply('getPageState', raw);
  }
  const send = (message: ToContent, options?: { frameId: number }) =>
    tabId === undefined
      ? Promise.resolve()
      : browser.tabs.sendMessage(tabId, message, options).then(
          () => undefined,
          () => undefined,
        );
  return {
    page: state
      ? { status: state.status, asserted: state.asserted, refuted: state.refuted }
      : unavailable,
    visible: state?.visible ?? true,
    focus: async (key) => {
      await send({ type: 'focusFinding', key }, TOP_FRAME);
      // From the toolbar the popup would cover the card; as a page it stays.
      if (!asPage) window.close();
    },
    pause: async (paused) => {
      if (!state?.host) return undefined;
      const request: FromExtensionPage = { type: 'setSitePaused', host: state.host, paused };
      const answer = await browser.runtime.sendMessage(request).then(
        (raw) => parseReply('setSitePaused', raw),
        (error: unknown) => ({ ok: false as const, error: String(error) }),
      );
      // Said, never swallowed: a refused host or a full storage (issue 13).
      if (answer === null) return 'Myth Lens could not change this.';
      return answer.ok ? undefined : answer.error;
    },
    // Every frame: hiding highlights on the tab means in its iframes too.
    setVisible: (visible) => send({ type: 'setHighlightsVisible', visible }),
  };
}

/**
 * Calls `onChange` whenever the tab's top frame finishes a scan. A content
 * script reports `pageFindings` after every scan, rescan and settings change,
 * and runtime messages reach every extension page as well as the background,
 * so the open popup hears them too. Reading the state on a message, rather
 * than right after its own request, keeps the popup from showing what the
 * page held before it applied a pause. Never answers: the background does.
 */
export function watchTab(tabId: number, onChange: () => void): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender): undefined => {
    if (sender.id !== browser.runtime.id || sender.tab?.id !== tabId || sender.frameId !== 0) {
      return undefined;
    }
    if ((message as { type?: unknown } | null)?.type === 'pageFindings') onChange();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
