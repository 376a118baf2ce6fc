// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider, useT } from '../../components/i18n';

function Greeting() {
  const t = useT();
  return <p>{t('hello', ['Ada'])}</p>;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('i18n', () => {
  it('hands the provider’s function to components, with substitutions', () => {
    const t = vi.fn((key: string, subs?: string[]) => `${key}:${subs?.join(',')}`);
    render(
      <I18nProvider t={t}>
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByText('hello:Ada')).toBeTruthy();
    expect(t).toHaveBeenCalledWith('hello', ['Ada']);
  });

  it('fails loudly when a component is rendered without a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Greeting />)).toThrow(/I18nProvider/);
  });
});
