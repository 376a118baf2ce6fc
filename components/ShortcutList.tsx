import { useT } from './i18n';
import { LabelledSection } from './LabelledSection';

export interface Shortcut {
  /** The command's id in the manifest. */
  name: string;
  description: string;
  /** As the browser reports it, e.g. "Alt+Shift+M"; empty when unset. */
  shortcut: string;
}

/** The extension's keyboard shortcuts; the browser owns changing them, so this links there. */
export function ShortcutList({
  shortcuts,
  onOpenShortcuts,
}: {
  shortcuts: Shortcut[];
  onOpenShortcuts(): void;
}) {
  const t = useT();
  return (
    <LabelledSection title={t('shortcutsTitle')} class="options-section">
      {shortcuts.length === 0 ? (
        <p class="options-hint">{t('shortcutsNone')}</p>
      ) : (
        <dl class="shortcuts">
          {shortcuts.map((s) => (
            <div key={s.name} class="shortcut">
              <dt>{s.description}</dt>
              <dd>{s.shortcut ? <kbd>{s.shortcut}</kbd> : t('shortcutUnset')}</dd>
            </div>
          ))}
        </dl>
      )}
      <button type="button" onClick={onOpenShortcuts}>
        {t('shortcutsChange')}
      </button>
    </LabelledSection>
  );
}
