import { render } from '@testing-library/preact';
import axe from 'axe-core';
import type { ComponentChildren } from 'preact';
import { I18nProvider } from '../../components/i18n';
import { mythView, type MythView } from '../../lib/pack/myth-view';
import type { Pack } from '../../lib/pack/pack';
import { bundledPack } from '../../lib/pack/pack-bundled';
import { t } from './t';

/** The real, bundled pack: components are tested with the myths people will see. */
export function testPack(): Pack {
  return bundledPack();
}

/** Every myth of the pack as the UI receives it. */
export function mythViews(pack: Pack): MythView[] {
  return pack.myths.map((m) => mythView(pack, m.id)).filter((v): v is MythView => v !== null);
}

/** Renders inside the English I18nProvider, as the entry points do with browser.i18n. */
export function renderWithT(ui: ComponentChildren) {
  return render(<I18nProvider t={t}>{ui}</I18nProvider>);
}

/**
 * axe-core's violations on `node`, shortened to what a failing assertion
 * needs to show. Every rule runs: happy-dom has no layout, so color-contrast
 * lands in axe's "incomplete" list rather than failing, which means contrast
 * is not verified here (the stylesheets' colours were picked for 4.5:1).
 */
export async function axeViolations(node: Element) {
  const result = await axe.run(node);
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.html),
  }));
}
