// The settings form: mistakes are shown next to their fields and nothing is saved; correct
// settings are kept across a reload and go straight into the drafts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { importCsv, ready, useApp, watchedPage } from './browser.mjs';

const TODAY = new Date('2026-11-23T10:00:00');
const CSV = 'Factuurnummer;Klant;E-mail;Factuurdatum;Vervaldatum;Bedrag\r\nA-1;Jansen;info@jansen.example;23-10-2026;22-11-2026;100,00\r\n';

const app = useApp();

describe('settings', () => {
  test('settings that cannot be read are announced on every page until new ones are saved', async () => {
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
    await form.getByLabel('Bedrijfsnaam').fill('Bakkerij De Gouden Korst');
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-saved').waitFor();
    assert.equal(await banner.count(), 0);
    await page.reload();
    await ready(page);
    assert.equal(await form.getByLabel('Bedrijfsnaam').inputValue(), 'Bakkerij De Gouden Korst');
    assert.equal(await banner.count(), 0);
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
    await form.getByLabel('Onbeantwoorde telefoontjes voor terug naar schrijven').fill('99');
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-error').waitFor();
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
    // VAT on the costs is for one who cannot reclaim it; with a VAT number the form warns.
    await form.getByLabel('Btw over incassokosten', { exact: false }).check();
    assert.equal(await page.getByTestId('vat-on-costs-warning').count(), 0);
    await form.getByLabel('Btw-nummer').fill('NL001234567B01');
    assert.match(await page.getByTestId('vat-on-costs-warning').innerText(), /btw meestal terugvragen/);
    await form.getByLabel('Btw over incassokosten', { exact: false }).uncheck();
    await page.getByTestId('vat-on-costs-warning').waitFor({ state: 'detached' });
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-saved').waitFor();
    assert.equal(await form.getByLabel('IBAN').inputValue(), 'NL91 ABNA 0417 1643 00');
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
    assert.ok(body.includes('03-12-2026'), 'the pay-by date follows the 10-day term');
    assert.ok(!body.includes('[uw IBAN]'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a settings change in one tab reaches another open tab, which keeps what is typed there', async () => {
    const { context, page: first, problems } = await watchedPage(app.browser, app.origin);
    await first.goto(app.server.url + 'settings');
    await ready(first);
    const second = await context.newPage();
    second.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await second.goto(app.server.url + 'settings');
    await ready(second);
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
});
