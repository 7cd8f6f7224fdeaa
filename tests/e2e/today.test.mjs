// The Today page with the browser's clock fixed: imported invoices turn into the engine's
// steps, due ones grouped per customer with their reason, the next ones listed by date, and
// the amounts above add up.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { importCsv, ready, useApp, watchedPage } from './browser.mjs';

const TODAY = new Date('2026-11-23T10:00:00'); // a Monday

const INVOICES =
  'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\n' +
  // Due yesterday: the first reminder is due today.
  'A-1;Bakkerij Jansen;23-10-2026;22-11-2026;100,00\r\n' +
  // Due in two days: the heads-up (three days before) is due since yesterday.
  'A-2;Bakkerij Jansen;26-10-2026;25-11-2026;200,00\r\n' +
  // Seven weeks late and never chased: one first reminder, not a burst of every rung.
  'B-1;Restaurant De Linde;01-09-2026;01-10-2026;1.000,00\r\n' +
  // Due in a week: its heads-up comes up in the next days.
  'C-1;Kapsalon Knip;01-11-2026;30-11-2026;50,00\r\n';

const app = useApp();

describe('Today', () => {
  test('shows the steps due, grouped per customer, with reasons, amounts and what comes next', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, INVOICES);

    await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
    await page.getByTestId('todo-list').waitFor();
    assert.equal(await page.getByTestId('total-outstanding').textContent(), '€ 1.350,00');
    assert.equal(await page.getByTestId('total-overdue').textContent(), '€ 1.100,00');

    const groups = await page.locator('.todo-group').evaluateAll((els) =>
      els.map((el) => ({
        customer: el.querySelector('h3').textContent,
        todos: [...el.querySelectorAll('.todo-what')].map((p) => p.textContent),
      })),
    );
    // The seven-week-old invoice is the most urgent; a customer's steps stay together.
    assert.deepEqual(groups.map((g) => g.customer), ['Restaurant De Linde', 'Bakkerij Jansen']);
    assert.deepEqual(groups[0].todos, ['Eerste herinnering sturen · E-mail · B-1 · € 1.000,00']);
    assert.equal(groups[1].todos.length, 2);
    assert.ok(groups[1].todos.includes('Eerste herinnering sturen · E-mail · A-1 · € 100,00'), groups[1].todos.join('\n'));
    assert.ok(groups[1].todos.includes('Herinnering vooraf sturen · E-mail · A-2 · € 200,00'), groups[1].todos.join('\n'));
    assert.equal(await page.locator('.hint', { hasText: 'meest dringend eerst' }).innerText(), '3 stappen, meest dringend eerst.');
    const reasons = await page.locator('.todo-why').allTextContents();
    assert.equal(reasons.length, 3);
    for (const reason of reasons) assert.ok(reason.length > 20, `a reason in words: "${reason}"`);

    const upcoming = await page.getByTestId('upcoming').locator('li').allTextContents();
    assert.deepEqual(upcoming, ['27-11-2026 Kapsalon Knip · Herinnering vooraf sturen · C-1']);

    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { level: 2, name: 'To do today' }).waitFor();
    assert.equal(await page.getByTestId('total-outstanding').textContent(), '€1,350.00');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a long queue shows the most urgent customers first and the rest on request', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    // Sixty customers with one overdue invoice each; the larger the amount, the later the
    // due date, so urgency and amount do not line up by accident.
    let csv = 'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\n';
    for (let i = 1; i <= 60; i++) csv += `Q-${i};Klant ${String(i).padStart(2, '0')};01-09-2026;${String(1 + (i % 28)).padStart(2, '0')}-10-2026;${100 + i},00\r\n`;
    await importCsv(page, csv);
    await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
    await page.getByTestId('todo-list').waitFor();
    assert.match(await page.locator('.hint', { hasText: 'stappen, meest dringend eerst' }).innerText(), /^60 stappen/);
    const groups = page.locator('.todo-group');
    assert.equal(await groups.count(), 25);
    // Every step is a first reminder of about the same amount, so the one that has waited
    // longest is the most urgent: the earliest due date first. Ties go by customer, whose ids
    // this tab made in the file's order.
    const dueDay = (i) => 1 + (i % 28);
    const byUrgency = Array.from({ length: 60 }, (_, n) => n + 1)
      .sort((a, b) => dueDay(a) - dueDay(b) || a - b)
      .map((i) => `Klant ${String(i).padStart(2, '0')}`);
    const first = await groups.locator('h3').allTextContents();
    assert.deepEqual(first, byUrgency.slice(0, 25));
    // The first customer's invoice fell due on 1 October; its reminder has waited since the 2nd.
    assert.equal(await groups.first().locator('.todo-when').innerText(), 'Te doen sinds 02-10-2026');
    assert.equal(await page.getByTestId('more-todos').innerText(), 'Meer tonen (nog 35 klanten)');
    await page.getByTestId('more-todos').click();
    await page.locator('.todo-group').nth(49).waitFor();
    assert.equal(await groups.count(), 50);
    // Showing more keeps the order: the first 25 are still the first 25.
    assert.deepEqual((await groups.locator('h3').allTextContents()).slice(0, 25), first);
    await page.getByTestId('more-todos').click();
    await page.locator('.todo-group').nth(59).waitFor();
    assert.equal(await page.getByTestId('more-todos').count(), 0);
    assert.deepEqual(await groups.locator('h3').allTextContents(), byUrgency);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a Today page left open moves on to the new day at midnight, and when it comes back into view', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    // Two minutes before midnight on Thursday 26 November; the clock runs on from there.
    await page.clock.install({ time: new Date('2026-11-26T23:58:00') });
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\nC-1;Kapsalon Knip;01-11-2026;30-11-2026;50,00\r\n');
    await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
    await page.getByTestId('upcoming').waitFor();
    assert.deepEqual(await page.getByTestId('upcoming').locator('li').allTextContents(), ['27-11-2026 Kapsalon Knip · Herinnering vooraf sturen · C-1']);
    assert.equal(await page.getByTestId('todo-list').locator('.todo-what').count(), 0);

    // Past midnight the heads-up is the day's work, without a reload.
    await page.clock.fastForward('05:00');
    await page.getByTestId('todo-list').locator('.todo-what', { hasText: 'Herinnering vooraf sturen · E-mail · C-1' }).waitFor();

    // A laptop asleep over the weekend runs no timers: coming back into view is enough to
    // show that the invoice is overdue now.
    await page.clock.setSystemTime(new Date('2026-12-01T09:00:00'));
    assert.equal(await page.getByTestId('total-overdue').textContent(), '€ 0,00');
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.waitForFunction(() => document.querySelector('[data-testid="total-overdue"]')?.textContent === '€ 50,00');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a paused customer stays in sight on Today and is marked in the customer list until resumed', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(
      page,
      'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\n' +
        // Seven weeks late, and one not yet due.
        'J-1;Bakkerij Jansen;01-09-2026;01-10-2026;5.771,08\r\n' +
        'J-2;Bakkerij Jansen;01-11-2026;01-12-2026;250,00\r\n',
    );
    const editPause = async (paused, reason) => {
      await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
      await page.getByRole('link', { name: 'Bakkerij Jansen' }).click();
      await page.getByTestId('edit-customer').click();
      await page.getByLabel('Herinneren gepauzeerd').setChecked(paused);
      if (reason) await page.getByLabel('Reden van de pauze').fill(reason);
      await page.getByTestId('save-customer').click();
      await page.getByRole('heading', { level: 1, name: 'Bakkerij Jansen' }).waitFor();
    };
    const toToday = () => page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();

    await editPause(true, 'Eigenaar in het ziekenhuis, half december opnieuw bekijken');
    await toToday();
    await page.getByTestId('paused-list').waitFor();
    // The overdue money still counts above, and nothing claims that all is up to date.
    assert.equal(await page.getByTestId('total-overdue').textContent(), '€ 5.771,08');
    const nothing = await page.getByTestId('nothing-today').innerText();
    assert.doesNotMatch(nothing, /zijn bij/);
    assert.equal(nothing, 'Vandaag hoeft er niets. Wel staat het herinneren op pauze voor 1 klant; je ziet ze hieronder.');
    await page.getByRole('heading', { level: 2, name: 'Gepauzeerd' }).waitFor();
    assert.deepEqual(await page.getByTestId('paused-item').allInnerTexts(), [
      'Bakkerij Jansen · 2 facturen · € 6.021,08 open, waarvan € 5.771,08 te laat · Reden: Eigenaar in het ziekenhuis, half december opnieuw bekijken',
    ]);

    // The customer list marks the customer, in words a screen reader reads with the name.
    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    const row = page.getByRole('rowheader', { name: 'Bakkerij Jansen Gepauzeerd' });
    await row.waitFor();
    assert.equal(await row.getByTestId('paused-mark').innerText(), 'Gepauzeerd');

    // The line on Today leads to the customer, where the chase is resumed.
    await toToday();
    await page.getByTestId('paused-item').getByRole('link', { name: 'Bakkerij Jansen' }).click();
    await page.getByTestId('paused').waitFor();
    await page.getByTestId('edit-customer').click();
    await page.getByLabel('Herinneren gepauzeerd').uncheck();
    await page.getByTestId('save-customer').click();
    await page.getByRole('heading', { level: 1, name: 'Bakkerij Jansen' }).waitFor();

    await toToday();
    await page.getByTestId('todo-list').locator('.todo-what', { hasText: 'J-1' }).waitFor();
    assert.equal(await page.getByTestId('paused-list').count(), 0);
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Gepauzeerd' }).count(), 0);
    await page.getByRole('navigation').getByRole('link', { name: 'Klanten', exact: true }).click();
    await page.getByRole('rowheader', { name: 'Bakkerij Jansen' }).waitFor();
    assert.equal(await page.getByTestId('paused-mark').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a new user sees how to start', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.goto(app.server.url);
    await ready(page);
    await page.getByRole('link', { name: 'Facturen invoeren of importeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Facturen' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
