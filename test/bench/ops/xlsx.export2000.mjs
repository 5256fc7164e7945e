/**
 * The portfolio's XLSX export of 2,000 deals (the `large` preset's deals, every column) through
 * the app's writer (typed cells, neutralised text, column widths, number formats), from the rows
 * the grid holds to the workbook's bytes.
 */
export const name = 'xlsx.export2000';
export const unit = 'ms';
export const target = 3000;
export const runs = 3;

export async function run(ctx) {
  const page = await ctx.newPage();
  await page.goto(`${ctx.baseURL}bench/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page.evaluate(async () => {
    window.pursuitBench.generate('large');
    return window.pursuitBench.timeXlsxExport();
  });
}
