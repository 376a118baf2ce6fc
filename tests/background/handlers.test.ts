import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { installBadge } from '../../entrypoints/background/badge';
import { installMessageHandlers } from '../../entrypoints/background/handlers';
import { createState, type BackgroundState } from '../../entrypoints/background/state';
import type { Settings } from '../../lib/settings/settings';
import { SETTINGS_KEY } from '../../lib/settings/settings-store';

/**
 * The background's message handlers with WXT's in-memory browser: who may ask
 * what, and what each answer writes to storage and the badge. Messages are
 * delivered with `onMessage.trigger(message, sender)`, so each test chooses
 * the sender the browser would report.
 */

const ID = fakeBrowser.runtime.id;
const TAB = 7;
/** The popup or options page of this extension. */
const fromPopup = { id: ID, url: `chrome-extension://${ID}/popup.html?tab=${TAB}` };
/** This extension's content script in a tab's top frame. */
const fromContent = (frameId = 0) => ({
  id: ID,
  tab: { id: TAB },
  frameId,
  url: 'http://127.0.0.1:8080/forum.html',
});

let state: BackgroundState;

beforeEach(() => {
  fakeBrowser.reset();
  state = createState();
  installMessageHandlers(state);
  installBadge(state);
});

/** The background's answer, as the sender's sendMessage would resolve (undefined: no answer). */
async function send(message: unknown, sender: object): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return answers.find((a) => a !== undefined);
}

