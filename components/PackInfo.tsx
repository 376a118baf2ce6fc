import { useT } from './i18n';
import { LabelledSection } from './LabelledSection';

export interface ChangelogEntry {
  version: string;
  date: string;
  notes: string;
}

/** Which version of the myths and corrections is installed, and what changed. */
export function PackInfo({ version, changelog }: { version: string; changelog: ChangelogEntry[] }) {
  const t = useT();
  return (
    <LabelledSection title={t('packTitle')} class="options-section">
      <p>{t('packVersion', [version])}</p>
      <details>
        <summary>{t('packChangelog')}</summary>
        <ul class="changelog">
          {changelog.map((entry) => (
            <li key={`${entry.version}-${entry.date}`}>
              <strong>{entry.version}</strong> <time dateTime={entry.date}>{entry.date}</time>:{' '}
              {entry.notes}
            </li>
          ))}
        </ul>
      </details>
    </LabelledSection>
  );
}
