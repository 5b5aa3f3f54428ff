import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = 4329;
// Debian's Chromium (apt-get install chromium); CHROMIUM_PATH points elsewhere, e.g. on a machine without it.
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** End-to-end tests in Debian's Chromium against the built example site (built once with the build tests, test/sites.ts). */
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
    command: `node test/e2e/serve-example.ts ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    // The site is built with a fixed as-of time (test/sites.ts), so elapsed times and freshness never follow the clock.
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
