import { useId } from 'preact/hooks';
import type { HighlightStyle, Settings } from '../lib/settings/settings';
import { useT } from './i18n';

export interface DisplaySettingsProps {
  settings: Settings;
  onChange(next: Settings): void;
}

/** How highlights look on the page. */
export function DisplaySettings({ settings, onChange }: DisplaySettingsProps) {
  const t = useT();
  const id = useId();
  const styles: { style: HighlightStyle; label: string }[] = [
    { style: 'underline', label: t('highlightUnderline') },
    { style: 'background', label: t('highlightBackground') },
  ];
  return (
    <section class="options-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('displayTitle')}</h2>
      <fieldset>
        <legend>{t('highlightLegend')}</legend>
        {styles.map(({ style, label }) => (
          <label key={style} class="radio">
            <input
              type="radio"
              name={`${id}-style`}
              value={style}
              checked={settings.highlightStyle === style}
              onChange={() => onChange({ ...settings, highlightStyle: style })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={settings.showRefutations}
          onChange={(e) => onChange({ ...settings, showRefutations: e.currentTarget.checked })}
        />
        {t('showRefutationsLabel')}
      </label>
    </section>
  );
}
