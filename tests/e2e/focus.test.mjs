// Where the keyboard focus goes when a control replaces itself: a confirm bar takes the focus
// and gives it back, "show more" on Today goes on at the first row it added, and the invoice
// list's pager goes on at the top of the new page. Nowhere may the focus fall to <body>.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { importCsv, pickCsv, ready, useApp, watchedPage } from './browser.mjs';

const app = useApp();
const TODAY = new Date('2026-11-23T10:00:00');

/** What has the focus, in the page: its test id, or else its tag and text. */
function whatHasFocus() {
  const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  return el.dataset.testid ?? `${el.tagName.toLowerCase()}: ${el.textContent.trim()}`;
}

const focused = (page) => page.evaluate(whatHasFocus);

/**
 * Waits until the focus is on what `whatHasFocus` names `expected`, and fails with where it is.
 * It polls from here because a predicate given to the page as a string would be evaluated
 * there, which the app's Content-Security-Policy rightly refuses.
 */
async function focusOn(page, expected) {
  const deadline = Date.now() + 3000;
  let now = await focused(page);
  while (now !== expected && Date.now() < deadline) {
    await page.waitForTimeout(50);
    now = await focused(page);
  }
  assert.equal(now, expected);
}

describe('keyboard focus', () => {
  test('a confirm bar takes the focus, Escape and Cancel close it, and the focus goes back to its opener', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nF-1;Bakkerij Jansen;01-11-2026;100,00\r\n');
    await page.getByTestId('invoice-table').getByRole('link', { name: 'F-1', exact: true }).click();
    await page.getByTestId('edit-invoice').click();
    await page.getByTestId('invoice-form').waitFor();

    // Enter on "remove" asks; the focus is on the button that confirms.
    await page.getByTestId('remove').focus();
    await page.keyboard.press('Enter');
    await page.getByText('De factuur wordt definitief verwijderd.').waitFor();
    await focusOn(page, 'button: Factuur verwijderen');
    // Escape is the way out, back to where the user was.
    await page.keyboard.press('Escape');
    await page.getByText('De factuur wordt definitief verwijderd.').waitFor({ state: 'detached' });
    await focusOn(page, 'remove');
    // So is Cancel.
    await page.keyboard.press('Enter');
    await focusOn(page, 'button: Factuur verwijderen');
    await page.keyboard.press('Tab');
    await focusOn(page, 'button: Annuleren');
    await page.keyboard.press('Enter');
    await focusOn(page, 'remove');
    // And the keyboard alone removes it.
    await page.keyboard.press('Enter');
    await focusOn(page, 'button: Factuur verwijderen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Facturen' }).waitFor();
    await page.getByText('Je hebt nog geen facturen ingevoerd.').waitFor();

    // The CSV import's bar behaves the same, and gives the focus back to the file picker.
    await pickCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nF-2;Bakkerij Jansen;01-11-2026;100,00\r\n');
    await focusOn(page, 'button: Inlezen');
    await page.keyboard.press('Escape');
    await page.getByTestId('csv-mapping').waitFor({ state: 'detached' });
    await focusOn(page, 'csv-file');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('"show more" on Today puts the focus on the first customer it adds', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    let csv = 'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\n';
    for (let i = 1; i <= 30; i++) csv += `M-${i};Klant ${String(i).padStart(2, '0')};01-09-2026;01-10-2026;${100 + i},00\r\n`;
    await importCsv(page, csv);
    await page.getByRole('navigation').getByRole('link', { name: 'Vandaag', exact: true }).click();
    await page.getByTestId('todo-list').waitFor();
    assert.equal(await page.locator('.todo-group').count(), 25);

    await page.getByTestId('more-todos').focus();
    await page.keyboard.press('Enter');
    await page.locator('.todo-group').nth(29).waitFor();
    await focusOn(page, 'compose');
    const where = await page.evaluate(() => {
      const group = document.activeElement.closest('.todo-group');
      return { index: [...group.parentElement.children].indexOf(group), customer: group.querySelector('h3').textContent };
    });
    const customers = await page.locator('.todo-group h3').allTextContents();
    assert.deepEqual(where, { index: 25, customer: customers[25] });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the invoice list pager goes on at the top of the new page, also where "next" is the last one', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    let csv = 'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag\r\n';
    for (let i = 1; i <= 120; i++) csv += `L-${String(i).padStart(3, '0')};Klant ${i % 7};01-10-2026;01-11-2026;${i * 10},00\r\n`;
    await importCsv(page, csv);
    const count = page.getByTestId('invoice-count');
    assert.equal(await count.innerText(), '1–50 van 120 facturen');

    const listTopVisible = () =>
      count.evaluate((el) => {
        const box = el.getBoundingClientRect();
        // Scrolled to the top, the line may sit a fraction of a pixel above the window's edge.
        return box.top >= -1 && box.bottom <= window.innerHeight;
      });
    const firstRow = () => page.getByTestId('invoice-table').locator('tbody tr').first().locator('a').innerText();
    for (const [shown, where] of [
      ['51–100 van 120 facturen', 'Pagina 2 van 3'],
      // The last page disables "next", which must not take the focus with it.
      ['101–120 van 120 facturen', 'Pagina 3 van 3'],
    ]) {
      await page.getByTestId('page-next').focus();
      assert.equal(await listTopVisible(), false, 'the pager is far below the top of the list');
      await page.keyboard.press('Enter');
      await page.getByTestId('page-where').getByText(where).waitFor();
      assert.equal(await count.innerText(), shown);
      await focusOn(page, `a: ${await firstRow()}`);
      assert.equal(await page.evaluate(() => !!document.activeElement.closest('[data-testid="invoice-table"] tbody tr:first-child')), true);
      assert.equal(await listTopVisible(), true, 'the top of the list is in view');
    }
    // Typing a search keeps the focus in the search box, though it also goes to the first page.
    await page.getByTestId('invoice-search').fill('L-00');
    await count.getByText('1–9 van 9 facturen', { exact: true }).waitFor();
    assert.doesNotMatch(page.url(), /page=/);
    await page.getByTestId('invoice-search').pressSequentially('1');
    await count.getByText('1 factuur', { exact: true }).waitFor();
    assert.equal(await focused(page), 'invoice-search');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('undoing a record puts the focus on the notice that says so', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nU-1;Jansen;01-10-2026;100,00\r\n');
    await page.getByTestId('invoice-table').getByRole('link', { name: 'U-1', exact: true }).click();
    await page.getByTestId('act-note').click();
    await page.getByTestId('form-note').locator('textarea').fill('Gebeld, niet thuis.');
    await page.getByTestId('save-note').click();
    await page.getByTestId('undo').focus();
    await page.keyboard.press('Enter');
    await focusOn(page, 'notice');
    assert.match(await page.getByTestId('notice').innerText(), /Teruggedraaid/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('saving a CSV import puts the focus on the summary of what was saved', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(TODAY);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, 'Factuurnummer;Klant;Factuurdatum;Bedrag\r\nS-1;Jansen;01-10-2026;100,00\r\n');
    await focusOn(page, 'csv-saved');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
