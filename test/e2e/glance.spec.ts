import { expect, test } from '@playwright/test';
import { sharedSite } from '../sites.ts';
import { serveDirectory } from './static-server.ts';

// A stakeholder must see in ten seconds whether the phase is on track and what is at risk: on the first screen, at a
// desktop's size and a phone's, with nothing scrolled.
let seed: Awaited<ReturnType<typeof serveDirectory>>;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  seed = await serveDirectory(sharedSite('seed').outDir);
});
test.afterAll(async () => seed?.close());

const screens = [
  { name: 'desktop', viewport: { width: 1280, height: 720 } },
  { name: 'phone', viewport: { width: 375, height: 740 } },
];

for (const site of ['example', 'seed'] as const) {
  for (const { name, viewport } of screens) {
    test(`${site} on a ${name} (${viewport.width} px): health with why, progress, forecast and risks on the first screen`, async ({
      browser,
      baseURL,
    }, testInfo) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${site === 'example' ? baseURL : seed.url}/phase-7/`);
      for (const id of ['health', 'glance-progress', 'forecast', 'risks']) {
        const element = page.getByTestId(id);
        await expect(element).toBeVisible();
        const box = (await element.boundingBox())!;
        // Its first line at least is on the screen.
        expect(box.y + Math.min(box.height, 24), `${id} starts at ${Math.round(box.y)} px`).toBeLessThanOrEqual(viewport.height);
      }
      await expect(page.getByTestId('health')).toContainText(/^(Done|On track|At risk|Off track) (Done|On track|At risk|Off track): /);
      await expect(page.getByTestId('forecast')).toContainText('the package states 2025-10-26');
      await page.screenshot({ path: testInfo.outputPath(`first-screen-${site}-${viewport.width}.png`) });
      await context.close();
    });
  }
}
