import { browser, type Browser } from 'wxt/browser';
import {
  FromContentSchema,
  FromPageSchema,
  parseMessage,
  type FromContent,
  type FromPage,
} from '../../lib/messages';
import { mythView } from '../../lib/myth-view';
import { bundledPack } from '../../lib/pack-bundled';
import { addReport, settingsArea, writeSettings } from '../../lib/settings-store';
import { normalizeHostPattern } from '../../lib/site-rules';
import type { BackgroundState } from './state';

/**
 * Every message is checked twice before it is acted on: the sender must be
 * this extension (its content script in a tab, or one of its own pages), and
 * the message must fit its schema. Anything else gets no answer at all.
 */
export function installMessageHandlers(state: BackgroundState): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (isExtensionPage(sender)) {
      const msg = parseMessage(FromPageSchema, message);
      return msg ? handlePage(state, msg) : undefined;
    }
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    const msg = parseMessage(FromContentSchema, message);
    return msg
      ? handleContent(state, msg, tabId, sender.frameId ?? 0, sender.url ?? sender.tab?.url)
      : undefined;
  });
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

async function handleContent(
  state: BackgroundState,
  msg: FromContent,
  tabId: number,
  frameId: number,
  url?: string,
) {
  const settings = await state.settings();
  switch (msg.type) {
    case 'getScanConfig': {
      state.seenTabs.add(tabId);
      const config = state.detectors().configFor(settings, hostOf(url));
      if (!config.active) await state.frameCount(tabId, frameId, 0);
      return config;
    }
    case 'matchSentences': {
      if (state.detectors().versionFor(settings) !== msg.configVersion) return { stale: true };
      const detector = state.detectors().detectorFor(settings);
      return {
        findings: msg.sentences.map(({ text, patterns, ...ctx }) =>
          detector.matchSentence(text, patterns, ctx),
        ),
      };
    }
    case 'pageFindings':
      await state.frameCount(
        tabId,
        frameId,
        msg.items.filter((i) => i.stance === 'asserts').length,
      );
      return { ok: true };
    case 'getMyth':
      return mythView(bundledPack(), msg.mythId);
    case 'hideCategory': {
      const area = await settingsArea(browser.storage);
      await writeSettings(area, {
        ...settings,
        categories: { ...settings.categories, [msg.category]: false },
      });
      return { ok: true };
    }
    case 'reportNotMyth':
      await addReport(browser.storage.local, {
        mythId: msg.mythId,
        sentence: msg.sentence,
        date: new Date().toISOString(),
      });
      return { ok: true };
  }
}

async function handlePage(state: BackgroundState, msg: FromPage) {
  const settings = await state.settings();
  switch (msg.type) {
    case 'setSitePaused': {
      const host = normalizeHostPattern(msg.host);
      const others = settings.pausedSites.filter((h) => h !== host);
      const area = await settingsArea(browser.storage);
      await writeSettings(area, {
        ...settings,
        pausedSites: msg.paused ? [...others, host] : others,
      });
      return { ok: true };
    }
  }
}
