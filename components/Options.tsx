import type { Settings } from '../lib/settings/settings';
import { BackupSettings } from './BackupSettings';
import { CategorySettings, type OptionsCategory } from './CategorySettings';
import { DisplaySettings } from './DisplaySettings';
import { useT } from './i18n';
import { PackInfo, type ChangelogEntry } from './PackInfo';
import { PrivacyAndReports, type NotAMythReport } from './PrivacyAndReports';
import { ShortcutList, type Shortcut } from './ShortcutList';
import { SiteRules } from './SiteRules';
import './options.css';

export type { OptionsCategory } from './CategorySettings';

export interface OptionsProps {
  settings: Settings;
  categories: OptionsCategory[];
  packVersion: string;
  changelog: ChangelogEntry[];
  /** "Not a myth here" notes, stored on this device only. */
  reports: NotAMythReport[];
  shortcuts: Shortcut[];
  /** Every change hands over a whole new Settings; the caller saves it. */
  onChange(next: Settings): void;
  onExport(): void;
  onImport(file: File): void;
  importError?: string;
  /** What an import just applied left out (issue 13: never in silence). */
  importNotice?: string;
  /** Why the last change could not be saved; the page shows the previous settings again. */
  saveError?: string;
  onReset(): void;
  onClearReports(): void;
  onExportReports(): void;
  /** Opens the browser's own page for extension shortcuts. */
  onOpenShortcuts(): void;
}

/** The settings page. Presentational: every change goes out through `onChange` and friends. */
export function Options(props: OptionsProps) {
  const t = useT();
  const claims = new Map(props.categories.flatMap((c) => c.myths.map((m) => [m.id, m.claim])));
  return (
    <main class="options" aria-labelledby="options-title">
      <h1 id="options-title">{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>
      {props.saveError && (
        <p class="field-error save-error" role="alert">
          {props.saveError}
        </p>
      )}
      <CategorySettings
        settings={props.settings}
        categories={props.categories}
        onChange={props.onChange}
      />
      <SiteRules settings={props.settings} onChange={props.onChange} />
      <DisplaySettings settings={props.settings} onChange={props.onChange} />
      <ShortcutList shortcuts={props.shortcuts} onOpenShortcuts={props.onOpenShortcuts} />
      <BackupSettings
        onExport={props.onExport}
        onImport={props.onImport}
        importError={props.importError}
        importNotice={props.importNotice}
        onReset={props.onReset}
      />
      <PackInfo version={props.packVersion} changelog={props.changelog} />
      <PrivacyAndReports
        reports={props.reports}
        claimOf={(id) => claims.get(id) ?? id}
        onExportReports={props.onExportReports}
        onClearReports={props.onClearReports}
      />
    </main>
  );
}
