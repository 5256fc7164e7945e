/**
 * Deal health for the `large` portfolio (2,000 deals; its open ones are rated): the rating step
 * (`portfolioHealth`: every open deal's reasons and level from its facts and the thresholds),
 * timed in the page through the harness. The facts are derived once before timing; the value is
 * the median of nine runs after a warm-up.
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
