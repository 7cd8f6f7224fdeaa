// The settings form: mistakes are shown next to their fields and nothing is saved; correct
// settings are kept across a reload and go straight into the drafts, the chase schedule and
// the thresholds.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { fillBusiness, importCsv, ready, useApp, watchedPage } from './browser.mjs';
import { chaseHelpers } from './chase.mjs';

const TODAY = new Date('2026-11-23T10:00:00');
const CSV = 'Factuurnummer;Klant;E-mail;Factuurdatum;Vervaldatum;Bedrag\r\nA-1;Jansen;info@jansen.example;23-10-2026;22-11-2026;100,00\r\n';

const app = useApp();
const { at, openInvoice, expectStep, compose, sendStep } = chaseHelpers(app);

/** Fills in `fields` (label to text) on a fresh Settings page and saves them. */
async function saveSettings(page, fields) {
  await page.goto(app.server.url + 'settings');
  await ready(page);
  const form = page.getByTestId('settings-form');
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  await page.getByTestId('save-settings').click();
  await page.getByTestId('settings-saved').waitFor();
}

/** Settings open in two tabs of one browser, as a user with the app open twice has it. */
async function twoSettingsTabs() {
  const { context, page: first, problems } = await watchedPage(app.browser, app.origin);
  await first.goto(app.server.url + 'settings');
  await ready(first);
  const second = await context.newPage();
  second.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await second.goto(app.server.url + 'settings');
  await ready(second);
  return { context, first, second, problems };
}

const SCHEDULE = {
  'Herinnering vooraf: dagen vóór de vervaldatum': '5',
  'Eerste herinnering: dagen na de vervaldatum': '5',
  'Tweede herinnering: dagen na de vervaldatum': '13',
  'Laatste herinnering: dagen na de vervaldatum': '22',
};

