import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright's *.spec.ts files live in test/e2e and run under `npm run test:e2e`, not here.
    include: ['test/unit/**/*.test.ts', 'test/build/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
