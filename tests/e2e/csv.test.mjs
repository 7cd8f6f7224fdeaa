// CSV import and export through the real UI, with the kind of file other tools produce: a
// byte order mark, semicolons, a quoted line break, empty rows, a mistyped amount, an
// impossible date and a duplicate invoice number. Valid rows are imported, the others are
// reported by line, and nothing is saved until the user says so.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { fromStore, importCsv, listenForOtherTab, pickCsv, ready, useApp, watchedPage } from './browser.mjs';

const MESSY_CSV =
  '\uFEFFFactuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag incl. btw;Omschrijving\r\n' +
  '2026-001;Bakkerij Jansen;01-10-2026;31-10-2026;1.234,56;"Taart\r\nmet kaarsjes"\r\n' +
  '\r\n' +
  '2026-002;Marieke Pieters;02-10-2026;01-11-2026;€ 99,-;Cupcakes\r\n' +
  '2026-003;Bakkerij Jansen;03-10-2026;02-11-2026;1.234,5O;Brood\r\n' +
  '2026-004;Restaurant De Linde;31-02-2026;31-03-2026;250,00;Catering\r\n' +
  '2026-001;Bakkerij Jansen;05-10-2026;04-11-2026;10,00;Dubbel\r\n' +
  ';;;;;\r\n';

const app = useApp();

