// Whole chases through the real screens, with the browser clock set by the test: each step is
// read off the invoice page (what, when, why), drafted in the composer, and recorded, and the
// clock moves on to the day the next step falls due.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { fillBusiness, importCsv, ready, useApp, watchedPage } from './browser.mjs';
import { chaseHelpers } from './chase.mjs';

const app = useApp();
const { at, openInvoice, expectStep, compose, markSent, sendStep, giveAddress } = chaseHelpers(app);

const HEADER = 'Factuurnummer;Klant;Soort klant;E-mail;Telefoon;Factuurdatum;Vervaldatum;Bedrag\r\n';

/** Records an action from the invoice page's action bar and waits for its confirmation. */
async function act(page, code, fill) {
  await page.getByTestId(`act-${code}`).click();
  const form = page.getByTestId(`form-${code}`);
  await fill(form);
  await page.getByTestId('notice').waitFor();
}

describe('chasing scenarios', () => {
  test('a business invoice from the heads-up through both reminders, a promise that is missed, the last reminder, to hand-over', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-10-20');
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, HEADER + 'B-1;Studio Noord;zakelijk;geld@noord.example;020 1234567;01-10-2026;31-10-2026;1.000,00\r\n');
    await giveAddress(page, 'Studio Noord');

    // Before the heads-up, the page says when it comes.
    await openInvoice(page, 'B-1');
    await expectStep(page, 'Herinnering vooraf sturen', 'Op 28-10-2026');
    assert.match(await page.getByTestId('withheld').innerText(), /nog niet te laat/);

    await sendStep(page, 'B-1', '2026-10-28', 'Herinnering vooraf sturen', ['B-1', '31-10-2026']);
    await sendStep(page, 'B-1', '2026-11-01', 'Eerste herinnering sturen', ['B-1', '€ 1.000,00']);
    await sendStep(page, 'B-1', '2026-11-14', 'Tweede herinnering sturen', ['B-1']);

    // Written reminders went unanswered: call, and record the promise. A week after the
    // second reminder is a Saturday, so its pay-by date is the Monday, and the call comes the
    // day after: nobody is called on their last day.
    await openInvoice(page, 'B-1');
    await expectStep(page, 'Bellen: geen reactie', 'Op 24-11-2026');
    await at(page, '2026-11-24');
    await openInvoice(page, 'B-1');
    await expectStep(page, 'Bellen: geen reactie');
    await page.getByTestId('open-composer').click();
    await page.getByTestId('call-form').waitFor();
    await page.getByTestId('outcome-reached').check();
    await page.getByTestId('talk-promise').check();
    // The day is what the customer said: the form does not suggest one.
    assert.equal(await page.getByLabel('Beloofd op').inputValue(), '');
    // Payment in parts on agreed dates is a plan, and the form says where to record one.
    assert.match(await page.getByTestId('promise-in-parts').innerText(), /Kies dan ‘Kan nu niet betalen’ en leg een betalingsregeling vast/);
    // A promise above what is open is a typing error: refused beside the field.
    await page.getByLabel('Beloofd bedrag').fill('5.000,00');
    await page.getByLabel('Beloofd op').fill('2026-11-25');
    await page.getByTestId('save-call').click();
    await page.getByText('Het beloofde bedrag is hoger dan wat openstaat: € 1.000,00.').waitFor();
    await page.getByLabel('Beloofd bedrag').fill('1.000,00');
    // So is a promise years ahead, which would silence the chase until then.
    await page.getByLabel('Beloofd op').fill('2028-11-25');
    await page.getByTestId('save-call').click();
    await page.getByText('Een betaalbelofte ligt hooguit een jaar vooruit.', { exact: false }).waitFor();
    await page.getByLabel('Beloofd op').fill('2026-11-25');
    await page.getByTestId('save-call').click();
    await page.getByRole('heading', { level: 1, name: 'Vandaag' }).waitFor();

    // A spoken promise is confirmed in writing the same day.
    await sendStep(page, 'B-1', '2026-11-24', 'Afspraak schriftelijk bevestigen', ['25 november 2026']);
    await openInvoice(page, 'B-1');
    assert.match(await page.getByTestId('flags').innerText(), /Belofte: € 1\.000,00 op 25-11-2026/);
    await expectStep(page, 'Betaalbelofte opvolgen', 'Op 27-11-2026');

    // The promised day passes unpaid.
    await sendStep(page, 'B-1', '2026-11-27', 'Betaalbelofte opvolgen', ['25 november 2026']);

    // The last reminder is a letter and claims the statutory costs on € 1.000: € 150. It comes
    // the day after the follow-up's pay-by date.
    await at(page, '2026-12-05');
    // With statutory interest switched on in the settings, the letter claims it too.
    await page.goto(app.server.url + 'settings');
    await ready(page);
    await page.getByTestId('settings-form').getByLabel('Wettelijke rente rekenen').check();
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-saved').waitFor();
    await openInvoice(page, 'B-1');
    await expectStep(page, 'Laatste herinnering sturen');
    assert.equal(await page.getByTestId('costs').innerText(), '€ 150,00');
    await page.getByTestId('working').evaluate((el) => el.closest('details').setAttribute('open', ''));
    assert.match(await page.getByTestId('working').innerText(), /15%/);
    const interest = await page.getByTestId('interest').innerText();
    const total = await page.getByTestId('claim-total').innerText();
    const letter = await compose(page);
    assert.ok(letter.includes('€ 150,00'), letter);
    // The letter states the interest to date and asks for the total the invoice page claims.
    assert.ok(letter.includes(`te laat is: ${interest} tot en met 5 december 2026.`), letter);
    assert.ok(letter.includes(`Ik verzoek u ${total} uiterlijk`), letter);
    await page.getByTestId('letter').waitFor();
    await markSent(page);

    // After the last term (which ends on Monday the 14th), the notice: the customer gets a
    // last chance until the next working day, and the hand-over is announced for the day after.
    await sendStep(page, 'B-1', '2026-12-15', 'Overdragen aan incassobureau', ['B-1', '16 december 2026', '17 december 2026']);
    await openInvoice(page, 'B-1');
    await expectStep(page, 'Overdragen aan incassobureau', 'Op 17-12-2026');
    assert.equal(await page.getByTestId('no-step').count(), 0, 'the notice does not close the invoice');

    // On that day the hand-over is recorded on the invoice page, and nothing is left to propose.
    await at(page, '2026-12-17');
    await page.goto(app.server.url);
    await ready(page);
    const todo = page.getByTestId('todo').filter({ hasText: 'B-1' });
    await todo.getByRole('link', { name: 'Overdracht vastleggen' }).click();
    const form = page.getByTestId('form-hand-over');
    await form.getByLabel('Incassobureau').fill('Incasso Noord BV');
    await form.getByTestId('save-hand-over').click();
    await page.getByTestId('notice').waitFor();
    await page.getByTestId('no-step').waitFor();
    assert.match(await page.getByTestId('no-step').innerText(), /^Deze factuur is overgedragen aan het incassobureau: de app stelt geen stappen meer voor/);
    // The page keeps the claim of the day it was handed over: the costs stay on it.
    assert.equal(await page.getByTestId('costs').innerText(), '€ 150,00');
    assert.match(await page.getByTestId('withheld').innerText(), /Overgedragen aan het incassobureau: dit is wat er op 17-12-2026 te vorderen was/);
    const timeline = await page.getByTestId('timeline').innerText();
    for (const line of ['Herinnering vooraf', 'Beloofd € 1.000,00 te betalen op 25-11-2026', 'Gebeld en gesproken', 'Incasso Noord BV']) {
      assert.ok(timeline.includes(line), `the dossier lists ${line}`);
    }
    // The printed dossier gives the agency the debtor, the day of the hand-over and the claim.
    const handedTotal = await page.getByTestId('claim-total').innerText();
    await page.getByTestId('export-dossier').click();
    await page.getByTestId('dossier').getByText('Overgedragen op', { exact: false }).waitFor();
    const dossier = await page.getByTestId('dossier').innerText();
    for (const line of ['Klant: Studio Noord (zakelijk)', 'E-mail: geld@noord.example', 'Telefoon: 020 1234567', 'Overgedragen op: 17-12-2026', 'Incassokosten: € 150,00', `Te vorderen: ${handedTotal}`]) {
      assert.ok(dossier.includes(line), `the printed dossier states ${line}:\n${dossier}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a promise paid in part is followed up for the rest, with thanks for what came in', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-11-24');
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, HEADER + 'D-2;Drukkerij Deel;zakelijk;post@deel.example;020 7654321;01-10-2026;31-10-2026;1.000,00\r\n');
    await openInvoice(page, 'D-2');
    await act(page, 'call', async (form) => {
      await form.getByTestId('outcome-reached').check();
      await form.getByTestId('talk-promise').check();
      await form.getByLabel('Beloofd bedrag').fill('1.000,00');
      await form.getByLabel('Beloofd op').fill('2026-11-25');
      await form.getByTestId('save-call').click();
    });
    await at(page, '2026-11-25');
    await openInvoice(page, 'D-2');
    await act(page, 'payment', async (form) => {
      await form.getByLabel('Ontvangen bedrag').fill('400,00');
      await form.getByTestId('save-payment').click();
    });

    // The promised day has passed with € 600 of it missing: the follow-up asks for that.
    await at(page, '2026-11-30');
    await openInvoice(page, 'D-2');
    await expectStep(page, 'Betaalbelofte opvolgen');
    const email = await compose(page);
    assert.ok(email.includes('Daarvan heb ik € 400,00 ontvangen, dank daarvoor. De overige € 600,00 heb ik nog niet ontvangen.'), email);
    assert.match(email, /Maak € 600,00 uiterlijk op/);
    assert.doesNotMatch(email, /Die betaling heb ik nog niet ontvangen/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a Dutch consumer's invoice reaches the 14-day letter with the exact collection costs", async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-11-20');
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, HEADER + 'P-7;Jan de Vries;particulier;jan@vries.example;06 11112222;01-10-2026;31-10-2026;1.000,00\r\n');
    await giveAddress(page, 'Jan de Vries');
    await openInvoice(page, 'P-7');
    assert.match(await page.getByTestId('withheld').innerText(), /veertien dagen/);
    assert.equal(await page.getByTestId('costs').count(), 0, 'no costs before the 14-day letter');

    // The two reminders went out on paper earlier; they are recorded with their own dates.
    for (const [kind, day] of [['Betalingsherinnering', '2026-11-01'], ['Tweede herinnering', '2026-11-14']]) {
      await act(page, 'contact', async (form) => {
        await form.getByLabel('Soort brief').selectOption({ label: kind });
        await form.getByLabel('Datum').fill(day);
        await form.getByTestId('save-contact').click();
      });
    }
    // A week after the second reminder is a Saturday: its pay-by date is the Monday, and the
    // call is planned for the day after.
    await expectStep(page, 'Bellen: geen reactie', 'Op 24-11-2026');

    // The user calls on the Saturday all the same and gets through; the agreement is
    // confirmed in writing the same day.
    await at(page, '2026-11-21');
    await openInvoice(page, 'P-7');
    await act(page, 'call', async (form) => {
      await form.getByLabel('Wat is er gezegd of afgesproken?').fill('Betaalt zodra het salaris binnen is.');
      // Nothing is chosen beforehand: the dossier records only what the user says happened.
      await form.getByTestId('save-call').click();
      await form.getByTestId('call-outcome-error').getByText('Kies hoe het gesprek ging.').waitFor();
      await form.getByTestId('outcome-reached').check();
      await form.getByTestId('save-call').click();
      await form.getByTestId('call-talk-error').getByText('Kies wat er uit het gesprek kwam.').waitFor();
      await page.waitForFunction(() => document.activeElement?.dataset?.testid === 'talk-agreement');
      await form.getByTestId('talk-agreement').check();
      await form.getByTestId('save-call').click();
    });
    await expectStep(page, 'Afspraak schriftelijk bevestigen');
    // Only the user knows what was agreed: the draft leaves a gap and cannot go until it is filled.
    const confirmation = await compose(page);
    assert.ok(confirmation.includes('[wat we hebben afgesproken]'), confirmation);
    await page.getByTestId('placeholders-left').waitFor();
    await page.getByLabel('Tekst').fill(confirmation.replace('[wat we hebben afgesproken]', 'u betaalt voor het eind van de maand'));
    await markSent(page);

    // The confirmation's pay-by date is Monday the 30th, so the letter comes the day after.
    await at(page, '2026-12-01');
    await openInvoice(page, 'P-7');
    await expectStep(page, 'Veertiendagenbrief per post sturen');
    const letter = await compose(page);
    // The exact costs on the principal of € 1.000, and the term counted from the day after delivery.
    for (const needle of ['€ 150,00', 'veertien dagen', 'P-7']) assert.ok(letter.includes(needle), `the letter names ${needle}:\n${letter}`);
    await page.getByTestId('letter').waitFor();
    // The letter says a copy goes by email, and the composer offers that email.
    assert.ok(letter.includes('Een kopie van deze brief stuur ik u ook per e-mail.'), letter);
    assert.match(await page.getByTestId('mailto-copy').getAttribute('href'), /^mailto:jan@vries\.example\?subject=/);
    await markSent(page);

    // Posted on Tuesday 1 December, assumed delivered Thursday 3 December: the fourteen days
    // end on 17 December, and costs are due from the 18th.
    await at(page, '2026-12-10');
    await openInvoice(page, 'P-7');
    assert.equal(await page.getByTestId('costs').count(), 0);
    assert.match(await page.getByTestId('withheld').innerText(), /18-12-2026/);
    await at(page, '2026-12-17');
    await openInvoice(page, 'P-7');
    assert.equal(await page.getByTestId('costs').count(), 0);
    await at(page, '2026-12-18');
    await openInvoice(page, 'P-7');
    assert.equal(await page.getByTestId('costs').innerText(), '€ 150,00');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a Dutch consumer's overdue invoices share one 14-day letter and one fee on their sum", async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-11-30');
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    // No phone number, so the ladder writes instead of calling.
    await importCsv(
      page,
      HEADER +
        'Q-1;Els Bakker;particulier;els@bakker.example;;01-10-2026;31-10-2026;1.000,00\r\n' +
        'Q-2;Els Bakker;particulier;els@bakker.example;;16-10-2026;15-11-2026;200,00\r\n',
    );
    await giveAddress(page, 'Els Bakker');
    await openInvoice(page, 'Q-1');
    for (const [kind, day] of [['Betalingsherinnering', '2026-11-01'], ['Tweede herinnering', '2026-11-14']]) {
      await act(page, 'contact', async (form) => {
        await form.getByLabel('Soort brief').selectOption({ label: kind });
        await form.getByLabel('Datum').fill(day);
        await form.getByTestId('save-contact').click();
      });
    }
    // Q-2 is overdue too, so it goes into the same letter instead of starting its own ladder.
    await openInvoice(page, 'Q-2');
    await expectStep(page, 'Veertiendagenbrief per post sturen');
    const letter = await compose(page);
    // The costs on the sum of € 1.200: 15% = € 180, charged once.
    for (const needle of ['Q-1', 'Q-2', '€ 180,00']) assert.ok(letter.includes(needle), `the letter names ${needle}:\n${letter}`);
    // The letter, about two invoices, prints on one A4 page.
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    assert.equal(pdf.match(/\/Type\s*\/Page\b/g).length, 1, 'one printed page');
    await markSent(page);

    // After the term each invoice page carries its part of the one fee: 1000/1200 and 200/1200.
    await at(page, '2026-12-17');
    for (const [number, part] of [['Q-1', '€ 150,00'], ['Q-2', '€ 30,00']]) {
      await openInvoice(page, number);
      assert.equal(await page.getByTestId('costs').innerText(), part, number);
      assert.match(await page.getByTestId('working').textContent(), /toen de termijn afliep, € 1\.200,00/, number);
    }

    // One notice announces the hand-over of both invoices, so one record hands both over.
    await openInvoice(page, 'Q-2');
    await expectStep(page, 'Overdragen aan incassobureau');
    const notice = await compose(page);
    for (const needle of ['Q-1', 'Q-2']) assert.ok(notice.includes(needle), `the notice names ${needle}:\n${notice}`);
    await markSent(page);
    await openInvoice(page, 'Q-1');
    const planned = (await page.getByTestId('step-date').innerText()).replace(/^Op /, '');
    const [dd, mm, yyyy] = planned.split('-');
    await at(page, `${yyyy}-${mm}-${dd}`);
    await page.goto(app.server.url);
    await ready(page);
    const todos = page.getByTestId('todo').filter({ hasText: 'Q-1' });
    assert.equal(await todos.count(), 1, 'one step for the hand-over of both');
    // The invoice page's own link to the step opens the form on that page; a note half typed
    // there is not thrown away without asking.
    await openInvoice(page, 'Q-1');
    await page.getByTestId('act-note').click();
    await page.getByTestId('form-note').locator('textarea').fill('Nog even bellen?');
    const link = page.getByTestId('open-composer');
    assert.equal(await link.innerText(), 'Overdracht vastleggen');
    await link.click();
    await page.getByTestId('discard-question').waitFor();
    assert.equal(await page.getByTestId('form-hand-over').count(), 0);
    await page.getByTestId('discard-typing').click();
    const form = page.getByTestId('form-hand-over');
    assert.equal(await form.getByTestId('hand-over-together').innerText(), 'Eén aankondiging noemde deze overdracht voor de facturen Q-1 en Q-2: ze worden samen overgedragen.');
    await form.getByLabel('Incassobureau').fill('Incasso Noord BV');
    await form.getByTestId('save-hand-over').click();
    await page.getByTestId('notice').waitFor();
    for (const number of ['Q-1', 'Q-2']) {
      await openInvoice(page, number);
      assert.match(await page.getByTestId('no-step').innerText(), /^Deze factuur is overgedragen aan het incassobureau: de app stelt geen stappen meer voor/, number);
      assert.ok((await page.getByTestId('timeline').innerText()).includes('Incasso Noord BV'), number);
    }
    await page.goto(app.server.url);
    await ready(page);
    assert.equal(await page.getByTestId('todo').count(), 0, 'nothing is left to do');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a Belgian consumer owes damages only when the user's terms have a damages clause", async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-11-25');
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'settings');
    await ready(page);
    const form = page.getByTestId('settings-form');
    assert.equal(await form.getByTestId('damages-clause').count(), 0, 'only asked of Belgian users');
    assert.equal(await form.getByLabel('Btw over incassokosten', { exact: false }).count(), 1);
    await form.getByLabel('België').check();
    // Belgian law has a fixed compensation and damages, not Dutch collection costs with VAT.
    await form.getByLabel('Forfaitaire vergoeding en schadevergoeding rekenen waar de wet dat toestaat').waitFor();
    assert.equal(await form.getByLabel('Incassokosten rekenen', { exact: false }).count(), 0);
    assert.equal(await form.getByLabel('Btw over incassokosten', { exact: false }).count(), 0);
    const clause = form.getByTestId('damages-clause').getByRole('checkbox');
    assert.equal(await clause.isChecked(), false);
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-saved').waitFor();
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, HEADER + 'BE-1;An Peeters;particulier;an@peeters.example;;01-10-2026;31-10-2026;1.000,00\r\n');
    await openInvoice(page, 'BE-1');
    // The free first reminder was posted on 2 November; its fourteen days are over.
    await act(page, 'contact', async (form) => {
      await form.getByLabel('Soort brief').selectOption({ label: 'Eerste herinnering (gratis)' });
      await form.getByLabel('Datum').fill('2026-11-02');
      await form.getByTestId('save-contact').click();
    });
    await openInvoice(page, 'BE-1');
    assert.equal(await page.getByTestId('costs').count(), 0);
    assert.match(await page.getByTestId('withheld').innerText(), /alleen een schadevergoeding als je voorwaarden die vastleggen/);

    // With the clause, the legal maximum on € 1.000: € 65 + 5% of € 500 = € 90.
    await page.goto(app.server.url + 'settings');
    await ready(page);
    await clause.check();
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-saved').waitFor();
    await openInvoice(page, 'BE-1');
    assert.equal(await page.getByTestId('costs').innerText(), '€ 90,00');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a free reminder sent before the damages clause was switched on lets no damages follow it', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-11-02');
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'settings');
    await ready(page);
    const form = page.getByTestId('settings-form');
    await form.getByLabel('België').check();
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-saved').waitFor();
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, HEADER + 'BE-2;Lies Maes;particulier;lies@maes.example;;01-10-2026;31-10-2026;1.000,00\r\n');
    // Without the clause the free reminder says it costs nothing and names no damages.
    const reminder = await sendStep(page, 'BE-2', '2026-11-02', 'Eerste herinnering sturen', ['gratis']);
    assert.doesNotMatch(reminder, /schadevergoeding/);

    // The clause switched on weeks later does not reach back to that reminder.
    await at(page, '2026-11-25');
    await page.goto(app.server.url + 'settings');
    await ready(page);
    await form.getByTestId('damages-clause').getByRole('checkbox').check();
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-saved').waitFor();
    await openInvoice(page, 'BE-2');
    assert.equal(await page.getByTestId('costs').count(), 0);
    assert.match(await page.getByTestId('withheld').innerText(), /De gratis eerste herinnering noemde geen schadevergoeding/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a letter recorded by hand while a call is proposed is the letter the menu shows', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-11-23');
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    // A large invoice due soon: the proposed step is a call before the due date.
    await importCsv(page, HEADER + 'G-1;Bouwbedrijf Groot;zakelijk;groot@bouw.example;030 1112222;01-11-2026;25-11-2026;5.000,00\r\n');
    await openInvoice(page, 'G-1');
    await expectStep(page, 'Bellen vóór de vervaldatum');
    // The call script prints without the form that records how the call went.
    await page.getByTestId('open-composer').click();
    await page.getByTestId('call-form').waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('call-form').isVisible(), false);
    assert.ok((await page.locator('.print-body').innerText()).includes('G-1'));
    await page.emulateMedia({ media: 'screen' });
    await openInvoice(page, 'G-1');
    await page.getByTestId('act-contact').click();
    const form = page.getByTestId('form-contact');
    const shown = await form.getByLabel('Soort brief').evaluate((el) => el.selectedOptions[0].textContent);
    // Before the due date, the letter that does a call's work is the heads-up.
    assert.equal(shown, 'Herinnering vooraf');
    await form.getByTestId('save-contact').click();
    await page.getByTestId('notice').waitFor();
    const timeline = await page.getByTestId('timeline').innerText();
    assert.ok(timeline.includes(shown), `the dossier records ${shown}:\n${timeline}`);
    assert.ok(!timeline.includes('Belscript'), timeline);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a payment that includes the claimed costs is not an overpayment', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-11-23');
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, HEADER + 'K-1;Drukkerij Pers;zakelijk;pers@druk.example;;01-10-2026;31-10-2026;2.500,00\r\n');
    await openInvoice(page, 'K-1');
    assert.equal(await page.getByTestId('costs').innerText(), '€ 375,00');
    // The customer pays the invoice and the costs the last reminder asked for. A slip of a
    // zero is asked about first, and nothing is recorded until the amount is confirmed.
    await act(page, 'payment', async (form) => {
      await form.getByLabel('Ontvangen bedrag').fill('28.750,00');
      await form.getByTestId('save-payment').click();
      assert.match(await form.getByTestId('payment-question').innerText(), /€ 28\.750,00 is veel meer dan de € 2\.500,00 die openstaat/);
      assert.equal(await page.getByTestId('paid').innerText(), '€ 0,00');
      await form.getByLabel('Ontvangen bedrag').fill('2.875,00');
      await form.getByTestId('save-payment').click();
    });
    assert.equal(await page.getByTestId('outstanding').innerText(), '€ 0,00');
    assert.equal(await page.getByTestId('paid-costs').innerText(), '€ 375,00');
    assert.equal(await page.getByTestId('overpaid').count(), 0);
    assert.doesNotMatch(await page.getByTestId('amounts').innerText(), /terug/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an invoice paid late without the interest and costs says what was there to ask for', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-11-23');
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, HEADER + 'K-2;Drukkerij Pers;zakelijk;pers@druk.example;;01-10-2026;31-10-2026;1.000,00\r\n');
    await openInvoice(page, 'K-2');
    assert.equal(await page.getByTestId('costs').innerText(), '€ 150,00');
    const claimed = await page.getByTestId('claim-total').innerText();
    const extra = (Number(claimed.replace(/[€ .]/g, '').replace(',', '.')) - 1000).toFixed(2).replace('.', ',');
    await act(page, 'payment', async (form) => {
      await form.getByLabel('Ontvangen bedrag').fill('1.000,00');
      await form.getByTestId('save-payment').click();
    });
    assert.equal(await page.getByTestId('outstanding').innerText(), '€ 0,00');
    assert.equal(
      await page.getByTestId('withheld').innerText(),
      `Betaald op 23-11-2026, na de vervaldatum. Op die dag mocht je ook € ${extra} aan rente en kosten vragen: de wet boekt een betaling eerst op kosten en rente (art. 6:44 BW). De app vraagt dat niet meer; wil je het toch, vraag het je klant dan zelf.`,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a dispute pauses the chase until it is resolved', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-11-20');
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, HEADER + 'D-1;Tuin & Zo;zakelijk;tuin@zo.example;;01-10-2026;31-10-2026;500,00\r\n');
    await openInvoice(page, 'D-1');
    await expectStep(page, 'Eerste herinnering sturen');

    await act(page, 'dispute', async (form) => {
      await form.getByRole('button', { name: 'Vastleggen' }).click();
      await form.getByTestId('dispute-text-error').waitFor();
      await form.getByLabel('Wat betwist de klant?').fill('Het werk aan de schutting is niet af.');
      // The customer wrote two days ago: the dossier keeps that day.
      await form.getByLabel('Datum').fill('2026-11-18');
      await form.getByRole('button', { name: 'Vastleggen' }).click();
    });
    await expectStep(page, 'Bezwaar oplossen');
    assert.match(await page.getByTestId('flags').innerText(), /Betwist sinds 18-11-2026/);
    assert.match(await page.getByTestId('withheld').innerText(), /bezwaar/);
    assert.equal(await page.getByTestId('costs').count(), 0);
    // Weeks later the ladder has not moved on: still only the dispute.
    await at(page, '2026-12-20');
    await openInvoice(page, 'D-1');
    await expectStep(page, 'Bezwaar oplossen');

    await act(page, 'dispute', async (form) => {
      await form.getByLabel('Hoe is het opgelost?').fill('Schutting afgemaakt.');
      await form.getByLabel('Datum').fill('2026-11-17');
      await form.getByRole('button', { name: 'Vastleggen' }).click();
      assert.equal(
        await form.getByTestId('dispute-date-error').innerText(),
        'Het bezwaar is gemaakt op 18-11-2026; het kan niet eerder zijn opgelost.',
      );
      await form.getByLabel('Datum').fill('2026-12-20');
      await form.getByRole('button', { name: 'Vastleggen' }).click();
    });
    // What was settled is confirmed in writing first, with the usual pay-by term from the
    // settlement (a Sunday, so the term runs to Monday the 28th). Only the user knows how it
    // was settled: the draft cannot go until that is filled in.
    await expectStep(page, 'Afspraak schriftelijk bevestigen');
    assert.doesNotMatch(await page.getByTestId('flags').innerText(), /Betwist/);
    const confirmation = await compose(page);
    assert.ok(confirmation.includes('Op 20 december 2026 hebben we uw bezwaar tegen deze factuur opgelost.'), confirmation);
    assert.ok(confirmation.includes('uiterlijk op 28 december 2026'), confirmation);
    await page.getByTestId('placeholders-left').waitFor();
    await page.getByLabel('Tekst').fill(confirmation.replace('[wat we hebben afgesproken]', 'de schutting is afgemaakt en u betaalt het hele bedrag'));
    await markSent(page);
    // Then the ladder takes up where it stood: the first reminder, which was never sent, once
    // that term has passed.
    await openInvoice(page, 'D-1');
    await expectStep(page, 'Eerste herinnering sturen', 'Op 29-12-2026');
    // That reminder starts from the settlement: the customer knows the invoice by now.
    await at(page, '2026-12-29');
    await openInvoice(page, 'D-1');
    const reminder = await compose(page);
    assert.ok(reminder.includes('Op 20 december 2026 hebben we uw bezwaar tegen factuur D-1 afgehandeld.'), reminder);
    assert.ok(!reminder.includes('ontschoten'), reminder);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a payment plan with a missed instalment, a partial payment, and a paid invoice leaving the queue', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-11-20');
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, HEADER + 'R-1;Kapsalon Knip;zakelijk;knip@salon.example;06 33334444;01-10-2026;31-10-2026;900,00\r\n');
    await openInvoice(page, 'R-1');

    // A call in which the customer says they cannot pay leads straight to the plan form.
    await act(page, 'call', async (form) => {
      await form.getByTestId('outcome-reached').check();
      await form.getByTestId('talk-cannot-pay').check();
      await form.getByLabel('Wat is er gezegd of afgesproken?').fill('Omzet valt tegen deze maand.');
      await form.getByTestId('save-call').click();
    });
    const plan = page.getByTestId('form-plan');
    await plan.waitFor();
    // What was said is on record once, with the call.
    const timeline = await page.getByTestId('timeline').innerText();
    assert.equal(timeline.split('Omzet valt tegen deze maand.').length - 1, 1, timeline);
    assert.match(timeline, /Kan nu niet betalen/);
    assert.match(await plan.getByTestId('plan-costs-note').innerText(), /niet in de termijnen/);
    // A plan made, then a count that cannot be a plan: the old rows go with the message.
    await plan.getByLabel('Aantal termijnen', { exact: true }).fill('2');
    await plan.getByTestId('plan-make').click();
    assert.equal(await plan.getByTestId('plan-rows').locator('tbody tr').count(), 2);
    await plan.getByLabel('Aantal termijnen', { exact: true }).fill('-1');
    await plan.getByTestId('plan-make').click();
    await plan.getByTestId('plan-error').waitFor();
    assert.equal(await plan.getByTestId('plan-rows').count(), 0);
    assert.equal(await plan.getByTestId('save-plan').count(), 0);
    await plan.getByLabel('Aantal termijnen', { exact: true }).fill('3');
    await plan.getByLabel('Eerste termijn op').fill('2026-12-01');
    await plan.getByTestId('plan-make').click();
    assert.equal(await plan.getByTestId('plan-rows').locator('tbody tr').count(), 3);
    assert.equal(await plan.getByLabel('Termijn 2 datum').inputValue(), '2027-01-01');
    const third = plan.getByLabel('Termijn 3 bedrag');
    assert.equal(await third.inputValue(), '300,00');
    // An edited plan that no longer adds up is refused, with the reason.
    await third.fill('250,00');
    await plan.getByTestId('save-plan').click();
    assert.match(await plan.getByTestId('plan-error').innerText(), /€ 850,00/);
    await third.fill('300,00');
    await plan.getByTestId('save-plan').click();
    await page.getByTestId('notice').filter({ hasText: 'betalingsregeling' }).waitFor();
    await expectStep(page, 'Betalingsregeling bevestigen');
    // The confirmation puts every agreed amount and date in writing.
    const confirmation = await compose(page);
    assert.match(confirmation, /- termijn 1: € 300,00 uiterlijk op 1 december 2026\n- termijn 2: € 300,00 uiterlijk op 1 januari 2027\n- termijn 3: € 300,00 uiterlijk op /);
    // No formal letter came before the plan, so there are no costs to set aside by name.
    assert.match(confirmation, /Zolang u de termijnen op tijd betaalt, reken ik geen extra kosten\./);
    await markSent(page);

    // The first instalment is paid in part: the rest of it is still owed.
    await at(page, '2026-12-02');
    await openInvoice(page, 'R-1');
    await act(page, 'payment', async (form) => {
      await form.getByLabel('Ontvangen bedrag').fill('12,3x');
      await form.getByLabel('Datum van ontvangst').fill('0001-01-01');
      await form.getByTestId('save-payment').click();
      await form.getByTestId('payment-amount-error').waitFor();
      assert.match(await form.getByTestId('payment-date-error').innerText(), /Het jaar 1 klopt vast niet/);
      // A year typed wrong puts the payment before the invoice, which is refused.
      await form.getByLabel('Datum van ontvangst').fill('2025-12-02');
      await form.getByTestId('payment-date-error').filter({ hasText: 'factuurdatum' }).waitFor();
      assert.equal(
        await form.getByTestId('payment-date-error').innerText(),
        'Deze datum ligt vóór de factuurdatum (01-10-2026). Kies die dag of een latere.',
      );
      await form.getByLabel('Datum van ontvangst').fill('2026-12-02');
      await form.getByLabel('Ontvangen bedrag').fill('200,00');
      await form.getByTestId('save-payment').click();
    });
    assert.equal(await page.getByTestId('paid').innerText(), '€ 200,00');
    assert.equal(await page.getByTestId('outstanding').innerText(), '€ 700,00');

    // The instalment stays short past its date: the engine calls about it.
    await at(page, '2026-12-05');
    await openInvoice(page, 'R-1');
    await expectStep(page, 'Bellen: termijn gemist');

    // Paying the rest, and € 50 too much, closes the invoice: the page says what to pay
    // back; a thank-you, and after it nothing in the queue.
    assert.equal(await page.getByTestId('overpaid').count(), 0);
    await act(page, 'payment', async (form) => {
      await form.getByLabel('Ontvangen bedrag').fill('750,00');
      await form.getByTestId('save-payment').click();
    });
    assert.equal(await page.getByTestId('outstanding').innerText(), '€ 0,00');
    assert.equal(await page.getByTestId('overpaid').innerText(), '€ 50,00');
    assert.match(await page.getByTestId('amounts').innerText(), /betaal het verschil terug/);
    await expectStep(page, 'Bedanken voor betaling');
    await compose(page);
    await markSent(page);
    await page.getByTestId('nothing-today').waitFor();
    await openInvoice(page, 'R-1');
    await page.getByTestId('no-step').waitFor();
    assert.equal(await page.getByTestId('no-step').innerText(), 'Er staat niets meer open op deze factuur.');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a plan agreed after the last reminder sets the costs aside in writing, and a broken plan claims them', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await at(page, '2026-12-10');
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, HEADER + 'K-1;Kozijn & Co;zakelijk;info@kozijn.example;;01-09-2026;01-10-2026;1.000,00\r\n');
    await openInvoice(page, 'K-1');
    await act(page, 'contact', async (form) => {
      await form.getByLabel('Soort brief').selectOption({ label: 'Laatste herinnering' });
      await form.getByLabel('Datum').fill('2026-11-01');
      await form.getByTestId('save-contact').click();
    });
    assert.equal(await page.getByTestId('costs').innerText(), '€ 150,00');

    await act(page, 'plan', async (form) => {
      await form.getByLabel('Eerste termijn op').fill('2026-12-17');
      await form.getByTestId('plan-make').click();
      await form.getByTestId('save-plan').click();
    });
    await expectStep(page, 'Betalingsregeling bevestigen');
    const confirmation = await compose(page);
    assert.match(confirmation, /Betaalt u alle termijnen zoals afgesproken, dan vraag ik de incassokosten van € 150,00 niet\./);
    assert.match(confirmation, /nog niet is betaald\. In dat geval vraag ik het volledige openstaande bedrag in één keer, met de incassokosten\./);
    await markSent(page);

    // Two instalment dates pass unpaid: the plan is broken and the hand-over claims the costs.
    await at(page, '2027-02-01');
    await openInvoice(page, 'K-1');
    await expectStep(page, 'Overdragen aan incassobureau');
    assert.equal(await page.getByTestId('costs').innerText(), '€ 150,00');
    assert.match(await compose(page), /€ 150,00 incassokosten/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
