// @vitest-environment happy-dom
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PageController as PageControllerType } from '../../entrypoints/content/controller';
import { ContentScriptContext } from '../../entrypoints/content/script-context';
import { compileDetector } from '../../lib/nlp/detector';
import type { FromContent, HitSummary, PageState } from '../../lib/protocol';
import { SETTINGS_KEY } from '../../lib/settings/settings-store';
import { packFromDisk } from '../../scripts/lib/pack-from-disk';
import { t } from '../helpers/t';
import { FIXTURES } from '../helpers/pages';

/**
 * The controller's wiring, with the background played by the test: what it
 * asks, what it reports, and which requests it answers and for whom.
 */

const detector = compileDetector(packFromDisk(join(FIXTURES, 'packs', 'minimal')));
const ID = fakeBrowser.runtime.id;
let PageController: typeof PageControllerType;
let controller: PageControllerType;
let asked: FromContent[];
let reported: HitSummary[][];
let active: boolean;
let send: { mockRestore(): void };

beforeAll(async () => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string[]) =>
    t(key, subs)) as typeof fakeBrowser.i18n.getMessage);
  ({ PageController } = await import('../../entrypoints/content/controller'));
});

beforeEach(() => {
  asked = [];
  reported = [];
  active = true;
  send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (
    m: FromContent,
  ) => {
    asked.push(m);
    switch (m.type) {
      case 'getScanConfig':
        return {
          active,
          configVersion: 'v1',
          prefilter: active ? detector.prefilter : null,
          highlightStyle: 'underline',
          showRefutations: false,
        };
      case 'matchSentences':
        return { findings: m.sentences.map((s) => detector.matchSentence(s.text, s.patterns)) };
      case 'pageFindings':
        reported.push(m.items);
        return { ok: true };
      default:
        return { ok: true };
    }
  }) as never);
  const p = (text: string) => Object.assign(document.createElement('p'), { textContent: text });
  document.body.replaceChildren(
    p('Honestly, depression is just laziness.'),
    p('Depression is not laziness.'),
    p('A calm sentence about gardens.'),
  );
});

afterEach(() => {
  controller?.stop();
  send.mockRestore();
  fakeBrowser.reset();
});

async function started(): Promise<PageControllerType> {
  controller = new PageController(new ContentScriptContext('test'));
  await controller.start();
  return controller;
}

/** A request to the content script, as the popup or background would send it. */
async function ask(message: unknown, sender: object = { id: ID }): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return answers.find((a) => a !== undefined);
}

describe('PageController', () => {
  it('scans on start and reports both stances to the background for the badge', async () => {
    await started();
    expect(asked[0]).toEqual({ type: 'getScanConfig' });
    expect(reported.at(-1)!.map((h) => [h.mythId, h.stance])).toEqual([
      ['depression-is-laziness', 'asserts'],
      ['depression-is-laziness', 'refutes'],
    ]);
  });

  it("answers the popup's getPageState for this extension only", async () => {
    await started();
    expect(await ask({ type: 'getPageState' }, { id: 'another-extension' })).toBeUndefined();
    expect(await ask({ type: 'getPageState', extra: '<script>' })).toMatchObject({
      status: 'ready',
    });
    const state = (await ask({ type: 'getPageState' })) as PageState;
    expect(state.status).toBe('ready');
    expect(state.visible).toBe(true);
    expect(state.asserted.map((a) => a.mythId)).toEqual(['depression-is-laziness']);
    expect(state.refuted).toBe(1);
    expect(await ask({ type: 'noSuchRequest' })).toBeUndefined();
  });

  it('toggles highlights on the command and says so in the state', async () => {
    await started();
    expect(await ask({ type: 'command', command: 'toggle-highlights' })).toBe(false);
    expect(((await ask({ type: 'getPageState' })) as PageState).visible).toBe(false);
    expect(await ask({ type: 'setHighlightsVisible', visible: true })).toBe(true);
    expect(await ask({ type: 'command', command: 'open-devtools' })).toBeUndefined();
  });

  it('on a paused site reports nothing found and says "paused"', async () => {
    active = false;
    await started();
    expect(reported).toEqual([[]]);
    expect(((await ask({ type: 'getPageState' })) as PageState).status).toBe('paused');
  });

  it('starts over when the settings change, and hears nothing once stopped', async () => {
    await started();
    const configs = () => asked.filter((m) => m.type === 'getScanConfig').length;
    expect(configs()).toBe(1);
    await fakeBrowser.storage.onChanged.trigger({ other: { newValue: 1 } }, 'sync');
    expect(configs()).toBe(1);
    await fakeBrowser.storage.onChanged.trigger({ [SETTINGS_KEY]: { newValue: {} } }, 'sync');
    await vi.waitFor(() => expect(reported.length).toBe(2));
    expect(configs()).toBe(2);
    controller.stop();
    expect(await ask({ type: 'getPageState' })).toBeUndefined();
  });
});
