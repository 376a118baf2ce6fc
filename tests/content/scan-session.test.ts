// @vitest-environment happy-dom
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ScanSession, type ScanSessionDeps } from '../../entrypoints/content/scan-session';
import { ContentScriptContext } from '../../entrypoints/content/script-context';
import { compileDetector } from '../../lib/nlp/detector';
import type { ScanConfig } from '../../lib/scan-config';
import { packFromDisk } from '../../scripts/lib/pack-from-disk';
import { FIXTURES } from '../helpers/pages';

/** The scan's life on a page: configuration, generations, rescans, stop. */

const detector = compileDetector(packFromDisk(join(FIXTURES, 'packs', 'minimal')));

function config(version: string, active = true): ScanConfig {
  return {
    active,
    configVersion: version,
    prefilter: active ? detector.prefilter : null,
    highlightStyle: 'underline',
    showRefutations: false,
  };
}

function page(...paragraphs: string[]) {
  document.body.replaceChildren(
    ...paragraphs.map((text) => Object.assign(document.createElement('p'), { textContent: text })),
  );
}

function setup(configs: () => Promise<ScanConfig | null>) {
  const match = vi.fn(async (_version: string, sentences: { text: string; patterns: number[] }[]) =>
    sentences.map((s) => detector.matchSentence(s.text, s.patterns)),
  );
  const deps: ScanSessionDeps = {
    ctx: new ContentScriptContext('test'),
    config: configs,
    match,
    isOurs: () => false,
    cleared: vi.fn(),
    scanned: vi.fn(async () => undefined),
    root: () => document.body,
  };
  return { session: new ScanSession(deps), deps, match };
}

const texts = (session: ScanSession) => session.hits().map((h) => [h.mythId, h.stance]);

beforeEach(() => fakeBrowser.reset());

describe('ScanSession', () => {
  it('scans under the configuration it was given and reports once when done', async () => {
    page('Honestly, depression is just laziness.', 'A calm sentence about gardens.');
    const { session, deps, match } = setup(async () => config('v1'));
    await session.restart();
    expect(session.running).toBe(true);
    expect(session.config?.configVersion).toBe('v1');
    expect(texts(session)).toEqual([['depression-is-laziness', 'asserts']]);
    expect(match.mock.calls.every((c) => c[0] === 'v1')).toBe(true);
    expect(deps.cleared).toHaveBeenCalledTimes(1);
    expect(deps.scanned).toHaveBeenCalledTimes(1);
    session.stop();
  });

  it('on a paused site scans nothing, but still reports (the badge goes to zero)', async () => {
    page('Honestly, depression is just laziness.');
    const { session, deps, match } = setup(async () => config('v1', false));
    await session.restart();
    expect(session.running).toBe(false);
    expect(session.hits()).toEqual([]);
    expect(match).not.toHaveBeenCalled();
    expect(deps.scanned).toHaveBeenCalledTimes(1);
  });

  it('drops a restart overtaken by a newer one: old settings are never painted', async () => {
    page('Honestly, depression is just laziness.');
    const answers: ((c: ScanConfig) => void)[] = [];
    const { session, deps, match } = setup(
      () => new Promise<ScanConfig>((resolve) => answers.push(resolve)),
    );
    const first = session.restart();
    const second = session.restart();
    answers[1]!(config('new'));
    answers[0]!(config('old'));
    await Promise.all([first, second]);
    expect(session.config?.configVersion).toBe('new');
    expect(match.mock.calls.map((c) => c[0])).toEqual(['new']);
    expect(deps.scanned).toHaveBeenCalledTimes(1);
    session.stop();
  });

  it('rescans only the changed block, after the scan before it, and reports again', async () => {
    page('A calm sentence about gardens.');
    const { session, deps, match } = setup(async () => config('v1'));
    await session.restart();
    expect(session.hits()).toEqual([]);
    const added = Object.assign(document.createElement('p'), {
      textContent: 'Running cures depression.',
    });
    document.body.append(added);
    await session.rescan([added.firstChild!]);
    expect(texts(session)).toEqual([['exercise-cures-depression', 'asserts']]);
    expect(match.mock.calls.at(-1)![1].map((s) => s.text)).toEqual(['Running cures depression.']);
    expect(deps.scanned).toHaveBeenCalledTimes(2);
    session.stop();
  });

  it('does nothing more once stopped, even when the configuration arrives late', async () => {
    page('Honestly, depression is just laziness.');
    let answer: (c: ScanConfig) => void = () => undefined;
    const { session, deps, match } = setup(
      () => new Promise<ScanConfig>((resolve) => (answer = resolve)),
    );
    const run = session.restart();
    session.stop();
    answer(config('v1'));
    await run;
    expect(match).not.toHaveBeenCalled();
    expect(deps.scanned).not.toHaveBeenCalled();
    expect(session.hits()).toEqual([]);
  });
});
