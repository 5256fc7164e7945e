/**
 * The scheduling engine on a 5,000-task plan (the shape of a big bid's WBS: parallel workstreams
 * of finish-to-start chains with start-to-start and finish-to-finish links between them), planned
 * backward from a deadline as the plan tab does. Runs in the page, through the harness; the value
 * is the median of nine runs after a warm-up.
 */
export const name = 'schedule.cpm5000';
export const unit = 'ms';
export const target = 50;

export async function run(ctx) {
  const page = await ctx.newPage();
  await page.goto(`${ctx.baseURL}bench/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page.evaluate(() => window.pursuitBench.timeSchedule(5_000, 9));
}
