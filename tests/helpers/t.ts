import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Translate } from '../../components/i18n';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export const MESSAGES_PATH = join(
  import.meta.dirname,
  '..',
  '..',
  'public',
  '_locales',
  'en',
  'messages.json',
);

/** The English catalogue, as the browser reads it. */
export const messages = JSON.parse(readFileSync(MESSAGES_PATH, 'utf8')) as Record<string, Message>;

/**
 * `browser.i18n.getMessage` for tests: named placeholders ($NAME$, case-insensitive)
 * become their content, then $1…$9 become the substitutions and $$ a dollar sign.
 * Unlike the browser, an unknown key throws, so a missing string fails the test.
 */
export const t: Translate = (key, substitutions = []) => {
  const entry = messages[key];
  if (!entry) throw new Error(`No message "${key}" in ${MESSAGES_PATH}`);
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  return entry.message
    .replace(
      /\$([A-Za-z0-9_@]+)\$/g,
      (whole, name: string) => placeholders[name.toLowerCase()] ?? whole,
    )
    .replace(/\$(\$|[1-9])/g, (_, which: string) =>
      which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
    );
};
