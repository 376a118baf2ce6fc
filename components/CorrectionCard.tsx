import type { JSX } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import type { MythView } from '../lib/pack/myth-view';
import { trapTab } from './focus-trap';
import { useT } from './i18n';
import { MythDetails } from './MythDetails';

export interface CorrectionCardProps {
  myth: MythView;
  /** Whether the highlighted sentence repeats the myth or corrects it. */
  stance: 'asserts' | 'refutes';
  /** Escape and the close button; the caller removes the card and restores focus. */
  onClose(): void;
  onHideCategory(category: string): void;
  /** The person says this sentence is not a myth; the caller stores that on this device only. */
  onNotAMyth(): void;
  /** Placement, set by the caller next to the highlighted sentence. */
  style?: JSX.CSSProperties;
}

/**
 * The card shown in the page when a highlighted sentence is opened. It lives
 * in a shadow root styled by `cardCss` (card-css.ts).
 *
 * aria-modal="true": the card traps Tab, so it is modal for keyboard users,
 * and the screen reader's reading cursor should be kept to the same scope
 * rather than wander into the page while Tab cannot. Escape or the close
 * button leave it, and the caller returns focus to the sentence.
 */
export function CorrectionCard({
  myth,
  stance,
  onClose,
  onHideCategory,
  onNotAMyth,
  style,
}: CorrectionCardProps) {
  const t = useT();
  const cardRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const brandId = `${id}-brand`;
  const titleId = `${id}-title`;
  const notAMythHintId = `${id}-not-a-myth`;

  // Focus the title, not the close button: a screen reader then reads the card from its start.
  useEffect(() => titleRef.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // The page's own Escape handlers (closing its menus) must not also fire.
      event.stopPropagation();
      onClose();
    } else if (cardRef.current) {
      trapTab(event, cardRef.current);
    }
  };

  return (
    <div
      ref={cardRef}
      class="ml-card"
      role="dialog"
      aria-modal="true"
      aria-labelledby={`${brandId} ${titleId}`}
      style={style}
      onKeyDown={onKeyDown}
    >
      <div class="ml-card-header">
        <p id={brandId} class="ml-brand">
          {t('extName')}
        </p>
        <button type="button" class="ml-close" aria-label={t('cardClose')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <h2 id={titleId} ref={titleRef} tabIndex={-1} class="ml-card-title">
        {t('cardTitle')}
      </h2>
      {stance === 'refutes' && <p class="ml-positive">{t('cardRefutesNote')}</p>}
      <MythDetails myth={myth} headingLevel={3} />
      <div class="ml-card-actions">
        <button type="button" onClick={() => onHideCategory(myth.category)}>
          {t('cardHideCategory', [myth.categoryLabel])}
        </button>
        <button type="button" aria-describedby={notAMythHintId} onClick={onNotAMyth}>
          {t('cardNotAMyth')}
        </button>
        <p id={notAMythHintId} class="ml-hint">
          {t('cardNotAMythHint')}
        </p>
      </div>
    </div>
  );
}
