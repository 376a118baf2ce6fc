import { useId } from 'preact/hooks';
import type { Settings, SiteMode } from '../lib/settings/settings';
import { HostList } from './HostList';
import { useT } from './i18n';

export interface SiteRulesProps {
  settings: Settings;
  onChange(next: Settings): void;
}

/** Where Myth Lens runs: everywhere but paused sites, or only on listed ones. */
export function SiteRules({ settings, onChange }: SiteRulesProps) {
  const t = useT();
  const id = useId();
  const modes: { mode: SiteMode; label: string }[] = [
    { mode: 'everywhere', label: t('siteModeEverywhere') },
    { mode: 'only-listed', label: t('siteModeOnlyListed') },
  ];
  return (
    <section class="options-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('sitesTitle')}</h2>
      <fieldset>
        <legend>{t('siteModeLegend')}</legend>
        {modes.map(({ mode, label }) => (
          <label key={mode} class="radio">
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={settings.siteMode === mode}
              onChange={() => onChange({ ...settings, siteMode: mode })}
            />
            {label}
          </label>
        ))}
      </fieldset>
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
    </section>
  );
}
