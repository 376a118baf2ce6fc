import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { compileDetector } from '../../../lib/nlp/detector';
import {
  checkNewMythArgs,
  mythPath,
  NEW_MYTH_USAGE,
  PLACEHOLDER_PATTERN,
  FILL_IN,
  scaffoldMyth,
} from '../../../lib/build/myth-scaffold';
import { PackError } from '../../../lib/pack/pack';
import { MythSchema } from '../../../lib/pack/pack-schema';
import { patternAnchors } from '../../../lib/nlp/pattern-anchors';
import { packFromDisk } from '../../../scripts/lib/pack-from-disk';
import { runNewMyth } from '../../../scripts/new-myth';
import { useMinimalPackCopies } from '../../helpers/minimal-pack';

const CATEGORIES = ['willpower', 'lifestyle-cure'];
const EXISTING = [
  'content/myths/willpower/depression-is-laziness.json',
  'content/myths/lifestyle-cure/exercise-cures-depression.json',
];
const minimalRepo = useMinimalPackCopies('new-myth');

describe('scaffoldMyth', () => {
  const scaffold = scaffoldMyth('willpower', 'depression-is-weakness');

  it('has every field of the schema, examples included', () => {
    expect(Object.keys(scaffold).sort()).toEqual(Object.keys(MythSchema.entries).sort());
    expect(Object.keys(scaffold.examples).sort()).toEqual(
      Object.keys(MythSchema.entries.examples.entries).sort(),
    );
    expect(Object.keys(FILL_IN).filter((f) => !f.startsWith('examples.'))).toEqual(
      Object.keys(MythSchema.entries).filter((f) => !['id', 'category', 'examples'].includes(f)),
    );
  });

  it('has the shape of a valid myth, so the author meets only the intended failures', () => {
    const result = v.safeParse(MythSchema, scaffold);
    expect(result.issues?.map((i) => i.message) ?? []).toEqual([]);
    expect(patternAnchors(PLACEHOLDER_PATTERN).length).toBeGreaterThan(0);
  });

  it('stops the pack from loading until a real source key is given', () => {
    const repo = minimalRepo();
    expect(runNewMyth(['willpower', 'depression-is-weakness'], repo).code).toBe(0);
    let error: unknown;
    try {
      packFromDisk(repo);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).problems).toEqual([
      {
        file: mythPath('willpower', 'depression-is-weakness'),
        field: 'sources.0',
        problem: expect.stringContaining('unknown source key "TODO:'),
      },
    ]);
  });

  it('fails its own asserts examples once the source is fixed, until a real pattern is written', () => {
    const repo = minimalRepo();
    runNewMyth(['willpower', 'depression-is-weakness'], repo);
    const file = join(repo, mythPath('willpower', 'depression-is-weakness'));
    const data = JSON.parse(readFileSync(file, 'utf8')) as { sources: string[] };
    data.sources = ['test-source'];
    writeFileSync(file, JSON.stringify(data));
    const detector = compileDetector(packFromDisk(repo));
    const found = scaffold.examples.asserts.filter((s) =>
      detector.scan(s).some((f) => f.mythId === 'depression-is-weakness'),
    );
    expect(scaffold.examples.asserts.length).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });
});

describe('checkNewMythArgs', () => {
  it('accepts a known category and a new kebab-case id', () => {
    expect(checkNewMythArgs(['willpower', 'depression-is-weakness'], CATEGORIES, EXISTING)).toEqual(
      {
        ok: true,
        category: 'willpower',
        id: 'depression-is-weakness',
        path: 'content/myths/willpower/depression-is-weakness.json',
      },
    );
  });

  it.each<[string, string[], string]>([
    ['no arguments', [], NEW_MYTH_USAGE],
    ['one argument', ['willpower'], NEW_MYTH_USAGE],
    ['three arguments', ['willpower', 'a-b', 'extra'], NEW_MYTH_USAGE],
    ['an unknown category', ['sadness', 'a-b'], 'Unknown category "sadness"'],
    ['an id with capitals', ['willpower', 'Depression-Is-Weak'], 'must be kebab-case'],
    ['an id with spaces', ['willpower', 'depression is weak'], 'must be kebab-case'],
    ['an id ending in a hyphen', ['willpower', 'weak-'], 'must be kebab-case'],
    [
      'an id already used in the category',
      ['willpower', 'depression-is-laziness'],
      'content/myths/willpower/depression-is-laziness.json already exists',
    ],
    [
      'an id already used in another category',
      ['lifestyle-cure', 'depression-is-laziness'],
      'content/myths/willpower/depression-is-laziness.json already exists',
    ],
  ])('rejects %s', (_what, args, expected) => {
    const result = checkNewMythArgs(args, CATEGORIES, EXISTING);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toContain(expected);
  });

  it('lists the categories to choose from', () => {
    const result = checkNewMythArgs(['sadness', 'a-b'], CATEGORIES, EXISTING);
    expect(result.ok ? '' : result.problem).toContain('willpower, lifestyle-cure');
  });
});
