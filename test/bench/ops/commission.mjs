/**
 * A year of commission statements for the 150 people of the `large` portfolio (2,000 deals):
 * crediting every won deal by month (splits, spread contracts), then each person's statements for
 * every period of the fiscal year under their plan, step by step. Runs in the page, through the
 * harness, on the generated records; the value is the median of nine runs after a warm-up.
 */
export const name = 'commission.statements';
export const unit = 'ms';
export const target = 200;

export async function run(ctx) {
  const page = await ctx.newPage();
  await page.goto(`${ctx.baseURL}bench/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.evaluate(() => window.pursuitBench.generate('large'));
  const result = await page.evaluate(() => window.pursuitBench.timeStatements(9));
  if (result.people < 150) throw new Error(`Only ${result.people} people were generated`);
  return result.ms;
}
