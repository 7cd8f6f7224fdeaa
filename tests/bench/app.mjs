// The app benchmark (`./x bench`), in headless Chromium against the release build, with
// realistic data: 1,000 customers, 10,000 invoices and 30,000 dossier events. It measures
//   - a cold start (no service worker, no HTTP cache) to the Today queue on screen;
//   - a warm start, served by the service worker, to the same point;
//   - opening an invoice page from the list;
//   - one keystroke in the invoice search over the 10,000 invoices;
//   - importing a 10,000-row CSV through the UI (reading and checking, then saving);
//   - and, in the same run, a raw IndexedDB getAll of the same records: the floor;
// then prints a table with each figure, its ratio to the floor and its target, and the gzip
// size of everything a first visit downloads. It asserts nothing: a benchmark is read. The
// browser clock is left alone: a faked clock would also fake the timings.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { ROOT, launch, ready } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';

const CUSTOMERS = 1000;
const INVOICES = 10000;
const RUNS = 5;

const pad = (n, width = 2) => String(n).padStart(width, '0');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function day(offset) {
  const d = new Date(Date.UTC(2026, 0, 1) + offset * 86400000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function csv() {
  const rows = ['Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag incl. btw;Omschrijving'];
  for (let i = 0; i < INVOICES; i += 1) {
    const [y, m, d] = day(i % 300).split('-');
    rows.push(`CSV-${i};Klant ${i % CUSTOMERS};${d}-${m}-${y};;${(i % 5000) + 10},${pad(i % 100)};Werk ${i}`);
  }
  return rows.join('\r\n');
}

/** A backup with the benchmark's data: each invoice has a reminder, a call and a part payment. */
async function backup() {
  const fixture = JSON.parse(await readFile(join(ROOT, 'tests/fixtures/backup-v1.json'), 'utf8'));
  const customers = [];
  for (let c = 0; c < CUSTOMERS; c += 1) {
    customers.push({ ...fixture.customers[0], id: `c${c}`, name: `Klant ${c}`, email: `klant${c}@example.nl` });
  }
  const invoices = [];
  const events = [];
  for (let i = 0; i < INVOICES; i += 1) {
    const customer = `c${i % CUSTOMERS}`;
    const issued = i % 300;
    invoices.push({
      id: `i${i}`, number: `B-${i}`, customer_id: customer, issue_date: day(issued), due_date: day(issued + 30),
      amount: `${(i % 5000) + 10}.${pad(i % 100)}`, currency: 'EUR', description: `Werk ${i}`,
    });
    const base = { invoice_ids: [`i${i}`], customer_id: customer };
    events.push({ ...base, id: `e${i}a`, date: day(issued + 31), channel: 'email',
      kind: { type: 'message_sent', message: 'first_reminder', to: `klant${i % CUSTOMERS}@example.nl`, subject: `Herinnering B-${i}`, body: 'Beste klant,\n\nWilt u de factuur betalen?\n\nGroet' } });
    events.push({ ...base, id: `e${i}b`, date: day(issued + 45), channel: 'phone',
      kind: { type: 'call', outcome: 'reached', at: 'morning', summary: 'Belooft te betalen' } });
    events.push({ ...base, id: `e${i}c`, date: day(issued + 46), channel: 'email',
      kind: { type: 'payment_received', amount: '5.00', note: 'Deelbetaling' } });
  }
  return JSON.stringify({ ...fixture, customers, invoices, events });
}

async function timed(action, done) {
  const start = performance.now();
  await action();
  await done();
  return performance.now() - start;
}

/**
 * Navigates to the app; returns the times from navigation start to the data being loaded, to
 * the Today queue on screen, and to the wasm having been downloaded.
 */
async function startToToday(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('factuurwacht:today-rendered').length > 0, null, {
    timeout: 120000,
  });
  return page.evaluate(() => [
    ...['factuurwacht:data-loaded', 'factuurwacht:today-rendered'].map((name) => performance.getEntriesByName(name)[0].startTime),
    performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'))?.responseEnd ?? 0,
  ]);
}

/**
 * A raw read of every record, the least any start-up can cost: open the database and
 * `getAll` the three stores in one transaction. With `results` the records are also taken
 * out of the requests, which every reader must do; Chromium deserialises a result only when
 * it is first read, so a read that never touches its results skips part of the work.
 */
function getAllFloor(page, results) {
  return page.evaluate(
    ({ results, expected }) =>
      new Promise((resolve, reject) => {
        const start = performance.now();
        const open = indexedDB.open('factuurwacht');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['customers', 'invoices', 'events']);
          let pending = 3;
          let records = 0;
          for (const store of ['customers', 'invoices', 'events']) {
            const request = tx.objectStore(store).getAll();
            request.onsuccess = () => {
              if (results) records += request.result.length;
              pending -= 1;
              if (pending === 0) {
                open.result.close();
                if (results && records !== expected) reject(new Error(`the floor read ${records} of ${expected} records`));
                resolve(performance.now() - start);
              }
            };
          }
        };
      }),
    { results, expected: CUSTOMERS + INVOICES * 4 },
  );
}

