import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { translator } from '../../lib/translate';
import { mountPage } from '../../components/mount-page';
import { Popup, type PopupProps } from '../../components/Popup';
import { createLookup, type LookupResult } from '../../lib/lookup';
import { mythView } from '../../lib/pack/myth-view';
import { packForDetector } from '../../lib/pack/pack-for-detector';
import { connectTab, popupTabId, watchTab, type TabState } from './tab';

const pack = packForDetector();
// Categories in the order of content/categories.json, as the options page lists
// them: the pack sorts myths by folder name, which would lead the browse list
// with whichever category happens to sort first. (sort is stable: ids stay sorted.)
const categoryOrder = new Map(pack.categories.map((c, i) => [c.id, i]));
const myths = pack.myths
  .map((m) => mythView(pack, m.id)!)
  .sort((a, b) => (categoryOrder.get(a.category) ?? 0) - (categoryOrder.get(b.category) ?? 0));
const params = new URLSearchParams(location.search);
const tabParam = params.get('tab');
const t = translator(browser.i18n.getMessage);

// Compiling the detector takes a moment: build it on first use, after the first paint.
let lookupFn: ((q: string) => LookupResult) | null = null;
const lookup = (q: string): LookupResult =>
  q.trim() === '' ? { kind: 'empty' } : (lookupFn ??= createLookup(pack))(q);

function App() {
  const [tab, setTab] = useState<TabState | null>(null);
  // The site switch as the person just set it, until the page confirms: the
  // content script applies a pause only once the background has stored it, and
  // a controlled switch showing the old state would flip back under the click.
  const [pausedWish, setPausedWish] = useState<boolean | null>(null);
  const [pauseError, setPauseError] = useState<string | undefined>();
  useEffect(() => {
    let stopWatching = () => {};
    let latest = 0;
    let closed = false;
    void popupTabId(tabParam).then((tabId) => {
      // Answers can arrive out of order; only the newest request may set the state.
      const refresh = () => {
        const request = ++latest;
        void connectTab(tabId, tabParam !== null).then((next) => {
          if (!closed && request === latest) setTab(next);
        });
      };
      refresh();
      if (tabId !== undefined && !closed) stopWatching = watchTab(tabId, refresh);
    });
    return () => {
      closed = true;
      stopWatching();
    };
  }, []);
  const page: PopupProps['page'] = tab?.page ?? { status: 'unavailable', asserted: [], refuted: 0 };
  useEffect(() => {
    if (pausedWish !== null && (page.status === 'paused') === pausedWish) setPausedWish(null);
  }, [pausedWish, page.status]);
  return (
    <Popup
      lookup={lookup}
      myths={myths}
      page={page}
      sitePaused={pausedWish ?? undefined}
      highlightsVisible={tab?.visible ?? true}
      initialQuery={params.get('q') ?? undefined}
      onFocusFinding={(key) => void tab?.focus(key)}
      pauseError={pauseError}
      onPauseSite={(paused) => {
        setPausedWish(paused);
        setPauseError(undefined);
        void tab?.pause(paused).then((error) => {
          if (error === undefined) return;
          setPausedWish(null);
          setPauseError(error);
        });
      }}
      onToggleHighlights={(visible) =>
        void tab?.setVisible(visible).then(() => setTab((now) => now && { ...now, visible }))
      }
      onOpenSettings={() => void browser.runtime.openOptionsPage()}
    />
  );
}

mountPage(<App />, t);
