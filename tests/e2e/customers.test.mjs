// Customers through the real UI: a customer is added with the form (a mistyped email is
// refused next to its field and nothing is saved), shows in the list, has a page with links
// that open the mail and phone apps, is edited and keeps the change across a reload; an
// imported invoice shows up in the list's totals and on the customer's page; a restored
// dossier reads as one timeline; the screens speak English too; and a customer who reads
// English gets English drafts while the app stays in Dutch.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ROOT, fillBusiness, fromStore, holdStore, importCsv, pickCsv, ready, useApp, watchedPage } from './browser.mjs';


// Due long ago, so the invoice is overdue whatever day the test runs.
const ONE_INVOICE_CSV =
  'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag incl. btw;Omschrijving\r\n' +
  '2025-042;Bakkerij Jansen;01-12-2024;01-01-2025;1.234,56;Taarten\r\n';

const app = useApp();

/** The list's rows as text, one array of cells per customer. */
async function listRows(page) {
  const rows = page.locator('.customer-table tbody tr');
  await rows.first().waitFor();
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent.trim())));
}

describe('customers', () => {
  test('a customer who prefers a call is told that reminders still go in writing', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'customers/new');
    await ready(page);
    const channel = page.getByLabel('Voorkeurskanaal');
    assert.equal(await page.getByTestId('channel-hint').count(), 0);
    await channel.selectOption({ label: 'Telefoon' });
    assert.match(await page.getByTestId('channel-hint').innerText(), /^Herinneringen gaan altijd op schrift/);
    assert.equal(await channel.getAttribute('aria-describedby'), 'customer-channel-hint');
    await channel.selectOption({ label: 'Sms' });
    assert.equal(await page.getByTestId('channel-hint').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('add, view, edit and see an imported invoice on a customer', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'customers');
    await ready(page);
    await page.getByText('Je hebt nog geen klanten ingevoerd.').waitFor();

    await page.getByRole('link', { name: 'Klant toevoegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe klant' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/customers/new');
    await page.getByLabel('Naam', { exact: true }).fill('Bakkerij Jansen');
    await page.getByLabel('Soort klant').selectOption('business');
    await page.getByLabel('Contactpersoon').fill('Piet Jansen');
    await page.getByLabel('E-mail').fill('piet@bakkerij');
    await page.getByLabel('Telefoon').fill('06-12345678');
    await page.getByLabel('Straat en huisnummer').fill('Dorpsstraat 1');
    await page.getByLabel('Postcode').fill('1234ab');
    await page.getByLabel('Plaats').fill('Utrecht');
    await page.getByLabel('Voorkeurskanaal').selectOption('phone');
    await page.getByLabel('Beste moment om te bellen').selectOption('evening');
    await page.getByLabel('Notities').fill('Liever bellen na vijven.');

    // A mistyped email: the error sits right under the field, which points to it, and
    // nothing is stored.
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const emailError = page.getByTestId('customer-email-error');
    await emailError.waitFor();
    assert.match(await emailError.textContent(), /geen bruikbaar e-mailadres/);
    const email = page.getByLabel('E-mail');
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.equal(await email.getAttribute('aria-describedby'), 'customer-email-error');
    assert.equal(
      await email.evaluate((input) => input.nextElementSibling?.id),
      'customer-email-error',
      'the error follows its field',
    );
    assert.equal(await page.getByTestId('customer-phone-error').count(), 0, 'the phone number was fine');
    assert.equal(new URL(page.url()).pathname, '/customers/new');
    assert.equal(await fromStore(page, 'customers', 'count'), 0);

    await email.fill('piet@bakkerij.nl');
    await emailError.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Opslaan' }).click();

    // The customer's page, with one-tap links.
    await page.getByRole('heading', { level: 1, name: 'Bakkerij Jansen' }).waitFor();
    const customerPath = new URL(page.url()).pathname;
    assert.match(customerPath, /^\/customers\/c-[0-9a-f]+-[0-9a-f]+$/);
    assert.equal(await page.getByTestId('mailto').getAttribute('href'), 'mailto:piet@bakkerij.nl');
    assert.equal(await page.getByTestId('tel').getAttribute('href'), 'tel:0612345678');
    assert.equal(await page.getByTestId('sms').getAttribute('href'), 'sms:0612345678');
    const details = await page.locator('.details').allTextContents();
    assert.ok(details.some((d) => d.includes('Piet Jansen') && d.includes('1234 AB  Utrecht')), details.join('\n'));
    assert.ok(details.some((d) => d.includes('Voorkeurskanaal') && d.includes("'s Avonds") && d.includes('Zakelijk')), details.join('\n'));
    assert.equal(await page.getByTestId('notes').textContent(), 'Liever bellen na vijven.');
    await page.getByTestId('no-invoices').waitFor();
    await page.getByTestId('empty-timeline').waitFor();

    // The list, with zeros for a customer without invoices.
    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    assert.deepEqual(await listRows(page), [['Bakkerij Jansen', 'Zakelijk', '€ 0,00', '€ 0,00', '0', 'Geen facturen']]);

    // Edit from the customer's page; the change survives a reload.
    await page.getByRole('link', { name: 'Bakkerij Jansen' }).click();
    await page.getByRole('link', { name: 'Bewerken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Klant bewerken' }).waitFor();
    assert.equal(await page.getByLabel('Naam', { exact: true }).inputValue(), 'Bakkerij Jansen');
    assert.equal(await page.getByLabel('Voorkeurskanaal').inputValue(), 'phone');
    await page.getByLabel('Telefoon').fill('06 12 AB');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('customer-phone-error').waitFor();
    await page.getByLabel('Telefoon').fill('+31 (0)6 1234 5678');
    await page.getByLabel('Plaats').fill('Amersfoort');
    await page.getByLabel('Herinneren gepauzeerd').check();
    await page.getByLabel('Reden van de pauze').fill('Op vakantie');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bakkerij Jansen' }).waitFor();
    assert.equal(new URL(page.url()).pathname, customerPath);
    await page.reload();
    await ready(page);
    await page.getByTestId('tel').waitFor();
    assert.equal(await page.getByTestId('tel').getAttribute('href'), 'tel:+31612345678');
    assert.match(await page.locator('address').first().textContent(), /Amersfoort/);
    // The postcode typed without care is kept as the post writes it.
    assert.match(await page.locator('address').first().textContent(), /1234 AB/);
    assert.match(await page.getByTestId('paused').textContent(), /Herinneren gepauzeerd: Op vakantie/);
    assert.equal(await fromStore(page, 'customers', 'count'), 1);

    // An invoice imported for this customer by name counts in the list and shows on the page.
    await page.getByRole('navigation').getByRole('link', { name: 'Facturen', exact: true }).click();
    await importCsv(page, ONE_INVOICE_CSV);
    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    const rows = await listRows(page);
    assert.equal(rows.length, 1, 'the import found the existing customer');
    // The customer was paused above: the list says so beside the name.
    assert.deepEqual(rows[0].slice(0, 5), ['Bakkerij Jansen Gepauzeerd', 'Zakelijk', '€ 1.234,56', '€ 1.234,56', '1']);
    assert.match(rows[0][5], /^\d+ dagen te laat$/);
    await page.getByRole('link', { name: 'Bakkerij Jansen' }).click();
    const invoices = page.getByTestId('customer-invoices').locator('tbody tr');
    await invoices.first().waitFor();
    assert.deepEqual(
      await invoices.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent))),
      // The status reads as in the invoice list: an invoice long past its due date is late.
      [['2025-042', '01-01-2025', '€ 1.234,56', '€ 1.234,56', 'Open · te laat']],
    );
    // Above the rows, the figures of the customer list.
    assert.match(
      await page.getByTestId('customer-summary').innerText(),
      /^Openstaand € 1\.234,56 · te laat € 1\.234,56 · 1 open factuur · \d+ dagen te laat$/,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a save that is still being written when the user goes elsewhere is kept, and does not pull them back', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'customers/new');
    await ready(page);
    await page.getByLabel('Naam', { exact: true }).fill('Bakkerij Jansen');
    // A slow disk: the save waits while the user moves on to the invoices.
    const letGo = await holdStore(page, 'customers');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Facturen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Facturen' }).waitFor();
    await letGo();
    // The customer was stored, and the user stays where they went, with Back leading to the
    // form they left rather than past it.
    for (let tries = 0; (await fromStore(page, 'customers', 'count')) === 0; tries++) {
      assert.ok(tries < 50, 'the customer is stored');
      await page.waitForTimeout(100);
    }
    await page.waitForTimeout(300);
    assert.equal(new URL(page.url()).pathname, '/invoices');
    await page.getByRole('heading', { level: 1, name: 'Facturen' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe klant' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a name another customer has already, case and spacing aside, is pointed out with a link to that customer', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, ONE_INVOICE_CSV);
    await page.goto(app.server.url + 'customers/new');
    await ready(page);
    const name = page.getByLabel('Naam', { exact: true });
    await name.fill('Bakkerij Jans');
    assert.equal(await page.getByTestId('customer-namesake').count(), 0);
    await name.fill('bakkerij  jansen ');
    const warning = page.getByTestId('customer-namesake');
    assert.equal(
      await warning.innerText(),
      'Er is al een klant met deze naam: Bakkerij Jansen. Is het dezelfde klant, gebruik die dan. Zijn het er twee, maak de namen dan verschillend, bijvoorbeeld met de plaats.',
    );
    // The link leads to the customer who has the name.
    await warning.getByRole('link', { name: 'Bakkerij Jansen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bakkerij Jansen' }).waitFor();
    // Editing that customer itself raises no warning.
    await page.getByRole('link', { name: 'Bewerken' }).click();
    await page.getByLabel('Naam', { exact: true }).fill('Bakkerij  Jansen');
    assert.equal(await page.getByTestId('customer-namesake').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a new customer is written to in the language the app is in, unless the form says otherwise', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'customers/new');
    await ready(page);
    assert.equal(await page.locator('#customer-language').inputValue(), 'nl');
    await page.goto(app.server.url + 'settings');
    await ready(page);
    await page.getByLabel('English').check();
    await page.goto(app.server.url + 'customers/new');
    await ready(page);
    assert.equal(await page.locator('#customer-language').inputValue(), 'en');
    // So is a customer a CSV import creates.
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await pickCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nE-9;Acme Ltd;01-10-2026;100,00\r\n');
    await page.getByRole('button', { name: 'Read rows' }).click();
    await page.getByTestId('csv-review').getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('csv-saved').waitFor();
    assert.deepEqual((await fromStore(page, 'customers')).map((c) => [c.name, c.language]), [['Acme Ltd', 'en']]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a restored dossier reads as one timeline per customer, newest first', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'settings');
    await ready(page);
    const backup = await readFile(join(ROOT, 'tests/fixtures/backup-v1.json'));
    await page.getByTestId('restore-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
    await page.getByTestId('restore-preview').getByRole('button', { name: 'Terugzetten' }).click();
    await page.getByTestId('restore-done').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    const rows = await listRows(page);
    // Bakkerij Jansen's written-off invoice does not hide the other one, still unpaid and
    // the longest overdue, so Jansen comes first, marked by how late it is. Marieke Pieters
    // was paused when the backup was made, and the list says so beside her name.
    assert.deepEqual(rows.map((r) => r[0]), ['Bakkerij Jansen', 'Marieke Pieters Gepauzeerd']);
    assert.match(rows[0][5], /^\d+ dagen te laat$/);
    assert.equal(rows[1][1], 'Particulier');

    await page.getByRole('link', { name: 'Bakkerij Jansen' }).click();
    const items = page.getByTestId('timeline').locator('li');
    await items.first().waitFor();
    const timeline = await items.allTextContents();
    // Ten events of Bakkerij Jansen's two invoices; Marieke Pieters' are not among them.
    assert.equal(timeline.length, 10, timeline.join('\n'));
    assert.ok(timeline[0].startsWith('01-05-2026') && timeline[0].includes('Afgeschreven: Failliet'), timeline[0]);
    // A write-off came by no channel: the evidence names none rather than a guessed one.
    assert.ok(!timeline[0].includes('E-mail'), timeline[0]);
    assert.ok(timeline.some((t) => t.includes('Notitie: Gebeld 🙂') && t.includes('2026-001, 2026-002')), timeline.join('\n'));
    assert.ok(!timeline.some((t) => t.includes('Krap')), 'another customer\'s event');
    assert.ok(timeline.some((t) => t.includes('Betalingsherinnering verstuurd: “Herinnering factuur 2026-001”')), timeline.join('\n'));
    assert.ok(timeline.some((t) => t.includes('Telefoon') && t.includes('Gebeld, geen gehoor')), timeline.join('\n'));
    assert.ok(timeline.some((t) => t.includes('Beloofd € 600,00 te betalen op 01-03-2026')), timeline.join('\n'));
    assert.ok(timeline.at(-1).startsWith('05-02-2026'), timeline.at(-1));
    // No mail link for an address the customer does not have: this one has no phone.
    assert.equal(await page.getByTestId('tel').count(), 0);
    assert.equal(await page.getByTestId('mailto').getAttribute('href'), 'mailto:info@jansen.example');

    // On a 360 px phone the page, the list and the form fit without scrolling sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(await fits(), 'the customer page scrolls sideways at 360 px');
    await page.getByRole('link', { name: 'Bewerken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Klant bewerken' }).waitFor();
    assert.ok(await fits(), 'the form scrolls sideways at 360 px');
    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    await listRows(page);
    assert.ok(await fits(), 'the list scrolls sideways at 360 px');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a pause for the whole customer stops the chase, is explained on the invoice, and goes on record', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;E-mail;Factuurdatum;Vervaldatum;Bedrag\r\nP-1;Studio Pauze;post@pauze.example;01-09-2026;01-10-2026;500,00\r\n');
    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    await page.getByRole('link', { name: 'Studio Pauze' }).click();
    await page.getByTestId('edit-customer').click();
    await page.getByLabel('Herinneren gepauzeerd').check();
    await page.getByLabel('Reden van de pauze').fill('Ziekenhuis');
    await page.getByTestId('save-customer').click();
    await page.getByRole('heading', { level: 1, name: 'Studio Pauze' }).waitFor();

    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await page.getByTestId('invoice-table').getByRole('link', { name: 'P-1' }).click();
    assert.equal(
      await page.getByTestId('no-step').innerText(),
      'Herinneren is gepauzeerd voor deze klant (Ziekenhuis). Hervat het bij de klant, onder Bewerken.',
    );
    assert.match(await page.getByTestId('timeline').innerText(), /Herinneren gepauzeerd voor alle facturen van deze klant: Ziekenhuis/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('entries logged on one day read back in the order they were logged, after a reload too', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    // A fixed clock makes every record of the test share one millisecond.
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\nV-1;Volgorde BV;01-09-2026;01-10-2026;500,00\r\n');
    await page.getByTestId('invoice-table').getByRole('link', { name: 'V-1' }).click();
    const notes = ['eerste', 'tweede', 'derde', 'vierde', 'vijfde'];
    for (const text of notes) {
      await page.getByTestId('act-note').click();
      await page.getByTestId('form-note').getByLabel('Notitie').fill(text);
      await page.getByTestId('save-note').click();
      await page.getByTestId('notice').waitFor();
    }
    const order = async () =>
      (await page.getByTestId('timeline').locator('li').allTextContents()).map((t) => notes.find((n) => t.includes(n)));
    const newestFirst = [...notes].reverse();
    assert.deepEqual(await order(), newestFirst);
    await page.reload();
    await ready(page);
    await page.getByTestId('timeline').waitFor();
    assert.deepEqual(await order(), newestFirst);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the customer screens speak English', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'customers/new');
    await ready(page);
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { level: 1, name: 'New customer' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Corner Shop');
    await page.getByLabel('Type of customer').selectOption('consumer');
    await page.getByLabel('Email').fill('not an email');
    await page.getByRole('button', { name: 'Save' }).click();
    assert.match(await page.getByTestId('customer-email-error').textContent(), /not a usable email address/);
    await page.getByLabel('Email').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Corner Shop' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Invoices' }).waitFor();
    await page.getByText('This customer has no invoices yet.').waitFor();
    await page.getByRole('link', { name: 'Edit' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Customers', exact: true }).click();
    assert.deepEqual(await listRows(page), [['Corner Shop', 'Consumer', '€0.00', '€0.00', '0', 'No invoices']]);
    assert.deepEqual(
      await page.locator('.customer-table thead th').allTextContents(),
      ['Name', 'Type', 'Outstanding', 'Overdue', 'Open invoices', 'Most serious status'],
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a customer whose messages are in English gets English drafts while the app stays Dutch', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    // Both a day late, so each gets its first reminder today.
    await importCsv(
      page,
      'Factuurnummer;Klant;E-mail;Factuurdatum;Vervaldatum;Bedrag\r\n' +
        'E-1;Corner Shop Ltd;accounts@corner.example;23-10-2026;22-11-2026;100,00\r\n' +
        'N-1;Bakkerij Jansen;info@jansen.example;23-10-2026;22-11-2026;200,00\r\n',
    );
    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    await page.getByRole('link', { name: 'Corner Shop Ltd' }).click();
    await page.getByTestId('edit-customer').click();
    await page.getByLabel('Taal van de berichten').selectOption({ label: 'Engels' });
    await page.getByTestId('save-customer').click();
    await page.getByRole('heading', { level: 1, name: 'Corner Shop Ltd' }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
    await page.getByTestId('todo').filter({ hasText: 'E-1' }).getByTestId('compose').click();
    await page.getByTestId('composer').waitFor();
    // The screen around the draft is still Dutch.
    assert.equal(await page.getByTestId('compose-step').innerText(), 'Eerste herinnering sturen · E-mail · Corner Shop Ltd');
    const subject = await page.getByLabel('Onderwerp').inputValue();
    const body = await page.getByLabel('Tekst').inputValue();
    assert.equal(subject, 'Payment reminder: invoice E-1');
    assert.match(body, /^Dear /);
    // English amounts and dates: the pay-by date is a week from today.
    for (const needle of ['I have not yet received payment for this invoice', 'Could you transfer €100.00 by 30 November 2026', 'Kind regards,']) {
      assert.ok(body.includes(needle), `the draft says "${needle}":\n${body}`);
    }
    for (const dutch of ['Beste', 'Met vriendelijke groet', '€ 100,00', '30-11-2026']) {
      assert.ok(!body.includes(dutch), `no Dutch "${dutch}" in the draft:\n${body}`);
    }

    // The Dutch customer's draft stays Dutch: the language is the customer's, not the app's.
    await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
    await page.getByTestId('todo').filter({ hasText: 'N-1' }).getByTestId('compose').click();
    await page.getByTestId('composer').waitFor();
    assert.equal(await page.getByLabel('Onderwerp').inputValue(), 'Betalingsherinnering factuur N-1');
    assert.match(await page.getByLabel('Tekst').inputValue(), /uiterlijk op 30 november 2026/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a first invoice that needs a customer first comes back to the invoice form with that customer', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices/new');
    await ready(page);
    await page.getByText('Een factuur hoort bij een klant. Voeg eerst een klant toe.').waitFor();
    await page.getByRole('link', { name: 'Klant toevoegen' }).click();
    await page.getByLabel('Naam', { exact: true }).fill('Atelier Zon');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('invoice-form').waitFor();
    assert.equal(new URL(page.url()).pathname, '/invoices/new');
    const picked = await page.locator('#invoice-customer option:checked').innerText();
    assert.equal(picked.trim(), 'Atelier Zon');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
