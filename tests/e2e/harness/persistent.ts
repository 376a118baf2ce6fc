import type { BrowserName } from './config';
import { launch, type BrowserHandle } from './launch';

/**
 * Starts a browser on `profileDir` with the built extension and leaves the
 * profile in place on close, so a second call with the same directory is a
 * browser restart: for tests of what must survive one (settings). The caller
 * creates and deletes `profileDir`; flags, prefs and readiness are launch()'s.
 */
export function launchWithProfile(name: BrowserName, profileDir: string): Promise<BrowserHandle> {
  return launch(name, { profileDir });
}
