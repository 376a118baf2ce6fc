import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { I18nProvider } from '../../components/i18n';
import { Popup, type PopupProps } from '../../components/Popup';
import { createLookup, type LookupResult } from '../../lib/lookup';
import { mythView } from '../../lib/myth-view';
import { bundledPack } from '../../lib/pack-bundled';
import { connectTab, type TabState } from './tab';

const pack = bundledPack();
const myths = pack.myths.map((m) => mythView(pack, m.id)!);
const params = new URLSearchParams(location.search);
const t = (key: string, subs?: string[]) =>
  (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs) || key;

// Compiling the detector takes a moment: build it on first use, after the first paint.
let lookupFn: ((q: string) => LookupResult) | null = null;
const lookup = (q: string): LookupResult =>
  q.trim() === '' ? { kind: 'empty' } : (lookupFn ??= createLookup(pack))(q);

function App() {
  const [tab, setTab] = useState<TabState | null>(null);
  useEffect(() => {
    void connectTab(params.get('tab')).then(setTab);
  }, []);
  const page: PopupProps['page'] = tab?.page ?? { status: 'unavailable', asserted: [], refuted: 0 };
  return (
    <Popup
      lookup={lookup}
      myths={myths}
      page={page}
      highlightsVisible={tab?.visible ?? true}
      initialQuery={params.get('q') ?? undefined}
      onFocusFinding={(key) => void tab?.focus(key)}
      onPauseSite={(paused) =>
        void tab?.pause(paused).then(() => connectTab(params.get('tab')).then(setTab))
      }
      onToggleHighlights={(visible) =>
        void tab?.setVisible(visible).then(() => setTab({ ...tab, visible }))
      }
      onOpenSettings={() => void browser.runtime.openOptionsPage()}
    />
  );
}

const root = document.getElementById('app');
if (root) {
  render(
    <I18nProvider t={t}>
      <App />
    </I18nProvider>,
    root,
  );
}
