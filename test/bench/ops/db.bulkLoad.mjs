/**
 * Bulk load of the `large` portfolio (2,000 deals, ~200,000 rows) into IndexedDB in Chromium,
 * through the app's own import path (`replaceAllData`: one transaction, chunked bulkAdd with
 * progress, strict durability), against a bare Dexie `bulkAdd` of the same rows in the same run.
 */
export const name = 'db.bulkLoad';
export const metrics = [
  // Reported only (the issue sets its target on the ratio); 0 keeps it from ever reading as a miss.
  { name: 'db.bulkLoadRowsPerSec', unit: 'rows/s', target: 0, better: 'higher' },
  { name: 'db.bulkLoadRatio', unit: '×', target: 1.3 },
];
export const unit = metrics[0].unit;
export const target = metrics[0].target;
export const runs = 2;
// ~270,000 rows, loaded twice per sample (bare and through the app) on a 2-core machine.
export const timeoutMs = 30 * 60_000;

let samples = 0;

export async function run(ctx) {
  const appFirst = samples % 2 === 1;
  samples += 1;
  const page = await ctx.newPersistentPage();
  await page.goto(`${ctx.baseURL}bench/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const rows = await page.evaluate(() => window.pursuitBench.generate('large'));
  // Alternate the order between samples so neither side always runs on a warmer database.
  const load = (which) => page.evaluate((w) => window.pursuitBench[w](), which);
  let app;
  let bare;
  if (appFirst) {
    app = await load('loadThroughApp');
    bare = await load('loadBare');
  } else {
    bare = await load('loadBare');
    app = await load('loadThroughApp');
  }
  return {
    'db.bulkLoadRowsPerSec': Math.round(rows / (app / 1000)),
    'db.bulkLoadRatio': app / bare,
  };
}
