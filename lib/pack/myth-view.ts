import type { Pack } from './pack';
import { kindText, strengthText } from './source-strength';

/** One source as the UI shows it: ids for ordering, plain words for reading. */
export interface SourceView {
  key: string;
  label: string;
  title: string;
  url: string;
  /** A kind id from source-strength.ts, and its plain words. */
  kind: string;
  kindText: string;
  /** A strength id from source-strength.ts, and its plain words. */
  strength: string;
  strengthText: string;
}

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
  /** In the myth's own order; the components show them strongest first. */
  sources: SourceView[];
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
      if (!s) return [];
      return [
        {
          key,
          label: `${firstAuthor(s.authors)} (${s.year ?? UNDATED})`,
          title: s.title,
          url: s.url,
          kind: s.kind,
          kindText: kindText(s.kind),
          strength: s.strength,
          strengthText: strengthText(s.strength),
        },
      ];
    }),
  };
}

/** How a source with no date seen is cited, in the card and in MYTHS.md. */
export const UNDATED = 'undated';

/** "Surname AB": a person in a bibliography's author list, as opposed to an organisation. */
const PERSON = /^[\p{L}'’-]+ [A-Z][A-Z-]*$/u;

function firstAuthor(authors: string): string {
  const first = authors.split(/,|;| and /)[0]?.trim() ?? authors;
  // An organisation is named in full: "National Institute of Mental Health", not "National".
  if (!PERSON.test(first)) return authors;
  const surname = first.split(' ')[0] ?? first;
  return /et al|,|;| and /.test(authors) ? `${surname} et al.` : surname;
}