describe('settings', () => {
  test('settings that cannot be read are announced on every page, and kept out of a counted backup, until new ones are saved here or in another tab', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'about');
    await ready(page);
    await page.evaluate(() => localStorage.setItem('factuurwacht.settings.v1', '{"business": {"name": "Bakkerij'));
    await page.reload();
    await ready(page);
    const banner = page.getByTestId('settings-reset');
    await banner.waitFor();
    assert.match(await banner.textContent(), /^Je instellingen konden niet worden gelezen\. .*zonder je bedrijfsgegevens en IBAN\./);
    await banner.getByRole('link', { name: 'Naar Instellingen' }).click();
    const form = page.getByTestId('settings-form');

    // A backup made now would hold the default settings, not the user's: it is downloaded
    // (a copy beats none), but it says so and does not count as a backup.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Back-up downloaden' }).click(),
    ]);
    assert.ok(download.suggestedFilename().endsWith('.json'));
    const warning = page.getByRole('alert').filter({ hasText: 'De back-up is gedownload, maar zonder jouw instellingen' });
    await warning.waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('factuurwacht.last-backup')), null);

    // Settings saved in another tab read well: this tab takes them and drops its warning.
    const other = await context.newPage();
    await other.goto(app.server.url + 'settings');
    await ready(other);
    await other.getByTestId('settings-form').getByLabel('Bedrijfsnaam').fill('Bakkerij De Gouden Korst');
    await other.getByTestId('save-settings').click();
    await other.getByTestId('settings-saved').waitFor();
    await banner.waitFor({ state: 'detached' });
    assert.equal(await form.getByLabel('Bedrijfsnaam').inputValue(), 'Bakkerij De Gouden Korst');
    await other.close();
    await page.reload();
    await ready(page);
    assert.equal(await form.getByLabel('Bedrijfsnaam').inputValue(), 'Bakkerij De Gouden Korst');
    assert.equal(await banner.count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('"saved" is read out by a screen reader: its live region is on the page before the message', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'settings');
    await ready(page);
    const form = page.getByTestId('settings-form');
    // A region that appears together with its text is not announced; one that was there is.
    const region = await form.getByRole('status').elementHandle();
    assert.equal(await region.textContent(), '');
    await form.getByLabel('Bedrijfsnaam').fill('Studio Vos');
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-saved').waitFor();
    assert.equal((await region.textContent()).trim(), 'Opgeslagen.');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('wrong values are refused next to their fields; right ones are kept and used in drafts', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'settings');
    await ready(page);
    const form = page.getByTestId('settings-form');

    await form.getByLabel('Bedrijfsnaam').fill('Bakkerij De Gouden Korst');
    await form.getByLabel('IBAN').fill('NL91ABNA0417164301');
    await form.getByLabel('Betaaltermijn in berichten (5 tot 14 dagen)').fill('30');
    await form.getByLabel('Telefoonnummer').fill('abc');
    await form.getByLabel('KvK-nummer').fill('1234567');
    await form.getByLabel('Aantal onbeantwoorde telefoontjes voordat je weer schrijft').fill('99');
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-error').waitFor();
    // Letters print the register number: one digit short is refused.
    assert.equal(
      await page.locator('#setting-registration-error').textContent(),
      'Een KvK-nummer heeft 8 cijfers. Kijk het na in je uittreksel van de KvK.',
    );
    await form.getByLabel('KvK-nummer').fill('12345678');
    assert.equal(await page.locator('#setting-maxcalls-error').textContent(), 'Vul een heel aantal in, van 0 tot 20.');
    assert.match(await page.locator('#setting-phone-error').textContent(), /minstens 6 cijfers/);
    assert.match(await page.locator('#setting-iban-error').textContent(), /klopt niet/);
    assert.equal(await page.locator('#setting-payby-error').textContent(), 'Kies 5 tot 14 dagen: een korte, duidelijke termijn.');
    assert.equal(await form.getByLabel('IBAN').getAttribute('aria-invalid'), 'true');
    await page.reload();
    await ready(page);
    assert.equal(await form.getByLabel('Bedrijfsnaam').inputValue(), '', 'nothing was saved');

    await form.getByLabel('Bedrijfsnaam').fill('Bakkerij De Gouden Korst');
    await form.getByLabel('IBAN').fill('nl91 abna 0417 1643 00');
    await form.getByLabel('Betaaltermijn in berichten (5 tot 14 dagen)').fill('10');
    await form.getByLabel('Telefoonnummer').fill('030 123 45 67');
    await form.getByLabel('Postcode').fill('3511 az');
    // VAT on the costs is for one who pays an agency's VAT and cannot reclaim it: the form
    // says so when it is switched on, and warns more with a VAT number.
    assert.equal(await page.getByTestId('vat-on-costs-warning').count(), 0);
    await form.getByLabel('Btw over incassokosten', { exact: false }).check();
    const warning = page.getByTestId('vat-on-costs-warning');
    assert.match(await warning.innerText(), /alleen rekenen als een incassobureau jou btw rekent .* Maan je zelf aan, laat dit dan uit\./);
    assert.doesNotMatch(await warning.innerText(), /btw-nummer/);
    await form.getByLabel('Btw-nummer').fill('NL001234567B01');
    await warning.getByText('Met een btw-nummer kun je btw meestal terugvragen.', { exact: false }).waitFor();
    await form.getByLabel('Btw over incassokosten', { exact: false }).uncheck();
    await page.getByTestId('vat-on-costs-warning').waitFor({ state: 'detached' });
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-saved').waitFor();
    assert.equal(await form.getByLabel('IBAN').inputValue(), 'NL91 ABNA 0417 1643 00');
    // A Dutch postcode is kept as the post writes it.
    assert.equal(await form.getByLabel('Postcode').inputValue(), '3511 AZ');
    await page.reload();
    await ready(page);
    assert.equal(await form.getByLabel('Bedrijfsnaam').inputValue(), 'Bakkerij De Gouden Korst');
    assert.equal(await form.getByLabel('Betaaltermijn in berichten (5 tot 14 dagen)').inputValue(), '10');

    await page.getByRole('navigation').getByRole('link', { name: 'Facturen', exact: true }).click();
    await importCsv(page, CSV);
    await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
    await page.getByTestId('compose').click();
    const body = await page.getByLabel('Tekst').inputValue();
    assert.ok(body.includes('NL91 ABNA 0417 1643 00'), body);
    assert.ok(body.includes('Bakkerij De Gouden Korst'), body);
    assert.ok(body.includes('3 december 2026'), 'the pay-by date follows the 10-day term');
    assert.ok(!body.includes('[uw IBAN]'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a settings change in one tab reaches another open tab, which keeps what is typed there', async () => {
    const { context, first, second, problems } = await twoSettingsTabs();
    const mine = first.getByTestId('settings-form');
    const theirs = second.getByTestId('settings-form');
    // The second tab starts typing a phone number before the first one saves.
    await theirs.getByLabel('Telefoonnummer').fill('030 123 45 67');

    await mine.getByLabel('Bedrijfsnaam').fill('Studio Vos');
    await mine.getByLabel('IBAN').fill('NL91ABNA0417164300');
    await first.getByTestId('save-settings').click();
    await first.getByTestId('settings-saved').waitFor();

    // Untouched fields follow; the typed phone number stays; saving keeps both changes.
    await second.waitForFunction(() => document.querySelector('#setting-iban')?.value === 'NL91 ABNA 0417 1643 00');
    assert.equal(await theirs.getByLabel('Bedrijfsnaam').inputValue(), 'Studio Vos');
    assert.equal(await theirs.getByLabel('Telefoonnummer').inputValue(), '030 123 45 67');
    await second.getByTestId('save-settings').click();
    await second.getByTestId('settings-saved').waitFor();
    const stored = JSON.parse(await second.evaluate(() => localStorage.getItem('factuurwacht.settings.v1')));
    assert.equal(stored.business.name, 'Studio Vos');
    assert.equal(stored.business.iban, 'NL91 ABNA 0417 1643 00');
    assert.equal(stored.business.phone, '030 123 45 67');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the interest rate tables stand side by side on a wide screen without running into each other', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin, { viewport: { width: 1280, height: 900 } });
    await page.goto(app.server.url + 'settings');
    await ready(page);
    const boxes = await page.locator('.rate-table').evaluateAll((tables) =>
      tables.map((t) => {
        const r = t.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    assert.equal(boxes.length, 3);
    const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) assert.ok(!overlap(a, b), JSON.stringify(boxes));
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the index at the top of Settings takes a phone user straight to the backup', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(app.server.url + 'settings');
    await ready(page);
    // Scrolled to, the heading can sit a fraction of a pixel above the top edge.
    const inView = () => page.evaluate(() => {
      const top = document.getElementById('backup-title').getBoundingClientRect().top;
      return top > -2 && top < window.innerHeight;
    });
    assert.equal(await inView(), false);
    await page.getByRole('navigation', { name: 'Onderdelen van deze pagina' }).getByRole('link', { name: 'Back-up' }).click();
    await page.waitForFunction(() => {
      const top = document.getElementById('backup-title').getBoundingClientRect().top;
      return top > -2 && top < window.innerHeight;
    });
    assert.equal(await inView(), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a tab switched to English still follows an amount another tab saves', async () => {
    const { context, first, second, problems } = await twoSettingsTabs();
    // The switch leaves the fields as they were filled, in Dutch ("10,00").
    await second.getByLabel('English').check();
    await second.getByLabel('Do not chase below (amount)').waitFor();

    await first.locator('#setting-minimum').fill('25,00');
    await first.getByTestId('save-settings').click();
    await first.getByTestId('settings-saved').waitFor();

    // The untouched field follows, so saving in the English tab keeps the new amount instead
    // of writing the old one back.
    await second.waitForFunction(() => document.querySelector('#setting-minimum')?.value === '25,00');
    await second.getByTestId('save-settings').click();
    await second.getByTestId('settings-saved').waitFor();
    const stored = JSON.parse(await second.evaluate(() => localStorage.getItem('factuurwacht.settings.v1')));
    assert.equal(Number(stored.minimum_worth_chasing), 25);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the chase schedule set here dates the heads-up and each reminder', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-11-23');
    await fillBusiness(page, app.server.url);
    await saveSettings(page, SCHEDULE);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    // Neither customer has a phone number, so no call comes between the written steps.
    await importCsv(
      page,
      'Factuurnummer;Klant;E-mail;Factuurdatum;Vervaldatum;Bedrag\r\n' +
        // Three days late: on the default schedule (a day after) its first reminder is due.
        'A-1;Bakkerij Jansen;info@jansen.example;21-10-2026;20-11-2026;100,00\r\n' +
        // Due in eight days: on the default schedule (three days before) the heads-up is the 28th.
        'B-1;Restaurant De Linde;post@linde.example;01-11-2026;01-12-2026;200,00\r\n',
    );

    // Five days after and five days before the due date: nothing today, both later this week.
    await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
    await page.getByTestId('nothing-today').waitFor();
    assert.deepEqual(await page.getByTestId('upcoming').locator('li').allTextContents(), [
      '25-11-2026 Bakkerij Jansen · Eerste herinnering sturen · A-1',
      '26-11-2026 Restaurant De Linde · Herinnering vooraf sturen · B-1',
    ]);
    await openInvoice(page, 'B-1');
    await expectStep(page, 'Herinnering vooraf sturen', 'Op 26-11-2026');
    await openInvoice(page, 'A-1');
    await expectStep(page, 'Eerste herinnering sturen', 'Op 25-11-2026');

    // Each reminder sent on its day, the next one falls 13 and then 22 days after the due date
    // (each the day after the previous one's seven-day pay-by date at the earliest).
    await sendStep(page, 'A-1', '2026-11-25', 'Eerste herinnering sturen');
    await openInvoice(page, 'A-1');
    await expectStep(page, 'Tweede herinnering sturen', 'Op 03-12-2026');
    await sendStep(page, 'A-1', '2026-12-03', 'Tweede herinnering sturen');
    await openInvoice(page, 'A-1');
    await expectStep(page, 'Laatste herinnering sturen', 'Op 12-12-2026');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a second reminder that does not come after the first is refused, and the schedule stays as it was', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await saveSettings(page, SCHEDULE);
    const form = page.getByTestId('settings-form');
    const first = form.getByLabel('Eerste herinnering: dagen na de vervaldatum');
    const second = form.getByLabel('Tweede herinnering: dagen na de vervaldatum');

    await first.fill('10');
    await second.fill('10');
    await page.getByTestId('save-settings').click();
    assert.equal(await page.getByTestId('settings-error').textContent(), 'Niet opgeslagen: verbeter de velden met een melding.');
    assert.equal(await page.locator('#setting-second-error').textContent(), 'De tweede herinnering komt na de eerste.');
    assert.equal(await second.getAttribute('aria-invalid'), 'true');
    assert.equal(await first.getAttribute('aria-invalid'), 'false', 'the first reminder is not the one to fix');

    // Nothing was stored: after a reload the form shows the schedule saved before.
    await page.reload();
    await ready(page);
    assert.equal(await first.inputValue(), '5');
    assert.equal(await second.inputValue(), '13');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('without collection costs the last reminder neither shows nor asks for them', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-11-23');
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;E-mail;Factuurdatum;Vervaldatum;Bedrag\r\nK-1;Kozijn & Co;info@kozijn.example;01-09-2026;01-10-2026;1.000,00\r\n');
    // The second reminder went out by post three weeks ago: the last reminder is due.
    await openInvoice(page, 'K-1');
    await page.getByTestId('act-contact').click();
    const contact = page.getByTestId('form-contact');
    await contact.getByLabel('Soort brief').selectOption({ label: 'Tweede herinnering' });
    await contact.getByLabel('Datum').fill('2026-11-01');
    await contact.getByTestId('save-contact').click();
    await page.getByTestId('notice').waitFor();

    // With the default settings the letter claims the statutory € 150 on € 1.000.
    await expectStep(page, 'Laatste herinnering sturen');
    assert.equal(await page.getByTestId('costs').innerText(), '€ 150,00');
    assert.match(await compose(page), /€ 150,00 incassokosten/);

    await page.goto(app.server.url + 'settings');
    await ready(page);
    await page.getByTestId('settings-form').getByLabel('Incassokosten rekenen waar de wet dat toestaat').uncheck();
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-saved').waitFor();

    await openInvoice(page, 'K-1');
    await expectStep(page, 'Laatste herinnering sturen');
    assert.equal(await page.getByTestId('costs').count(), 0);
    const letter = await compose(page);
    assert.ok(letter.includes('€ 1.000,00'), letter);
    assert.ok(!/incassokosten|€ 150,00|€ 1\.150,00/.test(letter), `the letter names no collection costs:\n${letter}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an invoice below the minimum worth chasing gets no step, one at the minimum does', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-11-23');
    await saveSettings(page, { 'Niet najagen onder (bedrag)': '150,00' });
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    // All three are a day late, so each would get its first reminder today.
    await importCsv(
      page,
      'Factuurnummer;Klant;E-mail;Factuurdatum;Vervaldatum;Bedrag\r\n' +
        'M-1;Bakkerij Jansen;info@jansen.example;23-10-2026;22-11-2026;149,99\r\n' +
        'M-2;Restaurant De Linde;post@linde.example;23-10-2026;22-11-2026;150,00\r\n' +
        'M-3;Kapsalon Knip;knip@kapsalon.example;23-10-2026;22-11-2026;400,00\r\n',
    );

    await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
    await page.getByTestId('todo-list').waitFor();
    assert.deepEqual((await page.locator('.todo-what').allTextContents()).sort(), [
      'Eerste herinnering sturen · E-mail · M-2 · € 150,00',
      'Eerste herinnering sturen · E-mail · M-3 · € 400,00',
    ]);
    // The invoice page says why the small one is left alone.
    await openInvoice(page, 'M-1');
    assert.equal(
      await page.getByTestId('no-step').innerText(),
      'Er staat nog € 149,99 open, minder dan het minimum van € 150,00 dat je in Instellingen hebt gekozen: herinneren loont niet.',
    );
    assert.deepEqual(problems, []);
    await context.close();
  });
});
