import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/pack-from-disk';

/**
 * Security invariants that hold for what ships: the built manifests (strict
 * CSP, only the permissions the README justifies, no way in for web pages),
 * the source (no string ever becomes markup or code) and the bibliography
 * (every link is https). The manifest checks read .output/, so they fail,
 * with the command to run, when the extension has not been built.
 */

const MANIFESTS = {
  chrome: join(ROOT, '.output/chrome-mv3/manifest.json'),
  firefox: join(ROOT, '.output/firefox-mv2/manifest.json'),
} as const;

const EXPECTED_PERMISSIONS = ['contextMenus', 'storage'];
const CONTENT_MATCHES = ['http://*/*', 'https://*/*'];

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  content_scripts?: { matches?: string[] }[];
};

function readManifest(path: string): Manifest {
  if (!existsSync(path)) {
    throw new Error(
      `FAIL: ${relative(ROOT, path)} is missing. Build the extension first: npm run build`,
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** Every CSP source that is not a quoted keyword such as 'self' or 'none'. */
function problemsInCsp(csp: string): string[] {
  const problems: string[] = [];
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0]!, parts.slice(1)] as const),
  );
  if (!directives.has('script-src')) problems.push('no script-src directive');
  for (const [name, sources] of directives) {
    for (const source of sources) {
      if (/unsafe-(eval|inline|hashes)|wasm-unsafe-eval/.test(source)) {
        problems.push(`${name} allows ${source}`);
      } else if (!/^'(self|none)'$/.test(source)) {
        // A host, scheme (https:, data:, blob:) or wildcard: code from elsewhere.
        problems.push(`${name} allows the remote or non-self source ${source}`);
      }
    }
  }
  return problems;
}

describe.each(Object.entries(MANIFESTS))('%s manifest', (browser, path) => {
  it('has a strict content security policy', () => {
    const m = readManifest(path);
    const csp = m.content_security_policy;
    const policies =
      typeof csp === 'string'
        ? [csp]
        : [csp?.extension_pages, csp?.sandbox].filter((p): p is string => p !== undefined);
    expect(policies.length, `${browser}: no content_security_policy`).toBeGreaterThan(0);
    for (const policy of policies) expect(problemsInCsp(policy), policy).toEqual([]);
  });

  it('asks for exactly the expected permissions and no host access beyond its content script', () => {
    const m = readManifest(path);
    expect([...(m.permissions ?? [])].sort()).toEqual(EXPECTED_PERMISSIONS);
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual([]);
    const matches = (m.content_scripts ?? []).flatMap((c) => c.matches ?? []);
    expect([...new Set(matches)].sort()).toEqual(CONTENT_MATCHES);
  });

  it('gives web pages no way to reach the extension', () => {
    const m = readManifest(path);
    // No page may message the background, and no extension file is exposed to pages.
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources ?? []).toEqual([]);
  });
});

const SOURCE_DIRS = ['entrypoints', 'lib', 'components'];

/** Ways a string becomes markup or code; each is a way for page or pack text to run. */
const FORBIDDEN: [string, RegExp][] = [
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(ln)?\b/],
  ['eval', /(^|[^.\w$])eval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  ['setTimeout/setInterval with a string', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['setHTMLUnsafe', /\bsetHTMLUnsafe\b/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(m?[jt]sx?|html)$/.test(e.name) ? [full] : [];
  });
}

/** Drops comments so a comment that warns about innerHTML does not count as a use. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

describe('source', () => {
  const files = SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d)));

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('never turns a string into markup or code', () => {
    const uses: string[] = [];
    for (const file of files) {
      const lines = withoutComments(readFileSync(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        for (const [name, pattern] of FORBIDDEN) {
          if (pattern.test(line)) uses.push(`${relative(ROOT, file)}:${i + 1}: ${name}`);
        }
      });
    }
    expect(uses).toEqual([]);
  });
});

describe('bibliography', () => {
  it('links every source over https', () => {
    const bib = JSON.parse(readFileSync(join(ROOT, 'content/bibliography.json'), 'utf8')) as Record<
      string,
      { url?: string }
    >;
    expect(Object.keys(bib).length).toBeGreaterThan(0);
    const bad = Object.entries(bib)
      .filter(([, s]) => !/^https:\/\/[^\s/]+\.[^\s/]+\//.test(s.url ?? ''))
      .map(([key, s]) => `${key}: ${s.url ?? '(no url)'}`);
    expect(bad).toEqual([]);
  });
});
