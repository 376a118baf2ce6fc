import { browser, type Browser } from 'wxt/browser';
import {
  dispatch,
  FromContentSchema,
  FromExtensionPageSchema,
  parseMessage,
  type ChangeReply,
  type FromContent,
  type FromContentReplies,
  type FromExtensionPage,
  type FromExtensionPageReplies,
  type Handlers,
} from '../../lib/protocol';
import { mythView } from '../../lib/pack/myth-view';
import { bundledPack } from '../../lib/pack/pack-bundled';
import { KeyedQueue, mapBounded, RateLimit } from '../../lib/bounded-work';
import type { Renames } from '../../lib/settings/settings';
import { addReport, settingsArea, updateSettings } from '../../lib/settings/settings-store';
import { hostPatternProblem, normalizeHostPattern } from '../../lib/settings/site-rules';
import renames from '../../content/renames.json';
import type { BackgroundState } from './state';

/** Per-tab bounds on what a page's content script can make the background do. */
interface Limits {
  /** One tab's matching runs one message at a time (lib/bounded-work.ts). */
  match: KeyedQueue<number>;
  /** A person marks a few sentences a minute at most; a page script would mark hundreds. */
  notes: RateLimit<number>;
}

/**
 * Every message is checked twice before it is acted on: the sender must be
 * this extension (its content script in a tab, or one of its own pages), and
 * the message must fit its schema. Anything else gets no answer at all.
 */
export function installMessageHandlers(state: BackgroundState): void {
  const limits: Limits = { match: new KeyedQueue(), notes: new RateLimit(10, 60_000) };
  const fromContent = contentHandlers(state, limits);
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (isExtensionPage(sender)) {
      const msg = parseMessage(FromExtensionPageSchema, message);
      return msg ? dispatch(fromExtensionPage, msg) : undefined;
    }
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    const msg = parseMessage(FromContentSchema, message);
    const from = { tabId, frameId: sender.frameId ?? 0, url: sender.url ?? sender.tab?.url };
    return msg ? dispatch(fromContent, msg, from) : undefined;
  });
}

/** The tab and frame a content script's request came from, as the browser reports them. */
interface ContentSender {
  tabId: number;
  frameId: number;
  url: string | undefined;
}

function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.url !== undefined && sender.url.startsWith(browser.runtime.getURL('/'));
}

function hostOf(url: string | undefined): string | null {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

function contentHandlers(
  state: BackgroundState,
  limits: Limits,
): Handlers<FromContent, FromContentReplies, [ContentSender]> {
  return {
    getScanConfig: async (_msg, { tabId, frameId, url }) => {
      state.seenTabs.add(tabId);
      const config = state.detectors().configFor(await state.settings(), hostOf(url));
      if (!config.active) await state.frameCount(tabId, frameId, 0);
      return config;
    },
    matchSentences: async (msg, { tabId }) => {
      const settings = await state.settings();
      if (state.detectors().versionFor(settings) !== msg.configVersion) return { stale: true };
      const detector = state.detectors().detectorFor(settings);
      const findings = await limits.match.run(tabId, () =>
        mapBounded(
          msg.sentences,
          ({ text, patterns, ...ctx }) => detector.matchSentence(text, patterns, ctx),
          () => [],
        ),
      );
      return { findings };
    },
    pageFindings: async (msg, { tabId, frameId }) => {
      const asserted = msg.items.filter((i) => i.stance === 'asserts').length;
      await state.frameCount(tabId, frameId, asserted);
      return { ok: true };
    },
    getMyth: (msg) => mythView(bundledPack(), msg.mythId),
    hideCategory: (msg) => {
      if (!bundledPack().categories.some((c) => c.id === msg.category)) {
        return { ok: false, error: 'unknown category' };
      }
      return change((s) => ({ ...s, categories: { ...s.categories, [msg.category]: false } }));
    },
    reportNotMyth: async (msg, { tabId }) => {
      if (!limits.notes.allow(tabId)) return { ok: false, error: 'too many notes from this tab' };
      const result = await addReport(browser.storage.local, {
        mythId: msg.mythId,
        sentence: msg.sentence,
        date: new Date().toISOString(),
      });
      return result === 'full' ? { ok: false, error: 'the list of notes is full' } : { ok: true };
    },
  };
}

const fromExtensionPage: Handlers<FromExtensionPage, FromExtensionPageReplies> = {
  setSitePaused: (msg) => {
    // Refused with a reason, never "ok" and then dropped by the repair step.
    const problem = hostPatternProblem(msg.host);
    if (problem !== null) return { ok: false, error: problem };
    const host = normalizeHostPattern(msg.host);
    return change((s) => {
      const others = s.pausedSites.filter((h) => h !== host);
      return { ...s, pausedSites: msg.paused ? [...others, host] : others };
    });
  },
};

/**
 * A read-modify-write of the stored settings, serialised and read fresh from
 * storage (never from the cache), so two changes made together both stick.
 * A write the browser refuses answers with its reason and changes nothing.
 */
async function change(edit: Parameters<typeof updateSettings>[3]): Promise<ChangeReply> {
  try {
    const area = await settingsArea(browser.storage);
    await updateSettings(area, bundledPack(), renames as Renames, edit);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
