/** Everything an e2e test needs; import from here, not from the modules. */
export { BROWSERS, type BrowserName } from './config';
export { launch, type BrowserHandle } from './launch';
export { launchWithProfile } from './persistent';
export { evalInBackground, type ExtensionApi, type Json } from './background';
export * from './network';
export { fixtureUrl, getBadgeText, newTab, openExtensionPage, openFixture, tabIdOf } from './pages';
export {
  collectErrors,
  waitFor,
  type CollectedError,
  type ErrorLog,
  type WaitOptions,
} from './wait';
