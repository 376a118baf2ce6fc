import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, MYTHS_DOC_STALE, renderMythsDoc } from '../../../lib/build/myths-doc';
import type { Pack } from '../../../lib/pack/pack';
import { packFromDisk, ROOT } from '../../../scripts/lib/pack-from-disk';
import { minimalPack } from '../../helpers/minimal-pack';

const pack = minimalPack();

/** Table rows split on the pipes GFM treats as cell borders (not the escaped ones). */
const cellsOf = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1);

describe('renderMythsDoc', () => {
  const doc = renderMythsDoc(pack);

  it('has a title, an intro, the pack version and a Sources section', () => {
    expect(doc).toMatch(/^<!--[^\n]*npm run docs[^\n]*-->\n\n# Myths about depression\n\n/);
    expect(doc).toContain('own words');
    expect(doc).toContain('Pack version: **0.0.1** (2 myths, 1 source)');
    expect(doc).toContain(
      '- <a id="source-test-source"></a>Tester A (2020). A test source. *Journal of Tests*. <https://doi.org/10.1000/test> Kind: meta-analysis of randomised trials. Strength: strong evidence.',
    );
  });

  it('gives each myth an anchor row with its verdict and linked sources, in categories.json order', () => {
    const rows = doc.split('\n').filter((l) => l.startsWith('| <a id='));
    expect(rows).toEqual([
      '| <a id="depression-is-laziness"></a>Depression is laziness. | Depression is an illness, not a lack of effort. | [Tester A 2020](https://doi.org/10.1000/test) (meta-analysis of randomised trials, strong evidence) |',
      '| <a id="exercise-cures-depression"></a>Exercise alone cures depression. | Exercise helps many people, but it is not a cure on its own. | [Tester A 2020](https://doi.org/10.1000/test) (meta-analysis of randomised trials, strong evidence) |',
    ]);
    expect(doc.indexOf('## Willpower\n\nEffort and character.')).toBeLessThan(
      doc.indexOf('## Lifestyle\n\nLifestyle as a cure.'),
    );
    expect(doc.indexOf('## Lifestyle')).toBeLessThan(doc.indexOf('## Sources'));
  });

  it('explains the strength scale, strongest first, before the sources', () => {
    const scale = doc.indexOf('## How strong is each source');
    expect(scale).toBeGreaterThan(doc.indexOf('## Lifestyle'));
    expect(scale).toBeLessThan(doc.indexOf('## Sources'));
    const levels = [
      'strong evidence',
      'moderate evidence',
      'limited evidence',
      'background information',
    ];
    const at = levels.map((l) => doc.indexOf(`- **${l}**: `));
    expect(at.every((i) => i > scale)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("lists a myth's sources strongest first, an undated one as undated", () => {
    const weak = {
      ...pack.sources['test-source']!,
      authors: 'Agency',
      strength: 'background' as const,
      kind: 'agency-page' as const,
      year: undefined,
    };
    const [first, ...rest] = pack.myths;
    const twoSources: Pack = {
      ...pack,
      myths: [{ ...first!, sources: ['weak', 'test-source'] }, ...rest],
      sources: { ...pack.sources, weak },
    };
    const row = renderMythsDoc(twoSources)
      .split('\n')
      .find((l) => l.includes(`id="${first!.id}"`))!;
    expect(cellsOf(row)[2]).toBe(
      ' [Tester A 2020](https://doi.org/10.1000/test) (meta-analysis of randomised trials, strong evidence); ' +
        '[Agency undated](https://doi.org/10.1000/test) (health agency page, background information) ',
    );
  });

  it('does not depend on the order myths and sources arrive in', () => {
    const shuffled: Pack = {
      ...pack,
      myths: [...pack.myths].reverse(),
      sources: Object.fromEntries(Object.entries(pack.sources).reverse()),
    };
    expect(renderMythsDoc(shuffled)).toBe(doc);
  });

  it('keeps a table row intact whatever the text holds', () => {
    const [first, ...rest] = pack.myths;
    const awkward: Pack = {
      ...pack,
      myths: [
        { ...first!, claim: 'A | B\nC *D* <b>E</b> [F](x)', verdict: 'one\r\ntwo|three' },
        ...rest,
      ],
      sources: {
        'test-source': {
          ...pack.sources['test-source']!,
          url: 'https://doi.org/10.1016/S0140(18)1',
        },
      },
    };
    const row = renderMythsDoc(awkward)
      .split('\n')
      .find((l) => l.includes(`id="${first!.id}"`))!;
    const cells = cellsOf(row);
    expect(cells).toHaveLength(3);
    expect(cells[0]).toContain('A \\| B C \\*D\\* \\<b\\>E\\</b\\> \\[F\\](x)');
    expect(cells[1]).toBe(' one two\\|three ');
    expect(cells[2]).toContain('(https://doi.org/10.1016/S0140%2818%291)');
  });

  it('escapes every character that Markdown would read as markup', () => {
    expect(escapeMarkdown('a_b*c`d~e&f\\g')).toBe('a\\_b\\*c\\`d\\~e\\&f\\\\g');
    expect(escapeMarkdown('  line one\n\n  line two ')).toBe('line one line two');
  });
});

describe('committed MYTHS.md', () => {
  it('matches the pack', () => {
    const file = join(ROOT, 'MYTHS.md');
    const committed = existsSync(file) ? readFileSync(file, 'utf8').replace(/\r\n/g, '\n') : '';
    expect(committed, MYTHS_DOC_STALE).toBe(renderMythsDoc(packFromDisk()));
  });

  it('has no myth anchor that clashes with a heading anchor', () => {
    const real = packFromDisk();
    // GitHub's heading slugs: lowercase, punctuation dropped, spaces to hyphens.
    const slug = (h: string) =>
      h
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-');
    const headings = new Set(
      ['Myths about depression', 'Sources', ...real.categories.map((c) => c.label)].map(slug),
    );
    expect(real.myths.map((m) => m.id).filter((id) => headings.has(id))).toEqual([]);
  });
});
