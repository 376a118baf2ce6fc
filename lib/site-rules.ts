/**
 * Per-site rules: a host pattern is a host name ("example.com", which also
 * covers its subdomains) or a wildcard form ("*.example.com", subdomains
 * only). Kept deliberately simple so a person can read and type them.
 */

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Why a host pattern is invalid, in plain words, or null when it is fine. */
export function hostPatternProblem(input: string): string | null {
  const pattern = input.trim().toLowerCase();
  if (pattern === '') return 'Enter a site, such as example.com.';
  if (/^[a-z]+:\/\//.test(pattern) || pattern.includes('/')) {
    return 'Enter only the site name, without http:// or a path (for example news.example.com).';
  }
  if (/\s/.test(pattern)) return 'A site name cannot contain spaces.';
  const host = pattern.startsWith('*.') ? pattern.slice(2) : pattern;
  if (host.includes('*')) return 'A * may only stand at the start, as in *.example.com.';
  const labels = host.split('.');
  if (host === 'localhost') return null;
  if (labels.length < 2) return 'Include the domain ending, as in example.com.';
  if (!labels.every((l) => LABEL.test(l))) {
    return 'Use only letters, digits, hyphens and dots, as in my-site.example.com.';
  }
  return null;
}

/** The canonical form of a valid pattern (trimmed, lower case). */
export function normalizeHostPattern(input: string): string {
  return input.trim().toLowerCase();
}

/** Whether `host` is covered by `pattern`. */
export function hostMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase();
  if (pattern.startsWith('*.')) return h.endsWith(pattern.slice(1));
  return h === pattern || h.endsWith(`.${pattern}`);
}
