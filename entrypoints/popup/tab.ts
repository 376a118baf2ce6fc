import { browser } from 'wxt/browser';
import type { PopupProps } from '../../components/Popup';
import { PageFindingSchema } from '../../lib/messages';
import * as v from 'valibot';

/** The popup's view of the tab it was opened over, and the actions it can take there. */
export interface TabState {
  page: PopupProps['page'];
  visible: boolean;
  focus(key: number): Promise<void>;
  pause(paused: boolean): Promise<void>;
  setVisible(visible: boolean): Promise<void>;
}

const PageStateSchema = v.object({
  status: v.picklist(['unavailable', 'paused', 'ready']),
  host: v.string(),
  visible: v.boolean(),
  asserted: v.array(PageFindingSchema),
  refuted: v.number(),
});

/**
 * Asks the content script of the active tab (or of `?tab=<id>`, used when the
 * popup is opened as a page) for its findings. No "tabs" permission: the tab's
 * host comes from its own content script.
 */
export async function connectTab(tabParam: string | null): Promise<TabState> {
  const tabId = tabParam
    ? Number(tabParam)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  const unavailable = { status: 'unavailable' as const, asserted: [], refuted: 0 };
  let state: v.InferOutput<typeof PageStateSchema> | null = null;
  if (tabId !== undefined && Number.isInteger(tabId)) {
    const raw = await browser.tabs.sendMessage(tabId, { type: 'getPageState' }).catch(() => null);
    const parsed = v.safeParse(PageStateSchema, raw);
    state = parsed.success ? parsed.output : null;
  }
  const send = (message: object) =>
    tabId === undefined
      ? Promise.resolve()
      : browser.tabs.sendMessage(tabId, message).then(
          () => undefined,
          () => undefined,
        );
  return {
    page: state
      ? { status: state.status, asserted: state.asserted, refuted: state.refuted }
      : unavailable,
    visible: state?.visible ?? true,
    focus: async (key) => {
      await send({ type: 'focusFinding', key });
      // From the toolbar the popup would cover the card; as a page it stays.
      if (!tabParam) window.close();
    },
    pause: async (paused) => {
      if (!state?.host) return;
      await browser.runtime.sendMessage({ type: 'setSitePaused', host: state.host, paused });
    },
    setVisible: (visible) => send({ type: 'setHighlightsVisible', visible }),
  };
}
