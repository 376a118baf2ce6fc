/**
 * Folds text the way compromise normalises a word before matching: its own
 * Latin/Greek/Cyrillic look-alike table, no zero-width characters, no hyphen
 * inside a word ("ex-ercise" is matched as "exercise"), lower case. The
 * prefilter tests folded text only when a block holds something that folding
 * would change, which `needsFold` detects exactly from the same table.
 */

export type FoldTable = Readonly<Record<string, string>>;

/** A test for text that folding would change: a character of the table, a zero-width one, or an inner hyphen. */
export function needsFold(table: FoldTable): RegExp {
  const chars = Object.keys(table)
    .filter((ch) => ch.length === 1)
    .map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('');
  return new RegExp(`[${chars}\\u200b-\\u200d\\ufeff]|[a-z]-[a-z]`, 'i');
}

/** Folded copy of `text`; lengths may differ, so use it only for yes/no tests. */
export function foldText(text: string, table: FoldTable): string {
  return text
    .replace(/[^\t\n\r\x20-\x7e]/g, (ch) => table[ch] ?? ch)
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/(\p{L})-(?=\p{L})/gu, '$1')
    .toLowerCase();
}
