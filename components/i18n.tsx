import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';

/*
 * `Translate` looks up a user-visible string by its key in
 * `public/_locales/<lang>/messages.json`. Entry points build one with
 * lib/translate and tests pass a reader of the English file: components stay
 * free of extension APIs.
 */
import type { Translate } from '../lib/translate';

export type { Translate };

const I18nContext = createContext<Translate | null>(null);

/** Makes `t` available to every component below it. */
export function I18nProvider({ t, children }: { t: Translate; children: ComponentChildren }) {
  return <I18nContext.Provider value={t}>{children}</I18nContext.Provider>;
}

/** The translate function; throws when no provider wraps the component, a wiring bug worth hearing about. */
export function useT(): Translate {
  const t = useContext(I18nContext);
  if (!t) throw new Error('useT() needs an <I18nProvider t={…}> above it.');
  return t;
}
