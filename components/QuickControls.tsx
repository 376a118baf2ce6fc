import { useT } from './i18n';
import { LabelledSection } from './LabelledSection';
import { Switch } from './Switch';

export interface QuickControlsProps {
  /** Whether the current site is paused. */
  paused: boolean;
  /** Whether highlights are shown on this tab. */
  highlightsVisible: boolean;
  /** The page cannot be read at all (browser pages): nothing to pause or show. */
  unavailable: boolean;
  onPauseSite(paused: boolean): void;
  onToggleHighlights(visible: boolean): void;
  onOpenSettings(): void;
}

/** The popup's switches for this site and tab, and the way to the settings page. */
export function QuickControls(props: QuickControlsProps) {
  const t = useT();
  return (
    <LabelledSection
      title={t('controlsTitle')}
      class="popup-section controls"
      headingClass="popup-heading"
    >
      <Switch
        label={t('controlsPauseSite')}
        checked={props.paused}
        disabled={props.unavailable}
        onChange={props.onPauseSite}
      />
      <Switch
        label={t('controlsShowHighlights')}
        checked={props.highlightsVisible}
        disabled={props.unavailable || props.paused}
        onChange={props.onToggleHighlights}
      />
      <button type="button" class="link-button" onClick={props.onOpenSettings}>
        {t('controlsOpenSettings')}
      </button>
    </LabelledSection>
  );
}
