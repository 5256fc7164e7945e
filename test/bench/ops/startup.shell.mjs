/**
 * Cold start of the shell: a new browser context (empty cache and storage, like a first launch)
 * loads the app; the value is the time from navigation start to the shell's first painted frame
 * (the `pursuit:shell-painted` mark).
 */
export const name = 'startup.shell';
export const unit = 'ms';
export const target = 1500;

export async function run(ctx) {
  const page = await ctx.newPage();
  await page.goto(ctx.baseURL);
  return ctx.waitForShell(page);
}
