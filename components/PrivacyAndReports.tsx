import { useId } from 'preact/hooks';
import { ConfirmButton } from './ConfirmButton';
import { useT } from './i18n';

export interface NotAMythReport {
  mythId: string;
  sentence: string;
  date: string;
}

export interface PrivacyAndReportsProps {
  reports: NotAMythReport[];
  /** The claim to show for a myth id; the id itself when the pack no longer has it. */
  claimOf(mythId: string): string;
  onExportReports(): void;
  onClearReports(): void;
}

/** What stays on this device (everything), and the "Not a myth here" notes kept there. */
export function PrivacyAndReports(props: PrivacyAndReportsProps) {
  const t = useT();
  const id = useId();
  const { reports } = props;
  return (
    <>
      <section class="options-section" aria-labelledby={`${id}-about`}>
        <h2 id={`${id}-about`}>{t('aboutTitle')}</h2>
        <p>{t('aboutText')}</p>
        <p>{t('privacyText')}</p>
      </section>
      <section class="options-section" aria-labelledby={`${id}-reports`}>
        <h2 id={`${id}-reports`}>{t('reportsTitle')}</h2>
        <p class="options-hint">{t('reportsHint')}</p>
        {reports.length === 0 ? (
          <p>{t('reportsNone')}</p>
        ) : (
          <>
            <ul class="reports">
              {reports.map((r, i) => (
                <li key={`${i}-${r.date}`} data-myth-id={r.mythId}>
                  <q class="report-sentence">{r.sentence}</q>
                  <span class="options-hint">
                    {t('reportMeta', [props.claimOf(r.mythId), r.date])}
                  </span>
                </li>
              ))}
            </ul>
            <p class="button-row">
              <button type="button" onClick={props.onExportReports}>
                {t('reportsExport')}
              </button>
              <ConfirmButton
                label={t('reportsClear')}
                question={t('reportsClearQuestion')}
                confirmLabel={t('reportsClearConfirm')}
                onConfirm={props.onClearReports}
              />
            </p>
          </>
        )}
      </section>
    </>
  );
}
