import { defineConfig } from 'vitest/config';

/**
 * Real-browser tests: one Chromium and one Firefox at a time on a 2-core
 * machine, so files run serially and timeouts allow for browser start-up.
 * No test asserts a wall time: speed is measured by `npm run bench`.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // A hung browser must fail the run, not retry into the CI budget.
    retry: 0,
  },
});
