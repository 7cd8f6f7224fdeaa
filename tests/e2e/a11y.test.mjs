// Accessibility and small screens on every page: axe-core (loaded from node_modules, so the
// page still makes no foreign request) must report no serious or critical violation, and at
// 360 px no page may scroll sideways. With the device set to dark, every page is painted dark
// and passes too; printing stays black on white.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { ROOT, importCsv, pickCsv, ready, useApp, watchedPage } from './browser.mjs';

const app = useApp();
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const CSV =
  'Factuurnummer;Klant;E-mail;Telefoon;Factuurdatum;Vervaldatum;Bedrag;Betaald\r\n' +
  'A-1;Bakkerij Jansen;info@jansen.example;06 12345678;01-10-2026;31-10-2026;1.250,00;250,00\r\n' +
  'A-2;Bakkerij Jansen;info@jansen.example;06 12345678;15-11-2026;15-12-2026;300,00;0\r\n' +
  'B-1;Studio Noord;studio@noord.example;;01-09-2026;01-10-2026;99,95;99,95\r\n' +
  // A name and an address without spaces must wrap, not widen the page.
  'C-1;Klussenbedrijf_Van_Der_Heijden_En_Zonen_Renovatie;administratie.klussenbedrijf.vanderheijden@voorbeeld.example;;01-09-2026;01-10-2026;50,00;0\r\n';

/** The serious and critical violations axe finds on the page as it is now. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function ids(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('factuurwacht');
        open.onsuccess = () => {
          const tx = open.result.transaction(['invoices', 'customers']);
          const invoices = tx.objectStore('invoices').getAll();
          const customers = tx.objectStore('customers').getAll();
          tx.oncomplete = () =>
            resolve({
              invoice: invoices.result.find((i) => i.number === 'A-1').id,
              customer: customers.result.find((c) => c.name === 'Bakkerij Jansen').id,
            });
        };
      }),
  );
}

/**
 * The relative luminance (WCAG: 0 is black, 1 is white) of what the page is painted on and of
 * its text. The root's background fills the whole canvas; where the root and the body have
 * none, the browser's own canvas colour shows.
 */
