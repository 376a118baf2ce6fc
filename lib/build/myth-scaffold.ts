import * as v from 'valibot';
import { MythSchema, type Myth } from '../pack/pack-schema';

/**
 * A new pack entry with every field present, so an author fills in blanks
 * instead of guessing the shape. The scaffold is deliberately unfinished: its
 * source key is not in the bibliography (the pack refuses to load, naming the
 * field) and, once that is fixed, its pattern matches none of its examples
 * (the example tests fail). Nothing half-written can pass for a real myth.
 */

/**
 * Valid compromise syntax with required content words, so it passes the
 * pattern checks and fails only where it should: on the examples. It cannot
 * match any placeholder sentence below, none of which says "replace".
 */
export const PLACEHOLDER_PATTERN = 'replace (this|these) placeholder pattern';

/** Every placeholder starts with this, so `grep -rn TODO content/` finds what is left. */
const TODO = 'TODO:';

const numbered = (count: number, text: string) =>
  Array.from({ length: count }, (_, i) => `${TODO} sentence ${i + 1} of ${count} ${text}`);

/** What the author writes in each field, shown by `npm run new-myth` after it creates the file. */
export const FILL_IN = {
  claim: 'the myth in one plain sentence, as people say it',
  verdict: 'one line, under 140 characters, saying what the evidence shows instead',
  correction: 'two to five sentences in the project’s own words, each checkable in the sources',
  sayInstead: 'a kind sentence a reader could say instead',
  sources:
    'keys from content/bibliography.json (add the source there first, with its kind and strength: see the README)',
  keywords: 'optional: extra words a reader might search for',
  patterns: 'compromise match patterns that find the myth stated in a sentence',
  exceptions: 'optional: patterns that veto a match (an idiom that only looks like the myth)',
  'examples.asserts': 'five real sentences that state the myth; a pattern must match each',
  'examples.refutes': 'two sentences that mention the myth to reject it',
  'examples.neutral': 'two sentences on the same topic that must not match',
} as const satisfies Record<string, string>;

/** The pack path of a myth: category is the folder, id the file name. */
export function mythPath(category: string, id: string): string {
  return `content/myths/${category}/${id}.json`;
}

/** The scaffold for a new myth; check the arguments with `checkNewMythArgs` first. */
export function scaffoldMyth(category: string, id: string): Myth {
  return {
    id,
    category,
    claim: `${TODO} ${FILL_IN.claim}.`,
    verdict: `${TODO} ${FILL_IN.verdict}.`,
    // Two sentences, so the schema's 2-to-5 check passes and only the TODO marks it unfinished.
    correction: `${TODO} what the evidence says, in the project’s own words. Write two to five sentences, each checkable in the sources.`,
    sayInstead: `${TODO} ${FILL_IN.sayInstead}.`,
    sources: [`${TODO} a key from content/bibliography.json`],
    keywords: [],
    patterns: [PLACEHOLDER_PATTERN],
    exceptions: [],
    examples: {
      asserts: numbered(5, 'that states the myth; a pattern must match it.'),
      refutes: numbered(2, 'that mentions the myth to reject it.'),
      neutral: numbered(2, 'on the same topic that does not state the myth.'),
    },
  };
}

export type NewMythArgs =
  { ok: true; category: string; id: string; path: string } | { ok: false; problem: string };

export const NEW_MYTH_USAGE =
  'Usage: npm run new-myth -- <category> <id>\n' +
  '  e.g. npm run new-myth -- willpower depression-is-weakness';

/**
 * Checks the command line before anything is written. `existingMythPaths` are
 * the pack's current myth files: an id must be new in every category, since
 * the pack rejects duplicates across folders.
 */
export function checkNewMythArgs(
  args: readonly string[],
  categoryIds: readonly string[],
  existingMythPaths: readonly string[],
): NewMythArgs {
  const [category, id, ...rest] = args;
  if (category === undefined || id === undefined || rest.length > 0) {
    return { ok: false, problem: NEW_MYTH_USAGE };
  }
  if (!categoryIds.includes(category)) {
    return {
      ok: false,
      problem: `Unknown category "${category}". Choose one of content/categories.json: ${categoryIds.join(', ')}.`,
    };
  }
  const idCheck = v.safeParse(MythSchema.entries.id, id);
  if (!idCheck.success) {
    return {
      ok: false,
      problem: `The id "${id}" is not valid: ${idCheck.issues[0].message} (lowercase words joined by hyphens, e.g. depression-is-weakness).`,
    };
  }
  const twin = existingMythPaths.find((p) => p.endsWith(`/${id}.json`));
  if (twin) {
    return { ok: false, problem: `${twin} already exists: choose another id or edit that file.` };
  }
  return { ok: true, category, id, path: mythPath(category, id) };
}
