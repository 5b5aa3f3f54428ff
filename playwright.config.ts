import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = 4329;
// Debian's Chromium (apt-get install chromium); CHROMIUM_PATH points elsewhere, e.g. on a machine without it.
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** End-to-end tests in Debian's Chromium against the built example site, served by `astro preview`. */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  // axe and full-page screenshots of long pages take seconds each on a 2-core machine.
  timeout: 90_000,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'test-results/e2e-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      // Debian's Chromium as root needs --no-sandbox; the rest keeps it from calling out to Google's services.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: '**/responsive.spec.ts' },
    { name: 'phone', use: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }, testMatch: '**/responsive.spec.ts' },
  ],
  webServer: {
    command: `npm run build && npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    // A fixed as-of time keeps the example's elapsed times and freshness the same on every run.
    env: { ASTRO_TELEMETRY_DISABLED: '1', CAIRN_AS_OF: '2025-10-25T18:00:00Z' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
