// Loads one HTML file in Debian's headless Chromium at a given width, prints its layout as JSON and saves a PNG.
// usage: node measure-page.mjs <page.html> <screenshot.png> [width=800] [--grayscale]
// Prints {"scrollWidth":..,"viewportWidth":..,"fits":true|false,"requests":[...]} where requests lists every URL
// the page tried to fetch besides itself (a self-contained page has none; they are all blocked anyway).
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [pagePath, screenshotPath, widthText = '800', ...flags] = process.argv.slice(2);
if (!pagePath || !screenshotPath) {
  console.error('usage: node measure-page.mjs <page.html> <screenshot.png> [width=800] [--grayscale]');
  process.exit(2);
}

const width = Number.parseInt(widthText, 10);
const pageUrl = pathToFileURL(resolve(pagePath)).href;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pageUrl) {
      return route.continue();
    }
    requests.push(url);
    return route.abort();
  });
  await page.goto(pageUrl, { waitUntil: 'load' });
  if (flags.includes('--grayscale')) {
    // How it looks printed or on a black-and-white screen.
    await page.addStyleTag({ content: 'html{filter:grayscale(1)}' });
  }
  const layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewportWidth: document.documentElement.clientWidth,
  }));
  await page.screenshot({ path: screenshotPath, fullPage: true });
  console.log(JSON.stringify({ ...layout, fits: layout.scrollWidth <= layout.viewportWidth, requests }));
} finally {
  await browser.close();
}
