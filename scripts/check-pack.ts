/**
 * `npm run check:pack`: validates the content pack and exits 1 with every
 * problem (file, field, what is wrong). The build runs the same check first,
 * so an invalid pack can never be bundled.
 */
import { PackError } from '../lib/pack/pack';
import { weakPatterns } from '../lib/build/pack-quality';
import { packFromDisk } from './lib/pack-from-disk';

try {
  const pack = packFromDisk();
  const weak = weakPatterns(pack);
  if (weak.length > 0) throw new PackError(weak);
  console.log(
    `content pack ${pack.meta.version}: ${pack.myths.length} myths, ${Object.keys(pack.sources).length} sources, valid`,
  );
} catch (e) {
  console.error(e instanceof PackError ? e.message : `check:pack: ${(e as Error).message}`);
  process.exit(1);
}
