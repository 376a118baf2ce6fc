import { describe, expect, it, vi } from 'vitest';
import { CardActions, type CardActionDeps } from '../../entrypoints/content/card-actions';
import { HitList } from '../../entrypoints/content/hit-list';
import type { Hit } from '../../lib/page/page-scan';
import type { MythView } from '../../lib/pack/myth-view';

/** The card's opener and its buttons, with every outside part a fake. */

function hit(key: number, stance: 'asserts' | 'refutes'): Hit {
  const parent = { scrollIntoView: vi.fn() };
  return {
    key,
    stance,
    mythId: `myth-${key}`,
    category: 'willpower',
    sentence: `Sentence ${key}.`,
    text: `Sentence ${key}.`,
    range: { startContainer: { parentElement: parent }, getBoundingClientRect: () => ({}) },
  } as unknown as Hit;
}

function setup(found: Hit[], over: Partial<CardActionDeps> = {}) {
  const opened: Parameters<CardActionDeps['ui']['open']>[0][] = [];
  const deps: CardActionDeps = {
    ui: { open: vi.fn((card) => void opened.push(card)), announce: vi.fn() },
    hits: new HitList(() => found),
    showRefutations: () => false,
    getMyth: vi.fn(async (id: string) => ({ id }) as unknown as MythView),
    hideCategory: vi.fn(async () => null),
    reportNotMyth: vi.fn(async () => null),
    dismissed: vi.fn(),
    show: vi.fn(),
    stopped: () => false,
    reducedMotion: () => false,
    t: (_key, fallback) => fallback,
    ...over,
  };
  return { actions: new CardActions(deps), deps, opened };
}

describe('CardActions', () => {
  it('opens the card for a hit, with its myth and stance, scrolling smoothly when asked', async () => {
    const found = [hit(1, 'asserts'), hit(2, 'asserts')];
    const { actions, deps, opened } = setup(found);
    expect(await actions.open(2, true)).toBe(true);
    expect(deps.getMyth).toHaveBeenCalledWith('myth-2');
    expect(opened[0]).toMatchObject({ myth: { id: 'myth-2' }, stance: 'asserts' });
    const el = found[1]!.range.startContainer.parentElement as unknown as {
      scrollIntoView: ReturnType<typeof vi.fn>;
    };
    expect(el.scrollIntoView).toHaveBeenCalledWith({ block: 'center', behavior: 'smooth' });
  });

  it('scrolls without animation when the person asked for reduced motion', async () => {
    const found = [hit(1, 'asserts')];
    const { actions } = setup(found, { reducedMotion: () => true });
    await actions.open(1, true);
    const el = found[0]!.range.startContainer.parentElement as unknown as {
      scrollIntoView: ReturnType<typeof vi.fn>;
    };
    expect(el.scrollIntoView).toHaveBeenCalledWith({ block: 'center', behavior: 'auto' });
  });

  it('opens nothing for an unknown key, a hidden refutation, a missing myth or a stopped script', async () => {
    const found = [hit(1, 'asserts'), hit(2, 'refutes')];
    expect(await setup(found).actions.open(7, false)).toBe(false);
    expect(await setup(found).actions.open(2, false)).toBe(false);
    expect(await setup(found, { showRefutations: () => true }).actions.open(2, false)).toBe(true);
    const missing = setup(found, { getMyth: async () => null });
    expect(await missing.actions.open(1, false)).toBe(false);
    const stopped = setup(found, { stopped: () => true });
    expect(await stopped.actions.open(1, false)).toBe(false);
    expect(stopped.opened).toEqual([]);
  });

  it('next goes through the hits in order and wraps; on an empty page it says so and opens nothing', async () => {
    const { actions, opened, deps } = setup([hit(1, 'asserts'), hit(3, 'asserts')]);
    await actions.next();
    await actions.next();
    await actions.next();
    expect(opened.map((o) => o.myth.id)).toEqual(['myth-1', 'myth-3', 'myth-1']);
    expect(deps.show).toHaveBeenCalledTimes(3);
    const empty = setup([]);
    expect(await empty.actions.next()).toBe(false);
    expect(empty.deps.ui.announce).toHaveBeenCalledWith(
      'Myth Lens found nothing to note on this page.',
    );
    expect(empty.deps.show).not.toHaveBeenCalled();
  });

  it('"Not a myth here" dismisses the hit, repaints, and sends the note; a refusal is passed back', async () => {
    const found = [hit(1, 'asserts'), hit(2, 'asserts')];
    const { actions, opened, deps } = setup(found, {
      reportNotMyth: vi.fn(async () => 'the list of notes is full'),
    });
    await actions.open(1, false);
    expect(await opened[0]!.onNotAMyth()).toBe('the list of notes is full');
    expect(deps.reportNotMyth).toHaveBeenCalledWith('myth-1', 'Sentence 1.');
    expect(deps.dismissed).toHaveBeenCalledTimes(1);
    expect(deps.hits.kept().map((h) => h.key)).toEqual([2]);
  });

  it('"Hide this category" asks the background and passes its answer back', async () => {
    const { actions, opened, deps } = setup([hit(1, 'asserts')]);
    await actions.open(1, false);
    expect(await opened[0]!.onHideCategory('willpower')).toBeNull();
    expect(deps.hideCategory).toHaveBeenCalledWith('willpower');
  });
});
