// Storage benchmark in headless Chromium against the release build (`./x bench`):
//   1. importing a 10,000-row CSV through the real UI (reading the rows, then saving them);
//   2. loading 10,000 invoices with 30,000 dossier events at start-up, until the data is in
//      the app's state, next to a raw IndexedDB getAll of the same records in the same browser
//      run as the floor.
// Prints a table; it asserts nothing, a benchmark is read, not passed.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

import { serve } from '../e2e/server.mjs';
import { launch, ready } from '../e2e/browser.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CUSTOMERS = 1000;
const INVOICES = 10000;
const EVENTS_PER_INVOICE = 3;

function pad(n, width = 2) {
  return String(n).padStart(width, '0');
}

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

const server = await serve(join(ROOT, 'dist'), '/');
const browser = await launch();
const results = [];
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + 'invoices');
  await ready(page);

  // 1. CSV import through the UI.
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
  results.push(['CSV import, 10,000 rows: read and check', read]);
  results.push(['CSV import, 10,000 rows: save (one transaction)', save]);

  // 2. Start-up with 10,000 invoices and 30,000 events, restored from a backup.
  await page.goto(server.url + 'settings');
  await ready(page);
  await page.getByTestId('restore-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(await backup(), 'utf8') });
  await page.getByTestId('restore-preview').waitFor({ timeout: 120000 });
  const restore = await timed(
    () => page.getByTestId('restore-preview').getByRole('button', { name: 'Terugzetten' }).click(),
    () => page.getByTestId('restore-done').waitFor({ timeout: 120000 }),
  );
  results.push([`Restore backup: ${CUSTOMERS} customers, ${INVOICES} invoices, ${INVOICES * EVENTS_PER_INVOICE} events`, restore]);

  const loads = [];
  for (let run = 0; run < 3; run += 1) {
    await page.goto(server.url + 'invoices');
    await page.waitForFunction(() => performance.getEntriesByName('factuurwacht:data-loaded').length > 0, null, { timeout: 120000 });
    loads.push(await page.evaluate(() => performance.getEntriesByName('factuurwacht:data-loaded')[0].startTime));
  }
  const floors = [];
  for (let run = 0; run < 3; run += 1) {
    floors.push(
      await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const start = performance.now();
            const open = indexedDB.open('factuurwacht');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction(['customers', 'invoices', 'events']);
              let pending = 3;
              for (const store of ['customers', 'invoices', 'events']) {
                const request = tx.objectStore(store).getAll();
                request.onsuccess = () => {
                  pending -= 1;
                  if (pending === 0) {
                    open.result.close();
                    resolve(performance.now() - start);
                  }
                };
              }
            };
          }),
      ),
    );
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  results.push(['Start-up: navigation to data loaded (median of 3)', median(loads)]);
  results.push(['Floor: raw IndexedDB getAll of the same records (median of 3)', median(floors)]);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

const floor = results.at(-1)[1];
const width = Math.max(...results.map(([name]) => name.length));
console.log(`${'measure'.padEnd(width)}  ${'ms'.padStart(8)}  vs floor`);
for (const [name, ms] of results) {
  console.log(`${name.padEnd(width)}  ${ms.toFixed(1).padStart(8)}  ${(ms / floor).toFixed(2)}x`);
}
