import { expect, openApp, test } from './fixtures';

test('a newer schema opened elsewhere makes this window reload instead of writing with old code', async ({
  page,
  context,
}) => {
  await openApp(page, { lang: 'en', theme: 'light', route: '/deals' });
  await expect(page.getByText('No deals yet')).toBeVisible();
  await page.evaluate(() => {
    (window as { __beforeUpgrade?: boolean }).__beforeUpgrade = true;
  });

  // Another window of the same origin opens the database at a newer version, as a newer app
  // version would on its first start.
  const other = await context.newPage();
  // A blank page of the same origin (not the app, which would itself reload on the upgrade).
  await other.route('**/blank.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
  );
  await other.goto('/blank.html');
  const reloaded = page.waitForEvent('load');
  await other.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('pursuit', 1000);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
  await reloaded;
  expect(
    await page.evaluate(() => (window as { __beforeUpgrade?: boolean }).__beforeUpgrade),
  ).toBeUndefined();
  // After the reload the page runs whatever code is now served (a new version's, in practice).
  await expect(page.getByText('No deals yet')).toBeVisible();
});
