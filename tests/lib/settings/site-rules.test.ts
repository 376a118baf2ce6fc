import { describe, expect, it } from 'vitest';
import { hostMatches, hostPatternProblem } from '../../../lib/settings/site-rules';

describe('hostPatternProblem', () => {
  it.each([
    'example.com',
    'news.example.co.uk',
    '*.example.com',
    'my-site.example.org',
    'localhost',
    ' Example.COM ',
    // Issue 13: whatever a browser gives as location.hostname.
    'intranet',
    '[::1]',
    'my_host.example.com',
    'example.com.',
  ])('accepts %j', (p) => expect(hostPatternProblem(p)).toBeNull());

  it.each([
    ['', 'Enter a site'],
    ['https://example.com', 'without http://'],
    ['example.com/path', 'without http://'],
    ['exa mple.com', 'spaces'],
    ['ex*ample.com', 'only stand at the start'],
    ['-bad.example.com', 'letters, digits'],
    ['bad!host.example.com', 'letters, digits'],
    ['[not-ipv6]', 'letters, digits'],
  ])('explains what is wrong with %j', (p, words) => {
    expect(hostPatternProblem(p)).toContain(words);
  });
});

describe('hostMatches', () => {
  it('matches a host and its subdomains, and a wildcard only subdomains', () => {
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('example.com', 'a.example.com')).toBe(true);
    expect(hostMatches('example.com', 'badexample.com')).toBe(false);
    expect(hostMatches('*.example.com', 'a.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'example.com')).toBe(false);
  });

  it('treats a trailing dot as the same host', () => {
    expect(hostMatches('example.com', 'example.com.')).toBe(true);
    expect(hostMatches('[::1]', '[::1]')).toBe(true);
  });
});
