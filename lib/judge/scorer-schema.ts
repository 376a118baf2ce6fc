import * as v from 'valibot';

/**
 * The shapes of content/language/en/concepts.json (written by hand) and
 * content/language/en/scorer.json (written by `npm run train`), checked at build time
 * like every other pack file.
 */

const conceptName = v.pipe(v.string(), v.regex(/^[A-Z][A-Z_]*$/, 'concept names are UPPER_CASE'));

export const LexiconSchema = v.pipe(
  v.object({
    about: v.optional(v.string()),
    topics: v.pipe(v.array(conceptName), v.minLength(1, 'topics needs at least one concept')),
    concepts: v.record(
      conceptName,
      v.pipe(
        v.array(
          v.pipe(
            v.string(),
            v.regex(/^[^A-Z*]+\*?$/, 'entries are lower case, with * only at the end'),
          ),
        ),
        v.minLength(1, 'a concept needs at least one entry'),
      ),
    ),
  }),
  v.check((l) => l.topics.every((t) => t in l.concepts), 'every topic must be a concept'),
);

const finite = v.pipe(v.number(), v.finite());

export const ScorerSchema = v.pipe(
  v.object({
    threshold: v.pipe(finite, v.minValue(0), v.maxValue(1)),
    assert: v.record(v.string(), finite),
    categories: v.array(v.string()),
    category: v.record(v.string(), v.array(finite)),
  }),
  v.check(
    (s) => Object.values(s.category).every((w) => w.length === s.categories.length),
    'every category weight row needs one number per category',
  ),
);
