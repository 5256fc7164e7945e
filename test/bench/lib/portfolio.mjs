/**
 * Loads the `large` portfolio (2,000 deals) into a persistent page's IndexedDB through the app's
 * own import path, via the harness page. Returns that page: its context shares the database with
 * the pages an operation opens next.
 */
export async function loadLarge(ctx) {
  const loader = await ctx.newPersistentPage();
  await loader.goto(`${ctx.baseURL}bench/index.html`);
  await loader.waitForFunction(() => document.body.dataset.ready === 'true');
  await loader.evaluate(async () => {
    window.pursuitBench.generate('large');
    await window.pursuitBench.loadThroughApp();
  });
  return loader;
}
