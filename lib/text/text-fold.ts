/**
 * Folds text the way compromise normalises a word before matching: its own
 * Latin/Greek/Cyrillic look-alike table, no zero-width characters, no hyphen
 * inside a word ("ex-ercise" is matched as "exercise"), lower case. The
 * prefilter tests folded text only when a block holds something that folding
 * would change, which `needsFold` detects exactly from the same table.
 */

export type FoldTable = Readonly<Record<string, string>>;

/**
 * A test for characters that folding turns into letters (accented and
 * look-alike letters) or removes (zero-width characters). Punctuation that
 * folds to punctuation, such as curly quotes, cannot create a word and is
 * left out, so ordinary English text rarely needs folding at all.
 */
export function foldsToLetters(table: FoldTable): RegExp {
  const chars = Object.entries(table)
    .filter(([ch, to]) => ch.length === 1 && ch.charCodeAt(0) > 0x7f && /[a-z]/i.test(to))
    .map(([ch]) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('');
  return new RegExp(`[${chars}\\u200b-\\u200d\\ufeff]`);
}

/** A hyphen between two letters, which compromise drops inside a word ("ex-ercise"). */
export const INNER_HYPHEN = /[a-z]-[a-z]/i;

/** Hyphenated words, for testing them with their hyphens removed. */
export const HYPHENATED = /\w+(?:-\w+)+/g;

/** Folded copy of `text`; lengths may differ, so use it only for yes/no tests. */
export function foldText(text: string, table: FoldTable): string {
  return text
    .replace(/[^\t\n\r\x20-\x7e]/g, (ch) => table[ch] ?? ch)
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/(\p{L})-(?=\p{L})/gu, '$1')
    .toLowerCase();
}