describe('CSV import and export', () => {
  test('valid rows are imported, bad rows are reported by line, and export gives them back', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin, { acceptDownloads: true });
    // A fixed day, so the list's "overdue" marks do not depend on when the test runs.
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await page.getByText('Je hebt nog geen facturen ingevoerd.').waitFor();

    await pickCsv(page, MESSY_CSV, 'export.csv');
    await page.getByTestId('csv-mapping').waitFor();
    // The columns were recognised from their Dutch names.
    assert.equal(await page.getByLabel('Factuurnummer').inputValue(), '0');
    assert.equal(await page.getByLabel('Bedrag incl. btw').inputValue(), '4');
    await page.getByRole('button', { name: 'Inlezen' }).click();

    const review = page.getByTestId('csv-review');
    await review.waitFor();
    const summary = await page.getByTestId('csv-summary').textContent();
    assert.match(summary, /^2 facturen en 2 nieuwe klanten klaar om op te slaan/);
    // The invoices as read, before anything is saved: which column gave which date, and
    // "€ 99,-" read as whole euros.
    const preview = page.getByTestId('csv-preview');
    assert.equal(await preview.locator('caption').textContent(), 'Zo zijn de facturen gelezen:');
    assert.deepEqual(
      await preview.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent))),
      [
        ['2026-001', 'Bakkerij Jansen', '01-10-2026', '31-10-2026', '€ 1.234,56'],
        ['2026-002', 'Marieke Pieters', '02-10-2026', '01-11-2026', '€ 99,00'],
      ],
    );
    const errors = await page.getByTestId('csv-errors').locator('li').allTextContents();
    assert.ok(errors.some((e) => /^Regel 6, bedrag/i.test(e) && e.includes('O')), errors.join('\n'));
    assert.ok(errors.some((e) => /^Regel 7, factuurdatum/i.test(e) && e.includes('februari')), errors.join('\n'));
    assert.ok(errors.some((e) => /^Regel 8: Factuurnummer 2026-001 stond al op regel 2/.test(e)), errors.join('\n'));

    // Nothing is stored before the user saves.
    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    await page.getByText('Je hebt nog geen klanten ingevoerd.').waitFor();
    await page.goBack();
    await importCsv(page, MESSY_CSV);

    const rows = page.locator('.invoice-table tbody tr');
    await rows.first().waitFor();
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    assert.deepEqual(cells, [
      ['2026-001', 'Bakkerij Jansen', '31-10-2026', '€ 1.234,56', '€ 1.234,56', 'Open · te laat'],
      ['2026-002', 'Marieke Pieters', '01-11-2026', '€ 99,00', '€ 99,00', 'Open · te laat'],
    ]);
    await page.reload();
    await ready(page);
    await page.locator('.invoice-table tbody tr').nth(1).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-export').click()]);
    const exported = await readFile(await download.path(), 'utf8');
    assert.ok(exported.startsWith('\uFEFF'), 'the export starts with a BOM for Excel');
    const lines = exported.slice(1).trim().split('\r\n');
    assert.equal(lines.length, 3);
    assert.match(lines[1], /^2026-001;Bakkerij Jansen;01-10-2026;31-10-2026;1234,56;0,00;1234,56;Open;\d+/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a full disk during the save is reported and nothing is stored', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await pickCsv(page, MESSY_CSV, 'export.csv');
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByTestId('csv-review').waitFor();
    // The browser runs out of quota on the third record of the transaction.
    await page.evaluate(() => {
      let writes = 0;
      const originals = {};
      for (const method of ['put', 'add']) {
        const original = (originals[method] = IDBObjectStore.prototype[method]);
        IDBObjectStore.prototype[method] = function (...args) {
          writes += 1;
          if (writes === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        };
      }
      window.freeSpace = () => Object.assign(IDBObjectStore.prototype, originals);
    });
    await page.getByTestId('csv-review').getByRole('button', { name: 'Opslaan' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /De opslag van deze browser is vol\..*Er is niets gewijzigd\./ });
    await alert.waitFor();
    assert.match(await alert.textContent(), /QuotaExceededError/);
    const stored = async () => [await fromStore(page, 'invoices', 'count'), await fromStore(page, 'customers', 'count')];
    assert.deepEqual(await stored(), [0, 0]);

    // Once there is room, the checked rows are saved with one click: the file need not be
    // picked and read again, and the rows left out are still listed to fix in the file.
    await page.evaluate(() => window.freeSpace());
    await page.getByTestId('csv-failed').getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.getByTestId('csv-saved').waitFor();
    assert.equal(await page.getByTestId('csv-saved').innerText(), '2 facturen opgeslagen.');
    const left = await page.getByTestId('csv-errors').locator('li').allTextContents();
    assert.ok(left.some((e) => /^Regel 6, bedrag/i.test(e)), left.join('\n'));
    assert.deepEqual(await stored(), [2, 2]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a browser that runs out of space as the save commits says the disk is full, and stores nothing', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    const rows = Array.from({ length: 2000 }, (_, i) => `Q-${i};Klant ${i % 40};01-10-2026;${100 + i},00`);
    await pickCsv(page, ['Factuurnummer;Klant;Factuurdatum;Bedrag', ...rows, ''].join('\r\n'));
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByTestId('csv-review').waitFor();
    // A real quota, just above what is stored: the browser accepts every record and refuses
    // the whole transaction when it commits.
    const origin = new URL(app.server.url).origin;
    const cdp = await context.newCDPSession(page);
    const { usage } = await page.evaluate(() => navigator.storage.estimate());
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 20_000 });
    await page.getByTestId('csv-review').getByRole('button', { name: 'Opslaan' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /De opslag van deze browser is vol\..*Er is niets gewijzigd\./ });
    await alert.waitFor();
    assert.match(await alert.textContent(), /QuotaExceededError/);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.reload();
    await ready(page);
    await page.getByText('Je hebt nog geen facturen ingevoerd.').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a review saved after another tab took one of its numbers is refused, and nothing is stored', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await pickCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\n2026-100;Bakkerij Jansen;01-10-2026;100,00\r\n2026-101;Marieke Pieters;01-10-2026;50,00\r\n');
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByTestId('csv-review').waitFor();
    const otherTabSaved = await listenForOtherTab(page);

    const other = await context.newPage();
    await other.goto(app.server.url + 'invoices');
    await ready(other);
    await importCsv(other, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\n2026-101;De Vries;02-10-2026;75,00\r\n');
    await otherTabSaved();
    await page.getByTestId('invoice-table').waitFor();

    await page.getByTestId('csv-review').getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').filter({ hasText: 'factuur 2026-101 bestaat intussen al. Lees het bestand opnieuw in.Er is niets gewijzigd.' }).waitFor();
    await page.reload();
    await ready(page);
    const rows = page.getByTestId('invoice-table').locator('tbody tr');
    assert.deepEqual(await rows.allInnerTexts().then((r) => r.map((t) => t.split('\t').slice(0, 2).join(' '))), ['2026-101 De Vries']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('closing the tab while a large import is being saved leaves all or nothing', async () => {
    const rows = ['Factuurnummer;Klant;Factuurdatum;Bedrag'];
    for (let i = 1; i <= 5000; i += 1) rows.push(`F-${i};Klant ${i % 300};01-10-2026;${i},50`);
    const csv = rows.join('\r\n');
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await pickCsv(page, csv, 'big.csv');
    await page.getByRole('button', { name: 'Inlezen' }).click();
    const review = page.getByTestId('csv-review');
    await review.waitFor();
    // The save is one transaction; the page counts the records it writes and notes when the
    // transaction has committed, so the close below is known to fall inside the save.
    await page.evaluate(() => {
      window.written = 0;
      window.committed = false;
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        window.written += 1;
        return put.apply(this, args);
      };
      const transaction = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (...args) {
        const tx = transaction.apply(this, args);
        if (tx.mode === 'readwrite') tx.addEventListener('complete', () => { window.committed = true; });
        return tx;
      };
    });
    await review.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForFunction(() => window.written > 0, null, { polling: 'raf' });
    const atClose = await page.evaluate(() => ({ written: window.written, committed: window.committed }));
    assert.equal(atClose.committed, false, 'the close comes before the import is stored');
    await page.close();
    assert.deepEqual(problems, []);

    const again = await context.newPage();
    again.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    again.on('console', (msg) => msg.type() === 'error' && problems.push(`console error: ${msg.text()}`));
    await again.goto(app.server.url + 'invoices');
    await ready(again);
    const stored = await again.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('factuurwacht');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['customers', 'invoices']);
            const counts = {};
            for (const store of ['customers', 'invoices']) {
              const request = tx.objectStore(store).count();
              request.onsuccess = () => { counts[store] = request.result; };
            }
            tx.oncomplete = () => resolve(counts);
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    // All of the import, its 300 new customers included, or none of it.
    assert.ok(
      [JSON.stringify({ customers: 0, invoices: 0 }), JSON.stringify({ customers: 300, invoices: 5000 })].includes(JSON.stringify(stored)),
      `a half-written import: ${JSON.stringify(stored)} after ${atClose.written} writes were issued`,
    );
    // The list shows what is stored.
    if (stored.invoices === 0) await again.getByText('Je hebt nog geen facturen ingevoerd.').waitFor();
    else assert.equal(await again.getByTestId('invoice-count').innerText(), '1–50 van 5000 facturen');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an Excel export in Windows-1252 keeps its accents and euro signs', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    const text = 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nW-1;Café Müller;01-10-2026;€ 12,50\r\n';
    // Node's "latin1" writes one byte per character; the euro sign is 0x80 in Windows-1252.
    const bytes = Buffer.from(text.replace('€', '\x80'), 'latin1');
    await page.getByTestId('csv-file').setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: bytes });
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByTestId('csv-review').getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('csv-saved').waitFor();
    const row = page.getByTestId('invoice-table').locator('tbody tr').first();
    assert.match(await row.innerText(), /Café Müller/);
    assert.match(await row.innerText(), /€ 12,50/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('slashed dates that fit both orders are read day first, or month first when the user says so', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await pickCsv(page, 'Invoice;Customer;Date;Due;Amount\r\nUS-1;Acme;02/01/2026;03/01/2026;100.00\r\n', 'us.csv');
    await page.getByRole('button', { name: 'Inlezen' }).click();
    const review = page.getByTestId('csv-review');
    assert.match(await review.getByTestId('csv-summary').innerText(), /gelezen met de dag eerst/);
    assert.match(await review.locator('tbody tr').first().innerText(), /02-01-2026/);
    await review.getByTestId('csv-month-first').click();
    await review.locator('tbody tr').first().getByText('01-02-2026').waitFor();
    const summary = await review.getByTestId('csv-summary').innerText();
    assert.match(summary, /maand\/dag\/jaar/);
    assert.doesNotMatch(summary, /dag eerst/);
    assert.equal(await review.getByTestId('csv-month-first').count(), 0);
    await review.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('csv-saved').waitFor();
    const [invoice] = await fromStore(page, 'invoices');
    assert.deepEqual([invoice.issue_date, invoice.due_date], ['2026-02-01', '2026-03-01']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a file that is not CSV at all is refused and changes nothing', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await pickCsv(page, '"open quote never closed\r\n', 'x.csv');
    await page.getByRole('alert').filter({ hasText: 'Er is niets gewijzigd' }).waitFor();
    // A header with nothing under it, as an export of an empty list is.
    await pickCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\n', 'leeg.csv');
    await page.getByRole('alert').filter({ hasText: 'alleen een kopregel' }).waitFor();
    await page.getByText('Je hebt nog geen facturen ingevoerd.').waitFor();
    // The reason follows a change of language, as the rest of the page does.
    await page.getByTestId('lang-switch').click();
    await page.getByRole('alert').filter({ hasText: 'This file has only a header line' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Nothing was changed.' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
