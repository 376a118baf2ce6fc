import type { SiteMode } from '../lib/settings/settings';
import { HostList } from './HostList';
import { useT } from './i18n';
import { LabelledSection } from './LabelledSection';
import { RadioGroup } from './RadioGroup';
import type { SettingsEditorProps } from './settings-editor';

/** Where Myth Lens runs: everywhere but paused sites, or only on listed ones. */
export function SiteRules({ settings, onChange }: SettingsEditorProps) {
  const t = useT();
  return (
    <LabelledSection title={t('sitesTitle')} class="options-section">
      <RadioGroup<SiteMode>
        legend={t('siteModeLegend')}
        labels={{ everywhere: t('siteModeEverywhere'), 'only-listed': t('siteModeOnlyListed') }}
        value={settings.siteMode}
        onChange={(siteMode) => onChange({ ...settings, siteMode })}
      />
      {settings.siteMode === 'only-listed' && (
        <HostList
          title={t('onlySitesTitle')}
          hint={t('hostPatternHint')}
          hosts={settings.onlySites}
          onChange={(onlySites) => onChange({ ...settings, onlySites })}
        />
      )}
      <HostList
        title={t('pausedSitesTitle')}
        hint={t('hostPatternHint')}
        hosts={settings.pausedSites}
        onChange={(pausedSites) => onChange({ ...settings, pausedSites })}
      />
    </LabelledSection>
  );
}
