import type { Precompiled } from './precompiled';
import * as v from 'valibot';
import { language } from '../language/shipped';
import { patternAnchors } from '../nlp/pattern-anchors';
import type { ConceptLexicon } from '../judge/concepts';
import type { ScorerModel } from '../judge/scorer';
import { LexiconSchema, ScorerSchema } from '../judge/scorer-schema';
import {
  CategorySchema,
  CommonWordsSchema,
  MythSchema,
  PackMetaSchema,
  SourceSchema,
  StanceSchema,
  type Category,
  type Myth,
  type PackMeta,
  type Source,
  type StanceCues,
} from './pack-schema';

/** One file of the pack as read from disk or bundled by Vite. */
export interface PackFile {
  /** Path relative to the repository, e.g. `content/myths/willpower/depression-is-laziness.json`. */
  path: string;
  data: unknown;
}

export interface Pack {
  meta: PackMeta;
  categories: Category[];
  sources: Record<string, Source>;
  myths: Myth[];
  stance: StanceCues;
  /** Word frequencies on unrelated pages, per million words. */
  commonWords: Record<string, number>;
  /** The concept lexicon (content/language/<id>/concepts.json). */
  concepts: ConceptLexicon;
  /** The trained scorer (content/language/<id>/scorer.json); null before the first `npm run train`. */
  scorer: ScorerModel | null;
  /** The build's NLP work on the patterns (see precompiled.ts); compiled live when absent. */
  precompiled?: Precompiled | null;
}

/** Every problem found in the pack, each naming its file and field. */
export class PackError extends Error {
  constructor(readonly problems: { file: string; field: string; problem: string }[]) {
    super(
      `The content pack is invalid:\n${problems.map((p) => `  ${p.file}: ${p.field}: ${p.problem}`).join('\n')}`,
    );
    this.name = 'PackError';
  }
}

const MYTH_PATH = /^content\/myths\/([^/]+)\/([^/]+)\.json$/;

/** The shipped language's data: concept lexicon, stance cues, common words, scorer. */
export const LANGUAGE_DIR = `content/language/${language.id}`;

export interface LoadOptions {
  /**
   * Parse every pattern with compromise to check it (the default). The
   * extension skips this at run time: the build already refused a pack with a
   * bad pattern, and parsing twice would slow a waking service worker.
   */
  checkPatterns?: boolean;
}

