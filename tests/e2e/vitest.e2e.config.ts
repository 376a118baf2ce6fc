import { defineConfig } from 'vitest/config';

/**
 * Real-browser tests: one Chromium and one Firefox at a time on a 2-core
 * machine, so files run serially and timeouts allow for browser start-up.
 * The wall-time limits of tests/perf run here too, one file at a time, rather
 * than in the parallel unit run, where a busy machine would fail them.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts', 'tests/perf/**/*.perf.ts'],
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
