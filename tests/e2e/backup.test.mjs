// Backup and restore through the real UI: a backup file is restored, shows its data, is
// downloaded again with exactly the same content, and bad files are refused with a reason
// while the data stays as it was. A restored customer's printed dossier holds their own
// invoices and entries only.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ROOT, importCsv, pickCsv, ready, useApp, watchedPage } from './browser.mjs';

const FIXTURE = join(ROOT, 'tests/fixtures/backup-v1.json');

const app = useApp();
let fixtureText;
let fixture;

before(async () => {
  fixtureText = await readFile(FIXTURE, 'utf8');
  fixture = JSON.parse(fixtureText);
});

async function openSettings() {
  const watched = await watchedPage(app.browser, app.origin, { acceptDownloads: true });
  await watched.page.goto(app.server.url + 'settings');
  await ready(watched.page);
  return watched;
}

function file(name, text) {
  return { name, mimeType: 'application/json', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8') };
}

async function restore(page, name, text) {
  await page.getByTestId('restore-file').setInputFiles(file(name, text));
}

async function customerNames(page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Klanten' }).waitFor();
  const list = page.locator('.customer-table tbody th a');
  return (await list.allTextContents()).sort();
}

describe('backup and restore', () => {
  test('a restored backup downloads again with exactly the same data, and survives a reload', async () => {
    const { context, page, problems } = await openSettings();
    await restore(page, 'backup.json', fixtureText);
    const preview = page.getByTestId('restore-preview');
    await preview.waitFor();
    assert.match(await preview.textContent(), /2 klanten, 3 facturen/);
    assert.match(await preview.textContent(), /Gemaakt op 22-11-2026 met versie 0\.1\.0\./);
    assert.match(await page.getByTestId('restore-plan').textContent(), /Klanten: 2 nieuw/);
    await preview.getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByTestId('restore-done').waitFor();

    assert.deepEqual(await customerNames(page), ['Bakkerij Jansen', 'Marieke Pieters']);
    await page.reload();
    await ready(page);
    await page.locator('.customer-table tbody th a').nth(1).waitFor();
    assert.deepEqual((await page.locator('.customer-table tbody th a').allTextContents()).sort(), ['Bakkerij Jansen', 'Marieke Pieters']);

    await page.getByRole('navigation').getByRole('link', { name: 'Instellingen', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Back-up downloaden' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^factuurwacht-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    // The app writes the current format: the one setting version 2 added reads as off.
    const current = { ...fixture, format_version: 2, settings: { ...fixture.settings, consumer_damages_clause: false } };
    for (const key of ['format', 'format_version', 'settings', 'customers', 'invoices', 'events']) {
      assert.deepEqual(exported[key], current[key], `${key} differs after a round trip`);
    }
    assert.match(await page.getByTestId('last-backup').textContent(), /Laatste back-up: \d{2}-\d{2}-\d{4}/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a merge names the records whose changes since the backup it would take back', async () => {
    const { context, page, problems } = await openSettings();
    await restore(page, 'backup.json', fixtureText);
    await page.getByTestId('restore-preview').getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByTestId('restore-done').waitFor();
    // A change made after the backup was.
    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    await page.getByRole('link', { name: 'Marieke Pieters' }).click();
    await page.getByTestId('edit-customer').click();
    await page.getByLabel('Telefoon').fill('06 12345678');
    await page.getByTestId('save-customer').click();
    await page.getByRole('heading', { level: 1, name: 'Marieke Pieters' }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Instellingen', exact: true }).click();
    await restore(page, 'backup.json', fixtureText);
    const preview = page.getByTestId('restore-preview');
    await preview.getByText('Samenvoegen:', { exact: false }).click();
    assert.match(await page.getByTestId('restore-plan').textContent(), /Klanten: 0 nieuw, 1 bijgewerkt, 1 ongewijzigd/);
    assert.equal(
      await page.getByTestId('restore-overwrites').textContent(),
      'Deze krijgen de versie uit het bestand: klant "Marieke Pieters". Wat je daarin hebt gewijzigd nadat de back-up is gemaakt, gaat verloren.',
    );
    // Warned, the user keeps the change by not restoring.
    await preview.getByRole('button', { name: 'Annuleren' }).click();
    await page.reload();
    await ready(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    await page.getByRole('link', { name: 'Marieke Pieters' }).click();
    await page.getByText('06 12345678').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a merge, the choice where there is data, keeps a record this tab had not read yet', async () => {
    const { context, page, problems } = await openSettings();
    await restore(page, 'backup.json', fixtureText);
    await page.getByTestId('restore-preview').getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByTestId('restore-done').waitFor();
    // A customer stored behind this tab's back, as a tab that could not announce it would.
    await page.evaluate(() => new Promise((done, fail) => {
      indexedDB.open('factuurwacht').onsuccess = (ev) => {
        const db = ev.target.result;
        const tx = db.transaction('customers', 'readwrite');
        const customers = tx.objectStore('customers');
        customers.getAll().onsuccess = (e) => {
          customers.put({ ...e.target.result[0], id: 'c-elsewhere', name: 'Fietsenmaker Bos' });
        };
        tx.oncomplete = () => { db.close(); done(); };
        tx.onerror = () => fail(tx.error);
      };
    }));

    const other = structuredClone(fixture);
    other.customers[0].name = 'Bakkerij Jansen & Zn.';
    await restore(page, 'other.json', JSON.stringify(other));
    const preview = page.getByTestId('restore-preview');
    assert.equal(await preview.getByLabel('Samenvoegen:', { exact: false }).isChecked(), true);
    assert.equal(await page.getByTestId('restore-keep-copy').count(), 0);
    // Replacing offers a copy of what it would remove first.
    await preview.getByText('Vervangen:', { exact: false }).click();
    const [copy] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('restore-keep-copy').getByRole('button', { name: 'Huidige gegevens downloaden' }).click(),
    ]);
    assert.equal(JSON.parse(await readFile(await copy.path(), 'utf8')).customers.length, 2);
    await preview.getByText('Samenvoegen:', { exact: false }).click();
    await preview.getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByTestId('restore-done').waitFor();

    await page.reload();
    await ready(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    await page.locator('.customer-table tbody th a').nth(2).waitFor();
    assert.deepEqual(await customerNames(page), ['Bakkerij Jansen & Zn.', 'Fietsenmaker Bos', 'Marieke Pieters']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a merge onto a device never set up brings the settings along, and a failed restore is tried again in one click', async () => {
    const { context, page, problems } = await openSettings();
    // A device where only a CSV was imported: data, but settings never filled in.
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(
      page,
      'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nX-1;Fietsenmaker Bos;01-10-2026;100,00\r\nX-2;Bakkerij Jansen;01-10-2026;50,00\r\n',
    );
    await page.goto(app.server.url + 'settings');
    await ready(page);
    const storedSettings = () => page.evaluate(() => localStorage.getItem('factuurwacht.settings.v1'));
    assert.equal(await storedSettings(), null);

    await restore(page, 'backup.json', fixtureText);
    const preview = page.getByTestId('restore-preview');
    assert.equal(await preview.getByLabel('Samenvoegen:', { exact: false }).isChecked(), true);
    assert.match(
      await page.getByTestId('restore-plan').textContent(),
      /Klanten: 2 nieuw.*Je instellingen waren nog niet ingevuld en worden die van de back-up\./,
    );
    // The customer typed here and the one in the backup are two records under one name.
    assert.equal(
      await page.getByTestId('restore-overwrites').textContent(),
      'Deze klanten staan hier al onder dezelfde naam, maar zijn los van de back-up ingevoerd; samenvoegen zet ze er een tweede keer bij: Bakkerij Jansen.',
    );
    // The browser refuses the first try: nothing changes, and the file stays picked and checked.
    await page.evaluate(() => {
      const originals = {};
      for (const method of ['put', 'add']) {
        const original = (originals[method] = IDBObjectStore.prototype[method]);
        IDBObjectStore.prototype[method] = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      }
      window.freeSpace = () => Object.assign(IDBObjectStore.prototype, originals);
    });
    await preview.getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByTestId('restore-failed').filter({ hasText: /De opslag van deze browser is vol\..*Er is niets gewijzigd\./ }).waitFor();
    assert.equal(await storedSettings(), null);

    await page.evaluate(() => window.freeSpace());
    await preview.getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByTestId('restore-done').waitFor();
    assert.equal(JSON.parse(await storedSettings()).business.name, fixture.settings.business.name);
    assert.equal(await page.locator('#setting-name').inputValue(), fixture.settings.business.name);
    await page.reload();
    await ready(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    await page.locator('.customer-table tbody th a').nth(3).waitFor();
    assert.deepEqual(await customerNames(page), ['Bakkerij Jansen', 'Bakkerij Jansen', 'Fietsenmaker Bos', 'Marieke Pieters']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a backup of data that a restore would refuse still downloads, with a warning, and is not counted', async () => {
    const { context, page, problems } = await openSettings();
    await restore(page, 'backup.json', fixtureText);
    await page.getByTestId('restore-preview').getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByTestId('restore-done').waitFor();
    await page.evaluate(() => localStorage.removeItem('factuurwacht.last-backup'));
    // Damage the stored data the way no screen of the app can: two invoices, one number.
    await page.evaluate(() => new Promise((done) => {
      indexedDB.open('factuurwacht').onsuccess = (ev) => {
        const tx = ev.target.result.transaction('invoices', 'readwrite');
        tx.objectStore('invoices').openCursor().onsuccess = (e) => {
          const cursor = e.target.result;
          if (!cursor) return;
          cursor.update({ ...cursor.value, number: 'F-1' });
          cursor.continue();
        };
        tx.oncomplete = done;
      };
    }));
    await page.reload();
    await ready(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Back-up downloaden' }).click(),
    ]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(exported.invoices.length, fixture.invoices.length);
    const warning = page.getByRole('alert').filter({ hasText: 'De back-up is gedownload, maar terugzetten zou hem weigeren:' });
    assert.match(await warning.textContent(), /F-1/);
    assert.match(await page.getByTestId('last-backup').textContent(), /nog geen back-up gemaakt/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a restore the browser refuses, in localStorage or in IndexedDB, changes neither data nor settings', async () => {
    const { context, page, problems } = await openSettings();
    await restore(page, 'backup.json', fixtureText);
    await page.getByTestId('restore-preview').getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByTestId('restore-done').waitFor();
    const storedSettings = () => page.evaluate(() => localStorage.getItem('factuurwacht.settings.v1'));
    const settingsBefore = await storedSettings();
    assert.match(settingsBefore, /Klusbedrijf De Vries/);

    const other = structuredClone(fixture);
    other.settings.business.name = 'Ander Bedrijf';
    other.customers[0].name = 'Bakkerij Anders';
    const full = page.getByRole('alert').filter({ hasText: /De opslag van deze browser is vol\..*Er is niets gewijzigd\./ });
    const attempt = async () => {
      await restore(page, 'other.json', JSON.stringify(other));
      await page.getByTestId('restore-preview').getByText('Vervangen:', { exact: false }).click();
      await page.getByTestId('restore-preview').getByRole('button', { name: 'Terugzetten' }).click();
      await full.waitFor();
      assert.equal(await storedSettings(), settingsBefore);
      assert.deepEqual(await customerNames(page), ['Bakkerij Jansen', 'Marieke Pieters']);
      await page.getByRole('navigation').getByRole('link', { name: 'Instellingen', exact: true }).click();
    };

    // First localStorage refuses the settings.
    await page.evaluate(() => {
      const setItem = Storage.prototype.setItem;
      window.allowStorage = () => { Storage.prototype.setItem = setItem; };
      Storage.prototype.setItem = function (key, value) {
        if (key.startsWith('factuurwacht.settings')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await attempt();

    // Then localStorage takes the settings and IndexedDB refuses the third record: the
    // settings are only stored once the database has committed, so they stay as they were.
    await page.evaluate(() => {
      window.allowStorage();
      const add = IDBObjectStore.prototype.add;
      let writes = 0;
      IDBObjectStore.prototype.add = function (...args) {
        writes += 1;
        if (writes === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return add.apply(this, args);
      };
    });
    await attempt();

    await page.reload();
    await ready(page);
    assert.equal(await storedSettings(), settingsBefore);
    assert.deepEqual(await customerNames(page), ['Bakkerij Jansen', 'Marieke Pieters']);

    // A reload while the restore waits for the database leaves both as they were too. Another
    // tab holds a write on every store, so the restore's transaction queues behind it.
    const holder = await context.newPage();
    await holder.goto(app.server.url + 'about');
    await ready(holder);
    await holder.evaluate(() => new Promise((holding) => {
      const open = indexedDB.open('factuurwacht');
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction([...db.objectStoreNames], 'readwrite');
        const store = tx.objectStore(db.objectStoreNames[0]);
        window.release = false;
        const keepBusy = () => { if (!window.release) store.count().onsuccess = keepBusy; };
        keepBusy();
        holding();
      };
    }));
    await page.getByRole('navigation').getByRole('link', { name: 'Instellingen', exact: true }).click();
    await restore(page, 'other.json', JSON.stringify(other));
    await page.getByTestId('restore-preview').getByText('Vervangen:', { exact: false }).click();
    await page.getByTestId('restore-preview').getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByText('Bezig met terugzetten').waitFor();
    await page.reload();
    await holder.evaluate(() => { window.release = true; });
    await ready(page);
    assert.equal(await storedSettings(), settingsBefore);
    assert.deepEqual(await customerNames(page), ['Bakkerij Jansen', 'Marieke Pieters']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('with unreadable stored data there is no empty backup and no merge, and replacing recovers', async () => {
    const { context, page, problems } = await openSettings();
    await restore(page, 'backup.json', fixtureText);
    await page.getByTestId('restore-preview').getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByTestId('restore-done').waitFor();
    // One record that no version of the app wrote makes the stored data unreadable.
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('factuurwacht');
          open.onsuccess = () => {
            const tx = open.result.transaction('invoices', 'readwrite');
            tx.objectStore('invoices').put({ id: 'zz', weird: true });
            tx.oncomplete = () => { open.result.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await ready(page);

    let downloaded = false;
    page.on('download', () => { downloaded = true; });
    await page.getByRole('button', { name: 'Back-up downloaden' }).click();
    await page.getByRole('alert').filter({ hasText: 'het bestand zou leeg zijn' }).waitFor();
    assert.equal(downloaded, false);
    assert.equal(await page.getByTestId('last-backup').textContent(), 'Je hebt op dit apparaat nog geen back-up gemaakt.');
    // The CSV export would be empty just the same.
    await page.getByRole('navigation').getByRole('link', { name: 'Facturen', exact: true }).click();
    await page.getByTestId('csv-export').click();
    await page.getByRole('alert').filter({ hasText: 'het bestand zou leeg zijn' }).waitFor();
    assert.equal(downloaded, false);
    // An import could not recognise what is stored already, so it stores nothing.
    await pickCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\n2026-001;Bakkerij Jansen;01-10-2026;100,00\r\n');
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByRole('alert').filter({ hasText: 'zouden dubbel worden opgeslagen. Er is niets geïmporteerd.' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Instellingen', exact: true }).click();

    await restore(page, 'backup.json', fixtureText);
    const preview = page.getByTestId('restore-preview');
    await preview.getByText('Samenvoegen:', { exact: false }).click();
    assert.match(await page.getByTestId('restore-plan').textContent(), /Samenvoegen kan niet/);
    assert.equal(await preview.getByRole('button', { name: 'Terugzetten' }).isDisabled(), true);
    await preview.getByText('Vervangen:', { exact: false }).click();
    assert.match(await page.getByTestId('restore-plan').textContent(), /konden niet worden gelezen; ze worden vervangen/);
    await preview.getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByTestId('restore-done').waitFor();
    assert.deepEqual(await customerNames(page), ['Bakkerij Jansen', 'Marieke Pieters']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a restore in one tab shows in another open tab without a reload', async () => {
    const { context, page: first, problems } = await openSettings();
    const second = await context.newPage();
    second.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await second.goto(app.server.url + 'customers');
    await ready(second);
    await second.getByText('Je hebt nog geen klanten ingevoerd.').waitFor();

    await restore(first, 'backup.json', fixtureText);
    await first.getByTestId('restore-preview').getByRole('button', { name: 'Terugzetten' }).click();
    await first.getByTestId('restore-done').waitFor();

    await second.locator('.customer-table tbody th a', { hasText: 'Marieke Pieters' }).waitFor();
    assert.deepEqual((await second.locator('.customer-table tbody th a').allTextContents()).sort(), ['Bakkerij Jansen', 'Marieke Pieters']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Settings says whether storage is persistent, and the app nudges after 30 days without a backup', async () => {
    const { context, page, problems } = await openSettings();
    // Chromium keeps a site's data only best-effort until the site is granted persistence,
    // which a page opened once is not: the app says so and offers to ask.
    const status = page.getByTestId('storage-status');
    await status.waitFor();
    assert.equal(
      await status.textContent(),
      'De browser mag je gegevens wissen als de schijf vol raakt. Vraag om blijvende opslag en maak regelmatig een back-up.',
    );
    await page.getByRole('button', { name: 'Vraag om blijvende opslag' }).waitFor();

    await restore(page, 'backup.json', fixtureText);
    await page.getByTestId('restore-preview').getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByTestId('restore-done').waitFor();
    assert.equal(await page.getByTestId('backup-nudge').count(), 0, 'no nudge on the first day');

    // Pretend the app was first used 40 days ago and never backed up.
    await page.evaluate(() => {
      const d = new Date(Date.now() - 40 * 86400000);
      const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      localStorage.setItem('factuurwacht.first-use', iso);
      localStorage.removeItem('factuurwacht.last-backup');
    });
    await page.reload();
    await ready(page);
    const nudge = page.getByTestId('backup-nudge');
    await nudge.waitFor();
    assert.match(await nudge.textContent(), /al 40 dagen en hebt nog nooit een back-up gemaakt/);

    // Making a backup ends the nudge at once, and for good.
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back-up downloaden' }).click()]);
    await nudge.waitFor({ state: 'detached' });
    await page.reload();
    await ready(page);
    await page.getByTestId('last-backup').waitFor();
    assert.equal(await page.getByTestId('backup-nudge').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a restored customer's printed dossier lists their invoices and entries, and nothing of another customer", async () => {
    const { context, page, problems } = await openSettings();
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
    await restore(page, 'backup.json', fixtureText);
    await page.getByTestId('restore-preview').getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByTestId('restore-done').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    await page.getByRole('link', { name: 'Bakkerij Jansen' }).click();
    await page.getByRole('link', { name: 'Dossier afdrukken' }).click();
    const dossier = page.getByTestId('dossier');
    await dossier.getByRole('heading', { level: 1, name: 'Dossier Bakkerij Jansen' }).waitFor();
    const facts = await dossier.locator('.dossier-facts li').allTextContents();
    assert.ok(facts.includes('Klant: Bakkerij Jansen (zakelijk)'), facts.join('\n'));
    assert.deepEqual(facts.filter((f) => f.startsWith('Factuur ')), [
      'Factuur 2026-001 van 05-01-2026, vervalt 04-02-2026: € 1.250,00, openstaand € 650,00 (deels betaald)',
      'Factuur 2026-002 van 19-01-2026, vervalt 18-02-2026: € 480,50, openstaand € 480,50 (afgeschreven)',
    ]);
    // The written-off invoice is not claimed: the total is what the customer list shows.
    assert.ok(facts.includes('Totaal openstaand: € 650,00'), facts.join('\n'));
    // Every entry of both invoices, oldest first, as an agency reads a history; the note
    // about both invoices once, naming both.
    assert.deepEqual(await dossier.locator('.dossier-entry-head').allTextContents(), [
      '05-02-2026 · E-mail · Betalingsherinnering verstuurd: “Herinnering factuur 2026-001” · 2026-001',
      '20-02-2026 · Telefoon · Gebeld, geen gehoor · 2026-001',
      '24-02-2026 · E-mail · Afspraak gehad: Koffie · 2026-001',
      '24-02-2026 · Beloofd € 600,00 te betalen op 01-03-2026 · 2026-001',
      '25-02-2026 · Bezwaar gemaakt: Te duur · 2026-002',
      '26-02-2026 · Bezwaar opgelost: Uitgelegd · 2026-002',
      '01-03-2026 · Betaling van € 600,00 ontvangen: Deelbetaling · 2026-001',
      '21-03-2026 · Notitie: Gebeld 🙂 · 2026-001, 2026-002',
      '01-04-2026 · Overgedragen aan Incasso Noord · 2026-002',
      '01-05-2026 · Afgeschreven: Failliet · 2026-002',
    ]);
    // The reminder that was sent is there word for word.
    assert.match(await dossier.locator('.dossier-text').first().textContent(), /Beste meneer Jansen,\n\nWilt u \.\.\./);
    const text = await dossier.innerText();
    for (const other of ['Marieke Pieters', '2026-003', 'Krap', 'Betalingsregeling', 'Vakantie']) {
      assert.ok(!text.includes(other), `Bakkerij Jansen's dossier shows "${other}" of another customer:\n${text}`);
    }

    // The other way round: Marieke Pieters' dossier holds her one invoice and none of Jansen's.
    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    await page.getByRole('link', { name: 'Marieke Pieters' }).click();
    await page.getByRole('link', { name: 'Dossier afdrukken' }).click();
    await dossier.getByRole('heading', { level: 1, name: 'Dossier Marieke Pieters' }).waitFor();
    assert.deepEqual((await dossier.locator('.dossier-facts li').allTextContents()).filter((f) => f.startsWith('Factuur ')), [
      'Factuur 2026-003 van 02-02-2026, vervalt 04-03-2026: € 99,95, openstaand € 99,95 (open)',
    ]);
    assert.equal(await dossier.locator('.dossier-entry-head').count(), 4);
    const hers = await dossier.innerText();
    for (const other of ['Bakkerij Jansen', '2026-001', '2026-002', 'Gebeld', 'Failliet', 'Incasso Noord']) {
      assert.ok(!hers.includes(other), `Marieke Pieters' dossier shows "${other}" of another customer:\n${hers}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  const BAD_FILES = [
    { name: 'truncated JSON', text: () => fixtureText.slice(0, Math.floor(fixtureText.length / 2)), reason: /afgebroken/ },
    { name: 'a JSON file of another app', text: () => '{"name":"my-package","version":"1.0.0"}', reason: /geen back-up van Factuurwacht/ },
    {
      name: 'a backup saved again in Windows-1252',
      text: () => Buffer.from(fixtureText.replace('Bakkerij Jansen', 'Bakkerij Jansén'), 'latin1'),
      reason: /andere tekenset dan UTF-8/,
    },
    { name: 'a backup from a future version', text: () => JSON.stringify({ ...fixture, format_version: 99 }), reason: /nieuwere versie/ },
    {
      name: 'an invoice pointing at a missing customer',
      text: () => JSON.stringify({ ...fixture, invoices: fixture.invoices.map((i) => ({ ...i, customer_id: 'nobody' })) }),
      // The first invoice in the file is the one named, by number, place and id.
      reason:
        'Factuur 2026-001 (nr. 1 in het bestand, id "i1") hoort bij de klant met id "nobody", maar die klant bestaat niet. Het bestand is waarschijnlijk onvolledig of beschadigd.',
    },
  ];

  for (const bad of BAD_FILES) {
    test(`${bad.name} is refused with a reason and changes nothing`, async () => {
      const { context, page, problems } = await openSettings();
      await restore(page, 'good.json', fixtureText);
      await page.getByTestId('restore-preview').getByRole('button', { name: 'Terugzetten' }).click();
      await page.getByTestId('restore-done').waitFor();

      await restore(page, 'bad.json', bad.text());
      const refusal = page.getByTestId('restore-refused');
      await refusal.waitFor();
      // A reason given as text is the refusal's whole first sentence; a pattern, a part of it.
      if (typeof bad.reason === 'string') assert.equal(await refusal.locator('p').first().textContent(), bad.reason);
      else assert.match(await refusal.textContent(), bad.reason);
      assert.match(await refusal.textContent(), /Er is niets gewijzigd/);
      assert.deepEqual(await customerNames(page), ['Bakkerij Jansen', 'Marieke Pieters']);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
