import { useId } from 'preact/hooks';
import { useT } from './i18n';

/**
 * Crisis lines, as plain links and nothing more: Myth Lens gives no advice,
 * it only makes the way to people who can help one click away.
 */
export function HelpLinks() {
  const t = useT();
  const id = useId();
  return (
    <footer class="help" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="help-title">
        {t('helpTitle')}
      </h2>
      <ul class="help-links">
        <li>
          <a href="https://988lifeline.org" target="_blank" rel="noopener noreferrer">
            {t('help988')}
          </a>
        </li>
        <li>
          <a href="https://findahelpline.com" target="_blank" rel="noopener noreferrer">
            {t('helpFindAHelpline')}
          </a>
        </li>
      </ul>
    </footer>
  );
}
