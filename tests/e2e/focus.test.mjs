// Where the keyboard focus goes when a control replaces itself: a confirm bar takes the focus
// and gives it back. Nowhere may the focus fall to <body>.
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

/** Waits until the focus is on what `whatHasFocus` names `expected`, and fails with where it is. */
async function focusOn(page, expected) {
  try {
    await page.waitForFunction(`(${whatHasFocus})() === ${JSON.stringify(expected)}`, null, { timeout: 3000 });
  } catch {
    assert.equal(await focused(page), expected);
  }
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
});
