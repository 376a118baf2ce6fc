// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { render as preactRender } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cardCss } from '../../components/card-css';
import { CorrectionCard, type CorrectionCardProps } from '../../components/CorrectionCard';
import { I18nProvider } from '../../components/i18n';
import type { MythView, SourceView } from '../../lib/pack/myth-view';
import { axeViolations, mythViews, renderWithT, testPack } from '../helpers/components';
import { t } from '../helpers/t';

const myth = mythViews(testPack())[0]!;

/** A source's kind and strength, for views built by hand. */
const SOURCE: SourceView = {
  key: 'x',
  label: 'X (2020)',
  title: 'X',
  url: 'https://example.org/x',
  kind: 'cohort-or-survey',
  kindText: 'cohort study or survey',
  strength: 'limited',
  strengthText: 'limited evidence',
};

function props(over: Partial<CorrectionCardProps> = {}): CorrectionCardProps {
  return {
    myth,
    stance: 'asserts',
    onClose: vi.fn(),
    onHideCategory: vi.fn(),
    onNotAMyth: vi.fn(),
    ...over,
  };
}

afterEach(cleanup);

describe('CorrectionCard', () => {
  it('is a dialog named after Myth Lens and its title, with focus on the title', () => {
    renderWithT(<CorrectionCard {...props()} />);
    const dialog = screen.getByRole('dialog', {
      name: `${t('extName')} ${t('cardTitle')}`,
    });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
  });

  it('shows the myth: claim, verdict, correction, what to say instead, sources', () => {
    renderWithT(<CorrectionCard {...props()} />);
    for (const text of [myth.verdict, myth.correction, myth.sayInstead]) {
      expect(screen.getByText(text)).toBeTruthy();
    }
    expect(screen.getByText(t('quoted', [myth.claim]))).toBeTruthy();
  });

  it('calls onClose on Escape and keeps the key from the page', () => {
    const onClose = vi.fn();
    const pageHandler = vi.fn();
    document.addEventListener('keydown', pageHandler);
    renderWithT(<CorrectionCard {...props({ onClose })} />);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    document.removeEventListener('keydown', pageHandler);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(pageHandler).not.toHaveBeenCalled();
  });

  it('calls onClose from the close button, which has a name', () => {
    const onClose = vi.fn();
    renderWithT(<CorrectionCard {...props({ onClose })} />);
    fireEvent.click(screen.getByRole('button', { name: t('cardClose') }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('keeps Tab and Shift+Tab inside the card', () => {
    renderWithT(<CorrectionCard {...props()} />);
    const dialog = screen.getByRole('dialog');
    const focusable = [...dialog.querySelectorAll<HTMLElement>('a[href], button')];
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    expect(first.getAttribute('aria-label')).toBe(t('cardClose'));

    // From the title (focused on open), Shift+Tab wraps to the last control.
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
  });

  it('leaves Tab alone between inner controls, so the browser moves focus in order', () => {
    renderWithT(<CorrectionCard {...props()} />);
    const close = screen.getByRole('button', { name: t('cardClose') });
    close.focus();
    const event = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    close.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('offers to hide the category by its label, and says where "Not a myth here" is kept', () => {
    const onHideCategory = vi.fn();
    const onNotAMyth = vi.fn();
    renderWithT(<CorrectionCard {...props({ onHideCategory, onNotAMyth })} />);
    fireEvent.click(
      screen.getByRole('button', { name: t('cardHideCategory', [myth.categoryLabel]) }),
    );
    expect(onHideCategory).toHaveBeenCalledWith(myth.category);

    const notAMyth = screen.getByRole('button', { name: t('cardNotAMyth') });
    const hint = document.getElementById(notAMyth.getAttribute('aria-describedby')!);
    expect(hint?.textContent).toBe(t('cardNotAMythHint'));
    fireEvent.click(notAMyth);
    expect(onNotAMyth).toHaveBeenCalledTimes(1);
  });

  it('adds a positive note only when the sentence refutes the myth', () => {
    const { unmount } = renderWithT(<CorrectionCard {...props()} />);
    expect(screen.queryByText(t('cardRefutesNote'))).toBeNull();
    unmount();
    renderWithT(<CorrectionCard {...props({ stance: 'refutes' })} />);
    expect(screen.getByText(t('cardRefutesNote'))).toBeTruthy();
  });

  it('applies the placement style it is given', () => {
    renderWithT(<CorrectionCard {...props({ style: { top: '120px', left: '40px' } })} />);
    const dialog = screen.getByRole('dialog');
    expect(dialog.style.top).toBe('120px');
    expect(dialog.style.left).toBe('40px');
  });

  it('works inside a shadow root: focus on open and the Tab trap', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = cardCss;
    const mount = document.createElement('div');
    shadow.append(style, mount);
    act(() => {
      preactRender(
        <I18nProvider t={t}>
          <CorrectionCard {...props()} />
        </I18nProvider>,
        mount,
      );
    });
    const title = shadow.querySelector('h2');
    expect(shadow.activeElement).toBe(title);
    const buttons = [...shadow.querySelectorAll('button')];
    fireEvent.keyDown(title!, { key: 'Tab', shiftKey: true });
    expect(shadow.activeElement).toBe(buttons[buttons.length - 1]);
    act(() => preactRender(null, mount));
    host.remove();
  });

  it('renders pack text as text, never as markup', () => {
    const hostile: MythView = {
      ...myth,
      claim: '<img src=x onerror="alert(1)">',
      correction: '<b>bold</b> claim. Second sentence.',
      sources: [
        { ...SOURCE, key: 'a', label: 'A (2020)', title: 'Fine', url: 'https://example.org/a' },
        { ...SOURCE, key: 'b', label: 'B (2021)', title: 'Bad', url: 'javascript:alert(1)' },
      ],
    };
    const { container } = renderWithT(<CorrectionCard {...props({ myth: hostile })} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(screen.getByText(hostile.correction)).toBeTruthy();
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/a']);
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('lists its sources strongest first, each with its kind and strength in words', () => {
    const weakFirst: MythView = {
      ...myth,
      sources: [
        {
          ...SOURCE,
          key: 'page',
          label: 'Agency (2024)',
          strength: 'background',
          strengthText: 'background information',
          kind: 'agency-page',
          kindText: 'health agency information',
        },
        { ...SOURCE, key: 'survey', label: 'Survey (2003)' },
        {
          ...SOURCE,
          key: 'trials',
          label: 'Trials (2018)',
          strength: 'strong',
          strengthText: 'strong evidence',
          kind: 'meta-analysis-of-trials',
          kindText: 'meta-analysis of randomised trials',
        },
      ],
    };
    const { container } = renderWithT(<CorrectionCard {...props({ myth: weakFirst })} />);
    const items = [...container.querySelectorAll('.ml-sources > li')];
    expect(items.map((li) => li.getAttribute('data-strength'))).toEqual([
      'strong',
      'limited',
      'background',
    ]);
    expect(items[0]!.textContent).toBe(
      `${t('sourceLinkText', ['Trials (2018)', 'X'])} ${t('opensInNewTab')}` +
        `${t('sourceKindLabel')} meta-analysis of randomised trials · , ${t('sourceStrengthLabel')} strong evidence`,
    );
  });

  it('has no axe violations, for either stance', async () => {
    const { container, unmount } = renderWithT(<CorrectionCard {...props()} />);
    expect(await axeViolations(container)).toEqual([]);
    unmount();
    const refutes = renderWithT(<CorrectionCard {...props({ stance: 'refutes' })} />);
    expect(await axeViolations(refutes.container)).toEqual([]);
  });
});

describe('cardCss', () => {
  it('uses px, never rem, since rem follows the page', () => {
    expect(cardCss).not.toMatch(/\drem\b/);
  });

  it('resets inherited styles and sets its own font and colour', () => {
    expect(cardCss).toMatch(/all:\s*initial/);
    expect(cardCss).toMatch(/font-family:/);
    expect(cardCss).toMatch(/\bcolor:/);
  });

  it('has a dark scheme and turns motion off when asked', () => {
    expect(cardCss).toContain('@media (prefers-color-scheme: dark)');
    expect(cardCss).toMatch(/@media \(prefers-reduced-motion: reduce\)[^@]*transition: none/);
  });
});
