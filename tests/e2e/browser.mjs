// Debian's Chromium, driven by playwright-core (which never downloads a browser), with the
// flags that keep it quiet on a machine without internet. Each page records what would make
// a test fail: page errors, console errors and requests to any other host.
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

import { serve } from './server.mjs';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}

/**
 * Opens a fresh context and page on `origin` and watches it. `problems` lists every page
 * error, console error and foreign request; a 404 answer for a deep link is expected (that
 * is how GitHub Pages serves 404.html) and is the only console error allowed.
 */
export async function watchedPage(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  const expected404 = (msg) =>
    msg.text().includes('status of 404') && new URL(msg.location().url || origin).origin === origin;
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !expected404(msg)) problems.push(`console error: ${msg.text()}`);
  });
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol.startsWith('http') && url.origin !== origin) problems.push(`foreign request: ${req.url()}`);
  });
  return { context, page, problems };
}

/** Waits until the app has rendered: the marker is set only after the first render ran. */
export async function ready(page) {
  await page.waitForSelector('html[data-app="ready"]', { timeout: 15000 });
}

/**
 * Chromium and a GitHub-Pages-like server for the release build in `dir` (relative to the
 * repository) under `prefix`, started before a test file's tests and stopped after them.
 * Returns an object whose `browser`, `server` and `origin` are set once the tests run.
 */
export function useApp(dir = 'dist', prefix = '/') {
  const app = {};
  before(async () => {
    app.browser = await launch();
    app.server = await serve(join(ROOT, dir), prefix);
    app.origin = new URL(app.server.url).origin;
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** Picks `text` as a CSV file in the Invoices page's import section. */
export async function pickCsv(page, text, name = 'invoices.csv') {
  await page.getByTestId('csv-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

/** Imports CSV text through the Invoices page (which must be open) and waits until it is saved. */
export async function importCsv(page, text) {
  await pickCsv(page, text);
  await page.getByRole('button', { name: 'Inlezen' }).click();
  await page.getByTestId('csv-review').getByRole('button', { name: 'Opslaan' }).click();
  await page.getByTestId('csv-saved').waitFor();
}

/**
 * Starts listening on `page` for another tab's announcement of a committed change, as the app's
 * own channel does (a channel never hears itself). Returns a function that waits for it.
 */
export async function listenForOtherTab(page) {
  await page.evaluate(() => {
    window.otherTabSaved = new Promise((resolve) => { new BroadcastChannel('factuurwacht-changes').onmessage = resolve; });
  });
  return () => page.evaluate(() => window.otherTabSaved);
}

/**
 * Clicks the header's language switch, answering any question it asks with `accept`. Resolves
 * to the questions asked: the switch asks in the click itself, so none can come later.
 */
export async function switchLanguage(page, accept) {
  const asked = [];
  const answer = (dialog) => {
    asked.push(dialog.message());
    return accept ? dialog.accept() : dialog.dismiss();
  };
  page.on('dialog', answer);
  try {
    await page.getByTestId('lang-switch').click();
  } finally {
    page.off('dialog', answer);
  }
  return asked;
}

/** Fills in the business details every draft is signed with, as a new user does first. */
export async function fillBusiness(page, url) {
  await page.goto(url + 'settings');
  await ready(page);
  const form = page.getByTestId('settings-form');
  await form.getByLabel('Bedrijfsnaam').fill('Klusbedrijf De Vries');
  await form.getByLabel('IBAN').fill('NL91 ABNA 0417 1643 00');
  // A posted letter carries the sender's address, and cannot go without it.
  await form.getByLabel('Straat en huisnummer').fill('Werfstraat 3');
  await form.getByLabel('Postcode').fill('3511 AA');
  await form.getByLabel('Plaats').fill('Utrecht');
  await page.getByTestId('save-settings').click();
  await page.getByTestId('settings-saved').waitFor();
}

/**
 * Holds a write transaction on `store` open from a second connection in the page, so the app's
 * own writes to it wait, as on a slow disk. Resolves once the hold is in place, to a function
 * that lets go.
 */
export async function holdStore(page, store) {
  await page.evaluate(
    (store) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('factuurwacht');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, 'readwrite');
          const records = tx.objectStore(store);
          window.heldStore = true;
          // A transaction stays open while it has requests: ask again until told to let go.
          const keep = () => {
            if (window.heldStore) records.count().onsuccess = keep;
          };
          keep();
          tx.oncomplete = () => db.close();
          resolve();
        };
      }),
    store,
  );
  return () => page.evaluate(() => { window.heldStore = false; });
}

/**
 * What the app's database holds in `store`, read in the page: every record (`getAll`) or how
 * many there are (`count`).
 */
export function fromStore(page, store, method = 'getAll') {
  return page.evaluate(
    ([store, method]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('factuurwacht');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(store).objectStore(store)[method]();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [store, method],
  );
}
