import * as v from 'valibot';

/**
 * The content pack's shape. Every entry is data in `content/`; this module is
 * the single place that says what a valid entry is, so the build, the tests and
 * the docs generator all reject the same mistakes with the same words.
 */

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const nonBlank = (what: string) =>
  v.pipe(v.string(`${what} must be text`), v.minLength(1, `${what} must not be empty`));

export const CategorySchema = v.strictObject({
  id: v.pipe(nonBlank('id'), v.regex(kebab, 'id must be kebab-case')),
  label: nonBlank('label'),
  description: nonBlank('description'),
});

export const SourceSchema = v.strictObject({
  authors: nonBlank('authors'),
  year: v.pipe(v.number('year must be a number'), v.integer(), v.minValue(1900)),
  title: nonBlank('title'),
  venue: nonBlank('venue'),
  url: v.pipe(
    nonBlank('url'),
    v.url('url must be a full URL'),
    v.startsWith('https://', 'url must use https'),
  ),
  doi: v.optional(
    v.pipe(v.string(), v.regex(/^10\.\d{4,9}\/\S+$/, 'doi must look like 10.xxxx/…')),
  ),
  supports: v.optional(v.string()),
});

const sentenceCount = (text: string) =>
  text.split(/(?<=[.!?])\s+(?=[A-Z0-9“"'(])/).filter((s) => s.trim().length > 0).length;

export const MythSchema = v.strictObject({
  id: v.pipe(nonBlank('id'), v.regex(kebab, 'id must be kebab-case')),
  category: nonBlank('category'),
  claim: nonBlank('claim'),
  verdict: v.pipe(nonBlank('verdict'), v.maxLength(139, 'verdict must be under 140 characters')),
  correction: v.pipe(
    nonBlank('correction'),
    v.check((t) => {
      const n = sentenceCount(t);
      return n >= 2 && n <= 5;
    }, 'correction must be 2 to 5 sentences'),
  ),
  sayInstead: nonBlank('sayInstead'),
  sources: v.pipe(
    v.array(nonBlank('source key'), 'sources must be a list of keys'),
    v.minLength(1, 'sources needs at least one key'),
  ),
  keywords: v.optional(v.array(nonBlank('keyword')), []),
  patterns: v.pipe(
    v.array(nonBlank('pattern'), 'patterns must be a list'),
    v.minLength(1, 'patterns needs at least one pattern'),
  ),
  exceptions: v.optional(v.array(nonBlank('exception')), []),
  examples: v.strictObject({
    asserts: v.pipe(
      v.array(nonBlank('example')),
      v.minLength(5, 'examples.asserts needs at least 5 sentences'),
    ),
    refutes: v.pipe(
      v.array(nonBlank('example')),
      v.minLength(2, 'examples.refutes needs at least 2 sentences'),
    ),
    neutral: v.pipe(
      v.array(nonBlank('example')),
      v.minLength(2, 'examples.neutral needs at least 2 sentences'),
    ),
  }),
});

export const PackMetaSchema = v.strictObject({
  version: v.pipe(nonBlank('version'), v.regex(/^\d+\.\d+\.\d+$/, 'version must be x.y.z')),
  changelog: v.pipe(
    v.array(
      v.strictObject({
        version: nonBlank('version'),
        date: nonBlank('date'),
        notes: nonBlank('notes'),
      }),
    ),
    v.minLength(1, 'changelog needs at least one entry'),
  ),
});

/** Cue phrases that decide stance; data, so tuning never touches the engine. */
export const StanceSchema = v.strictObject({
  negations: v.array(nonBlank('negation')),
  refutationFrames: v.array(nonBlank('refutation frame')),
  reportingFrames: v.array(nonBlank('reporting frame')),
});

export type Category = v.InferOutput<typeof CategorySchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Myth = v.InferOutput<typeof MythSchema>;
export type PackMeta = v.InferOutput<typeof PackMetaSchema>;
export type StanceCues = v.InferOutput<typeof StanceSchema>;
