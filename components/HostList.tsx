import { useId, useState } from 'preact/hooks';
import { hostPatternProblem, normalizeHostPattern } from '../lib/settings/site-rules';
import { useT } from './i18n';

export interface HostListProps {
  title: string;
  hint: string;
  hosts: string[];
  /** Called only with valid, normalised, de-duplicated patterns. */
  onChange(hosts: string[]): void;
}

/** An editable list of host patterns; an entry is checked before it is added, never after. */
export function HostList({ title, hint, hosts, onChange }: HostListProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = (event: Event) => {
    event.preventDefault();
    const found = hostPatternProblem(draft);
    const host = normalizeHostPattern(draft);
    if (found) setProblem(found);
    else if (hosts.includes(host)) setProblem(t('hostDuplicate', [host]));
    else {
      onChange([...hosts, host]);
      setDraft('');
      setProblem(null);
    }
  };

  const errorId = `${id}-error`;
  return (
    <div class="host-list" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p id={`${id}-hint`} class="options-hint">
        {hint}
      </p>
      {hosts.length === 0 ? (
        <p class="options-hint">{t('hostListEmpty')}</p>
      ) : (
        <ul class="hosts">
          {hosts.map((host) => (
            <li key={host}>
              <span class="host">{host}</span>
              <button
                type="button"
                aria-label={t('hostRemoveNamed', [host])}
                onClick={() => onChange(hosts.filter((h) => h !== host))}
              >
                {t('hostRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="host-add" onSubmit={add} noValidate>
        <label for={`${id}-input`}>{t('hostAddLabel')}</label>
        <input
          id={`${id}-input`}
          type="text"
          value={draft}
          spellcheck={false}
          autocomplete="off"
          placeholder={t('hostAddPlaceholder')}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? `${errorId} ${id}-hint` : `${id}-hint`}
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            // A stale error would describe text that is no longer there.
            setProblem(null);
          }}
        />
        <button type="submit">{t('hostAdd')}</button>
        {problem && (
          <p id={errorId} class="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </div>
  );
}
