/**
 * Deal health for the `large` portfolio (2,000 deals; its open ones are rated) from its records:
 * load and over-allocation, every open deal's facts and the rating (`healthOfRecords`, what the
 * health worker does after each write), timed in the page through the harness; the median of
 * nine runs after a warm-up.
 */
export const name = 'health.2000';
export const unit = 'ms';
export const target = 100;
export const timeoutMs = 5 * 60_000;

export async function run(ctx) {
  const page = await ctx.newPage();
  await page.goto(`${ctx.baseURL}bench/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page.evaluate(() => window.pursuitBench.timeHealth(9));
}