async function stored(): Promise<Settings | undefined> {
  return (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings | undefined;
}

const badge = () => fakeBrowser.action.getBadgeText({ tabId: TAB });

const finding = (key: number, stance: 'asserts' | 'refutes') => ({
  key,
  mythId: 'depression-is-laziness',
  category: 'willpower',
  stance,
  text: 'depression is just laziness',
});

describe('setSitePaused (popup)', () => {
  it('adds the host to pausedSites once, and removes it again', async () => {
    expect(
      await send({ type: 'setSitePaused', host: '127.0.0.1', paused: true }, fromPopup),
    ).toEqual({ ok: true });
    await send({ type: 'setSitePaused', host: '127.0.0.1', paused: true }, fromPopup);
    expect((await stored())?.pausedSites).toEqual(['127.0.0.1']);

    await send({ type: 'setSitePaused', host: '127.0.0.1', paused: false }, fromPopup);
    expect((await stored())?.pausedSites).toEqual([]);
  });

  it('stores the host normalised, as the options page lists it', async () => {
    await send({ type: 'setSitePaused', host: ' WWW.Example.COM ', paused: true }, fromPopup);
    expect((await stored())?.pausedSites).toEqual(['www.example.com']);
  });

  it('keeps the other settings as they were', async () => {
    await send({ type: 'hideCategory', category: 'willpower' }, fromContent());
    await send({ type: 'setSitePaused', host: '127.0.0.1', paused: true }, fromPopup);
    expect((await stored())?.categories.willpower).toBe(false);
  });
});

describe('who may ask', () => {
  it('ignores a content script asking to pause its site: only extension pages may', async () => {
    const answer = await send(
      { type: 'setSitePaused', host: '127.0.0.1', paused: true },
      fromContent(),
    );
    expect(answer).toBeUndefined();
    expect((await stored())?.pausedSites ?? []).toEqual([]);
  });

  it('ignores another extension, even with a well-formed message', async () => {
    const foreign = { ...fromPopup, id: 'someone-else' };
    expect(
      await send({ type: 'setSitePaused', host: 'a.com', paused: true }, foreign),
    ).toBeUndefined();
    expect(
      await send(
        { type: 'getMyth', mythId: 'depression-is-laziness' },
        { ...fromContent(), id: 'x' },
      ),
    ).toBeUndefined();
    expect(await stored()).toBeUndefined();
  });

  it('ignores messages that do not fit their schema', async () => {
    expect(
      await send({ type: 'setSitePaused', host: 42, paused: 'yes' }, fromPopup),
    ).toBeUndefined();
    expect(await send({ type: 'getMyth', mythId: '../../etc' }, fromContent())).toBeUndefined();
    expect(await send({ type: 'noSuchMessage' }, fromContent())).toBeUndefined();
    expect(await send('getScanConfig', fromContent())).toBeUndefined();
  });

  it('ignores a content script without a tab', async () => {
    const tabless = { ...fromContent(), tab: undefined };
    expect(await send({ type: 'getScanConfig' }, tabless)).toBeUndefined();
  });
});

describe('pageFindings and the badge', () => {
  it('counts asserted findings only, summed over the frames of a tab', async () => {
    await send(
      {
        type: 'pageFindings',
        items: [finding(1, 'asserts'), finding(2, 'asserts'), finding(3, 'refutes')],
      },
      fromContent(0),
    );
    expect(await badge()).toBe('2');
    await send({ type: 'pageFindings', items: [finding(1, 'asserts')] }, fromContent(4));
    expect(await badge()).toBe('3');
    // A frame's new report replaces its old one rather than adding to it.
    await send({ type: 'pageFindings', items: [] }, fromContent(0));
    expect(await badge()).toBe('1');
  });

  it('shows no badge for no findings', async () => {
    await send({ type: 'pageFindings', items: [finding(1, 'refutes')] }, fromContent());
    expect(await badge()).toBe('');
  });

  it('forgets a tab’s count when it navigates', async () => {
    await send({ type: 'pageFindings', items: [finding(1, 'asserts')] }, fromContent(0));
    await send({ type: 'pageFindings', items: [finding(1, 'asserts')] }, fromContent(3));
    const tab = {
      id: TAB,
      index: 0,
      highlighted: true,
      active: true,
      pinned: false,
      incognito: false,
    };
    await fakeBrowser.tabs.onUpdated.trigger(
      TAB,
      { status: 'loading', url: 'http://a.test/' },
      tab,
    );
    // The navigation listener clears the badge without anyone awaiting it.
    await vi.waitFor(async () => expect(await badge()).toBe(''));
    // The old frame 3 no longer counts once the new page reports.
    await send({ type: 'pageFindings', items: [finding(1, 'asserts')] }, fromContent(0));
    expect(await badge()).toBe('1');
  });
});

describe('getScanConfig', () => {
  it('scans where the site is not paused, and records the tab', async () => {
    const config = (await send({ type: 'getScanConfig' }, fromContent())) as { active: boolean };
    expect(config.active).toBe(true);
    expect(state.seenTabs.has(TAB)).toBe(true);
  });

  it('tells a paused site not to scan, and clears its frame from the badge', async () => {
    await send({ type: 'pageFindings', items: [finding(1, 'asserts')] }, fromContent());
    expect(await badge()).toBe('1');
    await send({ type: 'setSitePaused', host: '127.0.0.1', paused: true }, fromPopup);
    const config = (await send({ type: 'getScanConfig' }, fromContent())) as {
      active: boolean;
      prefilter: unknown;
    };
    expect(config).toMatchObject({ active: false, prefilter: null });
    expect(await badge()).toBe('');
  });

  it('answers matchSentences from old settings with stale', async () => {
    const { configVersion } = (await send({ type: 'getScanConfig' }, fromContent())) as {
      configVersion: string;
    };
    const sentences = [{ text: 'Honestly, depression is just laziness.', patterns: [] }];
    const fresh = await send({ type: 'matchSentences', configVersion, sentences }, fromContent());
    expect(fresh).toHaveProperty('findings');
    await send({ type: 'hideCategory', category: 'willpower' }, fromContent());
    expect(await send({ type: 'matchSentences', configVersion, sentences }, fromContent())).toEqual(
      { stale: true },
    );
  });
});

describe('issue 13: a page cannot flood or steer the stored settings and notes', () => {
  const notes = async () =>
    ((await fakeBrowser.storage.local.get('notMythReports')).notMythReports ?? []) as unknown[];
  const note = (i: number) => ({
    type: 'reportNotMyth',
    mythId: 'depression-is-laziness',
    sentence: `sentence ${i}`,
  });

  it('ten concurrent notes from a person store ten', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => send(note(i), fromContent())));
    expect(await notes()).toHaveLength(10);
  });

  it('a tab sending hundreds of notes stores a few and evicts none of the real ones', async () => {
    const real = Array.from({ length: 480 }, (_, i) => ({
      mythId: 'depression-is-laziness',
      sentence: `real ${i}`,
      date: '2026-01-01T00:00:00.000Z',
    }));
    await fakeBrowser.storage.local.set({ notMythReports: real });
    const answers = [];
    for (let i = 0; i < 520; i++) answers.push(await send(note(i), fromContent()));
    expect(answers.filter((a) => (a as { ok: boolean }).ok)).toHaveLength(10);
    const kept = (await notes()) as { sentence: string }[];
    expect(kept).toHaveLength(490);
    expect(kept.slice(0, 480)).toEqual(real);
  });

  it('hideCategory refuses a category the pack does not have', async () => {
    const answer = await send(
      { type: 'hideCategory', category: 'no-such-category' },
      fromContent(),
    );
    expect(answer).toMatchObject({ ok: false });
    expect((await stored())?.categories['no-such-category']).toBeUndefined();
  });

  it('a hidden category and a paused site sent together both stick', async () => {
    await Promise.all([
      send({ type: 'hideCategory', category: 'willpower' }, fromContent()),
      send({ type: 'setSitePaused', host: '127.0.0.1', paused: true }, fromPopup),
    ]);
    expect((await stored())?.categories.willpower).toBe(false);
    expect((await stored())?.pausedSites).toEqual(['127.0.0.1']);
  });

  it.each(['intranet', '[::1]', 'my_host.example.com', 'example.com.'])(
    'pausing the odd host %j is stored as the browser names it, or refused with a reason',
    async (host) => {
      const answer = await send({ type: 'setSitePaused', host, paused: true }, fromPopup);
      expect(answer).toEqual({ ok: true });
      const config = state.detectors().configFor(await state.settings(), host.replace(/\.$/, ''));
      expect(config.active).toBe(false);
    },
  );

  it('matchSentences with 20,000 pattern ids is not answered', async () => {
    const config = (await send({ type: 'getScanConfig' }, fromContent())) as {
      configVersion: string;
    };
    const patterns = Array.from({ length: 20_000 }, (_, i) => i);
    const answer = await send(
      {
        type: 'matchSentences',
        configVersion: config.configVersion,
        sentences: [{ text: 'depression is just laziness', patterns }],
      },
      fromContent(),
    );
    expect(answer).toBeUndefined();
  });
});
