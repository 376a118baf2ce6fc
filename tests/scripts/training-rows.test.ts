import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Scorer } from '../../lib/judge/scorer';
import { packFromDisk } from '../../scripts/lib/pack-from-disk';
import { isReal, OWN_TRAINING, ownRows } from '../../scripts/lib/training-rows';

const pack = packFromDisk();
const scorer = new Scorer(pack.concepts, {
  threshold: 1,
  assert: {},
  categories: [],
  category: {},
});
const never = () => false;
const dir = mkdtempSync(join(tmpdir(), 'own-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (o: object) => JSON.stringify(o);

describe('the project’s own training sentences', () => {
  it('become rows that are trained on but never measured, with their context as the sentence before', () => {
    const d = mkdtempSync(join(dir, 'ok-'));
    writeFileSync(
      join(d, 'mine.jsonl'),
      [
        line({
          text: 'Honestly it is just laziness.',
          context: 'My cousin stays in bed all day.',
          label: 'myth',
          category: 'willpower',
        }),
        line({
          text: 'A lazy Sunday in the garden.',
          context: '',
          label: 'neutral',
          category: null,
        }),
      ].join('\n'),
    );
    const rows = ownRows(pack, scorer, never, d);
    expect(rows.map((r) => [r.label, r.category, r.ctx.prev])).toEqual([
      ['myth', 'willpower', 'My cousin stays in bed all day.'],
      ['neutral', null, undefined],
    ]);
    expect(rows.every((r) => r.origin === 'own' && !isReal(r))).toBe(true);
  });

  it('fail on a bad line, naming the file, the line and the field', () => {
    const d = mkdtempSync(join(dir, 'bad-'));
    writeFileSync(
      join(d, 'mine.jsonl'),
      [
        line({ text: 'Fine.', context: '', label: 'neutral', category: null }),
        line({ text: 'Depression is a choice.', context: '', label: 'myth', category: 'laziness' }),
      ].join('\n'),
    );
    expect(() => ownRows(pack, scorer, never, d)).toThrow(
      /mine\.jsonl line 2: "category" must be one of willpower/,
    );
    writeFileSync(
      join(d, 'mine.jsonl'),
      line({ text: 'Rain again.', context: '', label: 'neutral', category: 'trauma' }),
    );
    expect(() => ownRows(pack, scorer, never, d)).toThrow(
      /mine\.jsonl line 1: "category" must be null/,
    );
  });

  it('are all valid as shipped', () => {
    expect(() => ownRows(pack, scorer, never, OWN_TRAINING)).not.toThrow();
  });
});
