import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { precompiledPack } from './scripts/vite-precompiled';

/**
 * The entry points' tests spy on and reset the fake extension APIs that every
 * file shares (`fakeBrowser`), so each of their files gets fresh modules. A
 * new test file that mocks a module or leaves a spy in place belongs here too.
 */
const ISOLATED = ['tests/background/**', 'tests/content/**'];

export default defineConfig({
  plugins: [WxtVitest(), precompiledPack()],
  test: {
    // Both cores: the main process only collects results. With one worker (the
    // default on 2 cores) the files ran one after the other.
    maxWorkers: 2,
    // Generous: the heaviest test runs compromise over every sentence of 12 real
    // pages, which a busy 2-core machine can take several times as long to do.
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'isolated', include: ISOLATED },
      },
      {
        // The rest share one module graph per worker: compromise, the pack and
        // the TypeScript transform are loaded once per worker, not once per file
        // (a third of the run's time when each file loaded its own).
        extends: true,
        test: {
          name: 'shared',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: [...ISOLATED, 'node_modules/**'],
          isolate: false,
        },
      },
    ],
  },
});
