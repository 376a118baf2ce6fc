import { useId } from 'preact/hooks';
import { ConfirmButton } from './ConfirmButton';
import { useT } from './i18n';
import { LabelledSection } from './LabelledSection';

export interface BackupSettingsProps {
  onExport(): void;
  onImport(file: File): void;
  /** Why the last import was refused, in plain words. */
  importError?: string;
  /** What the import just applied left out. */
  importNotice?: string;
  onReset(): void;
}

/** Export, import and reset of the settings. */
export function BackupSettings({
  onExport,
  onImport,
  importError,
  importNotice,
  onReset,
}: BackupSettingsProps) {
  const t = useT();
  const id = useId();
  return (
    <LabelledSection title={t('backupTitle')} class="options-section">
      <p>
        <button type="button" onClick={onExport}>
          {t('exportSettings')}
        </button>
      </p>
      <p class="file-field">
        <label for={`${id}-import`}>{t('importSettingsLabel')}</label>
        <input
          id={`${id}-import`}
          type="file"
          accept="application/json"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) onImport(file);
            // Lets the same file be chosen again after fixing it.
            input.value = '';
          }}
        />
      </p>
      {importNotice && (
        <p class="field-note" role="status">
          {importNotice}
        </p>
      )}
      {importError && (
        <p class="field-error" role="alert">
          {importError}
        </p>
      )}
      <ConfirmButton
        label={t('resetSettings')}
        question={t('resetQuestion')}
        confirmLabel={t('resetConfirm')}
        onConfirm={onReset}
      />
    </LabelledSection>
  );
}
