import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { blocksFromText, type PageBlock } from '../../lib/judge/page-context';
import { headingOf, inList } from '../../lib/page/page-scan';
import { extractBlocks } from '../../lib/page/text-blocks';

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

/**
 * A file as the detector reads a page: HTML as the content script sees it
 * (each block with the heading above it and its list membership), plain text
 * a line a block, with heading-like lines as headings.
 */
export function pageBlocksOf(
  path: string,
  content: string,
): { blocks: PageBlock[]; offsets: number[] } {
  const looksHtml =
    /\.html?$/i.test(path) || /^\s*<(!doctype|html|head|body|div|p)\b/i.test(content);
  if (!looksHtml) return blocksFromText(content);
  const { document } = parseHTML(content);
  let heading: string | undefined;
  let offset = 0;
  const offsets: number[] = [];
  const blocks = extractBlocks(document).map((b) => {
    heading = headingOf(b) ?? heading;
    offsets.push(offset);
    offset += b.text.length + 2;
    return { text: b.text, heading, list: inList(b) };
  });
  return { blocks, offsets };
}
