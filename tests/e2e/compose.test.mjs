// The daily loop through the composer, with the clock fixed: Today proposes a reminder, the
// composer drafts it, the mailto link carries exactly the draft, copy works, and marking it
// sent stores the text in the dossier and moves the proposal on.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { fillBusiness, fromStore, importCsv, ready, switchLanguage, useApp, watchedPage } from './browser.mjs';

const TODAY = new Date('2026-11-23T10:00:00');
const CSV =
  'Factuurnummer;Klant;E-mail;Telefoon;Factuurdatum;Vervaldatum;Bedrag\r\n' +
  'A-1;Bakkerij Jansen;info@jansen.example;06 12345678;23-10-2026;22-11-2026;100,00\r\n';

const app = useApp();

/** On the test's day, with the business filled in, imports `CSV` and composes its reminder from Today. */
async function composeTheReminder(page) {
  await page.clock.setFixedTime(TODAY);
  await fillBusiness(page, app.server.url);
  await page.goto(app.server.url + 'invoices');
  await ready(page);
  await importCsv(page, CSV);
  await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
  await page.getByTestId('compose').click();
}

/** On the open invoice page, records that both reminders went out earlier, each on its own date. */
async function recordBothReminders(page) {
  for (const [kind, day] of [['Betalingsherinnering', '2026-11-01'], ['Tweede herinnering', '2026-11-14']]) {
    await page.getByTestId('act-contact').click();
    const form = page.getByTestId('form-contact');
    await form.getByLabel('Soort brief').selectOption({ label: kind });
    await form.getByLabel('Datum').fill(day);
    await form.getByTestId('save-contact').click();
    await page.getByTestId('notice').waitFor();
  }
}

function decodeMailto(href) {
  const [address, query] = href.slice('mailto:'.length).split('?');
  const params = Object.fromEntries(query.split('&').map((p) => p.split('=')).map(([k, v]) => [k, decodeURIComponent(v)]));
  return { address: decodeURIComponent(address), ...params };
}

