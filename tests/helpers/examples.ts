import type { Pack } from '../../lib/pack/pack';

/** Every example sentence of the pack's myths: those that assert, refute or only mention one. */
export function everyExample(pack: Pack): string[] {
  return pack.myths.flatMap((m) => [
    ...m.examples.asserts,
    ...m.examples.refutes,
    ...m.examples.neutral,
  ]);
}