function paint(page) {
  return page.evaluate(() => {
    const rgb = (css) => {
      const probe = document.createElement('i');
      probe.style.color = css;
      document.body.append(probe);
      const [r, g, b, a = 1] = getComputedStyle(probe).color.match(/[\d.]+/g).map(Number);
      probe.remove();
      return { r, g, b, a };
    };
    const luminance = ({ r, g, b }) => {
      const lin = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const painted = [document.documentElement, document.body]
      .map((el) => rgb(getComputedStyle(el).backgroundColor))
      .find((c) => c.a > 0) ?? rgb('Canvas');
    return { background: luminance(painted), text: luminance(rgb(getComputedStyle(document.body).color)) };
  });
}

/** Opens each action form of the invoice page in turn (the plan with its instalments) and runs `check`. */
async function eachActionForm(page, check) {
  for (const code of ['payment', 'call', 'contact', 'dispute', 'plan', 'pause', 'hand-over', 'write-off', 'note']) {
    await page.getByTestId(`act-${code}`).click();
    await page.getByTestId(`form-${code}`).waitFor();
    if (code === 'plan') {
      await page.getByTestId('plan-make').click();
      await page.getByTestId('plan-rows').waitFor();
    }
    await check(code);
  }
}

describe('accessibility', () => {
  test('every page passes axe in both languages and fits a 360 px screen', async () => {
    // Injecting axe is an inline script, which the app's security policy rightly refuses.
    const { context, page, problems } = await watchedPage(app.browser, app.origin, { viewport: { width: 360, height: 740 }, bypassCSP: true });
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
    await page.goto(app.server.url);
    await ready(page);
    const empty = await violations(page);
    assert.deepEqual(empty, [], 'the empty Today page');
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    // The import's review, before anything is saved: its preview scrolls sideways on a phone,
    // so a keyboard must be able to reach it.
    await pickCsv(page, CSV);
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByTestId('csv-review').waitFor();
    assert.deepEqual(await violations(page), [], 'the CSV review');
    await page.getByTestId('csv-review').getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('csv-saved').waitFor();
    const { invoice, customer } = await ids(page);
    const pages = [
      '',
      'invoices',
      'invoices?filter=overdue&sort=amount',
      'invoices/new',
      `invoices/${invoice}`,
      `invoices/${invoice}/edit`,
      'customers',
      'customers/new',
      `customers/${customer}`,
      `customers/${customer}/edit`,
      'settings',
      `compose/${invoice}`,
      `dossier/invoice/${invoice}`,
      `dossier/customer/${customer}`,
      'about',
      'no-such-page',
    ];
    const found = [];
    for (const lang of ['nl', 'en']) {
      for (const path of pages) {
        await page.goto(app.server.url + path);
        await ready(page);
        await page.locator('main h1').first().waitFor();
        for (const v of await violations(page)) found.push(`${lang} /${path}: ${v}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) found.push(`${lang} /${path}: scrolls sideways by ${overflow} px at 360 px`);
      }
      // The menu takes one row, and each link stays big enough for a finger.
      const links = await page.locator('.app-header nav a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect()));
      if (new Set(links.map((r) => Math.round(r.top))).size !== 1) found.push(`${lang}: the menu wraps at 360 px`);
      if (links.some((r) => r.height < 40)) found.push(`${lang}: a menu link is less than 40 px tall`);
      // The action forms of the invoice page, each open in turn.
      await page.goto(app.server.url + `invoices/${invoice}`);
      await ready(page);
      await eachActionForm(page, async (code) => {
        for (const v of await violations(page)) found.push(`${lang} invoice form ${code}: ${v}`);
      });
      await page.getByTestId('lang-switch').click();
    }
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('with the device set to dark every page is dark and passes axe, and paper stays white', async () => {
    // Injecting axe is an inline script, which the app's security policy rightly refuses.
    const { context, page, problems } = await watchedPage(app.browser, app.origin, {
      colorScheme: 'dark',
      viewport: { width: 390, height: 844 },
      bypassCSP: true,
    });
    // A fixed day with overdue invoices, so Today shows its work, its aging bars and its banner.
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, CSV);
    const { invoice, customer } = await ids(page);
    const pages = [
      '',
      'invoices',
      `invoices/${invoice}`,
      `invoices/${invoice}/edit`,
      `compose/${invoice}`,
      'customers',
      `customers/${customer}`,
      `customers/${customer}/edit`,
      'settings',
      `dossier/invoice/${invoice}`,
      'about',
    ];
    const found = [];
    // Dark text on a dark page would pass no contrast check, so the page itself must be dark
    // (the light scheme's wash has a luminance above 0.9) and its text light.
    const check = async (where) => {
      for (const v of await violations(page)) found.push(`${where}: ${v}`);
      const { background, text } = await paint(page);
      if (background > 0.05) found.push(`${where}: the page is not dark (luminance ${background.toFixed(3)})`);
      if (text < 0.5) found.push(`${where}: the text is not light (luminance ${text.toFixed(3)})`);
    };
    // The phone's card layout first, then the wide tables.
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 844 });
      for (const path of pages) {
        await page.goto(app.server.url + path);
        await ready(page);
        await page.locator('main h1').first().waitFor();
        await check(`${width} px /${path}`);
      }
    }
    // The action forms of the invoice page, each open in turn, on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(app.server.url + `invoices/${invoice}`);
    await ready(page);
    await eachActionForm(page, (code) => check(`invoice form ${code}`));
    assert.deepEqual(found, []);

    // A dossier printed from a dark screen is still black on white.
    await page.goto(app.server.url + `dossier/invoice/${invoice}`);
    await ready(page);
    await page.locator('main h1').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const paper = await paint(page);
    await page.emulateMedia({ media: 'screen' });
    assert.ok(paper.background > 0.95, `printed on white (luminance ${paper.background.toFixed(3)})`);
    assert.ok(paper.text < 0.05, `printed in black (luminance ${paper.text.toFixed(3)})`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('keyboard', () => {
  test('a note is recorded on an invoice with the keyboard alone, with the focus visible throughout', async () => {
    const { context, page, problems } = await watchedPage(app.browser, app.origin);
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
    await page.goto(app.server.url + 'invoices');
    await ready(page);
    await importCsv(page, CSV);
    const { invoice } = await ids(page);
    await page.goto(app.server.url + `invoices/${invoice}`);
    await ready(page);
    await page.getByTestId('act-note').waitFor();

    // The first Tab reaches the skip link; it moves the focus to this page's content and
    // stays on this page.
    const here = page.url();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    assert.equal(page.url(), here);
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /^Factuur A-1/);

    // Tab until the note button has the focus; every stop shows a focus ring.
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return { testid: el?.dataset?.testid ?? null, outline: getComputedStyle(el).outlineStyle };
      });
    let stop;
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      stop = await focused();
      assert.notEqual(stop.outline, 'none', `focus ring on stop ${i} (${stop.testid})`);
      if (stop.testid === 'act-note') break;
    }
    assert.equal(stop.testid, 'act-note');
    await page.keyboard.press('Enter');
    // The form takes the focus: type at once.
    await page.keyboard.type('Klant belde zelf: betaalt vrijdag.');
    await page.keyboard.press('Tab');
    assert.equal((await focused()).testid, 'save-note');
    await page.keyboard.press('Enter');
    await page.getByTestId('notice').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'action-notice');
    assert.match(await page.getByTestId('timeline').innerText(), /Notitie: Klant belde zelf: betaalt vrijdag\./);

    // Escape closes a form and gives the focus back to the button that opened it.
    await page.getByTestId('act-note').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('form-note').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('form-note').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.dataset?.testid === 'act-note');

    // With something typed, Escape asks before it throws the typing away; a second Escape
    // keeps typing, and the text is still there.
    await page.keyboard.press('Enter');
    await page.getByTestId('form-note').waitFor();
    await page.keyboard.type('Half geschreven');
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-question').waitFor();
    await page.waitForFunction(() => document.activeElement?.dataset?.testid === 'keep-typing');
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-question').waitFor({ state: 'detached' });
    assert.equal(await page.locator('#action-form textarea').inputValue(), 'Half geschreven');
    // Opening another form asks too; throwing away opens it.
    await page.getByTestId('act-payment').click();
    await page.getByTestId('discard-question').waitFor();
    assert.equal(await page.getByTestId('form-note').count(), 1);
    await page.getByTestId('discard-typing').click();
    await page.getByTestId('form-payment').waitFor();
    // An untouched form closes at once.
    await page.getByTestId('close-action').click();
    await page.getByTestId('form-payment').waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
