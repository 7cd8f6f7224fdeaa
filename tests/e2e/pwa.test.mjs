// Installable and offline, at the root and under a sub-path: a valid manifest with its icons,
// a service worker that controls the page, the app and its data with the network gone (reload
// and deep link), an update that is detected and applied, and a security policy that blocks
// any script the build did not ship.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT, importCsv, launch, ready, watchedPage } from './browser.mjs';
import { serve } from './server.mjs';

const CSV =
  'Factuurnummer;Klant;E-mail;Factuurdatum;Vervaldatum;Bedrag\r\n' +
  'W-1;Bakkerij Jansen;info@jansen.example;01-10-2026;31-10-2026;1.250,00\r\n';

/** Width and height of a PNG, read from its header. */
function pngSize(bytes) {
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Waits until a service worker controls the page. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function invoiceId(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('factuurwacht');
        open.onsuccess = () => {
          const request = open.result.transaction('invoices').objectStore('invoices').getAll();
          request.onsuccess = () => resolve(request.result[0].id);
        };
      }),
  );
}

for (const [dir, prefix] of [
  ['dist', '/'],
  ['target/dist-sub', '/invoice-chaser/'],
]) {
  describe(`installable and offline at ${prefix}`, () => {
    const app = {};
    before(async () => {
      app.browser = await launch();
      // A copy, so the update test can publish a new version without touching the build.
      app.dir = await mkdtemp(join(tmpdir(), 'factuurwacht-pwa-'));
      await cp(join(ROOT, dir), app.dir, { recursive: true });
      app.server = await serve(app.dir, prefix);
      app.origin = new URL(app.server.url).origin;
    });
    after(async () => {
      await app.browser?.close();
      await app.server?.close();
      if (app.dir) await rm(app.dir, { recursive: true, force: true });
    });

    test('the manifest is valid, its icons exist, and the service worker controls the page', async () => {
      const { context, page, problems } = await watchedPage(app.browser, app.origin);
      await page.goto(app.server.url);
      await ready(page);
      const href = await page.locator('link[rel="manifest"]').evaluate((link) => link.href);
      assert.equal(href, app.server.url + 'manifest.webmanifest');
      const manifest = JSON.parse(await (await page.request.get(href)).text());
      assert.equal(manifest.short_name, 'Factuurwacht');
      assert.equal(manifest.display, 'standalone');
      // Relative to the manifest, so the app installs at whatever path it is served from.
      assert.equal(new URL(manifest.start_url, href).href, app.server.url);
      assert.equal(new URL(manifest.scope, href).href, app.server.url);
      assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
      const wanted = new Set(['192x192 any', '512x512 any', '512x512 maskable']);
      for (const image of [...manifest.icons, ...manifest.screenshots]) {
        const response = await page.request.get(new URL(image.src, href).href);
        assert.equal(response.status(), 200, image.src);
        assert.equal(response.headers()['content-type'], 'image/png');
        assert.equal(pngSize(await response.body()).join('x'), image.sizes, `${image.src} is ${image.sizes}`);
        if (image.purpose) wanted.delete(`${image.sizes} ${image.purpose}`);
      }
      assert.deepEqual([...wanted], [], 'icons of 192 and 512 and a maskable one');

      await controlled(page);
      const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope));
      assert.equal(scope, app.server.url);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('offline, the app reloads and deep-links with its data', async () => {
      const { context, page, problems } = await watchedPage(app.browser, app.origin);
      await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
      await page.goto(app.server.url + 'invoices');
      await ready(page);
      await importCsv(page, CSV);
      const id = await invoiceId(page);
      await controlled(page);

      await context.setOffline(true);
      await page.reload();
      await ready(page);
      await page.getByTestId('invoice-table').getByRole('link', { name: 'W-1' }).waitFor();
      await page.goto(app.server.url + `invoices/${id}`);
      await ready(page);
      await page.getByRole('heading', { level: 1, name: 'Factuur W-1' }).waitFor();
      assert.equal(await page.getByTestId('outstanding').innerText(), '€ 1.250,00');
      // Work done offline is kept: record a note, and it is there after another reload.
      await page.getByTestId('act-note').click();
      await page.getByLabel('Notitie', { exact: true }).fill('Offline genoteerd.');
      await page.getByTestId('save-note').click();
      await page.getByTestId('notice').waitFor();
      await page.reload();
      await ready(page);
      await page.getByTestId('timeline').getByText('Notitie: Offline genoteerd.').waitFor();
      await context.setOffline(false);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('once installed, the page address (an id, a search term) is never sent to the server', async () => {
      const { context, page, problems } = await watchedPage(app.browser, app.origin);
      await page.goto(app.server.url);
      await ready(page);
      await controlled(page);
      const seen = app.server.requests.length;
      await page.goto(app.server.url + 'invoices?q=geheime-klant');
      await ready(page);
      await page.getByRole('heading', { level: 1, name: 'Facturen' }).waitFor();
      await page.goto(app.server.url + 'customers/c-123');
      await ready(page);
      const sent = app.server.requests.slice(seen);
      assert.ok(sent.every((url) => !url.includes('geheime-klant') && !url.includes('c-123')), sent.join('\n'));
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('a script the build did not ship is blocked by the security policy', async () => {
      const { context, page, problems } = await watchedPage(app.browser, app.origin);
      await page.goto(app.server.url);
      await ready(page);
      const blocked = await page.evaluate(
        () =>
          new Promise((resolve) => {
            document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
            const script = document.createElement('script');
            script.textContent = 'window.injected = true;';
            document.body.append(script);
            setTimeout(() => resolve(window.injected ? 'ran' : 'no report'), 2000);
          }),
      );
      assert.match(blocked, /^script-src/);
      // The refusal is the console error this test provoked; nothing else may appear.
      assert.deepEqual(
        problems.filter((p) => !p.includes('Content Security Policy')),
        [],
      );
      await context.close();
    });

    test('a new version is detected, offered, and applied with one click', async () => {
      const { context, page, problems } = await watchedPage(app.browser, app.origin);
      await page.goto(app.server.url);
      await ready(page);
      await controlled(page);
      const before = await page.evaluate(() => caches.keys());

      // Publish a new build: a different worker version and a visible change to the page.
      const sw = join(app.dir, 'sw.js');
      const source = await readFile(sw, 'utf8');
      const version = source.match(/const VERSION = "([0-9a-f]+)"/)[1];
      await writeFile(sw, source.replace(version, 'f'.repeat(16)));
      const index = join(app.dir, 'index.html');
      // A marker in the new page's head: the title itself follows the page's heading.
      await writeFile(index, (await readFile(index, 'utf8')).replace('<title>Factuurwacht</title>', '<title>Factuurwacht</title><meta name="test-build" content="2">'));

      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await page.getByTestId('update-ready').waitFor();
      await page.getByTestId('apply-update').click();
      await page.waitForFunction(() => document.querySelector('meta[name="test-build"]')?.content === '2');
      await ready(page);
      const after = await page.evaluate(() => caches.keys());
      assert.deepEqual(after, ['factuurwacht-' + 'f'.repeat(16)], `old caches removed (before: ${before})`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  });
}