/** Validates every file and every cross-reference; throws one PackError listing all problems. */
export function loadPack(files: readonly PackFile[], options: LoadOptions = {}): Pack {
  const checkPatterns = options.checkPatterns ?? true;
  const problems: PackError['problems'] = [];
  const report = (file: string, field: string, problem: string) =>
    problems.push({ file, field, problem });
  const byPath = new Map(files.map((f) => [f.path, f.data]));

  /** `within` prefixes each field, for an entry parsed on its own inside a larger file. */
  const parse = <S extends v.GenericSchema>(
    file: string,
    schema: S,
    data: unknown,
    within = '',
  ) => {
    const result = v.safeParse(schema, data);
    if (result.success) return result.output as v.InferOutput<S>;
    for (const issue of result.issues) {
      const path = v.getDotPath(issue);
      report(
        file,
        within && path ? `${within}.${path}` : within || path || '(root)',
        wording(issue),
      );
    }
    return undefined;
  };
  const single = <S extends v.GenericSchema>(file: string, schema: S) => {
    if (byPath.has(file)) return parse(file, schema, byPath.get(file));
    report(file, '(file)', 'missing');
    return undefined;
  };

  const meta = single('content/pack.json', PackMetaSchema);
  const categories = single('content/categories.json', v.array(CategorySchema)) ?? [];
  // Entry by entry, so one source with a missing field is reported once, not
  // again as an "unknown source key" in every myth that cites it.
  const BIBLIOGRAPHY = 'content/bibliography.json';
  const entries = single(BIBLIOGRAPHY, v.record(v.string(), v.unknown())) ?? {};
  const sources: Record<string, Source> = {};
  for (const [key, entry] of Object.entries(entries)) {
    const source = parse(BIBLIOGRAPHY, SourceSchema, entry, key);
    if (source) sources[key] = source;
  }
  const stance = single(`${LANGUAGE_DIR}/stance.json`, StanceSchema);
  const common = single(`${LANGUAGE_DIR}/common-words.json`, CommonWordsSchema);
  const concepts = single(`${LANGUAGE_DIR}/concepts.json`, LexiconSchema);
  const SCORER = `${LANGUAGE_DIR}/scorer.json`;
  const scorer = byPath.has(SCORER)
    ? (parse(SCORER, ScorerSchema, byPath.get(SCORER)) ?? null)
    : null;

  const categoryIds = new Set(categories.map((c) => c.id));
  const used = new Set<string>();
  const seen = new Map<string, string>();
  const myths: Myth[] = [];
  for (const file of files) {
    const where = MYTH_PATH.exec(file.path);
    if (!where) continue;
    const myth = parse(file.path, MythSchema, file.data);
    if (!myth) continue;
    const [, folder, name] = where;
    if (myth.category !== folder)
      report(file.path, 'category', `must equal its folder "${folder}"`);
    if (!categoryIds.has(myth.category))
      report(file.path, 'category', `unknown category "${myth.category}"`);
    if (myth.id !== name) report(file.path, 'id', `must equal the file name "${name}"`);
    const twin = seen.get(myth.id);
    if (twin) report(file.path, 'id', `duplicate of ${twin}`);
    seen.set(myth.id, file.path);
    myth.sources.forEach((key, i) => {
      if (!(key in entries)) report(file.path, `sources.${i}`, `unknown source key "${key}"`);
      used.add(key);
    });
    if (checkPatterns) {
      myth.patterns.forEach((p, i) => checkPattern(p, `patterns.${i}`, file.path, report, true));
      myth.exceptions.forEach((p, i) =>
        checkPattern(p, `exceptions.${i}`, file.path, report, false),
      );
    }
    myths.push(myth);
  }
  for (const key of Object.keys(entries)) {
    if (!used.has(key)) report(BIBLIOGRAPHY, key, 'source is not cited by any myth');
  }
  if (scorer) {
    const known = new Set(categories.map((c) => c.id));
    scorer.categories.forEach((c, i) => {
      if (!known.has(c)) report(SCORER, `categories.${i}`, `unknown category "${c}"`);
    });
  }
  if (problems.length > 0 || !meta || !stance || !concepts) throw new PackError(problems);
  myths.sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
  return {
    meta,
    categories,
    sources,
    myths,
    stance,
    concepts,
    scorer,
    commonWords: common?.perMillion ?? {},
  };
}

/**
 * valibot words a missing required field as "Invalid key: Expected "kind" but
 * received undefined"; the author of a pack entry needs to hear plainly that
 * the field is missing (the file and field are named beside it).
 */
function wording(issue: v.BaseIssue<unknown>): string {
  if (
    issue.kind !== 'schema' ||
    issue.input !== undefined ||
    !issue.message.startsWith('Invalid key')
  )
    return issue.message;
  return 'missing';
}

function checkPattern(
  pattern: string,
  field: string,
  file: string,
  report: (file: string, field: string, problem: string) => void,
  needsAnchor: boolean,
): void {
  if (/[<>]/.test(pattern.replace(/\[<\w+>/g, '['))) {
    report(file, field, 'must not contain < or > outside a named group');
    return;
  }
  let anchors;
  try {
    anchors = patternAnchors(pattern);
  } catch (e) {
    report(file, field, `compromise cannot parse it (${(e as Error).message})`);
    return;
  }
  if (needsAnchor && anchors.length === 0) {
    report(
      file,
      field,
      'needs at least one required content word (3+ letters, not a function word)',
    );
  }
}
