import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright's *.spec.ts files live in test/e2e and run under `npm run test:e2e`, not here.
    include: ['test/unit/**/*.test.ts', 'test/build/**/*.test.ts'],
    environment: 'node',
    // Build tests run whole builds, several at once on a 2-core machine; speed is measured by `npm run bench`, not here.
    testTimeout: 120_000,
  },
});
