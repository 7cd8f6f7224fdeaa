// Steps of a chase through the real screens, shared by the test files that walk one: set the
// browser's clock, open an invoice, check its proposed step, draft it and mark it sent.
import assert from 'node:assert/strict';

import { ready } from './browser.mjs';

/** The helpers for the app that `useApp` serves; call once per test file, after `useApp`. */
export function chaseHelpers(app) {
  /** Sets the browser's clock to 10:00 on `day` (yyyy-mm-dd). */
  async function at(page, day) {
    await page.clock.setFixedTime(new Date(`${day}T10:00:00`));
  }

  /** Opens the invoice page of `number` from the invoice list, on a fresh load of the app. */
  async function openInvoice(page, number) {
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await page.getByTestId('invoice-table').getByRole('link', { name: number, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Factuur ${number}` }).waitFor();
  }

  /** Checks the proposed step on the open invoice page: what, and when. */
  async function expectStep(page, action, when = 'Vandaag') {
    const step = page.getByTestId('next-step');
    assert.equal((await step.getByTestId('step-action').innerText()).split(' · ')[0], action);
    assert.equal(await step.getByTestId('step-date').innerText(), when);
  }

  /** Opens the composer for the proposed step and returns its draft (or call script). */
  async function compose(page) {
    await page.getByTestId('open-composer').click();
    await page.getByTestId('composer').waitFor();
    return page.getByLabel(/^(Tekst|Belscript)$/).inputValue();
  }

  /** Marks the open draft as sent and waits for Today. */
  async function markSent(page) {
    await page.getByTestId('mark-sent').click();
    await page.getByRole('heading', { level: 1, name: 'Vandaag' }).waitFor();
  }

  /**
   * Sends the proposed step of `number` on `day`, checking first that it is `action`, and that
   * the draft names each of `needles`. Returns the draft.
   */
  async function sendStep(page, number, day, action, needles = []) {
    await at(page, day);
    await openInvoice(page, number);
    await expectStep(page, action);
    const body = await compose(page);
    for (const needle of needles) assert.ok(body.includes(needle), `${action} on ${day} mentions ${needle}:\n${body}`);
    await markSent(page);
    return body;
  }

  /**
   * Gives the customer `name` a postal address, as a user does before posting a letter to a
   * customer that came from a CSV file (which has no address columns).
   */
  async function giveAddress(page, name) {
    await page.goto(app.server.url + 'customers');
    await ready(page);
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByTestId('edit-customer').click();
    await page.getByLabel('Straat en huisnummer').fill('Kerkstraat 1');
    await page.getByLabel('Postcode').fill('1234 AB');
    await page.getByLabel('Plaats').fill('Zwolle');
    await page.getByTestId('save-customer').click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  return { at, openInvoice, expectStep, compose, markSent, sendStep, giveAddress };
}
