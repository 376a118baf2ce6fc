import type { Pack } from './pack';

/**
 * What the UI shows for one myth: plain data, no pack internals (patterns,
 * examples), so it can cross a message boundary and feed any component.
 */
export interface MythView {
  id: string;
  category: string;
  categoryLabel: string;
  claim: string;
  verdict: string;
  correction: string;
  sayInstead: string;
  sources: { key: string; label: string; title: string; url: string }[];
}

/** The view of one myth, or null when the pack has no such id. */
export function mythView(pack: Pack, id: string): MythView | null {
  const myth = pack.myths.find((m) => m.id === id);
  if (!myth) return null;
  const category = pack.categories.find((c) => c.id === myth.category);
  return {
    id: myth.id,
    category: myth.category,
    categoryLabel: category?.label ?? myth.category,
    claim: myth.claim,
    verdict: myth.verdict,
    correction: myth.correction,
    sayInstead: myth.sayInstead,
    sources: myth.sources.flatMap((key) => {
      const s = pack.sources[key];
      return s
        ? [{ key, label: `${firstAuthor(s.authors)} (${s.year})`, title: s.title, url: s.url }]
        : [];
    }),
  };
}

function firstAuthor(authors: string): string {
  const first = authors.split(/,|;| and /)[0]?.trim() ?? authors;
  const surname = first.split(' ')[0] ?? first;
  return /et al|,|;| and /.test(authors) ? `${surname} et al.` : surname;
}
