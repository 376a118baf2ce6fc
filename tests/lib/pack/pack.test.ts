import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackError } from '../../../lib/pack/pack';
import { weakPatterns } from '../../../lib/build/pack-quality';
import { packFromDisk } from '../../../scripts/lib/pack-from-disk';
import { MINIMAL_PACK, useMinimalPackCopies } from '../../helpers/minimal-pack';

const LAZY = 'content/myths/willpower/depression-is-laziness.json';
const BIB = 'content/bibliography.json';
const minimalRepo = useMinimalPackCopies('pack');

/** A copy of the minimal pack with one file changed by `edit`. */
function brokenPack(file: string, edit: (data: Record<string, unknown>) => void): string {
  const dir = minimalRepo();
  const path = join(dir, file);
  const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(data);
  writeFileSync(path, JSON.stringify(data));
  return dir;
}

function problemsOf(dir: string): string {
  try {
    packFromDisk(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(PackError);
    return (e as PackError).message;
  }
  throw new Error('the pack was accepted');
}

describe('loadPack', () => {
  it('accepts the minimal pack', () => {
    expect(packFromDisk(MINIMAL_PACK).myths.map((m) => m.id)).toEqual([
      'exercise-cures-depression',
      'depression-is-laziness',
    ]);
  });

  it.each<[string, string, (d: Record<string, unknown>) => void, string]>([
    ['a missing field', LAZY, (d) => delete d.verdict, 'verdict'],
    [
      'a long verdict',
      LAZY,
      (d) => (d.verdict = 'x'.repeat(140)),
      'verdict: verdict must be under 140',
    ],
    [
      'a one-sentence correction',
      LAZY,
      (d) => (d.correction = 'Only one.'),
      'correction must be 2 to 5',
    ],
    [
      'an unknown source key',
      LAZY,
      (d) => (d.sources = ['nope']),
      'sources.0: unknown source key "nope"',
    ],
    ['an unknown field', LAZY, (d) => (d.colour = 'red'), 'colour'],
    [
      'a category that is not its folder',
      LAZY,
      (d) => (d.category = 'lifestyle-cure'),
      'category: must equal its folder',
    ],
    [
      'an id that is not its file name',
      LAZY,
      (d) => (d.id = 'other-id'),
      'id: must equal the file name',
    ],
    [
      'too few examples',
      LAZY,
      (d) => ((d.examples as { asserts: string[] }).asserts = ['One.']),
      'examples.asserts',
    ],
    [
      'a pattern without a content word',
      LAZY,
      (d) => (d.patterns = ['#Noun is #Adjective']),
      'patterns.0: needs at least one required content word',
    ],
    [
      'a non-https source',
      BIB,
      (d) => ((d['test-source'] as { url: string }).url = 'http://example.org/x'),
      'test-source.url: url must use https',
    ],
    ['a bad version', 'content/pack.json', (d) => (d.version = 'one'), 'version must be x.y.z'],
    [
      'a source without a kind',
      BIB,
      (d) => delete (d['test-source'] as { kind?: string }).kind,
      'test-source.kind: missing',
    ],
    [
      'a source without a strength',
      BIB,
      (d) => delete (d['test-source'] as { strength?: string }).strength,
      'test-source.strength: missing',
    ],
    [
      'a source of an unknown kind',
      BIB,
      (d) => ((d['test-source'] as { kind: string }).kind = 'blog post'),
      'test-source.kind: kind must be one of: meta-analysis-of-trials,',
    ],
    [
      'a source with a strength off the scale',
      BIB,
      (d) => ((d['test-source'] as { strength: string }).strength = 'very strong'),
      'test-source.strength: strength must be one of: strong, moderate, limited, background',
    ],
  ])('rejects %s, naming the file and field', (_what, file, edit, expected) => {
    const message = problemsOf(brokenPack(file, edit));
    expect(message).toContain(file);
    expect(message).toContain(expected);
  });

  it('reports a source without a kind once, not again in every myth that cites it', () => {
    const dir = brokenPack(BIB, (d) => delete (d['test-source'] as { kind?: string }).kind);
    const message = problemsOf(dir);
    expect(message).toContain(`${BIB}: test-source.kind: missing`);
    expect(message).not.toContain('unknown source key');
    expect(message.split('\n').filter((line) => line.includes(BIB))).toHaveLength(1);
  });

  it('rejects a source that nothing cites', () => {
    const dir = brokenPack('content/bibliography.json', (d) => {
      d.unused = { ...(d['test-source'] as object) };
    });
    expect(problemsOf(dir)).toContain('content/bibliography.json: unused: source is not cited');
  });

  it('rejects a duplicate id across categories', () => {
    const dir = brokenPack(LAZY, () => undefined);
    cpSync(join(dir, LAZY), join(dir, 'content/myths/lifestyle-cure/depression-is-laziness.json'));
    expect(problemsOf(dir)).toMatch(
      /lifestyle-cure\/depression-is-laziness\.json: (id: duplicate|category)/,
    );
  });

  it('names the file that is not valid JSON', () => {
    const dir = brokenPack(LAZY, () => undefined);
    writeFileSync(join(dir, LAZY), '{ "id": ');
    expect(problemsOf(dir)).toContain(`${LAZY}: (file): not valid JSON`);
  });
});

describe('weakPatterns', () => {
  it('flags a pattern whose every required word is common on unrelated pages', () => {
    const dir = brokenPack(LAZY, (d) => {
      (d.patterns as string[]).push('(people|time) .? (would|could) (make|take) #Noun');
    });
    const weak = weakPatterns(packFromDisk(dir));
    expect(weak).toHaveLength(1);
    expect(weak[0]).toMatchObject({ file: LAZY, field: 'patterns.1' });
    expect(weak[0]!.problem).toContain('every required word is common');
  });

  it('accepts patterns that require an on-topic word', () => {
    expect(weakPatterns(packFromDisk(MINIMAL_PACK))).toEqual([]);
  });
});
