import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The e2e pages made from a real page: tests/fixtures/e2e/<name>.page.json
 * names a page in tests/fixtures/pages and the comments, written for these
 * tests, to add to it; the fixture server serves the result as
 * e2e/<name>.html. Kept as a recipe rather than a copy, so the real page is
 * stored once and what was added to it can be read at a glance.
 */

export interface RealPageSpec {
  /** A page in tests/fixtures/pages. */
  page: string;
  /** The comments section goes right before the last occurrence of this markup. */
  insertBefore: string;
  /** The section's heading, also its accessible name. */
  title: string;
  comments: { author: string; text: string }[];
}

/**
 * What makes a saved page load offline, with nothing but the extension
 * changing it: its scripts, iframes and <link> elements go, its media URLs
 * move into data-offline-* attributes, and its external CSS url()s become
 * empty data: URLs.
 */
function offline(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<iframe\b[^>]*>[\s\S]*?<\/iframe>/gi, '')
    .replace(/<link\b[^>]*>/gi, '')
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/(\s)(src|srcset)=/gi, '$1data-offline-$2='))
    .replace(/url\((['"])https?:\/\/[^'")]*\1\)/g, 'url($1data:,$1)');
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function commentsSection(spec: RealPageSpec): string {
  const title = escapeHtml(spec.title);
  const comments = spec.comments.map(
    (c) =>
      `  <div class="comment"><p class="author">${escapeHtml(c.author)}</p><p>${escapeHtml(c.text)}</p></div>\n`,
  );
  return `<section id="myth-lens-e2e-comments" aria-label="${title}">\n  <h2>${title}</h2>\n${comments.join('')}</section>\n`;
}

/** The page `spec` describes, read from `fixturesDir`/pages. */
export function realPageHtml(spec: RealPageSpec, fixturesDir: string): string {
  const page = offline(readFileSync(join(fixturesDir, 'pages', spec.page), 'utf8'));
  const at = page.lastIndexOf(spec.insertBefore);
  if (at < 0) throw new Error(`${spec.page} has no ${spec.insertBefore} to insert comments before`);
  const note =
    `<!-- Myth Lens e2e fixture: ${spec.page} from Mozilla Readability's test pages (Apache-2.0, see ../pages/LICENSE-readability-test-pages.md). ` +
    'Scripts, iframes and <link> elements were removed and media URLs moved into data-offline-* attributes (external CSS url()s into data:,), ' +
    'so the page loads offline and nothing but the extension changes it; the comments section at the end was written for these tests. -->';
  const withComments = page.slice(0, at) + commentsSection(spec) + page.slice(at);
  // The note goes on its own line after the doctype, or first when there is none.
  return withComments.replace(
    /^(<!DOCTYPE[^>]*>)?\n?/i,
    (_, doctype = '') => `${doctype}\n${note}\n`,
  );
}

/**
 * For the fixture server: the generated page at `pathname` (e2e/<name>.html
 * beside an e2e/<name>.page.json), or undefined for any other path.
 */
export function generatedPage(fixturesDir: string, pathname: string): string | undefined {
  const name = /^\/e2e\/([\w-]+)\.html$/.exec(pathname)?.[1];
  const specPath = name && join(fixturesDir, 'e2e', `${name}.page.json`);
  if (!specPath || !existsSync(specPath)) return undefined;
  return realPageHtml(JSON.parse(readFileSync(specPath, 'utf8')) as RealPageSpec, fixturesDir);
}
