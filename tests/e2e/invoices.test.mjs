// Invoices through the real UI: adding and editing with errors beside the fields, a list of
// many invoices searched, filtered, sorted and paged with the view kept in the URL, the
// printable dossier, the calendar file, and the rate tables.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { fillBusiness, fromStore, importCsv, listenForOtherTab, ready, switchLanguage, useApp, watchedPage } from './browser.mjs';

const app = useApp();
const TODAY = new Date('2026-11-23T10:00:00');

async function addCustomer(page, name, channel) {
  await page.goto(app.server.url + 'customers/new');
  await ready(page);
  await page.getByLabel('Naam', { exact: true }).fill(name);
  await page.getByLabel('E-mail').fill('post@zon.example');
  await page.getByLabel('Straat en huisnummer').fill('Zonnelaan 4');
  await page.getByLabel('Postcode').fill('3511 AA');
  await page.getByLabel('Plaats').fill('Utrecht');
  if (channel) await page.getByLabel('Voorkeurskanaal').selectOption(channel);
  await page.getByTestId('save-customer').click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function openInvoiceEdit(tab, number) {
  await tab.goto(app.server.url + 'invoices');
  await ready(tab);
  await tab.getByTestId('invoice-table').getByRole('link', { name: number }).click();
  await tab.getByTestId('edit-invoice').click();
  await tab.getByTestId('invoice-form').waitFor();
}

const field = (page, label) => page.getByTestId('invoice-form').getByLabel(label, { exact: true });

describe('invoices', () => {
  test('an invoice is added and edited with errors beside the fields, and a duplicate number is refused', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await addCustomer(page, 'Atelier Zon');
    await page.getByTestId('new-invoice-for-customer').click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe factuur' }).waitFor();

    await field(page, 'Factuurnummer').fill('Z-1');
    await field(page, 'Bedrag inclusief btw').fill('1.234,5O');
    await field(page, 'Factuurdatum').fill('31-02-2026');
    await page.getByTestId('save-invoice').click();
    assert.match(await page.getByTestId('invoice-amount-error').innerText(), /letter: "O"/);
    assert.match(await page.getByTestId('invoice-issue-date-error').innerText(), /februari/);
    assert.equal(await field(page, 'Bedrag inclusief btw').getAttribute('aria-invalid'), 'true');
    // The refused save puts the focus on the first field to fix, which reads out its message.
    await page.waitForFunction(() => document.activeElement?.id === 'invoice-amount');

    // Fixing a field clears its error as the user types; the due date follows the term.
    await field(page, 'Bedrag inclusief btw').fill('1.234,50');
    await page.getByTestId('invoice-amount-error').waitFor({ state: 'detached' });
    await field(page, 'Factuurdatum').fill('01-11-2026');
    await field(page, 'Betaaltermijn in dagen').fill('14');
    assert.equal(await page.getByTestId('due-preview').innerText(), 'Vervaldatum wordt: 15-11-2026');
    await page.getByTestId('save-invoice').click();
    await page.getByRole('heading', { level: 1, name: 'Factuur Z-1' }).waitFor();
    assert.equal(await page.getByTestId('outstanding').innerText(), '€ 1.234,50');
    await page.getByTestId('step-action').waitFor();

    // The same number in another case is refused, naming the invoice that has it.
    await page.goto(app.server.url + 'invoices/new');
    await ready(page);
    await field(page, 'Factuurnummer').fill(' z-1 ');
    await field(page, 'Bedrag inclusief btw').fill('10');
    await page.getByTestId('save-invoice').click();
    assert.match(await page.getByTestId('invoice-number-error').innerText(), /Z-1.*Atelier Zon/);

    // Editing keeps the number and changes the amount.
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await page.getByTestId('invoice-table').getByRole('link', { name: 'Z-1' }).click();
    await page.getByTestId('edit-invoice').click();
    await field(page, 'Bedrag inclusief btw').fill('1.500');
    // A language switch mid-edit changes the texts and keeps the typing.
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Edit invoice' }).waitFor();
    assert.equal(await field(page, 'Amount including VAT').inputValue(), '1.500');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Factuur bewerken' }).waitFor();
    assert.equal(await field(page, 'Bedrag inclusief btw').inputValue(), '1.500');
    await page.getByTestId('save-invoice').click();
    await page.getByRole('heading', { level: 1, name: 'Factuur Z-1' }).waitFor();
    assert.equal(await page.getByTestId('outstanding').innerText(), '€ 1.500,00');

    // The same page in English.
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Invoice Z-1' }).waitFor();
    assert.equal(await page.getByTestId('outstanding').innerText(), '€1,500.00');
    assert.match(await page.getByTestId('step-action').innerText(), /^Send a first reminder/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('entries of one day keep the order they were logged in across a reload, with a clock that stands still', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    // A frozen clock gives every session the same start time, as a clock set back does.
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\nN-1;Bakkerij Jansen;01-10-2026;31-10-2026;100,00\r\n');
    const note = async (text) => {
      await page.getByTestId('act-note').click();
      await page.getByLabel('Notitie').fill(text);
      await page.getByTestId('save-note').click();
      await page.getByTestId('timeline').getByText(`Notitie: ${text}`).waitFor();
    };
    await page.getByTestId('invoice-table').getByRole('link', { name: 'N-1', exact: true }).click();
    await note('een');
    await note('twee');
    await page.reload();
    await ready(page);
    await note('drie');
    await page.reload();
    await ready(page);
    const timeline = await page.getByTestId('timeline').innerText();
    const [one, two, three] = ['een', 'twee', 'drie'].map((t) => timeline.indexOf(`Notitie: ${t}`));
    assert.ok(one < two === two < three, `logged in order een, twee, drie:\n${timeline}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a save in another tab leaves what is typed in this one', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nT-1;Jansen;01-10-2026;100,00\r\n');
    await page.goto(app.server.url + 'invoices/new');
    await ready(page);
    await field(page, 'Factuurnummer').fill('T-2');
    // A save without an amount is refused; from then on the form checks as the data changes.
    await page.getByTestId('save-invoice').click();
    await page.getByTestId('invoice-amount-error').waitFor();
    const otherTabSaved = await listenForOtherTab(page);

    const other = await context.newPage();
    await other.goto(app.server.url + 'invoices');
    await ready(other);
    await importCsv(other, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nT-2;De Vries;01-10-2026;50,00\r\n');
    await otherTabSaved();
    // This tab reads the other tab's invoice: the number typed here is now taken, and says so.
    const taken = page.getByTestId('invoice-number-error');
    await taken.waitFor();
    assert.match(await taken.innerText(), /T-2.*De Vries/);
    assert.equal(await field(page, 'Factuurnummer').inputValue(), 'T-2');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an edit form open in another tab follows a save there, and keeps its own typing', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;E-mail;Factuurdatum;Bedrag\r\nT-1;Jansen;jansen@klant.example;01-10-2026;100,00\r\nT-2;Pietersen;;01-10-2026;50,00\r\n');
    await openInvoiceEdit(page, 'T-1');
    const otherTabSaved = await listenForOtherTab(page);
    const other = await context.newPage();
    await openInvoiceEdit(other, 'T-1');
    await field(other, 'Bedrag inclusief btw').fill('130');
    await field(other, 'Klant').selectOption({ label: 'Pietersen' });
    await other.getByTestId('save-invoice').click();
    await other.getByRole('heading', { level: 1, name: 'Factuur T-1' }).waitFor();
    await otherTabSaved();
    await field(page, 'Bedrag inclusief btw').waitFor();
    await page.waitForFunction(() => document.getElementById('invoice-amount').value === '130,00');
    // The customer moved too, and the list shows it: the form never saves a choice it hides.
    await page.waitForFunction(() => document.getElementById('invoice-customer').selectedOptions[0]?.textContent === 'Pietersen');
    // Typed here after the other save; saving keeps the other tab's amount.
    await field(page, 'Omschrijving (optioneel)').fill('Schilderwerk');
    await page.getByTestId('save-invoice').click();
    await page.getByRole('heading', { level: 1, name: 'Factuur T-1' }).waitFor();
    assert.equal(await page.getByTestId('outstanding').innerText(), '€ 130,00');

    // The same for a customer: the email and the channel changed there, the phone here.
    await page.getByRole('link', { name: 'Pietersen' }).first().click();
    await page.getByTestId('edit-customer').click();
    const customerSavedThere = await listenForOtherTab(page);
    await other.goto(page.url());
    await ready(other);
    await other.getByLabel('E-mail').fill('nieuw@klant.example');
    await other.getByLabel('Voorkeurskanaal').selectOption('phone');
    await other.getByTestId('save-customer').click();
    await other.getByRole('heading', { level: 1, name: 'Pietersen' }).waitFor();
    await customerSavedThere();
    await page.waitForFunction(() => document.getElementById('customer-email').value === 'nieuw@klant.example');
    await page.waitForFunction(() => document.getElementById('customer-channel').value === 'phone');
    await page.getByLabel('Telefoon').fill('06 12345678');
    await page.getByTestId('save-customer').click();
    await page.getByRole('heading', { level: 1, name: 'Pietersen' }).waitFor();
    const card = await page.locator('main').innerText();
    assert.ok(card.includes('nieuw@klant.example') && card.includes('06 12345678') && /Voorkeurskanaal\s+Telefoon/.test(card), card);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an edit saved before the news of another save arrived is refused, then saved with both changes', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nT-1;Jansen;01-10-2026;100,00\r\n');
    // This tab never hears of the other one's saves, as when they save within a moment.
    const deaf = await context.newPage();
    await deaf.addInitScript(() => {
      window.BroadcastChannel = class {
        postMessage() {}
        close() {}
      };
    });
    await openInvoiceEdit(deaf, 'T-1');
    await openInvoiceEdit(page, 'T-1');
    await field(page, 'Bedrag inclusief btw').fill('150');
    await page.getByTestId('save-invoice').click();
    await page.getByRole('heading', { level: 1, name: 'Factuur T-1' }).waitFor();
    await field(deaf, 'Omschrijving (optioneel)').fill('Schilderwerk');
    await deaf.getByTestId('save-invoice').click();
    const refused = await deaf.getByTestId('save-refused').innerText();
    assert.match(refused, /ook ergens anders opgeslagen.*sla opnieuw op/s);
    // The form took the other save over, and kept what was typed here.
    await deaf.waitForFunction(() => document.getElementById('invoice-amount').value === '150,00');
    assert.equal(await field(deaf, 'Omschrijving (optioneel)').inputValue(), 'Schilderwerk');
    await deaf.getByTestId('save-invoice').click();
    await deaf.getByRole('heading', { level: 1, name: 'Factuur T-1' }).waitFor();
    assert.equal(await deaf.getByTestId('outstanding').innerText(), '€ 150,00');
    assert.match(await deaf.locator('main').innerText(), /Schilderwerk/);

    // Two tabs that give a new invoice the same number: the second is refused.
    await deaf.goto(app.server.url + 'invoices/new');
    await ready(deaf);
    await page.goto(app.server.url + 'invoices/new');
    await ready(page);
    for (const tab of [page, deaf]) {
      await field(tab, 'Factuurnummer').fill('T-2');
      await field(tab, 'Factuurdatum').fill('01-11-2026');
      await field(tab, 'Bedrag inclusief btw').fill('80');
    }
    await page.getByTestId('save-invoice').click();
    await page.getByRole('heading', { level: 1, name: 'Factuur T-2' }).waitFor();
    await deaf.getByTestId('save-invoice').click();
    assert.match(await deaf.getByTestId('save-refused').innerText(), /factuurnummer is intussen aan een andere factuur gegeven/);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await page.getByTestId('invoice-search').fill('T-2');
    assert.equal(await page.getByTestId('invoice-table').getByRole('link', { name: 'T-2', exact: true }).count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a business invoice due more than 60 days after its date is cautioned while typing', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nL-1;Jansen;01-10-2026;100,00\r\n');
    await page.goto(app.server.url + 'invoices/new');
    await ready(page);
    await field(page, 'Factuurdatum').fill('01-10-2026');
    await field(page, 'Betaaltermijn in dagen').fill('90');
    const caution = page.getByTestId('long-term');
    assert.match(await caution.innerText(), /^Een betaaltermijn van 90 dagen: tussen bedrijven mag meer dan 60 dagen alleen als dat uitdrukkelijk is afgesproken/);
    await field(page, 'Betaaltermijn in dagen').fill('60');
    await caution.waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an invoice dated in the future is cautioned while typing: a slip of the year would silence the chase', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nF-1;Jansen;01-10-2026;100,00\r\n');
    await page.goto(app.server.url + 'invoices/new');
    await ready(page);
    await field(page, 'Factuurdatum').fill('15-01-2027');
    const caution = page.getByTestId('future-date');
    assert.equal(await caution.innerText(), 'De factuurdatum 15-01-2027 ligt in de toekomst: klopt het jaar? De app stelt voor deze factuur pas iets voor rond de vervaldatum.');
    await field(page, 'Factuurdatum').fill('15-11-2026');
    await caution.waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an edit form open while another tab removes its record does not bring the record back', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nT-1;Jansen;01-10-2026;100,00\r\n');
    // One tab edits the invoice, a second its customer; a third removes the invoice, then the
    // customer.
    await openInvoiceEdit(page, 'T-1');
    const customerTab = await context.newPage();
    await customerTab.goto(app.server.url + 'customers');
    await ready(customerTab);
    await customerTab.getByRole('link', { name: 'Jansen' }).click();
    await customerTab.getByTestId('edit-customer').click();
    const invoiceRemoved = await listenForOtherTab(page);
    const other = await context.newPage();
    await openInvoiceEdit(other, 'T-1');
    await other.getByTestId('remove').click();
    await other.getByTestId('remove-record').getByRole('button', { name: 'Factuur verwijderen' }).click();
    await other.getByRole('heading', { level: 1, name: 'Facturen' }).waitFor();
    await invoiceRemoved();
    await field(page, 'Bedrag inclusief btw').fill('150');
    await page.getByTestId('save-invoice').click();
    const refused = await page.getByTestId('save-refused').innerText();
    assert.match(refused, /intussen verwijderd.*\n*.*niets gewijzigd/s);
    assert.equal(refused.match(/niets gewijzigd/g).length, 1, refused);

    const customerRemoved = await listenForOtherTab(customerTab);
    await other.goto(customerTab.url());
    await ready(other);
    await other.getByTestId('remove').click();
    await other.getByTestId('remove-record').getByRole('button', { name: 'Klant verwijderen' }).click();
    await other.getByRole('heading', { level: 1, name: 'Klanten' }).waitFor();
    await customerRemoved();
    await customerTab.getByLabel('Telefoon').fill('06 12345678');
    await customerTab.getByTestId('save-customer').click();
    assert.match(await customerTab.getByTestId('save-refused').innerText(), /intussen verwijderd/);

    // Neither came back, also not after a reload.
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await page.getByText('Je hebt nog geen facturen ingevoerd.').waitFor();
    await page.goto(app.server.url + 'customers');
    await ready(page);
    await page.getByText('Je hebt nog geen klanten ingevoerd.').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a new invoice with several customers to choose from starts with none chosen', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nK-1;Zeeman;01-10-2026;100,00\r\nK-2;Atelier Zon;01-10-2026;100,00\r\n');
    await page.goto(app.server.url + 'invoices/new');
    await ready(page);
    assert.equal((await page.locator('#invoice-customer option:checked').innerText()).trim(), 'Kies een klant');
    await field(page, 'Factuurnummer').fill('K-3');
    await field(page, 'Bedrag inclusief btw').fill('50');
    await page.getByTestId('save-invoice').click();
    assert.equal(await page.getByTestId('invoice-customer-error').innerText(), 'Kies een klant.');
    // The menu points to its message, so a screen reader says why it is wrong.
    assert.equal(await page.locator('#invoice-customer').getAttribute('aria-describedby'), 'invoice-customer-error');
    await page.locator('#invoice-customer').selectOption({ label: 'Zeeman' });
    await page.getByTestId('save-invoice').click();
    await page.getByRole('heading', { level: 1, name: 'Factuur K-3' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an amount lowered below what was received is asked about before it is saved', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag;Betaald\r\nB-1;Jansen;01-10-2026;12.500,00;6.250,00\r\n');
    await openInvoiceEdit(page, 'B-1');
    await field(page, 'Bedrag inclusief btw').fill('5.000');
    await page.getByTestId('save-invoice').click();
    assert.equal(
      await page.getByTestId('amount-below-paid').innerText(),
      'Op deze factuur is al € 6.250,00 ontvangen. Met een bedrag van € 5.000,00 is hij volledig betaald en moet je geld terugbetalen. Klopt € 5.000,00? Sla dan nog eens op.',
    );
    // Nothing was saved: the invoice still shows what is open.
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await openInvoiceEdit(page, 'B-1');
    // The intended amount saves at once; a confirmed lower one saves on the second click.
    await field(page, 'Bedrag inclusief btw').fill('12.000');
    await page.getByTestId('save-invoice').click();
    await page.getByRole('heading', { level: 1, name: 'Factuur B-1' }).waitFor();
    assert.equal(await page.getByTestId('outstanding').innerText(), '€ 5.750,00');
    // The paid amount from the file is in the dossier, said in the user's language.
    assert.match(await page.locator('main').innerText(), /Betaling van € 6\.250,00 ontvangen\W+Uit CSV-import/);
    await page.getByTestId('edit-invoice').click();
    await field(page, 'Bedrag inclusief btw').fill('6.000');
    await page.getByTestId('save-invoice').click();
    await page.getByTestId('amount-below-paid').waitFor();
    await page.getByTestId('save-invoice').click();
    await page.getByRole('heading', { level: 1, name: 'Factuur B-1' }).waitFor();
    assert.equal(await page.getByTestId('outstanding').innerText(), '€ 0,00');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a reminder emailed outside the app is recorded as an email to the customer's address, not as a posted letter", async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;E-mail;Factuurdatum;Bedrag\r\nM-1;Jansen;jansen@klant.example;01-09-2026;100,00\r\n');
    await page.getByTestId('invoice-table').getByRole('link', { name: 'M-1', exact: true }).click();
    await page.getByTestId('act-contact').click();
    const form = page.getByTestId('form-contact');
    await form.getByTestId('contact-email').check();
    assert.equal(await form.getByLabel('Verstuurd naar').inputValue(), 'jansen@klant.example');
    await form.getByLabel('Soort brief').selectOption({ label: 'Betalingsherinnering' });
    await form.getByTestId('save-contact').click();
    await page.getByTestId('notice').getByText('De e-mail is vastgelegd.').waitFor();
    const [sent] = await fromStore(page, 'events');
    assert.equal(sent.channel, 'email');
    assert.equal(sent.kind.to, 'jansen@klant.example');
    assert.doesNotMatch(await page.getByTestId('timeline').innerText(), /per post/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a half-typed payment keeps its amount when another tab records on the same invoice', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nT-1;Jansen;01-10-2026;500,00\r\n');
    const openInvoice = async (tab) => {
      await tab.goto(app.server.url + 'invoices');
      await ready(tab);
      await tab.getByTestId('invoice-table').getByRole('link', { name: 'T-1' }).click();
      await tab.getByRole('heading', { level: 1, name: 'Factuur T-1' }).waitFor();
    };
    await openInvoice(page);
    await page.getByTestId('act-payment').click();
    await page.getByLabel('Ontvangen bedrag').fill('100');
    await page.getByLabel('Datum van ontvangst').fill('2026-11-20');
    const otherTabSaved = await listenForOtherTab(page);

    const other = await context.newPage();
    await openInvoice(other);
    await other.getByTestId('act-note').click();
    await other.getByLabel('Notitie').fill('Gebeld, klant betaalt deze week een deel.');
    await other.getByTestId('save-note').click();
    await other.getByTestId('notice').waitFor();
    await otherTabSaved();
    // The other tab's note reaches this page while the form stays as typed.
    await page.getByTestId('timeline').getByText('klant betaalt deze week een deel').waitFor();
    assert.equal(await page.getByLabel('Ontvangen bedrag').inputValue(), '100');
    assert.equal(await page.getByLabel('Datum van ontvangst').inputValue(), '2026-11-20');
    await page.getByTestId('save-payment').click();
    await page.getByTestId('notice').waitFor();
    assert.equal(await page.getByTestId('outstanding').innerText(), '€ 400,00');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a form left open overnight dates what it records on the new day, and a date typed in stays', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    // Two minutes before midnight on Thursday 26 November; the clock runs on from there.
    await page.clock.install({ time: new Date('2026-11-26T23:58:00') });
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nN-1;Bakkerij Nacht;01-10-2026;300,00\r\n');
    await page.getByTestId('invoice-table').getByRole('link', { name: 'N-1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Factuur N-1' }).waitFor();
    await page.getByTestId('act-payment').click();
    const day = page.getByLabel('Datum van ontvangst');
    assert.equal(await day.inputValue(), '2026-11-26');
    await page.getByLabel('Ontvangen bedrag').fill('100');

    // Past midnight the untouched date is the new day, and the payment is booked on it.
    await page.clock.fastForward('05:00');
    await page.waitForFunction((input) => input.value === '2026-11-27', await day.elementHandle());
    await page.getByTestId('save-payment').click();
    await page.getByTestId('notice').waitFor();
    assert.match(await page.getByTestId('timeline').innerText(), /27-11-2026\s+Betaling van € 100,00 ontvangen/);

    // A date the user typed is what they mean: the next midnight leaves it.
    await page.getByTestId('act-payment').click();
    await day.fill('2026-11-20');
    await page.clock.fastForward('24:00:00');
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.getByRole('heading', { level: 1, name: 'Factuur N-1' }).waitFor();
    assert.equal(await day.inputValue(), '2026-11-20');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a payment or a message recorded by mistake is undone until the next command, and stays undone after a reload', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;E-mail;Factuurdatum;Vervaldatum;Bedrag\r\nU-1;Jansen;jansen@example.nl;01-10-2026;31-10-2026;3.000,00\r\n');
    await page.getByTestId('invoice-table').getByRole('link', { name: 'U-1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Factuur U-1' }).waitFor();

    // The whole amount, typed on the wrong invoice: taken back from the confirmation.
    await page.getByTestId('act-payment').click();
    await page.getByTestId('save-payment').click();
    const notice = page.getByTestId('notice');
    await notice.getByText('De betaling is vastgelegd.').waitFor();
    assert.equal(await page.getByTestId('outstanding').innerText(), '€ 0,00');
    // A language switch redraws the confirmation in the new language, and keeps its undo.
    await switchLanguage(page, true);
    await notice.getByText('The payment was recorded.').waitFor();
    await switchLanguage(page, true);
    await notice.getByText('De betaling is vastgelegd.').waitFor();
    await notice.getByTestId('undo').click();
    await notice.getByText('Teruggedraaid: het staat niet meer in het dossier.').waitFor();
    assert.equal(await page.getByTestId('outstanding').innerText(), '€ 3.000,00');
    await page.getByTestId('empty-timeline').waitFor();

    // A command in another tab ends the undo here: it may build on what this one recorded.
    await page.getByTestId('act-note').click();
    await page.getByLabel('Notitie').fill('Klant belt morgen terug.');
    await page.getByTestId('save-note').click();
    await notice.getByTestId('undo').waitFor();
    const otherTabSaved = await listenForOtherTab(page);
    const other = await context.newPage();
    await other.clock.setFixedTime(TODAY);
    await other.goto(app.server.url + 'invoices');
    await ready(other);
    await other.getByTestId('invoice-table').getByRole('link', { name: 'U-1' }).click();
    await other.getByTestId('act-note').click();
    await other.getByLabel('Notitie').fill('Toch gemaild.');
    await other.getByTestId('save-note').click();
    await other.getByTestId('notice').waitFor();
    await otherTabSaved();
    await page.getByTestId('timeline').getByText('Toch gemaild.').waitFor();
    assert.equal(await notice.getByTestId('undo').count(), 0, 'no undo after a command elsewhere');
    await other.close();

    // A reminder marked sent by mistake: Today says what was recorded and takes it back.
    await page.goto(app.server.url);
    await ready(page);
    assert.equal(await page.getByTestId('recorded').count(), 0, 'nothing to undo after a reload');
    await page.getByTestId('compose').click();
    await page.getByTestId('mark-sent').click();
    const recorded = page.getByTestId('recorded');
    await recorded.getByText('Vastgelegd in het dossier van factuur U-1.').waitFor();
    assert.equal(await page.getByTestId('compose').count(), 0, 'the step is done');
    await recorded.getByTestId('undo').click();
    await page.getByTestId('undone').waitFor();
    await page.getByTestId('compose').waitFor();
    await page.reload();
    await ready(page);
    await page.getByTestId('compose').waitFor();
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await page.getByTestId('invoice-table').getByRole('link', { name: 'U-1' }).click();
    const timeline = await page.getByTestId('timeline').innerText();
    assert.ok(!timeline.includes('Betalingsherinnering') && !timeline.includes('Betaling van'), timeline);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('chasing one invoice is paused and resumed, and a write-off needs a reason and closes it', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    // Both invoices are a day overdue, so both have a first reminder due today; the second
    // customer keeps the Today list from being empty, so a missing step is not a missing list.
    await importCsv(
      page,
      'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\n' +
        'H-1;Hovenier Groen;23-10-2026;22-11-2026;300,00\r\n' +
        'H-2;Schilder Blauw;23-10-2026;22-11-2026;100,00\r\n',
    );
    const todoNumbers = async () => {
      await page.goto(app.server.url);
      await ready(page);
      await page.getByTestId('todo-list').waitFor();
      return page.locator('.todo-what').allInnerTexts();
    };
    const openH1 = async () => {
      await page.goto(app.server.url + 'invoices');
      await ready(page);
      await page.getByTestId('invoice-table').getByRole('link', { name: 'H-1', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Factuur H-1' }).waitFor();
    };
    const actions = () => page.locator('.action-bar button').evaluateAll((els) => els.map((el) => el.dataset.testid));
    assert.equal((await todoNumbers()).filter((t) => t.includes('H-1')).length, 1);

    // Paused: no step on the invoice page nor on Today, and the button now offers resuming.
    await openH1();
    const pause = page.getByTestId('act-pause');
    assert.equal(await pause.innerText(), 'Herinneren pauzeren');
    await pause.click();
    await page.getByTestId('form-pause').getByLabel('Reden (optioneel)').fill('Klant is op vakantie tot december.');
    await page.getByTestId('save-pause').click();
    await page.getByTestId('notice').getByText('Het herinneren is gepauzeerd.').waitFor();
    assert.equal(await pause.innerText(), 'Herinneren hervatten');
    assert.equal(
      await page.getByTestId('no-step').innerText(),
      'Herinneren is gepauzeerd. Hervat het om weer een volgende stap te zien.',
    );
    // The flag carries the reason: it says when to look again.
    assert.match(await page.getByTestId('flags').innerText(), /Herinneren gepauzeerd: Klant is op vakantie tot december\./);
    assert.match(await page.getByTestId('timeline').innerText(), /Herinneren gepauzeerd: Klant is op vakantie tot december\./);
    assert.deepEqual(await todoNumbers(), ['Eerste herinnering sturen · E-mail · H-2 · € 100,00']);

    // A week later the pause still holds; resumed, the first reminder is back, due now.
    await page.clock.setFixedTime(new Date('2026-11-30T10:00:00'));
    await openH1();
    await page.getByTestId('no-step').waitFor();
    await pause.click();
    await page.getByTestId('save-pause').click();
    await page.getByTestId('notice').getByText('Het herinneren is hervat.').waitFor();
    assert.equal(await pause.innerText(), 'Herinneren pauzeren');
    assert.equal(await page.getByTestId('step-action').innerText(), 'Eerste herinnering sturen · E-mail');
    assert.equal(await page.getByTestId('step-date').innerText(), 'Vandaag');
    assert.doesNotMatch(await page.getByTestId('flags').innerText(), /gepauzeerd/);
    assert.ok((await todoNumbers()).includes('Eerste herinnering sturen · E-mail · H-1 · € 300,00'));

    // A write-off without a reason is refused beside the field, and nothing is recorded.
    await openH1();
    const before = await page.getByTestId('timeline').innerText();
    await page.getByTestId('act-write-off').click();
    const form = page.getByTestId('form-write-off');
    await form.getByLabel('Reden').fill('   ');
    await page.getByTestId('save-write-off').click();
    assert.equal(await form.getByTestId('write-off-reason-error').innerText(), 'Schrijf op waarom je afschrijft.');
    assert.equal(await page.getByTestId('notice').count(), 0);
    await page.reload();
    await ready(page);
    assert.equal(await page.getByTestId('timeline').innerText(), before);
    assert.equal(await page.getByTestId('step-action').innerText(), 'Eerste herinnering sturen · E-mail');
    assert.match(await page.getByTestId('flags').innerText(), /^Open/);

    // With a reason the invoice is closed: written off, no step, and only a payment (money
    // may still come in) and a note remain.
    await page.getByTestId('act-write-off').click();
    await form.getByLabel('Reden').fill('Klant failliet verklaard.');
    await page.getByTestId('save-write-off').click();
    await page.getByTestId('notice').getByText('De factuur is afgeschreven.').waitFor();
    assert.equal(await page.locator('[data-testid=flags] li').first().innerText(), 'Afgeschreven');
    assert.equal(await page.getByTestId('no-step').innerText(), 'Deze factuur is afgeschreven: de app stelt geen stappen meer voor.');
    assert.deepEqual(await actions(), ['act-payment', 'act-note']);
    assert.match(await page.getByTestId('timeline').innerText(), /Afgeschreven: Klant failliet verklaard\./);
    assert.deepEqual(await todoNumbers(), ['Eerste herinnering sturen · E-mail · H-2 · € 100,00']);
    // Written-off money no longer counts as outstanding.
    assert.equal(await page.getByTestId('total-outstanding').textContent(), '€ 100,00');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an edit of an invoice with a dossier is noted in it, and its customer stays', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(
      page,
      'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\nN-1;Jansen;01-10-2026;31-10-2026;100,00\r\nN-2;De Vries;01-10-2026;31-10-2026;50,00\r\n',
    );
    await page.getByTestId('invoice-table').getByRole('link', { name: 'N-1' }).click();
    await page.getByTestId('act-note').click();
    await page.getByTestId('form-note').getByLabel('Notitie').fill('Klant gebeld, belt terug.');
    await page.getByTestId('save-note').click();
    await page.getByTestId('notice').waitFor();

    await page.getByTestId('edit-invoice').click();
    await field(page, 'Bedrag inclusief btw').fill('80');
    await field(page, 'Betaaltermijn in dagen').fill('');
    await field(page, 'Of een eigen vervaldatum (optioneel)').fill('15-11-2026');
    // Another customer is refused: the dossier was with this one.
    await field(page, 'Klant').selectOption({ label: 'De Vries' });
    await page.getByTestId('save-invoice').click();
    assert.match(await page.getByTestId('invoice-customer-error').innerText(), /dossier bij Jansen/);
    await field(page, 'Klant').selectOption({ label: 'Jansen' });
    // A full disk refuses the save and says once that nothing was changed.
    await page.evaluate(() => {
      const originals = {};
      for (const method of ['put', 'add']) {
        originals[method] = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      }
      window.diskFreed = () => Object.assign(IDBObjectStore.prototype, originals);
    });
    await page.getByTestId('save-invoice').click();
    const refused = await page.getByTestId('save-refused').innerText();
    assert.match(refused, /De opslag van deze browser is vol/);
    assert.equal(refused.match(/niets gewijzigd/g).length, 1, refused);
    await page.evaluate(() => window.diskFreed());
    await page.getByTestId('save-invoice').click();
    await page.getByRole('heading', { level: 1, name: 'Factuur N-1' }).waitFor();
    const timeline = await page.getByTestId('timeline').innerText();
    assert.ok(timeline.includes('Factuur gewijzigd: bedrag € 100,00 → € 80,00; vervaldatum 31-10-2026 → 15-11-2026.'), timeline);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an invoice and a customer entered by mistake are removed; a customer with invoices is not', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await addCustomer(page, 'Dubbel BV');
    const customerPage = page.url();
    await page.getByTestId('new-invoice-for-customer').click();
    await field(page, 'Factuurnummer').fill('D-1');
    await field(page, 'Bedrag inclusief btw').fill('10');
    await page.getByTestId('save-invoice').click();
    await page.getByRole('heading', { level: 1, name: 'Factuur D-1' }).waitFor();
    // The next step lies ahead, and its reason speaks of that day, not of today.
    assert.equal(
      await page.getByTestId('step-reason').innerText(),
      'Op 20-12-2026 vervalt de factuur over 3 dagen: een vriendelijke herinnering vooraf helpt om op tijd betaald te worden.',
    );

    // The customer has an invoice: it cannot be removed.
    await page.goto(customerPage);
    await ready(page);
    await page.getByTestId('edit-customer').click();
    assert.match(await page.getByTestId('remove-blocked').innerText(), /heeft facturen/);

    // The invoice has no dossier: it can, after a confirmation, and stays gone.
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await page.getByTestId('invoice-table').getByRole('link', { name: 'D-1' }).click();
    await page.getByTestId('edit-invoice').click();
    await page.getByTestId('remove').click();
    await page.getByText('De factuur wordt definitief verwijderd.').waitFor();
    await page.getByTestId('remove-record').getByRole('button', { name: 'Factuur verwijderen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Facturen' }).waitFor();
    await page.getByText('Je hebt nog geen facturen ingevoerd.').waitFor();

    // Now the customer can go too.
    await page.goto(customerPage);
    await ready(page);
    await page.getByTestId('edit-customer').click();
    await page.getByTestId('remove').click();
    await page.getByTestId('remove-record').getByRole('button', { name: 'Klant verwijderen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Klanten' }).waitFor();
    await page.reload();
    await ready(page);
    await page.getByText('Je hebt nog geen klanten ingevoerd.').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the list of 120 invoices is searched, filtered, sorted and paged, and the URL keeps the view', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    let csv = 'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag;Betaald\r\n';
    for (let i = 1; i <= 120; i++) {
      const due = i % 2 ? '01-11-2026' : '01-12-2026';
      csv += `L-${i};Klant ${i % 7};01-10-2026;${due};${i * 10},00;${i % 10 === 0 ? 'ja' : 'nee'}\r\n`;
    }
    csv += 'L-999;Drukkerij Vos;01-10-2026;01-11-2026;1.234,50;nee\r\n';
    await importCsv(page, csv);
    const count = page.getByTestId('invoice-count');
    assert.equal(await count.innerText(), '1–50 van 121 facturen');

    await page.getByTestId('page-next').click();
    await page.waitForURL(/page=2/);
    assert.equal(await count.innerText(), '51–100 van 121 facturen');
    await page.reload();
    await ready(page);
    assert.equal(await page.getByTestId('page-where').innerText(), 'Pagina 2 van 3');

    // Search by amount as people type it, in either format. What is typed stays out of the
    // address (a reload without the worker would send it to the server), and stays for the
    // tab: it is still there after a reload.
    await page.getByTestId('invoice-search').fill('1234,5');
    await count.getByText('1 factuur', { exact: true }).waitFor();
    assert.doesNotMatch(page.url(), /1234|q=|page=/);
    await page.reload();
    await ready(page);
    assert.equal(await page.getByTestId('invoice-search').inputValue(), '1234,5');
    assert.equal(await count.innerText(), '1 factuur');
    assert.equal(await page.getByTestId('invoice-table').locator('tbody tr td').first().innerText(), 'L-999');
    await page.getByTestId('invoice-search').fill('vos');
    assert.equal(await count.innerText(), '1 factuur');

    // Filter and sort, then open the bookmarked view fresh.
    await page.getByTestId('invoice-search').fill('');
    await page.getByTestId('invoice-filter').selectOption('paid');
    await page.getByTestId('invoice-sort').selectOption('amount');
    await page.waitForURL(/filter=paid.*sort=amount|sort=amount.*filter=paid/);
    const bookmarked = page.url();
    await page.goto(app.server.url);
    await ready(page);
    await page.goto(bookmarked);
    await ready(page);
    assert.equal(await count.innerText(), '1–12 van 12 facturen');
    const first = page.getByTestId('invoice-table').locator('tbody tr').first();
    assert.deepEqual((await first.locator('td').allInnerTexts()).slice(0, 1), ['L-120']);
    assert.equal(await page.getByTestId('invoice-filter').inputValue(), 'paid');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the dossier prints with the texts sent, downloads as text, and the steps go to a calendar file', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin, { acceptDownloads: true });
    await page.clock.setFixedTime(TODAY);
    await fillBusiness(page, app.server.url);
    // A customer who prefers letters: the reminder is a printed letter.
    await addCustomer(page, 'Atelier Zon', 'letter');
    await page.getByTestId('new-invoice-for-customer').click();
    await field(page, 'Factuurnummer').fill('P-1');
    await field(page, 'Bedrag inclusief btw').fill('450');
    await field(page, 'Factuurdatum').fill('01-10-2026');
    await page.getByTestId('save-invoice').click();
    await page.getByRole('heading', { level: 1, name: 'Factuur P-1' }).waitFor();
    await page.getByTestId('open-composer').click();
    await page.getByTestId('letter').waitFor();
    const body = await page.getByLabel('Tekst').inputValue();

    // The print view shows the letter, not the editing controls.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.app-header').isVisible(), false);
    assert.equal(await page.getByLabel('Tekst').isVisible(), false);
    assert.equal(await page.locator('.print-body').isVisible(), true);
    assert.match(await page.getByTestId('letter').innerText(), /Zonnelaan 4/);
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('mark-sent').click();
    await page.getByRole('heading', { level: 1, name: 'Vandaag' }).waitFor();

    // The calendar file holds the next step as an all-day event.
    const [ics] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ics').click()]);
    assert.equal(ics.suggestedFilename(), 'factuurwacht.ics');
    const calendar = await readFile(await ics.path(), 'utf8');
    assert.match(calendar, /^BEGIN:VCALENDAR\r\n/);
    assert.match(calendar, /BEGIN:VEVENT\r\n/);
    assert.match(calendar, /DTSTART;VALUE=DATE:202612\d\d\r\n/);
    assert.match(calendar, /SUMMARY:Tweede herinnering sturen · Atelier Zon/);
    assert.ok(calendar.split('\r\n').every((line) => Buffer.byteLength(line) <= 75));

    // The dossier carries the exact letter text.
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await page.getByTestId('invoice-table').getByRole('link', { name: 'P-1' }).click();
    await page.getByTestId('export-dossier').click();
    await page.getByTestId('dossier').waitFor();
    const dossier = await page.getByTestId('dossier').innerText();
    assert.ok(dossier.includes(body.split('\n')[0]), dossier);
    assert.match(dossier, /^Dossier factuur P-1/);
    // The day it was put on paper, so a reader knows up to when the history is complete.
    assert.match(dossier, /Opgesteld op: 23-11-2026/);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('print-dossier').isVisible(), false);
    await page.emulateMedia({ media: 'screen' });
    const [txt] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-dossier').click()]);
    const text = await readFile(await txt.path(), 'utf8');
    assert.ok(text.includes(body), 'the text export holds the letter byte for byte');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a link to a customer or invoice that does not exist says so and leads back to the list', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    for (const [path, heading, back] of [
      ['customers/gone', 'Klant niet gevonden', 'Naar alle klanten'],
      ['customers/gone/edit', 'Klant niet gevonden', 'Naar alle klanten'],
      ['invoices/gone', 'Factuur niet gevonden', 'Naar alle facturen'],
      ['invoices/gone/edit', 'Factuur niet gevonden', 'Naar alle facturen'],
      ['dossier/invoice/gone', 'Factuur niet gevonden', 'Naar alle facturen'],
      ['dossier/customer/gone', 'Klant niet gevonden', 'Naar alle klanten'],
    ]) {
      await page.goto(app.server.url + path);
      await ready(page);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByRole('main').getByRole('link', { name: back }).click();
      await page.getByRole('heading', { level: 1, name: /^(Klanten|Facturen)$/ }).waitFor();
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a published interest rate is added to its table and kept', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'settings');
    await ready(page);
    // A table without this half year's rate says so, until one is added.
    assert.equal(
      await page.getByTestId('rates-nl-commercial-behind').innerText(),
      'Nog geen tarief voor het halfjaar vanaf 01-07-2026: tot je het toevoegt, rekent de app met het laatste.',
    );
    // With two half years missing, the first is named: adding only the newest rate would leave
    // the one before it on an old rate.
    assert.match(await page.getByTestId('rates-be-commercial-behind').innerText(), /^Nog geen tarief voor het halfjaar vanaf 01-01-2026:/);
    const form = page.getByTestId('add-rate');
    await form.getByLabel('Tabel').selectOption('nl-commercial');
    await form.getByLabel('Geldt vanaf').fill('01-01-2027');
    await form.getByLabel('Procent per jaar').fill('negen');
    await form.getByTestId('save-rate').click();
    assert.equal(await page.getByTestId('rate-percent-error').innerText(), 'Vul een percentage in, zoals 10,15.');
    await form.getByLabel('Procent per jaar').fill('9,65');
    await form.getByTestId('save-rate').click();
    await page.getByTestId('rate-saved').waitFor();
    await page.reload();
    await ready(page);
    const firstRow = page.getByTestId('rates-nl-commercial').locator('tbody tr').first();
    assert.deepEqual((await firstRow.locator('td').allInnerTexts()).slice(0, 2), ['01-01-2027', '9,65']);
    assert.equal(await page.getByTestId('rates-nl-commercial-behind').count(), 0);

    // A rate added by mistake is taken out of the calculations, and can be put back.
    await page
      .getByRole('button', { name: 'Tarief vanaf 01-01-2027 verwijderen uit Nederland, handelsrente (zakelijk)' })
      .click();
    const removed = page.getByTestId('rate-removed');
    assert.match(
      await removed.innerText(),
      /^Het tarief vanaf 01-01-2027 \(9,65 %\) is uit de tabel Nederland, handelsrente \(zakelijk\) gehaald; berekeningen gebruiken het niet meer\./,
    );
    await page.getByTestId('rates-nl-commercial-behind').waitFor();
    assert.deepEqual((await firstRow.locator('td').allInnerTexts()).slice(0, 2), ['01-01-2026', '10,15']);
    await page.reload();
    await ready(page);
    assert.deepEqual((await firstRow.locator('td').allInnerTexts()).slice(0, 2), ['01-01-2026', '10,15']);
    await page
      .getByRole('button', { name: 'Tarief vanaf 01-01-2026 verwijderen uit Nederland, handelsrente (zakelijk)' })
      .click();
    await removed.getByTestId('put-rate-back').click();
    assert.equal(await removed.innerText(), 'Het tarief vanaf 01-01-2026 staat weer in de tabel.');
    await page.reload();
    await ready(page);
    assert.deepEqual((await firstRow.locator('td').allInnerTexts()).slice(0, 2), ['01-01-2026', '10,15']);
    await form.getByLabel('Tabel').selectOption('nl-commercial');
    await form.getByLabel('Geldt vanaf').fill('01-01-2027');
    await form.getByLabel('Procent per jaar').fill('9,65');
    await form.getByTestId('save-rate').click();
    await page.getByTestId('rate-saved').waitFor();

    // Two rates in a row for another table both go to that table: saving the first does not
    // put the choice back to the business table.
    await form.getByLabel('Tabel').selectOption('nl-consumer');
    await form.getByLabel('Geldt vanaf').fill('01-01-2027');
    await form.getByLabel('Procent per jaar').fill('4,5');
    await form.getByTestId('save-rate').click();
    assert.equal(
      await page.getByTestId('rate-saved').innerText(),
      'De rente is toegevoegd aan de tabel Nederland, wettelijke rente (particulier); berekeningen gebruiken hem meteen.',
    );
    await form.getByLabel('Geldt vanaf').fill('01-07-2027');
    await form.getByLabel('Procent per jaar').fill('4,25');
    await form.getByTestId('save-rate').click();
    await page.getByTestId('rates-nl-consumer').getByRole('cell', { name: '01-07-2027', exact: true }).waitFor();
    assert.equal(await page.getByTestId('rates-nl-commercial').getByRole('cell', { name: '01-07-2027', exact: true }).count(), 0);

    // Under Belgian rules a new rate goes to the Belgian table unless chosen otherwise, and a
    // rate for a date that has one says what it replaced.
    await page.getByLabel('België', { exact: true }).check();
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-saved').waitFor();
    assert.equal(await form.getByLabel('Tabel').inputValue(), 'be-commercial');
    await form.getByLabel('Geldt vanaf').fill('01-07-2025');
    await form.getByLabel('Procent per jaar').fill('10,75');
    await form.getByTestId('save-rate').click();
    assert.equal(
      await page.getByTestId('rate-saved').innerText(),
      'Het tarief vanaf 01-07-2025 in de tabel België, verwijlinterest (zakelijk) was 10,5 % en is nu 10,75 %; berekeningen gebruiken het meteen.',
    );
    // The rest of the app speaks of Belgian things too: the register, the consumer rules.
    await page.getByLabel('Ondernemingsnummer (KBO)').waitFor();
    await page.goto(app.server.url + 'customers/new');
    await ready(page);
    await page.getByText('zoals een gratis eerste herinnering en veertien dagen voor een schadevergoeding').waitFor();
    assert.equal(await page.getByText('veertiendagenbrief').count(), 0);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nB-1;Dupont;01-10-2026;100,00\r\n');
    await page.getByTestId('invoice-table').getByRole('link', { name: 'B-1' }).click();
    // Between businesses, Belgian law gives a fixed compensation, not the Dutch collection costs.
    const amounts = page.getByTestId('amounts');
    await amounts.getByText('Forfaitaire vergoeding', { exact: true }).waitFor();
    assert.equal(await amounts.getByText('Incassokosten').count(), 0);
    await page.getByTestId('act-contact').click();
    const kinds = await page.locator('#contact-message option').allInnerTexts();
    assert.ok(kinds.length > 3 && !kinds.some((k) => /veertiendagen/i.test(k)), kinds.join(' | '));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('on a phone the invoice and customer lists show every column without sideways scrolling', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin, { viewport: { width: 390, height: 844 } });
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\nP-1;Kapsalon Knip;01-09-2026;01-10-2026;1.234,50\r\n');

    for (const [path, table] of [['invoices', 'invoice-table'], ['customers', null]]) {
      await page.goto(app.server.url + path);
      await ready(page);
      const list = table ? page.getByTestId(table) : page.locator('table.customer-table');
      await list.waitFor();
      // Every cell of the first row lies inside the screen, each with its column's name.
      const cells = await list.locator('tbody tr').first().evaluate((row) =>
        [...row.children].map((cell) => {
          const box = cell.getBoundingClientRect();
          // The column's name is drawn by CSS before the value, so it is not in innerText.
          const label = getComputedStyle(cell, '::before').content.replace(/^"|"$/g, '');
          const text = `${label === 'none' ? '' : label} ${cell.innerText}`.replace(/\s+/g, ' ').trim();
          return { text, inside: box.left >= 0 && box.right <= window.innerWidth };
        }),
      );
      assert.ok(cells.length >= 5, JSON.stringify(cells));
      assert.deepEqual(cells.filter((c) => !c.inside), [], `${path}: cells off the screen`);
      if (path === 'invoices') {
        assert.deepEqual(cells.map((c) => c.text), [
          'P-1',
          'Klant Kapsalon Knip',
          'Vervaldatum 01-10-2026',
          'Bedrag € 1.234,50',
          'Openstaand € 1.234,50',
          'Status Open · te laat',
        ]);
      }
    }

    // A thumb anywhere on a card opens its row, not only on the title's link.
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    // The title's link lies over the whole card, so the click goes by position: a click on
    // the status cell's element itself would wait for that element to be the one on top.
    const status = await page.getByTestId('invoice-table').locator('tbody tr').first().locator('td').last().boundingBox();
    await page.mouse.click(status.x + status.width / 2, status.y + status.height / 2);
    await page.waitForURL(/\/invoices\/[^/]+$/);
    assert.equal(await page.locator('h1').innerText(), 'Factuur P-1');

    // A customer with a long name makes the customer menu of the invoice form wide; the form
    // still fits the screen.
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\nP-2;Stichting Voor Zeer Lange Namen En Nog Langere Omschrijvingen Nederland;01-09-2026;01-10-2026;10,00\r\n');
    await page.goto(app.server.url + 'invoices/new');
    await ready(page);
    await page.locator('select').first().waitFor();
    assert.ok(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'the new-invoice form scrolls sideways',
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('switching language while a form holds typed text asks first, and keeps the text on "no"', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nL-1;Taal BV;01-10-2026;100,00\r\n');
    await page.getByTestId('invoice-table').getByRole('link', { name: 'L-1', exact: true }).click();
    await page.getByTestId('act-note').click();
    const note = page.getByTestId('form-note').locator('textarea');
    await note.fill('Half getypt');

    assert.deepEqual(await switchLanguage(page, false), ['Wat je in het formulier typte, is nog niet bewaard en gaat verloren als je van taal wisselt. Toch wisselen?']);
    assert.equal(await note.inputValue(), 'Half getypt');
    await page.getByRole('heading', { level: 1, name: 'Factuur L-1' }).waitFor();

    // Saying yes switches; with nothing typed, no question comes.
    assert.equal((await switchLanguage(page, true)).length, 1);
    await page.getByRole('heading', { level: 1, name: 'Invoice L-1' }).waitFor();
    assert.deepEqual(await switchLanguage(page, false), []);
    await page.getByRole('heading', { level: 1, name: 'Factuur L-1' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
