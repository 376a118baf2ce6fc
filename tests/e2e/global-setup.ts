import type { TestProject } from 'vitest/node';
import {
  BROWSERS,
  FIXTURES_DIR,
  missingBrowserMessage,
  missingBuildMessage,
} from './harness/config';
import { generatedPage } from './harness/real-pages';
import { startFixtureServer } from './harness/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port>, serving tests/fixtures/ and the pages made from real ones. */
    fixtureOrigin: string;
  }
}

/**
 * Runs once, in the main vitest process, before any e2e file. A missing
 * browser or build fails the whole run with one actionable line instead of
 * letting every test time out or be skipped.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const problems = BROWSERS.flatMap((name) => [
    missingBrowserMessage(name),
    missingBuildMessage(name),
  ]);
  const unique = [...new Set(problems.filter((p): p is string => p !== undefined))];
  if (unique.length > 0) {
    const error = new Error(unique.join('\n'));
    error.stack = error.message; // the message says it all; a stack would only bury it
    throw error;
  }
  const server = await startFixtureServer(FIXTURES_DIR, (path) =>
    generatedPage(FIXTURES_DIR, path),
  );
  project.provide('fixtureOrigin', server.origin);
  return () => server.close();
}
