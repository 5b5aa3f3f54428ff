import { expect, test } from '@playwright/test';
import { sharedSite } from '../sites.ts';
import { serveDirectory } from './static-server.ts';

// A site built from a package whose every text field carries markup: titles, agent names, metric labels, task
// bodies, hook messages, file paths, memory keys, release notes. Nothing of it may run or become an element.
test.describe.configure({ mode: 'serial' });
let site: Awaited<ReturnType<typeof serveDirectory>>;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  site = await serveDirectory(sharedSite('hostile').outDir);
});

test.afterAll(async () => site?.close());

const pages = [
  '/',
  '/phase-1/',
  '/phase-1/tasks/task-1.1-hostile/',
  '/phase-1/activity/',
  '/phase-1/timeline/',
  '/phase-1/report/',
  '/releases/',
  '/releases/1.0.0/',
  '/search/',
];

for (const path of pages) {
  test(`${path}: no dialog opens and no injected element exists`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(`${site.url}${path}`);
    await page.waitForLoadState('networkidle');
    // Hovering and clicking what a payload would target must not run anything either. The closed sections open first,
    // so their links are hovered too; a link the layout hides (the graph's list for phones, on a desktop) no one can hover.
    for (const section of await page.locator('main details').all()) await section.evaluate((element) => ((element as HTMLDetailsElement).open = true));
    for (const link of await page.locator('main a:visible').all()) await link.hover({ timeout: 5_000 }).catch(() => undefined);
    expect(dialogs).toEqual([]);
    const injected = await page.evaluate(() => ({
      handlers: [...document.querySelectorAll('*')]
        .filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on')))
        .map((element) => element.outerHTML.slice(0, 80)),
      scriptLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((href) => /^\s*javascript:/i.test(href)),
      iframes: document.querySelectorAll('iframe').length,
      inlineScripts: [...document.querySelectorAll('script:not([src])')].filter(
        (script) => script.getAttribute('type') !== 'application/json' && /alert\(/.test(script.textContent ?? ''),
      ).length,
      svgScripts: document.querySelectorAll('svg script').length,
    }));
    expect(injected).toEqual({ handlers: [], scriptLinks: [], iframes: 0, inlineScripts: 0, svgScripts: 0 });
  });
}

test('the payloads are shown as text where they belong', async ({ page }) => {
  await page.goto(`${site.url}/phase-1/activity/`);
  await expect(page.getByTestId('events')).toContainText("</script><script>alert('notify')</script>");
  await page.goto(`${site.url}/phase-1/`);
  await expect(page.locator('h1')).toContainText(`<img src=x onerror="alert('overview')"> Hostile`);
});
