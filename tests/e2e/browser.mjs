// Debian's Chromium, driven by playwright-core (which never downloads a browser), with the
// flags that keep it quiet on a machine without internet. Each page records what would make
// a test fail: page errors, console errors and requests to any other host.
import { chromium } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}

/**
 * Opens a fresh context and page on `origin` and watches it. `problems` lists every page
 * error, console error and foreign request; a 404 answer for a deep link is expected (that
 * is how GitHub Pages serves 404.html) and is the only console error allowed.
 */
export async function watchedPage(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  const expected404 = (msg) =>
    msg.text().includes('status of 404') && new URL(msg.location().url || origin).origin === origin;
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !expected404(msg)) problems.push(`console error: ${msg.text()}`);
  });
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol.startsWith('http') && url.origin !== origin) problems.push(`foreign request: ${req.url()}`);
  });
  return { context, page, problems };
}

/** Waits until the app has rendered: the marker is set only after the first render ran. */
export async function ready(page) {
  await page.waitForSelector('html[data-app="ready"]', { timeout: 15000 });
}
