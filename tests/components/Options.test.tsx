// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options, type OptionsProps } from '../../components/Options';
import { hostPatternProblem } from '../../lib/settings/site-rules';
import { defaultSettings, type Settings } from '../../lib/settings/settings';
import { axeViolations, renderWithT, testPack } from '../helpers/components';
import { t } from '../helpers/t';

const pack = testPack();
const categories = pack.categories.map((c) => ({
  id: c.id,
  label: c.label,
  description: c.description,
  myths: pack.myths.filter((m) => m.category === c.id).map((m) => ({ id: m.id, claim: m.claim })),
}));
const withMyths = categories.find((c) => c.myths.length > 0)!;
const settings = defaultSettings(pack);

function props(over: Partial<OptionsProps> = {}): OptionsProps {
  return {
    settings,
    categories,
    packVersion: pack.meta.version,
    changelog: pack.meta.changelog,
    reports: [
      {
        mythId: withMyths.myths[0]!.id,
        sentence: 'A sentence I disagree with.',
        date: '2026-01-31',
      },
    ],
    shortcuts: [
      {
        name: 'next-finding',
        description: 'Go to the next highlighted sentence',
        shortcut: 'Alt+Shift+N',
      },
      { name: 'toggle-highlights', description: 'Show or hide highlights', shortcut: '' },
    ],
    onChange: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
    onReset: vi.fn(),
    onClearReports: vi.fn(),
    onExportReports: vi.fn(),
    onOpenShortcuts: vi.fn(),
    ...over,
  };
}

/** The Settings handed to the one onChange call. */
function changed(onChange: OptionsProps['onChange']): Settings {
  const calls = vi.mocked(onChange).mock.calls;
  expect(calls).toHaveLength(1);
  return calls[0]![0];
}

function hostList(title: string) {
  return screen.getByRole('group', { name: title });
}

function addHost(title: string, value: string) {
  const list = hostList(title);
  const input = within(list).getByRole('textbox', { name: t('hostAddLabel') });
  fireEvent.input(input, { target: { value } });
  fireEvent.submit(input.closest('form')!);
  return input;
}

afterEach(cleanup);

describe('Options: categories', () => {
  it('has one labelled switch per category, with its description and myth count', () => {
    renderWithT(<Options {...props()} />);
    for (const c of categories) {
      const toggle = screen.getByRole('switch', { name: c.label });
      expect(toggle.getAttribute('data-category')).toBe(c.id);
      expect((toggle as HTMLInputElement).checked).toBe(true);
      const description = document.getElementById(toggle.getAttribute('aria-describedby')!)!;
      expect(description.textContent).toContain(c.description);
    }
  });

  it('switching a category off hands over settings with only that category off', () => {
    const onChange = vi.fn();
    renderWithT(<Options {...props({ onChange })} />);
    fireEvent.click(document.querySelector(`[data-category="${withMyths.id}"]`)!);
    const next = changed(onChange);
    expect(next.categories[withMyths.id]).toBe(false);
    expect(Object.values(next.categories).filter((on) => !on)).toHaveLength(1);
  });

  it('switches off a single myth inside a category, and back on', () => {
    const onChange = vi.fn();
    const myth = withMyths.myths[0]!;
    const { unmount } = renderWithT(<Options {...props({ onChange })} />);
    fireEvent.click(document.querySelector(`input[data-myth-id="${myth.id}"]`)!);
    expect(changed(onChange).disabledMyths).toEqual([myth.id]);
    unmount();

    const back = vi.fn();
    renderWithT(
      <Options
        {...props({ onChange: back, settings: { ...settings, disabledMyths: [myth.id] } })}
      />,
    );
    const box = document.querySelector<HTMLInputElement>(`input[data-myth-id="${myth.id}"]`)!;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(changed(back).disabledMyths).toEqual([]);
  });

  it('disables the single-myth choices of a category that is off', () => {
    const off = { ...settings, categories: { ...settings.categories, [withMyths.id]: false } };
    renderWithT(<Options {...props({ settings: off })} />);
    const box = document.querySelector<HTMLInputElement>(
      `input[data-myth-id="${withMyths.myths[0]!.id}"]`,
    )!;
    expect(box.disabled).toBe(true);
  });
});

describe('Options: sites', () => {
  it('rejects an invalid host inline, linked to the field, and saves nothing', () => {
    const onChange = vi.fn();
    renderWithT(<Options {...props({ onChange })} />);
    const bad = 'https://example.com/page';
    const input = addHost(t('pausedSitesTitle'), bad);
    expect(onChange).not.toHaveBeenCalled();
    const message = hostPatternProblem(bad)!;
    const error = screen.getByText(message);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
  });

  it('adds a valid host, normalised', () => {
    const onChange = vi.fn();
    renderWithT(<Options {...props({ onChange })} />);
    addHost(t('pausedSitesTitle'), '  News.Example.COM ');
    expect(changed(onChange).pausedSites).toEqual(['news.example.com']);
  });

  it('refuses a host that is already listed', () => {
    const onChange = vi.fn();
    const listed = { ...settings, pausedSites: ['example.com'] };
    renderWithT(<Options {...props({ onChange, settings: listed })} />);
    addHost(t('pausedSitesTitle'), 'example.com');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText(t('hostDuplicate', ['example.com']))).toBeTruthy();
  });

  it('removes a host by a button named after it', () => {
    const onChange = vi.fn();
    const listed = { ...settings, pausedSites: ['a.example', 'b.example'] };
    renderWithT(<Options {...props({ onChange, settings: listed })} />);
    fireEvent.click(screen.getByRole('button', { name: t('hostRemoveNamed', ['a.example']) }));
    expect(changed(onChange).pausedSites).toEqual(['b.example']);
  });

  it('switches to "only listed sites", which shows that list', () => {
    const onChange = vi.fn();
    const { unmount } = renderWithT(<Options {...props({ onChange })} />);
    expect(screen.queryByRole('group', { name: t('onlySitesTitle') })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: t('siteModeOnlyListed') }));
    expect(changed(onChange).siteMode).toBe('only-listed');
    unmount();

    const add = vi.fn();
    renderWithT(
      <Options {...props({ onChange: add, settings: { ...settings, siteMode: 'only-listed' } })} />,
    );
    addHost(t('onlySitesTitle'), '*.example.org');
    expect(changed(add).onlySites).toEqual(['*.example.org']);
  });
});

