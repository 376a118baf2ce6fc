import type { LookupResult } from '../../lib/lookup';
import type { Pack } from '../../lib/pack/pack';

/**
 * The popup lookup's figure on real myth sentences: how often a myth of the
 * sentence's category ranks first, and how many sentences return nothing.
 * `npm run eval` and `npm run train -- --cv` both report it.
 */
export function lookupFigure(
  pack: Pack,
  lookup: (query: string) => LookupResult,
  myths: readonly { text: string; category: string }[],
): { right: number; none: number; total: number } {
  const categoryOf = new Map(pack.myths.map((m) => [m.id, m.category]));
  let right = 0;
  let none = 0;
  for (const r of myths) {
    const result = lookup(r.text);
    if (result.kind !== 'results') none++;
    else if (categoryOf.get(result.results[0]!.mythId) === r.category) right++;
  }
  return { right, none, total: myths.length };
}
