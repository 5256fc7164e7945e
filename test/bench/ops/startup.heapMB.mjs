/** JS heap kept alive by a freshly started shell (after a full GC), in a new browser context. */
export const name = 'startup.heapMB';
export const unit = 'MB';
export const target = 60;

export async function run(ctx) {
  const page = await ctx.newPage();
  await page.goto(ctx.baseURL);
  await ctx.waitForShell(page);
  return ctx.usedHeapMB(page);
}
