import { useT } from './i18n';
import { LabelledSection } from './LabelledSection';

/**
 * Crisis lines, as plain links and nothing more: Myth Lens gives no advice,
 * it only makes the way to people who can help one click away.
 */
export function HelpLinks() {
  const t = useT();
  return (
    <LabelledSection title={t('helpTitle')} as="footer" class="help" headingClass="help-title">
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
    </LabelledSection>
  );
}
