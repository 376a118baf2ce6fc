/**
 * The one adapter from the browser's i18n API to the `t(key, substitutions)`
 * the components take. The caller passes `browser.i18n.getMessage` in, so
 * this module stays free of extension APIs.
 */

export type Translate = (key: string, substitutions?: string[]) => string;

/** A translator over `getMessage` that answers `fallback(key)` when a string is missing. */
export function translator(
  getMessage: unknown,
  fallback: (key: string) => string = (key) => key,
): Translate {
  const get = getMessage as (key: string, substitutions?: string[]) => string;
  return (key, substitutions) => get(key, substitutions) || fallback(key);
}
