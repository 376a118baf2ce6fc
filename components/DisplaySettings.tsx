import type { HighlightStyle } from '../lib/settings/settings';
import { useT } from './i18n';
import { LabelledSection } from './LabelledSection';
import { RadioGroup } from './RadioGroup';
import type { SettingsEditorProps } from './settings-editor';

/** How highlights look on the page. */
export function DisplaySettings({ settings, onChange }: SettingsEditorProps) {
  const t = useT();
  return (
    <LabelledSection title={t('displayTitle')} class="options-section">
      <RadioGroup<HighlightStyle>
        legend={t('highlightLegend')}
        labels={{ underline: t('highlightUnderline'), background: t('highlightBackground') }}
        value={settings.highlightStyle}
        onChange={(highlightStyle) => onChange({ ...settings, highlightStyle })}
      />
      <label class="checkbox">
        <input
          type="checkbox"
          checked={settings.showRefutations}
          onChange={(e) => onChange({ ...settings, showRefutations: e.currentTarget.checked })}
        />
        {t('showRefutationsLabel')}
      </label>
    </LabelledSection>
  );
}
