import type { Settings } from '../lib/settings/settings';

/**
 * What each part of the options page takes: the settings as stored, and where
 * to send a whole new copy after a change (the page saves it).
 */
export interface SettingsEditorProps {
  settings: Settings;
  onChange(next: Settings): void;
}
