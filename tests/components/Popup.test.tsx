// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupPage, type PopupProps } from '../../components/Popup';
import { createLookup } from '../../lib/lookup';
import type { HitSummary } from '../../lib/protocol';
import { axeViolations, mythViews, renderWithT, testPack } from '../helpers/components';
import { t } from '../helpers/t';

const pack = testPack();
const myths = mythViews(pack);
const lookup = createLookup(pack);
const [mythA, mythB] = pack.myths;
if (!mythA || !mythB) throw new Error('The test pack needs at least two myths.');

const findings: HitSummary[] = [
  {
    key: 0,
    mythId: mythA.id,
    category: mythA.category,
    stance: 'asserts',
    text: mythA.examples.asserts[0]!,
  },
  {
    key: 7,
    mythId: mythB.id,
    category: mythB.category,
    stance: 'asserts',
    text: mythB.examples.asserts[0]!,
  },
];
const readyPage: PopupPage = { status: 'ready', asserted: findings, refuted: 2 };

function props(over: Partial<PopupProps> = {}): PopupProps {
  return {
    lookup,
    myths,
    page: readyPage,
    onFocusFinding: vi.fn(),
    onPauseSite: vi.fn(),
    onToggleHighlights: vi.fn(),
    onOpenSettings: vi.fn(),
    ...over,
  };
}

const field = () => screen.getByRole('textbox', { name: t('checkClaimLabel') });
const type = (text: string) => fireEvent.input(field(), { target: { value: text } });
const resultIds = () =>
  [
    ...(screen
      .queryByRole('list', { name: t('lookupResultsLabel') })
      ?.querySelectorAll('[data-myth-id]') ?? []),
  ].map((li) => li.getAttribute('data-myth-id'));

afterEach(cleanup);

describe('Popup: check a claim', () => {
  it('has a visibly labelled field that takes focus on open', () => {
    renderWithT(<Popup {...props()} />);
    expect(screen.getByRole('main', { name: t('extName') })).toBeTruthy();
    expect(document.activeElement).toBe(field());
    expect(screen.getByText(t('checkClaimLabel')).tagName).toBe('LABEL');
  });

  it.each(pack.myths.map((m) => [m.id, m.examples.asserts[1]!]))(
    'typing a sentence of %s ranks that myth first',
    (id, sentence) => {
      renderWithT(<Popup {...props()} />);
      type(sentence);
      expect(resultIds()[0]).toBe(id);
      expect(screen.getByRole('status').textContent).toMatch(/match/);
    },
  );

  it('shows the verdict, and the full details once expanded', () => {
    renderWithT(<Popup {...props()} />);
    type(mythA.examples.asserts[0]!);
    const item = screen
      .getByRole('list', { name: t('lookupResultsLabel') })
      .querySelector<HTMLElement>(`[data-myth-id="${mythA.id}"]`)!;
    const details = item.querySelector('details')!;
    expect(within(item).getByText(mythA.verdict, { selector: 'summary *' })).toBeTruthy();
    expect(details.open).toBe(false);
    details.open = true;
    expect(within(item).getByText(t('detailsSayInsteadHeading'))).toBeTruthy();
    expect(within(item).getByText(mythA.sayInstead)).toBeTruthy();
  });

  it('says kindly when the text already debunks a myth', () => {
    renderWithT(<Popup {...props()} />);
    type(mythA.examples.refutes[0]!);
    expect(screen.getByText(t('lookupRefutesNote'))).toBeTruthy();
    expect(resultIds()[0]).toBe(mythA.id);
  });

  it('says so when nothing matches, without calling the text true or false', () => {
    renderWithT(<Popup {...props()} />);
    type('purple keyboard banana');
    expect(screen.getByRole('status').textContent).toBe(t('lookupNone'));
    expect(resultIds()).toEqual([]);
  });

  it('offers every myth by category when the field is empty', () => {
    renderWithT(<Popup {...props()} />);
    expect(screen.getByText(t('browseTitle'))).toBeTruthy();
    for (const category of new Set(myths.map((m) => m.categoryLabel))) {
      expect(screen.getByRole('heading', { name: category })).toBeTruthy();
    }
    for (const m of myths) {
      expect(screen.getByText(t('quoted', [m.claim]), { selector: 'summary' })).toBeTruthy();
    }
    type(mythA.examples.asserts[0]!);
    expect(screen.queryByText(t('browseTitle'))).toBeNull();
  });

  it('checks the initial query (from the context menu) straight away', () => {
    renderWithT(<Popup {...props({ initialQuery: mythB.examples.asserts[0] })} />);
    expect(field()).toHaveProperty('value', mythB.examples.asserts[0]);
    expect(resultIds()[0]).toBe(mythB.id);
  });

  it('defers a long paste to a timer, then shows its matches', async () => {
    const lookupSpy = vi.fn(lookup);
    renderWithT(<Popup {...props({ lookup: lookupSpy })} />);
    const long = `${'Some unrelated filler text about the garden. '.repeat(60)}${mythA.examples.asserts[0]}`;
    lookupSpy.mockClear();
    type(long);
    expect(lookupSpy).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe(t('lookupPending'));
    await waitFor(() => expect(resultIds()[0]).toBe(mythA.id));
  });
});

