import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractBlocks } from '../../lib/text-blocks';

/**
 * Blocks of visible text from a file: HTML through the content script's
 * extractor; plain text is one block (line breaks already end sentences), so
 * offsets stay exact.
 */
export function blocksOf(path: string, content: string): string[] {
  const looksHtml =
    /\.html?$/i.test(path) || /^\s*<(!doctype|html|head|body|div|p)\b/i.test(content);
  if (looksHtml) {
    const { document } = parseHTML(content);
    return extractBlocks(document).map((b) => b.text);
  }
  return [content];
}

/** Reads a file, or standard input for "-". Throws with a readable message. */
export function readInput(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : (e as Error).message;
    throw new Error(`cannot read ${path}: ${why}`);
  }
}