describe('composer', () => {
  test('drafts the reminder, the mailto link carries it exactly, and marking it sent moves the step on', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
    await page.clock.setFixedTime(TODAY);
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, CSV);

    await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
    await page.getByTestId('compose').click();
    await page.getByTestId('composer').waitFor();
    const composed = page.url();
    const subject = await page.getByLabel('Onderwerp').inputValue();
    const body = await page.getByLabel('Tekst').inputValue();
    assert.match(subject, /A-1/);
    for (const needle of ['A-1', '€ 100,00', '30 november 2026']) assert.ok(body.includes(needle), `the draft names ${needle}`);

    const mail = decodeMailto(await page.getByTestId('mailto').getAttribute('href'));
    assert.equal(mail.address, 'info@jansen.example');
    assert.equal(mail.subject, subject);
    assert.equal(mail.body, body.replace(/\r?\n/g, '\r\n'));

    // An edit before sending is what the link and the dossier carry.
    await page.getByLabel('Tekst').fill(body + '\nMet dank.');
    const edited = decodeMailto(await page.getByTestId('mailto').getAttribute('href'));
    assert.ok(edited.body.endsWith('\r\nMet dank.'));

    // On paper the subject field is gone, so the subject prints as a line of its own.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.print-subject').innerText(), `Betreft: ${subject.replace(': ', ' – ')}`);
    assert.equal(await page.getByLabel('Onderwerp').isVisible(), false);
    await page.emulateMedia({ media: 'screen' });
    // The letter is in the customer's language, its subject line too, whatever the user reads,
    // and the fields say which language that is.
    await page.getByTestId('lang-switch').click();
    await page.getByLabel('Subject', { exact: true }).waitFor();
    assert.equal(await page.locator('#compose-body').getAttribute('lang'), 'nl');
    assert.equal(await page.getByTestId('lang-switch').getAttribute('lang'), 'nl');
    assert.equal(await page.locator('.print-subject').textContent(), `Betreft: ${subject.replace(': ', ' – ')}`);
    await page.getByTestId('lang-switch').click();
    await page.getByLabel('Onderwerp').waitFor();

    await page.getByTestId('copy').click();
    await page.getByTestId('notice').filter({ hasText: 'Gekopieerd' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${subject}\n\n${body}\nMet dank.`);

    await page.getByTestId('mark-sent').click();
    await page.getByRole('heading', { level: 1, name: 'Vandaag' }).waitFor();
    await page.getByTestId('nothing-today').waitFor();
    // The dossier keeps the exact text that was sent.
    const stored = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('factuurwacht');
          open.onsuccess = () => {
            const request = open.result.transaction('events').objectStore('events').getAll();
            request.onsuccess = () => resolve(request.result);
          };
        }),
    );
    assert.equal(stored.length, 1);
    assert.equal(stored[0].kind.type, 'message_sent');
    assert.equal(stored[0].kind.message, 'first_reminder');
    assert.equal(stored[0].kind.body, `${body}\nMet dank.`);
    assert.equal(stored[0].date, '2026-11-23');

    // Back leaves the composer of the step just sent behind: it returns to Today as it was,
    // not to a composer that now offers the next step.
    await page.goBack();
    await page.getByTestId('nothing-today').waitFor();
    assert.equal(await page.getByTestId('composer').count(), 0);
    // Opened anyway, the composer shows the next step, and says it is not due yet.
    await page.goto(composed);
    await page.getByTestId('composer').waitFor();
    assert.match(await page.getByTestId('compose-step').innerText(), /Tweede herinnering/);
    assert.equal(
      await page.getByTestId('not-yet-due').innerText(),
      'Deze stap staat gepland voor 06-12-2026. Je kunt hem nu al doen, maar dat hoeft nog niet.',
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an edit survives leaving the composer and coming back, until it is sent or undone', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await composeTheReminder(page);
    const text = page.getByLabel('Tekst');
    const proposed = await text.inputValue();
    await text.fill(proposed + '\nEIGEN TOEVOEGING.');
    assert.equal(await page.getByTestId('draft-restored').count(), 0);

    // Away to the invoice list, and back with the browser's Back button.
    await page.getByRole('navigation').getByRole('link', { name: 'Facturen', exact: true }).click();
    await page.getByTestId('invoice-table').waitFor();
    await page.goBack();
    await page.getByTestId('draft-restored').waitFor();
    assert.equal(await text.inputValue(), proposed + '\nEIGEN TOEVOEGING.');

    // Undone, the proposed text is back, and stays back.
    await page.getByTestId('draft-reset').click();
    assert.equal(await text.inputValue(), proposed);
    await page.reload();
    await ready(page);
    await page.getByTestId('composer').waitFor();
    assert.equal(await text.inputValue(), proposed);
    assert.equal(await page.getByTestId('draft-restored').count(), 0);

    // Sent, the edit is not offered again for the next step.
    await text.fill(proposed + '\nMet dank.');
    await page.getByTestId('mark-sent').click();
    await page.getByRole('heading', { level: 1, name: 'Vandaag' }).waitFor();
    assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('factuurwacht.draft'))), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('without business details the draft cannot go out until they are filled in', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, CSV);
    await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
    assert.match(await page.getByTestId('business-nudge').innerText(), /Vul eerst je bedrijfsnaam en IBAN in/);

    await page.getByTestId('compose').click();
    const missing = page.getByTestId('missing-business');
    await missing.waitFor();
    assert.match(await missing.innerText(), /Je bedrijfsnaam en IBAN ontbreken nog/);
    assert.match(await page.getByLabel('Tekst').inputValue(), /\[uw IBAN\]/);
    // Nothing with a placeholder in it can reach the customer: no mail link, no marking as sent.
    await page.getByTestId('placeholders-left').waitFor();
    assert.equal(await page.getByTestId('mailto').count(), 0);
    assert.equal(await page.getByTestId('mark-sent').isDisabled(), true);

    // Filled in once, every draft has them.
    await missing.getByRole('link', { name: 'Bedrijfsgegevens invullen' }).click();
    const form = page.getByTestId('settings-form');
    await form.getByLabel('Bedrijfsnaam').fill('Klusbedrijf De Vries');
    await form.getByLabel('IBAN').fill('NL91ABNA0417164300');
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-saved').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
    await page.getByTestId('compose').waitFor();
    assert.equal(await page.getByTestId('business-nudge').count(), 0);
    await page.getByTestId('compose').click();
    await page.getByTestId('mailto').waitFor();
    const body = await page.getByLabel('Tekst').inputValue();
    assert.ok(body.includes('NL91 ABNA 0417 1643 00') && body.includes('Klusbedrijf De Vries'), body);
    assert.equal(await page.getByTestId('missing-business').count(), 0);
    assert.equal(await page.getByTestId('mark-sent').isDisabled(), false);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a customer without an email address: the draft says what is missing and where to add it', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\nB-1;Zonder Adres;23-10-2026;22-11-2026;100,00\r\n');
    await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
    await page.getByTestId('compose').click();
    const missing = page.getByTestId('missing-contact');
    await missing.waitFor();
    assert.match(await missing.innerText(), /geen e-mailadres bekend/);
    const draft = page.url();
    await missing.getByRole('link', { name: 'Klant aanvullen' }).click();
    await page.getByTestId('customer-form').waitFor();
    assert.equal(await page.getByLabel('Naam', { exact: true }).inputValue(), 'Zonder Adres');
    // Saved, the form goes back to the draft, which now has the address.
    await page.getByLabel('E-mail').fill('info@zonderadres.example');
    await page.getByTestId('save-customer').click();
    await page.waitForURL(draft);
    await page.getByTestId('mark-sent').waitFor();
    assert.equal(await page.getByTestId('missing-contact').count(), 0, 'the draft has its address now');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a stored address that cannot be one is left out of the mail link, and the draft says so', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\nB-2;Piet Kapot;23-10-2026;22-11-2026;100,00\r\n');
    // An address saved before it was checked, as an old backup may hold: the form and the
    // import refuse "piet@" today.
    await page.evaluate(() => new Promise((done, fail) => {
      indexedDB.open('factuurwacht').onsuccess = (ev) => {
        const db = ev.target.result;
        const tx = db.transaction('customers', 'readwrite');
        const customers = tx.objectStore('customers');
        customers.getAll().onsuccess = (e) => customers.put({ ...e.target.result[0], email: 'piet@' });
        tx.oncomplete = () => { db.close(); done(); };
        tx.onerror = () => fail(tx.error);
      };
    }));
    await page.goto(app.server.url);
    await ready(page);
    await page.getByTestId('compose').click();
    const missing = page.getByTestId('missing-contact');
    await missing.waitFor();
    assert.match(await missing.innerText(), /e-mailadres van deze klant is niet bruikbaar/);
    assert.match(await page.getByTestId('mailto').getAttribute('href'), /^mailto:\?subject=/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a posted 14-day letter is recorded as a letter to the customer's postal address", async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(new Date('2026-11-30T10:00:00'));
    await fillBusiness(page, app.server.url);
    // A Dutch consumer with an address and no phone, so the ladder writes instead of calling.
    await page.goto(app.server.url + 'customers/new');
    await ready(page);
    await page.getByLabel('Naam', { exact: true }).fill('Jan de Vries');
    await page.getByLabel('Soort klant').selectOption({ label: 'Particulier' });
    await page.getByLabel('E-mail').fill('jan@vries.example');
    await page.getByLabel('Straat en huisnummer').fill('Lindelaan 12');
    await page.getByLabel('Postcode').fill('1234 AB');
    await page.getByLabel('Plaats').fill('Zwolle');
    await page.getByTestId('save-customer').click();
    await page.getByRole('heading', { level: 1, name: 'Jan de Vries' }).waitFor();
    await page.getByTestId('new-invoice-for-customer').click();
    const field = (label) => page.getByTestId('invoice-form').getByLabel(label, { exact: true });
    await field('Factuurnummer').fill('V-1');
    await field('Bedrag inclusief btw').fill('1.000');
    await field('Factuurdatum').fill('01-10-2026');
    await field('Betaaltermijn in dagen').fill('30');
    await page.getByTestId('save-invoice').click();
    await page.getByRole('heading', { level: 1, name: 'Factuur V-1' }).waitFor();
    await recordBothReminders(page);
    assert.equal(await page.getByTestId('step-action').innerText(), 'Veertiendagenbrief per post sturen · Brief per post');

    await page.getByTestId('open-composer').click();
    const recipient = await page.getByTestId('letter').locator('address.recipient').innerText();
    assert.match(recipient, /Lindelaan 12/);
    // On paper the recipient sits at the envelope window's height, beside the sender rather
    // than below it, however long the sender block is.
    await page.emulateMedia({ media: 'print' });
    const place = await page.getByTestId('letter').evaluate((blocks) => {
      const box = (el) => el.getBoundingClientRect();
      const [whole, sender, to] = [blocks, blocks.querySelector('.sender'), blocks.querySelector('.recipient')];
      const cm = (px) => px / 96 * 2.54;
      return { down: cm(box(to).top - box(whole).top), width: cm(box(to).width), side: box(to).right <= box(sender).left };
    });
    await page.emulateMedia({ media: 'screen' });
    assert.ok(Math.abs(place.down - 2.6) < 0.1, `the recipient is ${place.down} cm down`);
    // As wide as the window, so a long name takes as few lines as it can.
    assert.ok(Math.abs(place.width - 9) < 0.1, `the recipient is ${place.width} cm wide`);
    assert.ok(place.side, 'the recipient is left of the sender');
    await page.getByTestId('mark-sent').click();
    await page.getByRole('heading', { level: 1, name: 'Vandaag' }).waitFor();

    // The dossier holds when and how the letter went, and to which address: the proof that
    // the fourteen days started, which a court asks for.
    const letters = (await fromStore(page, 'events')).filter((e) => e.kind.message === 'fourteen_day_letter');
    assert.equal(letters.length, 1, JSON.stringify(letters));
    const [sent] = letters;
    assert.equal(sent.kind.type, 'message_sent');
    assert.equal(sent.channel, 'letter');
    assert.equal(sent.date, '2026-11-30');
    assert.equal(sent.kind.to, 'Jan de Vries, Lindelaan 12, 1234 AB Zwolle');
    // The invoice page shows the same: posted, on that day, to that address.
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await page.getByTestId('invoice-table').getByRole('link', { name: 'V-1' }).click();
    const entry = page.getByTestId('timeline').locator('li').first();
    assert.equal(await entry.locator('.timeline-date').innerText(), '30-11-2026');
    assert.equal(await entry.locator('.timeline-channel').innerText(), 'Brief per post');
    assert.match(await entry.locator('pre').textContent(), /^Aan: Jan de Vries, Lindelaan 12, 1234 AB Zwolle\n/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a draft too long for a mail link says so, and the link carries the subject only', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await composeTheReminder(page);
    const link = page.getByTestId('mailto');
    const subject = await page.getByLabel('Onderwerp').inputValue();
    const body = await page.getByLabel('Tekst').inputValue();
    // The proposed reminder fits: the link carries it and there is no hint.
    assert.match(await link.getAttribute('href'), /&body=/);
    assert.equal(await page.getByTestId('mailto-too-long').count(), 0);

    // A long explanation added by hand makes the link too long for mail apps to open.
    const long = `${body}\n\n${'Zoals besproken volgt hier de specificatie van het werk. '.repeat(40)}`;
    await page.getByLabel('Tekst').fill(long);
    assert.equal(
      await page.getByTestId('mailto-too-long').innerText(),
      'Dit bericht is te lang voor een maillink: de link vult alleen het onderwerp in. Kopieer de tekst en plak hem in de mail.',
    );
    const href = await link.getAttribute('href');
    assert.equal(decodeMailto(href).address, 'info@jansen.example');
    assert.equal(decodeMailto(href).subject, subject);
    assert.doesNotMatch(href, /body=/);
    // Shortened again, the body is back in the link and the hint goes.
    await page.getByLabel('Tekst').fill(body);
    await page.getByTestId('mailto-too-long').waitFor({ state: 'detached' });
    assert.equal(decodeMailto(await link.getAttribute('href')).body, body.replace(/\r?\n/g, '\r\n'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('switching language with a half-filled call form asks first, and "no" keeps what was filled in', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    // A large invoice due soon: the proposed step is a call before the due date.
    await importCsv(
      page,
      'Factuurnummer;Klant;Telefoon;Factuurdatum;Vervaldatum;Bedrag\r\nG-1;Bouwbedrijf Groot;030 1112222;01-11-2026;25-11-2026;5.000,00\r\n',
    );
    await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
    await page.getByTestId('compose').click();
    const form = page.getByTestId('call-form');
    await form.getByTestId('outcome-reached').check();
    await form.getByLabel('Wat is er gezegd of afgesproken?').fill('Betaalt vrijdag');

    assert.deepEqual(await switchLanguage(page, false), ['Wat je in het formulier typte, is nog niet bewaard en gaat verloren als je van taal wisselt. Toch wisselen?']);
    assert.equal(await form.getByLabel('Wat is er gezegd of afgesproken?').inputValue(), 'Betaalt vrijdag');
    assert.ok(await form.getByTestId('outcome-reached').isChecked());

    // Saying yes switches; the fresh form holds nothing, so switching back asks nothing.
    assert.equal((await switchLanguage(page, true)).length, 1);
    await form.getByLabel('What was said or agreed?').waitFor();
    assert.deepEqual(await switchLanguage(page, false), []);
    await form.getByLabel('Wat is er gezegd of afgesproken?').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a posted letter cannot be recorded as sent while the customer has no postal address', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(new Date('2026-11-30T10:00:00'));
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Soort klant;E-mail;Factuurdatum;Vervaldatum;Bedrag\r\nZ-1;Piet Zonderadres;particulier;piet@zonder.example;01-10-2026;31-10-2026;500,00\r\n');
    await page.getByTestId('invoice-table').getByRole('link', { name: 'Z-1', exact: true }).click();
    await recordBothReminders(page);
    assert.equal(await page.getByTestId('step-action').innerText(), 'Veertiendagenbrief per post sturen · Brief per post');
    await page.getByTestId('open-composer').click();
    await page.getByTestId('composer').waitFor();
    // The letter could never arrive, so its term and costs could never start.
    assert.equal(
      await page.getByTestId('address-missing').innerText(),
      'Een brief per post heeft jouw adres en dat van de klant nodig. Vul ze aan, dan kun je de brief versturen.',
    );
    assert.equal(await page.getByTestId('mark-sent').isDisabled(), true);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
