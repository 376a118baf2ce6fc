import type { HitSummary } from '../lib/protocol';
import type { MythView } from '../lib/pack/myth-view';
import { useT } from './i18n';
import { LabelledSection } from './LabelledSection';

/** What the content script reported for the current tab. */
export interface PopupPage {
  /** 'unavailable': a page extensions cannot read (browser pages, the web store, PDFs). */
  status: 'unavailable' | 'paused' | 'ready';
  /** Sentences that repeat a myth, in page order. */
  asserted: HitSummary[];
  /** How many sentences correct a myth. */
  refuted: number;
}

export interface PageFindingsProps {
  page: PopupPage;
  myths: MythView[];
  /** Scroll to and focus the finding with this key in the page. */
  onFocusFinding(key: number): void;
}

/** "On this page": the myths found in the current tab, each one a way to jump to it. */
export function PageFindings({ page, myths, onFocusFinding }: PageFindingsProps) {
  const t = useT();
  const claims = new Map(myths.map((m) => [m.id, m.claim]));
  const count = page.asserted.length;
  return (
    <LabelledSection title={t('pageTitle')} class="popup-section" headingClass="popup-heading">
      {page.status === 'unavailable' && <p>{t('pageUnavailable')}</p>}
      {page.status === 'paused' && <p>{t('pagePaused')}</p>}
      {page.status === 'ready' && (
        <>
          <p>
            {count === 0
              ? t('pageCountNone')
              : count === 1
                ? t('pageCountOne')
                : t('pageCountMany', [String(count)])}
          </p>
          {count > 0 && (
            <ul class="finding-list">
              {page.asserted.map((f) => (
                <li key={f.key} data-myth-id={f.mythId}>
                  <button type="button" class="finding" onClick={() => onFocusFinding(f.key)}>
                    <span class="finding-snippet">{t('quoted', [f.text])}</span>
                    <span class="finding-claim">
                      {t('pageFindingMyth', [claims.get(f.mythId) ?? f.mythId])}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {page.refuted > 0 && (
            <p class="ml-positive">
              {page.refuted === 1
                ? t('pageRefutedOne')
                : t('pageRefutedMany', [String(page.refuted)])}
            </p>
          )}
        </>
      )}
    </LabelledSection>
  );
}
