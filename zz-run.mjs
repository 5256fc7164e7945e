import { chromium } from '@playwright/test';
const context = await chromium.launchPersistentContext('/tmp/bk/profile', { executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const phase of process.argv.slice(2)) {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('crash', () => console.log('crash'));
  await page.goto('http://127.0.0.1:4398/');
  await page.waitForSelector('body[data-ready=true]', { state: 'attached' });
  const result = await page.evaluate((p) => window.run(p), phase);
  console.log(new Date().toISOString(), phase, JSON.stringify(result));
  await page.close();
}
await context.close();
