import { useId } from 'preact/hooks';
import { useT } from './i18n';

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
  const id = useId();
  return (
    <section class="popup-section controls" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="popup-heading">
        {t('controlsTitle')}
      </h2>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={props.paused}
          disabled={props.unavailable}
          onChange={(e) => props.onPauseSite(e.currentTarget.checked)}
        />
        {t('controlsPauseSite')}
      </label>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={props.highlightsVisible}
          disabled={props.unavailable || props.paused}
          onChange={(e) => props.onToggleHighlights(e.currentTarget.checked)}
        />
        {t('controlsShowHighlights')}
      </label>
      <button type="button" class="link-button" onClick={props.onOpenSettings}>
        {t('controlsOpenSettings')}
      </button>
    </section>
  );
}
