/**
 * Folds text the way compromise normalises a word before matching: lower case,
 * its own Latin/Greek/Cyrillic look-alike table, no zero-width characters, and
 * no hyphen inside a word ("ex-ercise" is matched as "exercise"). The prefilter
 * tests folded text only when a sentence could fold differently from itself.
 */

export type FoldTable = Readonly<Record<string, string>>;

const NEEDS_FOLD = /[^\t\n\r\x20-\x7e]|[a-z]-[a-z]/i;

/** True when folding could change what the prefilter sees. */
export function mayFold(text: string): boolean {
  return NEEDS_FOLD.test(text);
}

/** Folded copy of `text`; lengths may differ, so use it only for yes/no tests. */
export function foldText(text: string, table: FoldTable): string {
  let out = '';
  for (const ch of text) out += table[ch] ?? ch;
  return out
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/(\p{L})-(?=\p{L})/gu, '$1')
    .toLowerCase();
}
