import { ConfirmButton } from './ConfirmButton';
import { useT } from './i18n';
import { LabelledSection } from './LabelledSection';

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
  const { reports } = props;
  return (
    <>
      <LabelledSection title={t('aboutTitle')} class="options-section">
        <p>{t('aboutText')}</p>
        <p>{t('privacyText')}</p>
      </LabelledSection>
      <LabelledSection title={t('reportsTitle')} class="options-section">
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
      </LabelledSection>
    </>
  );
}