/** Time from a click on the first invoice of the list to its page with the next step. */
function openInvoice(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const link = document.querySelector('[data-testid="invoice-table"] tbody a');
        const start = performance.now();
        link.click();
        const check = () =>
          document.querySelector('[data-testid="next-step"]') ? resolve(performance.now() - start) : requestAnimationFrame(check);
        check();
      }),
  );
}

/** Time from typing `text` into the search box until the list shows the new count. */
function keystroke(page, text) {
  return page.evaluate(
    (text) =>
      new Promise((resolve) => {
        const input = document.querySelector('[data-testid="invoice-search"]');
        const before = document.querySelector('[data-testid="invoice-count"]').textContent;
        const start = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const check = () => {
          const now = document.querySelector('[data-testid="invoice-count"]')?.textContent;
          if (now !== before || performance.now() - start > 5000) resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        check();
      }),
    text,
  );
}

const dist = join(ROOT, 'dist');
const server = await serve(dist, '/');
const browser = await launch();
const rows = [];
let floor = 0;
let firstVisit = [];
try {
  // The first visit, on an empty profile: every request the page and its service worker make.
  {
    const context = await browser.newContext();
    const requested = new Set();
    context.on('request', (request) => requested.add(new URL(request.url()).pathname));
    const page = await context.newPage();
    await page.goto(server.url);
    await ready(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForLoadState('networkidle');
    // A folder is its index.html; counted once however often it was asked for.
    const files = new Set([...requested].map((path) => (path.endsWith('/') ? `${path}index.html` : path).slice(1)));
    firstVisit = await Promise.all(
      [...files].sort().map(async (file) => {
        const bytes = await readFile(join(dist, file)).catch(() => Buffer.alloc(0));
        return [file, bytes.length, gzipSync(bytes, { level: 9 }).length];
      }),
    );
    await context.close();
  }

  // The 10,000-row CSV import through the UI, into an empty database.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + 'invoices');
    await ready(page);
    await page.getByTestId('csv-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(), 'utf8') });
    await page.getByTestId('csv-mapping').waitFor();
    const read = await timed(
      () => page.getByRole('button', { name: 'Inlezen' }).click(),
      () => page.getByTestId('csv-review').waitFor({ timeout: 120000 }),
    );
    const save = await timed(
      () => page.getByTestId('csv-review').getByRole('button', { name: 'Opslaan' }).click(),
      () => page.getByTestId('csv-saved').waitFor({ timeout: 120000 }),
    );
    rows.push(['Import 10,000 CSV rows: read and check', read, null, null]);
    rows.push(['Import 10,000 CSV rows: save', save, null, null]);
    rows.push(['Import 10,000 CSV rows: total', read + save, null, 3000]);
    await context.close();
  }

  // Everything else on the full data set, restored from a backup.
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(server.url + 'settings');
  await ready(page);
  await page.getByTestId('restore-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(await backup(), 'utf8') });
  await page.getByTestId('restore-preview').waitFor({ timeout: 120000 });
  await page.getByTestId('restore-preview').getByRole('button', { name: 'Terugzetten' }).click();
  await page.getByTestId('restore-done').waitFor({ timeout: 120000 });

  // Cold: no worker, no cache of any kind; the page downloads and compiles everything. Each
  // cold start follows a floor measurement, so a machine that slows down for a while slows
  // both alike and the ratio stays fair.
  const floors = [];
  const untouched = [];
  const cold = [];
  for (let run = 0; run < RUNS; run += 1) {
    // On an idle page: the previous start is done and its worker has cached the files.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForLoadState('networkidle');
    untouched.push(await getAllFloor(page, false));
    floors.push(await getAllFloor(page, true));
    await page.evaluate(async () => {
      for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
      for (const key of await caches.keys()) await caches.delete(key);
    });
    await page.goto('about:blank');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    cold.push(await startToToday(page, server.url));
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  }
  floor = median(floors);

  // Warm: the service worker serves the app from its cache.
  await page.goto(server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const warm = [];
  for (let run = 0; run < RUNS; run += 1) warm.push(await startToToday(page, server.url));

  const opens = [];
  for (let run = 0; run < RUNS; run += 1) {
    await page.goto(server.url + 'invoices');
    await page.getByTestId('invoice-table').waitFor({ timeout: 120000 });
    opens.push(await openInvoice(page));
  }

  await page.goto(server.url + 'invoices');
  await page.getByTestId('invoice-table').waitFor({ timeout: 120000 });
  const keys = [];
  for (const text of ['1', '12', '123', '1234', '123', '12', '1']) keys.push(await keystroke(page, text));

  rows.unshift(
    ['Cold start to Today on screen (no worker, no cache)', median(cold.map((t) => t[1])), 2, null],
    ['  of which: navigation to the wasm downloaded', median(cold.map((t) => t[2])), null, null],
    ['  of which: navigation to data loaded', median(cold.map((t) => t[0])), null, null],
    ['Warm start to Today on screen (service worker)', median(warm.map((t) => t[1])), null, null],
    ['Open an invoice page from the list', median(opens), null, null],
    ['Search keystroke over 10,000 invoices', median(keys), null, 50],
  );
  rows.push(['Floor: raw IndexedDB getAll of every record', floor, null, null]);
  rows.push(['  the same getAll, results never read (not a floor)', median(untouched), null, null]);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

console.log(`\nData: ${CUSTOMERS} customers, ${INVOICES} invoices, ${INVOICES * 3} dossier events; median of ${RUNS} runs.\n`);
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`| ${'measure'.padEnd(width)} | ${'ms'.padStart(8)} | vs floor | target |`);
console.log(`|${'-'.repeat(width + 2)}|---------:|---------:|--------|`);
for (const [name, ms, ratioTarget, msTarget] of rows) {
  const target = ratioTarget ? `<= ${ratioTarget}x floor` : msTarget ? `< ${msTarget} ms` : '';
  const met = ratioTarget ? ms / floor <= ratioTarget : msTarget ? ms < msTarget : null;
  const mark = met === null ? '' : met ? ' (met)' : ' (missed)';
  console.log(
    `| ${name.padEnd(width)} | ${ms.toFixed(1).padStart(8)} | ${`${(ms / floor).toFixed(2)}x`.padStart(8)} | ${target}${mark} |`,
  );
}
const total = firstVisit.reduce((sum, [, , gz]) => sum + gz, 0);
console.log('\nFirst visit downloads (gzip -9 of each file):');
for (const [file, raw, gz] of firstVisit) console.log(`  ${file.padEnd(48)} ${String(raw).padStart(9)} B raw ${String(gz).padStart(8)} B gzip`);
console.log(`  ${'total'.padEnd(48)} ${' '.repeat(16)} ${String(total).padStart(8)} B gzip (target < 200,000 B: ${total < 200000 ? 'met' : 'missed'})`);
