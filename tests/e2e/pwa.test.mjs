// Installable and offline, at the root and under a sub-path: a valid manifest with its icons,
// a service worker that controls the page, the app and its data with the network gone (reload
// and deep link), an update that is detected and applied, and a security policy that blocks
// any script the build did not ship.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
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

const integrity = (bytes) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`;

/**
 * Publishes a new version in `dir`: a marker in index.html's head (the title itself follows
 * the page's heading), the page's build version, and a worker of version `version`. With `listed`, the worker lists the
 * new index.html's integrity, as a build writes it; without, it still lists the old page's, as
 * when a deployment changed the page while the worker was being fetched.
 */
async function publish(dir, version, { listed }) {
  const index = join(dir, 'index.html');
  const old = await readFile(index);
  const page = old
    .toString('utf8')
    .replace('<title>Factuurwacht</title>', `<title>Factuurwacht</title><meta name="test-build" content="${version}">`)
    .replace(/<meta name="factuurwacht-build" content="[0-9a-f]+">/, `<meta name="factuurwacht-build" content="${version}">`);
  await writeFile(index, page);
  const sw = join(dir, 'sw.js');
  let source = await readFile(sw, 'utf8');
  source = source.replace(/const VERSION = "[0-9a-f]+"/, `const VERSION = "${version}"`);
  if (listed) source = source.replace(integrity(old), integrity(Buffer.from(page, 'utf8')));
  await writeFile(sw, source);
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
      // The installed app's identity is its own folder, not the whole site: under a sub-path
      // on GitHub Pages, the site root may hold other apps.
      const { appId } = await (await context.newCDPSession(page)).send('Page.getAppId');
      assert.equal(appId, app.server.url);
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

    test('saving, searching, opening an action and removing stay inside the app', async () => {
      const { context, page, problems } = await watchedPage(app.browser, app.origin);
      await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
      // After every save the app moves on by itself; each stop must be a page of the app at
      // its own address, never "not found" at the base written twice.
      const at = async (path, heading) => {
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        assert.equal(decodeURI(new URL(page.url()).pathname + new URL(page.url()).search), prefix + path);
      };
      await page.goto(app.server.url + 'customers/new');
      await ready(page);
      await page.getByLabel('Naam', { exact: true }).fill('Atelier Weg');
      await page.getByTestId('save-customer').click();
      await page.getByRole('heading', { level: 1, name: 'Atelier Weg' }).waitFor();
      const customer = new URL(page.url()).pathname.split('/').pop();
      await at(`customers/${customer}`, 'Atelier Weg');
      await page.getByTestId('new-invoice-for-customer').click();
      const form = page.getByTestId('invoice-form');
      await form.getByLabel('Factuurnummer', { exact: true }).fill('P-1');
      await form.getByLabel('Bedrag inclusief btw', { exact: true }).fill('80,00');
      await form.getByLabel('Factuurdatum', { exact: true }).fill('01-10-2026');
      await page.getByTestId('save-invoice').click();
      await page.getByRole('heading', { level: 1, name: 'Factuur P-1' }).waitFor();
      const invoice = new URL(page.url()).pathname.split('/').pop();
      await at(`invoices/${invoice}`, 'Factuur P-1');
      // A link that opens an action takes its request off the address once the form is open.
      await page.goto(app.server.url + `invoices/${invoice}?act=note`);
      await ready(page);
      await page.getByLabel('Notitie', { exact: true }).waitFor();
      await at(`invoices/${invoice}`, 'Factuur P-1');
      await page.goto(app.server.url + 'invoices');
      await ready(page);
      await page.getByTestId('invoice-filter').selectOption('open');
      await page.getByTestId('invoice-table').getByRole('link', { name: 'P-1' }).waitFor();
      await at('invoices?filter=open', 'Facturen');
      await page.goto(app.server.url + `invoices/${invoice}/edit`);
      await ready(page);
      await page.getByTestId('remove').click();
      await page.getByTestId('remove-record').getByRole('button', { name: 'Factuur verwijderen' }).click();
      await at('invoices', 'Facturen');
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
      // The banner comes into a live region that was there before it, so it is read out.
      const region = await page.getByTestId('update-region').elementHandle();

      // Publish a new build: a different worker version and a visible change to the page.
      await publish(app.dir, 'f'.repeat(16), { listed: true });

      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await page.getByTestId('update-ready').waitFor();
      assert.match(await region.textContent(), /Er is een nieuwe versie van Factuurwacht klaar/);
      assert.equal(await region.getAttribute('role'), 'status');
      // A half-typed form would be lost by the reload: the banner asks first, and "save
      // first" keeps the typing.
      await page.getByRole('link', { name: 'Klanten' }).first().click();
      await page.getByTestId('add-customer').click();
      await page.getByLabel('Naam', { exact: true }).fill('Half getypt');
      await page.getByTestId('apply-update').click();
      await page.getByTestId('update-ready').getByText('nog niet bewaard').waitFor();
      await page.getByTestId('keep-typing-update').click();
      assert.equal(await page.getByLabel('Naam', { exact: true }).inputValue(), 'Half getypt');
      await page.getByTestId('apply-update').click();
      await page.getByTestId('apply-update').getByText('Toch bijwerken').waitFor();
      await page.getByTestId('apply-update').click();
      await page.waitForFunction(() => document.querySelector('meta[name="test-build"]')?.content === 'ffffffffffffffff');
      await ready(page);
      const after = await page.evaluate(() => caches.keys());
      assert.deepEqual(after, ['factuurwacht-' + 'f'.repeat(16)], `old caches removed (before: ${before})`);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('a page that already runs the new version lets its worker take over without offering it', async () => {
      const { context, page, problems } = await watchedPage(app.browser, app.origin);
      await page.goto(app.server.url);
      await ready(page);
      await controlled(page);
      // A deployment, then a start while online: the page comes from the network (the new
      // version) while the old worker is still in charge, and the new worker installs.
      await publish(app.dir, 'd'.repeat(16), { listed: true });
      await page.reload();
      await ready(page);
      assert.equal(await page.locator('meta[name="test-build"]').first().getAttribute('content'), 'd'.repeat(16));
      await page.evaluate(() => { window.stayed = true; });
      const taken = async () => (await page.evaluate(() => caches.keys())).join() === 'factuurwacht-' + 'd'.repeat(16);
      for (let i = 0; i < 100 && !(await taken()); i++) await page.waitForTimeout(100);
      assert.ok(await taken(), 'the new worker took over and the old cache is gone');
      // Nothing to offer: the page runs that version already, and it did not reload either.
      assert.equal(await page.getByTestId('update-ready').count(), 0);
      assert.equal(await page.evaluate(() => window.stayed), true);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('a version whose files are not the ones its worker lists is not installed, and the one in use stays', async () => {
      const { context, page, problems } = await watchedPage(app.browser, app.origin);
      await page.goto(app.server.url);
      await ready(page);
      await controlled(page);
      const before = await page.evaluate(() => caches.keys());
      await publish(app.dir, 'e'.repeat(16), { listed: false });
      // The browser fetches the new worker, whose install refuses the page it did not list.
      const failed = await page.evaluate(
        () =>
          new Promise((resolve) => {
            navigator.serviceWorker.getRegistration().then((registration) => {
              registration.addEventListener('updatefound', () => {
                const worker = registration.installing;
                worker.addEventListener('statechange', () => {
                  if (worker.state === 'redundant') resolve(true);
                  if (worker.state === 'installed') resolve(false);
                });
              });
              registration.update();
            });
          }),
      );
      assert.equal(failed, true, 'the new worker was discarded');
      assert.deepEqual(await page.evaluate(() => caches.keys()), before);
      assert.equal(await page.getByTestId('update-ready').count(), 0);
      // Offline, the version in use starts as before.
      await context.setOffline(true);
      await page.reload();
      await ready(page);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await context.setOffline(false);
      assert.deepEqual(problems, []);
      await context.close();
    });
  });
}