describe('Popup: on this page', () => {
  it('counts the findings and lists each with its snippet and myth', () => {
    renderWithT(<Popup {...props()} />);
    expect(screen.getByText(t('pageCountMany', ['2']))).toBeTruthy();
    const items = [...document.querySelectorAll('.finding-list [data-myth-id]')];
    expect(items.map((li) => li.getAttribute('data-myth-id'))).toEqual([mythA.id, mythB.id]);
    expect(items[0]!.textContent).toContain(findings[0]!.text);
    expect(items[0]!.textContent).toContain(mythA.claim);
  });

  it('focuses a finding in the page when it is activated', () => {
    const onFocusFinding = vi.fn();
    renderWithT(<Popup {...props({ onFocusFinding })} />);
    const second = document.querySelector(`.finding-list [data-myth-id="${mythB.id}"] button`)!;
    fireEvent.click(second);
    expect(onFocusFinding).toHaveBeenCalledWith(7);
  });

  it('counts refutations separately, as good news', () => {
    renderWithT(<Popup {...props()} />);
    expect(screen.getByText(t('pageRefutedMany', ['2']))).toBeTruthy();
  });

  it.each([
    ['unavailable', 'pageUnavailable'],
    ['paused', 'pagePaused'],
  ] as const)('explains a page that is %s', (status, key) => {
    renderWithT(<Popup {...props({ page: { status, asserted: [], refuted: 0 } })} />);
    expect(screen.getByText(t(key))).toBeTruthy();
  });

  it('says when the page is clean', () => {
    renderWithT(<Popup {...props({ page: { status: 'ready', asserted: [], refuted: 0 } })} />);
    expect(screen.getByText(t('pageCountNone'))).toBeTruthy();
  });
});

describe('Popup: quick controls and help', () => {
  it('pauses the site, hides highlights and opens settings', () => {
    const onPauseSite = vi.fn();
    const onToggleHighlights = vi.fn();
    const onOpenSettings = vi.fn();
    renderWithT(<Popup {...props({ onPauseSite, onToggleHighlights, onOpenSettings })} />);
    fireEvent.click(screen.getByRole('switch', { name: t('controlsPauseSite') }));
    expect(onPauseSite).toHaveBeenCalledWith(true);
    fireEvent.click(screen.getByRole('switch', { name: t('controlsShowHighlights') }));
    expect(onToggleHighlights).toHaveBeenCalledWith(false);
    fireEvent.click(screen.getByRole('button', { name: t('controlsOpenSettings') }));
    expect(onOpenSettings).toHaveBeenCalledTimes(1);
  });

  it('shows a paused site as paused, with the highlight switch off limits', () => {
    renderWithT(<Popup {...props({ page: { status: 'paused', asserted: [], refuted: 0 } })} />);
    const pause = screen.getByRole('switch', { name: t('controlsPauseSite') });
    expect((pause as HTMLInputElement).checked).toBe(true);
    const highlights = screen.getByRole('switch', { name: t('controlsShowHighlights') });
    expect((highlights as HTMLInputElement).disabled).toBe(true);
  });

  it('links to crisis lines in a new tab', () => {
    renderWithT(<Popup {...props()} />);
    const help = screen.getByRole('heading', { name: t('helpTitle') }).parentElement!;
    const links = within(help).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://988lifeline.org',
      'https://findahelpline.com',
    ]);
    for (const a of links) expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });
});

describe('Popup: accessibility', () => {
  it('has no axe violations with results shown and one expanded', async () => {
    const { container } = renderWithT(<Popup {...props()} />);
    type(mythA.examples.asserts[0]!);
    container.querySelector('details')!.open = true;
    expect(await axeViolations(container)).toEqual([]);
  });

  it('has no axe violations in the empty state', async () => {
    const { container } = renderWithT(
      <Popup {...props({ page: { status: 'unavailable', asserted: [], refuted: 0 } })} />,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('Popup: a refused pause is said (issue 13)', () => {
  it('shows the reason as an alert', () => {
    renderWithT(<Popup {...props({ pauseError: 'The list of sites is full.' })} />);
    expect(screen.getByRole('alert').textContent).toBe('The list of sites is full.');
  });
});
