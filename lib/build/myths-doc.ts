import { UNDATED } from '../pack/myth-view';
import type { Pack } from '../pack/pack';
import type { Myth, Source } from '../pack/pack-schema';
import {
  kindText,
  STRENGTH_MEANING,
  STRENGTHS,
  strengthText,
  strongestFirst,
} from '../pack/source-strength';

/**
 * MYTHS.md, rendered from the pack so the public list of myths can never drift
 * from what the extension detects (the retext-equality model: data first, the
 * docs table generated from it). Pure: the `docs` script writes the result and
 * a test compares it with the committed file.
 */

/** The one message both the test and `npm run docs -- --check` give, so CI and local runs agree. */
export const MYTHS_DOC_STALE = 'MYTHS.md is out of date: run npm run docs';

const INTRO =
  'Myth Lens highlights sentences that repeat a common myth about depression and explains ' +
  'what the evidence says, fully offline. This file lists every myth in its content pack, ' +
  'grouped by category. Each correction is written in the project’s own words rather than ' +
  'quoted from a source, and every source is listed with a link so anyone can check it.';

const STRENGTH_INTRO =
  'Beside each source is the kind of source it is and how much weight it can bear for what ' +
  'the pack cites it for, strongest first. The levels, from strongest:';

/**
 * Myths in reading order: category order as in categories.json (the order the
 * authors chose), then id. `loadPack` sorts by category id, which is not that.
 */
export function mythsInDocOrder(pack: Pack): Myth[] {
  const rank = new Map(pack.categories.map((c, i) => [c.id, i]));
  return [...pack.myths].sort(
    (a, b) =>
      (rank.get(a.category) ?? Infinity) - (rank.get(b.category) ?? Infinity) ||
      byCodePoint(a.id, b.id),
  );
}

/** The whole of MYTHS.md for this pack; the same pack always gives the same bytes. */
export function renderMythsDoc(pack: Pack): string {
  const myths = mythsInDocOrder(pack);
  const lines = [
    '<!-- Generated from content/ by `npm run docs`. Edit the pack, not this file. -->',
    '',
    '# Myths about depression',
    '',
    INTRO,
    '',
    `Pack version: **${escapeMarkdown(pack.meta.version)}** ` +
      `(${counted(myths.length, 'myth')}, ${counted(Object.keys(pack.sources).length, 'source')}).`,
  ];
  for (const category of pack.categories) {
    const own = myths.filter((m) => m.category === category.id);
    // An empty category would be a heading over nothing; it appears once it has a myth.
    if (own.length === 0) continue;
    lines.push(
      '',
      `## ${escapeMarkdown(category.label)}`,
      '',
      escapeMarkdown(category.description),
    );
    lines.push('', '| Myth | Verdict | Sources |', '| --- | --- | --- |');
    for (const myth of own) lines.push(mythRow(myth, pack.sources));
  }
  lines.push('', '## How strong is each source', '', STRENGTH_INTRO, '');
  for (const level of STRENGTHS) {
    lines.push(
      `- **${escapeMarkdown(strengthText(level))}**: ${escapeMarkdown(STRENGTH_MEANING[level])}.`,
    );
  }
  lines.push('', '## Sources', '');
  for (const [key, source] of sortedSources(pack.sources)) lines.push(sourceItem(key, source));
  return `${lines.join('\n')}\n`;
}

/**
 * The anchor lets issues and the ClaimReview export link to `MYTHS.md#<myth-id>`.
 * Sources are listed strongest first, as the card lists them.
 */
function mythRow(myth: Myth, sources: Pack['sources']): string {
  const cited = myth.sources.flatMap((key) => {
    const s = sources[key];
    return s ? [s] : [];
  });
  const links = strongestFirst(cited).map(
    (s) =>
      `[${escapeMarkdown(`${s.authors} ${s.year ?? UNDATED}`)}](${linkTarget(s.url)}) ` +
      `(${escapeMarkdown(`${kindText(s.kind)}, ${strengthText(s.strength)}`)})`,
  );
  const cells = [
    `<a id="${myth.id}"></a>${escapeMarkdown(myth.claim)}`,
    escapeMarkdown(myth.verdict),
    links.join('; '),
  ];
  return `| ${cells.join(' | ')} |`;
}

function sourceItem(key: string, s: Source): string {
  const parts = [
    `${escapeMarkdown(s.authors)} (${s.year ?? UNDATED}).`,
    `${escapeMarkdown(s.title)}.`,
    `*${escapeMarkdown(s.venue)}*.`,
    // An autolink shows the URL as written; only space, < and > would end it early.
    `<${s.url.replace(/[\s<>]/g, encodeURIComponent)}>`,
    `Kind: ${escapeMarkdown(kindText(s.kind))}.`,
    `Strength: ${escapeMarkdown(strengthText(s.strength))}.`,
  ];
  return `- <a id="source-${escapeAttribute(key)}"></a>${parts.join(' ')}`;
}

/** By authors, then year, then key: what a reader scanning a bibliography expects. */
function sortedSources(sources: Pack['sources']): [string, Source][] {
  return Object.entries(sources).sort(
    ([ka, a], [kb, b]) =>
      byCodePoint(a.authors, b.authors) || (a.year ?? 0) - (b.year ?? 0) || byCodePoint(ka, kb),
  );
}

/**
 * Pack text as literal Markdown: a newline or `|` would break the table row,
 * and `* _ [ < & ~ …` would turn into emphasis, links, raw HTML or entities.
 * CommonMark allows a backslash before any ASCII punctuation, and GFM reads
 * `\|` inside a table cell as a literal pipe.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|&~]/g, (c) => `\\${c}`);
}

/** Link destinations cannot hold spaces, unbalanced parentheses (DOIs often have them) or `|` in a table. */
function linkTarget(url: string): string {
  const encoded: Record<string, string> = { '(': '%28', ')': '%29' };
  return url.replace(/[\s()<>|]/g, (c) => encoded[c] ?? encodeURIComponent(c));
}

function escapeAttribute(text: string): string {
  return text.replace(/[^A-Za-z0-9_.:-]/g, '-');
}

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Locale-free ordering, so the file is byte-identical on every machine. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
