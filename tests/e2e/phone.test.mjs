// A phone's screen (390 × 844): the invoice page, its payment plan and its dossier fit the
// width, dates and invoice numbers never break at a hyphen, the small links and expanders are
// big enough for a finger, and the first-start notice keeps its distance from the box below.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { fillBusiness, importCsv, pickCsv, ready, useApp, watchedPage } from './browser.mjs';
import { chaseHelpers } from './chase.mjs';

const app = useApp();
const { at, openInvoice } = chaseHelpers(app);
const PHONE = { viewport: { width: 390, height: 844 } };

/**
 * On how many lines each occurrence of `text` inside the element matching `selector` is drawn:
 * 1 when it stays whole, 2 when a line breaks inside it.
 */
function linesOf(page, selector, text) {
  return page.locator(selector).first().evaluate((el, text) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const whole = el.textContent;
    const at = whole.indexOf(text);
    if (at < 0) return [];
    // The text may span several text nodes (a span around part of it): find where it starts
    // and ends by counting characters through the nodes.
    const range = document.createRange();
    let seen = 0;
    let node;
    while ((node = walker.nextNode())) {
      const end = seen + node.data.length;
      if (at >= seen && at < end) range.setStart(node, at - seen);
      if (at + text.length > seen && at + text.length <= end) range.setEnd(node, at + text.length - seen);
      seen = end;
    }
    return [new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size];
  }, text);
}

