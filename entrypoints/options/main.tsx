import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { translator } from '../../lib/translate';
import { mountPage } from '../../components/mount-page';
import { Options, type OptionsCategory } from '../../components/Options';
import renames from '../../content/renames.json';
import { bundledPack } from '../../lib/pack/pack-bundled';
import { defaultSettings, type Renames, type Settings } from '../../lib/settings/settings';
import {
  exportSettings,
  importSettings,
  MAX_IMPORT_BYTES,
  TOO_LARGE,
} from '../../lib/settings/settings-io';
import {
  readReports,
  readSettings,
  REPORTS_KEY,
  SETTINGS_KEY,
  settingsArea,
  writeSettings,
  type NotMythReport,
} from '../../lib/settings/settings-store';
import { download, openShortcutSettings, shortcuts, type ShortcutInfo } from './browser-bits';

const pack = bundledPack();
const t = translator(browser.i18n.getMessage);
const categories: OptionsCategory[] = pack.categories.map((c) => ({
  ...c,
  myths: pack.myths.filter((m) => m.category === c.id).map((m) => ({ id: m.id, claim: m.claim })),
}));

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [reports, setReports] = useState<NotMythReport[]>([]);
  const [keys, setKeys] = useState<ShortcutInfo[]>([]);
  const [importError, setImportError] = useState<string | undefined>();
  const [importNotice, setImportNotice] = useState<string | undefined>();
  const [saveError, setSaveError] = useState<string | undefined>();
  const load = async () => {
    setSettings(await readSettings(await settingsArea(browser.storage), pack, renames as Renames));
    setReports(await readReports(browser.storage.local));
  };
  useEffect(() => {
    void load();
    void shortcuts().then(setKeys);
    // Changes made elsewhere (the popup, a card, another window) show up here live.
    const onChanged = (changes: Record<string, unknown>) => {
      if (SETTINGS_KEY in changes || REPORTS_KEY in changes) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  if (!settings) return null;
  /** Shows `next` at once; if the browser refuses to store it, says so and shows the stored settings again. */
  const save = async (next: Settings): Promise<boolean> => {
    setSettings(next);
    try {
      await writeSettings(await settingsArea(browser.storage), next);
      setSaveError(undefined);
      return true;
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
      await load();
      return false;
    }
  };
  return (
    <Options
      settings={settings}
      categories={categories}
      packVersion={pack.meta.version}
      changelog={pack.meta.changelog}
      reports={reports}
      shortcuts={keys}
      importError={importError}
      importNotice={importNotice}
      saveError={saveError}
      onChange={(next) => void save(next)}
      onExport={() =>
        download('myth-lens-settings.json', exportSettings(settings, pack.meta.version))
      }
      onImport={(file) => {
        setImportNotice(undefined);
        // Refused before reading: a huge file would be read into memory whole.
        if (file.size > MAX_IMPORT_BYTES) return setImportError(TOO_LARGE);
        void file.text().then(async (text) => {
          const result = importSettings(text, pack, renames as Renames);
          setImportError(result.ok ? undefined : result.error);
          if (!result.ok || !(await save(result.settings))) return;
          setImportNotice(
            result.dropped.length === 0
              ? t('importAllKept')
              : `${t('importSomeDropped')} ${result.dropped.join('; ')}.`,
          );
        });
      }}
      onReset={() => void save(defaultSettings(pack))}
      onClearReports={() => void browser.storage.local.set({ [REPORTS_KEY]: [] })}
      onExportReports={() =>
        download('myth-lens-not-a-myth-reports.json', `${JSON.stringify(reports, null, 2)}\n`)
      }
      onOpenShortcuts={() => void openShortcutSettings()}
    />
  );
}

mountPage(<App />, t);
