/**
 * Recomputing a 1,000-line quote after one line's edit (every line, section and total, with
 * exact integer rounding), as the Quote tab does on each change. Runs in the page, through the
 * harness; the value is the median of nine runs after a warm-up.
 */
export const name = 'quote.recalc1000';
export const unit = 'ms';
export const target = 50;

export async function run(ctx) {
  const page = await ctx.newPage();
  await page.goto(`${ctx.baseURL}bench/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page.evaluate(() => window.pursuitBench.timeQuoteRecalc(1_000, 9));
}
