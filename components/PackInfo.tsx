import { useId } from 'preact/hooks';
import { useT } from './i18n';

export interface ChangelogEntry {
  version: string;
  date: string;
  notes: string;
}

/** Which version of the myths and corrections is installed, and what changed. */
export function PackInfo({ version, changelog }: { version: string; changelog: ChangelogEntry[] }) {
  const t = useT();
  const id = useId();
  return (
    <section class="options-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('packTitle')}</h2>
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
    </section>
  );
}
