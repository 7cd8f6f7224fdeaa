// The app shell, at the root and under a GitHub Pages sub-path: every route renders its
// heading, deep links survive a reload, the language choice is remembered, nothing errors,
// and no request leaves the serving host.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

import { serve } from './server.mjs';
import { CHROMIUM_FLAGS, launch, ready, watchedPage } from './browser.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const ROUTES = [
  { path: '', nl: 'Vandaag', en: 'Today' },
  { path: 'invoices', nl: 'Facturen', en: 'Invoices' },
  { path: 'customers', nl: 'Klanten', en: 'Customers' },
  { path: 'settings', nl: 'Instellingen', en: 'Settings' },
];

const DEPLOYMENTS = [
  { name: 'at the root', dir: join(ROOT, 'dist'), prefix: '/' },
  { name: 'under /invoice-chaser/', dir: join(ROOT, 'target/dist-sub'), prefix: '/invoice-chaser/' },
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const deployment of DEPLOYMENTS) {
  describe(`app shell ${deployment.name}`, () => {
    let server;
    before(async () => {
      server = await serve(deployment.dir, deployment.prefix);
    });
    after(async () => {
      await server?.close();
    });

    test('the navigation reaches every route, each with its heading', async () => {
      const { context, page, problems } = await watchedPage(browser, new URL(server.url).origin);
      await page.goto(server.url);
      await ready(page);
      for (const route of ROUTES) {
        await page.getByRole('navigation').getByRole('link', { name: route.nl, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: route.nl }).waitFor();
        assert.equal(new URL(page.url()).pathname, deployment.prefix + route.path);
        // A screen reader learns of the new page from its title and the focus on its content.
        await page.waitForFunction((title) => document.title === title, `${route.nl} · Factuurwacht`);
        // The first link leads where the page already is: no navigation, no focus to move.
        if (route !== ROUTES[0]) await page.waitForFunction(() => document.activeElement?.id === 'main');
      }
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('every deep link loads directly and survives a reload', async () => {
      const { context, page, problems } = await watchedPage(browser, new URL(server.url).origin);
      for (const route of ROUTES) {
        await page.goto(server.url + route.path);
        await ready(page);
        await page.getByRole('heading', { level: 1, name: route.nl }).waitFor();
        await page.reload();
        await ready(page);
        await page.getByRole('heading', { level: 1, name: route.nl }).waitFor();
      }
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('a page load logs no warning about the integrity of its files', async () => {
      const { context, page, problems } = await watchedPage(browser, new URL(server.url).origin);
      const warnings = [];
      page.on('console', (msg) => {
        if (msg.type() === 'warning') warnings.push(msg.text());
      });
      await page.goto(server.url);
      await ready(page);
      await page.reload();
      await ready(page);
      assert.deepEqual(warnings.filter((text) => /integrity/i.test(text)), []);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('a start that does not come says what to do; once the app is drawn, the notice goes', async () => {
      const { context, page } = await watchedPage(browser, new URL(server.url).origin);
      // A deployment cut short: the page names a wasm file the server does not have.
      const wasm = /_bg\.wasm$/;
      await page.route(wasm, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
      await page.goto(server.url);
      const loading = page.getByText('Factuurwacht wordt geladen…');
      const stuck = page.getByText('Lukt het niet? Controleer je verbinding en herlaad de pagina.');
      assert.equal(await loading.isVisible(), true);
      // A slow start is not a failed one: the advice waits a few seconds.
      assert.equal(await stuck.isVisible(), false);
      await stuck.waitFor({ state: 'visible', timeout: 15000 });

      // The deployment is whole again: a reload starts the app, and the notice is gone.
      await page.unroute(wasm);
      await page.reload();
      await ready(page);
      await page.getByRole('heading', { level: 1, name: 'Vandaag' }).waitFor();
      assert.equal(await loading.isVisible(), false);
      await context.close();
    });

    test('an unknown path shows a page-not-found with a way back', async () => {
      const { context, page, problems } = await watchedPage(browser, new URL(server.url).origin);
      await page.goto(server.url + 'no/such/page');
      await ready(page);
      await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
      await page.getByRole('link', { name: 'Terug naar Vandaag' }).click();
      await page.getByRole('heading', { level: 1, name: 'Vandaag' }).waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('Dutch by default; the switch to English is remembered across a reload', async () => {
      const { context, page, problems } = await watchedPage(browser, new URL(server.url).origin);
      await page.goto(server.url + 'customers');
      await ready(page);
      assert.equal(await page.getAttribute('html', 'lang'), 'nl');
      await page.getByText('Je hebt nog geen klanten ingevoerd.').waitFor();
      await page.getByTestId('lang-switch').click();
      await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
      await page.getByText('You have not entered any customers yet.').waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await page.reload();
      await ready(page);
      await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
      for (const route of ROUTES) {
        await page.getByRole('navigation').getByRole('link', { name: route.en, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: route.en }).waitFor();
      }
      await page.getByRole('radio', { name: 'Nederlands' }).check();
      await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    });
  });
}

describe('a browser that blocks site data', () => {
  let server;
  before(async () => {
    server = await serve(join(ROOT, 'dist'), '/');
  });
  after(async () => {
    await server?.close();
  });

  // Such a browser throws on the mere access to localStorage and refuses to open the
  // database. The app must still start and say why nothing can be kept.
  test('starts, and says that nothing can be kept and what to do', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'blocked-'));
    mkdirSync(join(profile, 'Default'));
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
    );
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_FLAGS,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      await ready(page);
      assert.equal(
        await page.evaluate(() => { try { return localStorage.length; } catch (e) { return e.name; } }),
        'SecurityError',
        'the browser really blocks storage',
      );
      await page.getByRole('heading', { level: 1, name: 'Vandaag' }).waitFor();
      await page.getByText('Deze browser staat geen opslag toe', { exact: false }).first().waitFor();
      assert.match(await page.locator('main').innerText(), /sta sitegegevens toe/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
