import { defineConfig } from 'vitest/config';

/**
 * `npm run soak`: the full real-page soak (tests/e2e/soak-full.ts) over every
 * page in ../shared/pages, with and without the extension, in Chromium and
 * Firefox. Kept out of `npm test` (its file name does not end in .e2e.ts):
 * it takes up to ~40 minutes on a 2-core machine.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/soak-full.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 45 * 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