describe('Options: display, shortcuts, backup', () => {
  it('chooses the highlight style and the positive style for refutations', () => {
    const onChange = vi.fn();
    renderWithT(<Options {...props({ onChange })} />);
    fireEvent.click(screen.getByRole('radio', { name: t('highlightBackground') }));
    expect(changed(onChange).highlightStyle).toBe('background');
    onChange.mockClear();
    fireEvent.click(screen.getByRole('checkbox', { name: t('showRefutationsLabel') }));
    expect(changed(onChange).showRefutations).toBe(true);
  });

  it('lists shortcuts and opens the browser page to change them', () => {
    const onOpenShortcuts = vi.fn();
    renderWithT(<Options {...props({ onOpenShortcuts })} />);
    expect(screen.getByText('Alt+Shift+N').tagName).toBe('KBD');
    expect(screen.getByText(t('shortcutUnset'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('shortcutsChange') }));
    expect(onOpenShortcuts).toHaveBeenCalledTimes(1);
  });

  it('exports, and imports a chosen JSON file', () => {
    const onExport = vi.fn();
    const onImport = vi.fn();
    renderWithT(<Options {...props({ onExport, onImport })} />);
    fireEvent.click(screen.getByRole('button', { name: t('exportSettings') }));
    expect(onExport).toHaveBeenCalledTimes(1);
    const input = screen.getByLabelText(t('importSettingsLabel')) as HTMLInputElement;
    expect(input.accept).toBe('application/json');
    const file = new File(['{}'], 'settings.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(onImport).toHaveBeenCalledWith(file);
  });

  it('shows an import error as an alert', () => {
    renderWithT(<Options {...props({ importError: 'That file is not Myth Lens settings.' })} />);
    expect(screen.getByRole('alert').textContent).toBe('That file is not Myth Lens settings.');
  });

  it('resets only after an inline confirmation', () => {
    const onReset = vi.fn();
    renderWithT(<Options {...props({ onReset })} />);
    fireEvent.click(screen.getByRole('button', { name: t('resetSettings') }));
    expect(onReset).not.toHaveBeenCalled();
    expect(screen.getByRole('group', { name: t('resetQuestion') })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: t('cancel') }));

    fireEvent.click(screen.getByRole('button', { name: t('cancel') }));
    expect(onReset).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: t('resetSettings') }));

    fireEvent.click(screen.getByRole('button', { name: t('resetSettings') }));
    fireEvent.click(screen.getByRole('button', { name: t('resetConfirm') }));
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: t('resetConfirm') })).toBeNull();
  });
});

describe('Options: pack, privacy, reports', () => {
  it('shows the pack version and changelog', () => {
    renderWithT(<Options {...props()} />);
    expect(screen.getByText(t('packVersion', [pack.meta.version]))).toBeTruthy();
    expect(screen.getByText(pack.meta.changelog[0]!.notes, { exact: false })).toBeTruthy();
  });

  it('says nothing leaves the browser', () => {
    renderWithT(<Options {...props()} />);
    expect(screen.getByText(t('privacyText'))).toBeTruthy();
  });

  it('lists the local reports, exports them and clears them after confirming', () => {
    const onExportReports = vi.fn();
    const onClearReports = vi.fn();
    renderWithT(<Options {...props({ onExportReports, onClearReports })} />);
    expect(screen.getByText('A sentence I disagree with.')).toBeTruthy();
    expect(
      screen.getByText(t('reportMeta', [withMyths.myths[0]!.claim, '2026-01-31'])),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('reportsExport') }));
    expect(onExportReports).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: t('reportsClear') }));
    expect(onClearReports).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: t('reportsClearConfirm') }));
    expect(onClearReports).toHaveBeenCalledTimes(1);
  });

  it('says when there are no reports', () => {
    renderWithT(<Options {...props({ reports: [] })} />);
    expect(screen.getByText(t('reportsNone'))).toBeTruthy();
    expect(screen.queryByRole('button', { name: t('reportsExport') })).toBeNull();
  });
});

describe('Options: accessibility', () => {
  it('has no axe violations, with an open category, an error and the reset question', async () => {
    const { container } = renderWithT(
      <Options
        {...props({
          importError: 'That file is not Myth Lens settings.',
          settings: { ...settings, siteMode: 'only-listed', pausedSites: ['example.com'] },
        })}
      />,
    );
    container.querySelector('details')!.open = true;
    addHost(t('pausedSitesTitle'), 'not a host');
    fireEvent.click(screen.getByRole('button', { name: t('resetSettings') }));
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('Options: saving and importing say what happened (issue 13)', () => {
  it('shows why a change could not be saved, as an alert', () => {
    const why = 'Myth Lens could not save this change. Your previous settings are kept.';
    renderWithT(<Options {...props({ saveError: why })} />);
    expect(screen.getByRole('alert').textContent).toBe(why);
  });

  it('shows what an import left out, as a status', () => {
    const note = 'Settings imported. Left out: x.';
    renderWithT(<Options {...props({ importNotice: note })} />);
    expect(screen.getByRole('status').textContent).toBe(note);
  });
});
