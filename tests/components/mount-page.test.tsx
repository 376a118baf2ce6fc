// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { designTokenCss } from '../../components/design-tokens';
import { useT } from '../../components/i18n';
import { mountPage } from '../../components/mount-page';
import { t } from '../helpers/t';

function Title() {
  return <h1>{useT()('extName')}</h1>;
}

afterEach(() => {
  for (const root of document.body.children) render(null, root);
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('mountPage', () => {
  it('puts the design tokens on :root and renders the app with its translations', () => {
    mountPage(<Title />, t);
    const styles = [...document.head.querySelectorAll('style')].map((s) => s.textContent);
    expect(styles).toEqual([designTokenCss(':root')]);
    expect(document.querySelector('body > div > h1')?.textContent).toBe(t('extName'));
  });

  it("leaves the page's own body content where it is", () => {
    const script = document.createElement('script');
    document.body.append(script);
    mountPage(<Title />, t);
    expect(document.body.firstElementChild).toBe(script);
    expect(document.body.children).toHaveLength(2);
  });
});
