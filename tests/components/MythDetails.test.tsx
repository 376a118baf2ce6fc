// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MythDetails } from '../../components/MythDetails';
import { strengthRank, strongestFirst } from '../../lib/pack/source-strength';
import { axeViolations, mythViews, renderWithT, testPack } from '../helpers/components';
import { t } from '../helpers/t';

const myth = mythViews(testPack())[0]!;

afterEach(cleanup);

describe('MythDetails', () => {
  it('labels the claim as what some people say, then the verdict, correction and advice', () => {
    const { container } = renderWithT(<MythDetails myth={myth} />);
    const text = container.textContent ?? '';
    const order = [
      t('detailsClaimHeading'),
      myth.claim,
      t('detailsEvidenceHeading'),
      myth.verdict,
      myth.correction,
      t('detailsSayInsteadHeading'),
      myth.sayInstead,
      t('detailsSourcesHeading'),
    ].map((part) => text.indexOf(part));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it.each([2, 3, 4] as const)('uses h%i headings when asked', (level) => {
    renderWithT(<MythDetails myth={myth} headingLevel={level} />);
    const headings = screen.getAllByRole('heading', { level });
    expect(headings.map((h) => h.textContent)).toContain(t('detailsSayInsteadHeading'));
  });

  it('lists sources as links that open safely in a new tab, named by label and title', () => {
    renderWithT(<MythDetails myth={myth} />);
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(myth.sources.length);
    strongestFirst(myth.sources).forEach((s, i) => {
      const a = links[i]!;
      expect(a.getAttribute('href')).toBe(s.url);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.textContent).toContain(t('sourceLinkText', [s.label, s.title]));
    });
  });

  it('gives every source of every myth its kind and strength, named for screen readers', () => {
    for (const view of mythViews(testPack())) {
      const { container, unmount } = renderWithT(<MythDetails myth={view} />);
      const items = [...container.querySelectorAll('.ml-sources > li')];
      const shown = strongestFirst(view.sources);
      expect(items).toHaveLength(shown.length);
      items.forEach((li, i) => {
        const s = shown[i]!;
        const meta = li.querySelector('.ml-source-strength')!;
        const hidden = [...meta.querySelectorAll('.ml-visually-hidden')].map((e) => e.textContent);
        expect(hidden).toEqual([`${t('sourceKindLabel')} `, `, ${t('sourceStrengthLabel')} `]);
        expect(meta.textContent).toContain(s.kindText);
        expect(meta.querySelector('.ml-strength')?.textContent).toBe(s.strengthText);
        // Plain words, never the ids the pack stores.
        expect(s.kindText).toMatch(/^[a-z][a-z ,'-]+$/);
        expect(s.kindText).not.toBe(s.kind);
      });
      const ranks = items.map((li) => strengthRank(li.getAttribute('data-strength') ?? ''));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      unmount();
    }
  });

  it('has no axe violations', async () => {
    const { container } = renderWithT(<MythDetails myth={myth} headingLevel={2} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
