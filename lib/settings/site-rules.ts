/**
 * Per-site rules: a host pattern is a host name ("example.com", which also
 * covers its subdomains) or a wildcard form ("*.example.com", subdomains
 * only). Kept deliberately simple so a person can read and type them.
 *
 * Any host a browser reports as `location.hostname` is accepted (issue 13):
 * a single-label intranet name, an IPv6 literal in brackets, labels with an
 * underscore, a name with the root's trailing dot. Pausing such a site from
 * the popup used to answer "ok" while the repair step dropped it.
 */

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/** Why a host pattern is invalid, in plain words, or null when it is fine. */
export function hostPatternProblem(input: string): string | null {
  const pattern = normalizeHostPattern(input);
  if (pattern === '') return 'Enter a site, such as example.com.';
  if (/^[a-z]+:\/\//.test(pattern) || pattern.includes('/')) {
    return 'Enter only the site name, without http:// or a path (for example news.example.com).';
  }
  if (/\s/.test(pattern)) return 'A site name cannot contain spaces.';
  if (IPV6.test(pattern)) return null;
  const host = pattern.startsWith('*.') ? pattern.slice(2) : pattern;
  if (host.includes('*')) return 'A * may only stand at the start, as in *.example.com.';
  if (host.length > 253 || !host.split('.').every((l) => LABEL.test(l))) {
    return 'Use only letters, digits, hyphens, underscores and dots, as in my-site.example.com.';
  }
  return null;
}

/** The canonical form of a valid pattern: trimmed, lower case, without the root's trailing dot. */
export function normalizeHostPattern(input: string): string {
  return input.trim().toLowerCase().replace(/\.+$/, '');
}

/** Whether `host` is covered by `pattern`. */
export function hostMatches(pattern: string, host: string): boolean {
  const h = normalizeHostPattern(host);
  if (pattern.startsWith('*.')) return h.endsWith(pattern.slice(1));
  return h === pattern || h.endsWith(`.${pattern}`);
}
