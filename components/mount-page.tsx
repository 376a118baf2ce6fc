import { render, type ComponentChildren } from 'preact';
import { I18nProvider, type Translate } from './i18n';

/**
 * Starts an extension page (the popup, the options page): `app` with the
 * page's translations in a root element of its own, so a page's HTML holds
 * only what differs (its title and manifest keys).
 */
export function mountPage(app: ComponentChildren, t: Translate, doc: Document = document): void {
  const root = doc.createElement('div');
  doc.body.append(root);
  render(<I18nProvider t={t}>{app}</I18nProvider>, root);
}
