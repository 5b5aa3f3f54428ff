import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs the core on its own (no builds, `npm run test:unit`), `build` runs whole builds.
// Playwright's *.spec.ts files live in test/e2e and run under `npm run test:e2e`, not here.
export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      // The core's tests share no state, so its modules are loaded once per worker, not once per file.
      // Property and corpus tests run thousands of parses: on a loaded 2-core machine some take more than the default 5 s,
      // and none of them measures speed (a test that does names its own limit).
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false, testTimeout: 30_000 } },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          // The sites several suites share are built once, before any build test starts.
          globalSetup: ['test/build/global-setup.ts'],
          // Whole builds, several at once on a 2-core machine; speed is measured by `npm run bench`, not here.
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
