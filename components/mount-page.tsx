import { render, type ComponentChildren } from 'preact';
import { designTokenCss } from './design-tokens';
import { I18nProvider, type Translate } from './i18n';

/**
 * Starts an extension page (the popup, the options page): the design tokens
 * on `:root`, then `app` with the page's translations in a root element of
 * its own, so a page's HTML holds only what differs (its title and manifest
 * keys). The tokens come as a `<style>` from design-tokens.ts rather than from
 * the page's CSS file so that the pages and the card, which needs them as a
 * string for its shadow root, share one source.
 */
export function mountPage(app: ComponentChildren, t: Translate, doc: Document = document): void {
  const tokens = doc.createElement('style');
  tokens.textContent = designTokenCss(':root');
  doc.head.append(tokens);
  const root = doc.createElement('div');
  doc.body.append(root);
  render(<I18nProvider t={t}>{app}</I18nProvider>, root);
}
