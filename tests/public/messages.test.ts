import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages, t } from '../helpers/t';

/**
 * The English catalogue and the code agree: every key the components, the
 * entry points and the manifest ask for exists, every key in the catalogue is
 * asked for, and every entry is in the shape Chrome and Firefox accept.
 */

const ROOT = join(import.meta.dirname, '..', '..');

/** Every source file under `dir`, read. */
function sourcesIn(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => readFileSync(join(ROOT, dir, f), 'utf8'));
}

const keysIn = (texts: string[], pattern: RegExp) =>
  new Set(texts.flatMap((s) => [...s.matchAll(pattern)].map((m) => m[1]!)));

/** Components call `t('key')`; entry points call `t('key', fallback)` or `message('key', fallback)`. */
const usedKeys = new Set([
  ...keysIn(sourcesIn('components'), /\bt\('([A-Za-z0-9_]+)'/g),
  ...keysIn(sourcesIn('entrypoints'), /\b(?:t|message)\('([A-Za-z0-9_]+)'/g),
  // The manifest's name and description.
  ...keysIn([readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8')], /__MSG_([A-Za-z0-9_]+)__/g),
]);

describe('messages.json', () => {
  it('has keys Chrome accepts, each with a message and a description', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.message.trim(), key).not.toBe('');
      expect(entry.description?.trim(), key).toBeTruthy();
    }
  });

  it('defines every placeholder a message uses, and uses every one it defines', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const used = new Set(
        [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()),
      );
      const defined = new Set(Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase()));
      expect([...used].sort(), key).toEqual([...defined].sort());
    }
  });

  it('has every key the components and entry points use', () => {
    expect([...usedKeys].filter((k) => !(k in messages))).toEqual([]);
  });

  it('has no key that nothing uses', () => {
    const unused = Object.keys(messages).filter((k) => !usedKeys.has(k));
    expect(unused).toEqual([]);
  });

  it('names the extension', () => {
    expect(t('extName')).toBe('Myth Lens');
    expect(t('extDescription').length).toBeLessThanOrEqual(132);
  });

  it('substitutes like the browser does', () => {
    expect(t('sourceLinkText', ['Smith (2020)', 'A title'])).toBe('Smith (2020): A title');
    expect(t('lookupCountMany', ['3'])).toBe('3 myths match.');
  });
});