const height = (locator) => locator.evaluate((el) => el.getBoundingClientRect().height);
const fits = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('on a phone', () => {
  test('the invoice page, its payment plan and its dossier fit, keep dates and numbers whole, and have targets a finger can hit', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin, PHONE);
    await at(page, '2026-11-23');
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    // A customer's name of this length puts the invoice date at the end of the line on a
    // 390 px screen, where it used to break after "02-".
    await importCsv(
      page,
      'Factuurnummer;Klant;E-mail;Factuurdatum;Vervaldatum;Bedrag\r\n2026-004;Restaurant De Linde;info@linde.example;02-02-2026;04-03-2026;1.250,00\r\n',
    );
    // A message sent gives the dossier an entry with its text behind an expander.
    await openInvoice(page, '2026-004');
    await page.getByTestId('open-composer').click();
    await page.getByTestId('composer').waitFor();
    await page.getByTestId('mark-sent').click();
    await page.getByRole('heading', { level: 1, name: 'Vandaag' }).waitFor();
    // Back goes to the invoice the message was written from, not to a composer that now shows
    // the next step, ready to be marked as sent too.
    await page.goBack();
    await page.getByTestId('amounts').waitFor();
    assert.equal(await page.getByTestId('composer').count(), 0, 'Back brings no composer');
    await openInvoice(page, '2026-004');

    assert.equal(await page.locator('.invoice-sub').innerText(), 'Restaurant De Linde · factuurdatum 02-02-2026 · vervaldatum 04-03-2026');
    assert.deepEqual(await linesOf(page, '.invoice-sub', '02-02-2026'), [1], 'the invoice date on one line');
    assert.deepEqual(await linesOf(page, '.invoice-sub', '04-03-2026'), [1], 'the due date on one line');
    assert.deepEqual(await linesOf(page, 'main h1', '2026-004'), [1], 'the invoice number on one line');
    assert.ok((await height(page.getByRole('link', { name: '← Alle facturen' }))) >= 44, 'the back link is 44 px tall');
    const expander = page.getByTestId('timeline').locator('summary').first();
    assert.equal(await expander.innerText(), 'Tekst');
    assert.ok((await height(expander)) >= 44, 'the text expander is 44 px tall');
    assert.ok(await fits(page), 'the invoice page scrolls sideways');

    // The payment plan's table of instalments stays inside its card, and so does its hint.
    await page.getByTestId('act-plan').click();
    const form = page.getByTestId('form-plan');
    await form.getByTestId('plan-make').click();
    await form.getByTestId('plan-rows').waitFor();
    assert.ok(await fits(page), 'the payment plan scrolls the page sideways');
    const hint = form.locator('caption');
    assert.match(await hint.innerText(), /^Pas datums en bedragen gerust aan/);
    const [card, caption, table] = await Promise.all(
      [form, hint, form.getByTestId('plan-rows')].map((l) => l.evaluate((el) => el.getBoundingClientRect().toJSON())),
    );
    assert.ok(caption.left >= card.left && caption.right <= card.right, `the hint lies within its card: ${JSON.stringify({ caption, card })}`);
    assert.ok(table.right <= card.right, `the table lies within its card: ${JSON.stringify({ table, card })}`);
    // Every field of an instalment can still be reached and read.
    const fields = await form.getByTestId('plan-rows').locator('input').evaluateAll((inputs) =>
      inputs.map((i) => i.getBoundingClientRect().width),
    );
    assert.ok(fields.length >= 2 && fields.every((w) => w >= 60), `fields wide enough to read: ${fields}`);
    // The fields and the options beside each other (month or week) are a finger tall.
    const tall = await form.locator('.plan-table input, .inline-choice label').evaluateAll((els) =>
      els.map((el) => [el.textContent.trim() || el.type, Math.round(el.getBoundingClientRect().height)]),
    );
    assert.ok(tall.length >= 6 && tall.every(([, h]) => h >= 44), `targets 44 px tall: ${JSON.stringify(tall)}`);
    await form.getByTestId('close-action').click();

    // The printable dossier: its title keeps the invoice number whole, its back link is a target.
    await page.getByTestId('export-dossier').click();
    await page.getByTestId('dossier').waitFor();
    assert.equal(await page.getByTestId('dossier').locator('h1').innerText(), 'Dossier factuur 2026-004');
    assert.deepEqual(await linesOf(page, '[data-testid="dossier"] h1', '2026-004'), [1], 'the number in the title on one line');
    assert.ok((await height(page.getByRole('link', { name: '← Terug' }))) >= 44, 'the back link is 44 px tall');
    assert.ok(await fits(page), 'the dossier scrolls sideways');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("Today's first step is on the first screen, a whole invoice card opens it, and a rate's button is a finger tall", async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin, PHONE);
    await at(page, '2026-11-23');
    await fillBusiness(page, app.server.url);
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(
      page,
      'Factuurnummer;Klant;E-mail;Factuurdatum;Vervaldatum;Bedrag\r\n' +
        '2026-010;Bakkerij Jansen;info@jansen.example;01-10-2026;31-10-2026;1.250,00\r\n' +
        '2026-011;Fotostudio Licht;studio@licht.example;01-07-2026;31-07-2026;600,00\r\n',
    );
    // A tap on the card's far corner, away from the number, opens the invoice.
    const card = await page.locator('.invoice-table tbody tr').first().boundingBox();
    await page.mouse.click(card.x + card.width - 8, card.y + card.height - 8);
    await page.getByTestId('amounts').waitFor();

    await page.goto(app.server.url);
    await ready(page);
    const first = await page.getByTestId('todo-list').getByTestId('compose').first().boundingBox();
    assert.ok(first.y + first.height <= 844, `the first step's button is on the first screen: ${first.y + first.height} px`);
    // The aging bars still come, after the day's work.
    await page.getByTestId('aging').waitFor();

    await page.goto(app.server.url + 'settings');
    await ready(page);
    const heights = await page.getByTestId('remove-rate').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
    assert.ok(heights.length > 0 && heights.every((h) => h >= 44), `remove buttons 44 px tall: ${heights}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the CSV import's preview keeps every cell on one line and scrolls sideways", async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin, { viewport: { width: 360, height: 740 } });
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await pickCsv(
      page,
      'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Bedrag;Betaald\r\n2026-120;Stichting Buurtwerk Oosterpark en Omstreken;01-12-2026;15-12-2026;1.500,00;250,00\r\n',
    );
    await page.getByRole('button', { name: 'Inlezen' }).click();
    const preview = page.getByTestId('csv-preview');
    await preview.waitFor();
    const lineHeights = await preview.locator('th, td').evaluateAll((cells) =>
      cells.map((cell) => [cell.textContent, cell.getBoundingClientRect().height]),
    );
    const oneLine = Math.min(...lineHeights.map(([, h]) => h));
    for (const [text, h] of lineHeights) assert.ok(h <= oneLine + 1, `"${text}" is drawn on more than one line (${h} px)`);
    assert.ok(await fits(page), 'the page itself does not scroll sideways');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('on the first start, the notice to fill in the business details stands apart from the box below it', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin, PHONE);
    await page.goto(app.server.url);
    await ready(page);
    const [nudge, empty] = await Promise.all(
      [page.getByTestId('business-nudge'), page.locator('.empty-state')].map((l) => l.evaluate((el) => el.getBoundingClientRect().toJSON())),
    );
    assert.ok(empty.top - nudge.bottom >= 12, `a gap between the notice and the box: ${empty.top - nudge.bottom} px`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
