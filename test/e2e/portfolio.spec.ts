import type { Locator } from '@playwright/test';
import {
  expect,
  flowLangs,
  openApp,
  openAppWithSample,
  portfolioRows,
  screenshot,
  test,
} from './fixtures';

/** The portfolio's strings in each language, as a user reads them. */
const TEXT = {
  'zh-CN': {
    empty: '还没有商机',
    loadSample: '载入示例组合',
    newDeal: '新建商机',
    create: '创建商机',
    name: '商机名称',
    account: '客户',
    owner: '负责人',
    value: '金额',
    required: '请填写商机名称。',
    trash: '回收站',
    restore: '恢复',
    moveToTrash: '移到回收站',
    deals: '商机',
    search: '搜索编号、商机、客户、负责人或标签',
    sampleCount: '显示 25 / 25 个商机',
  },
  en: {
    empty: 'No deals yet',
    loadSample: 'Load sample portfolio',
    newDeal: 'New deal',
    create: 'Create deal',
    name: 'Deal name',
    account: 'Account',
    owner: 'Owner',
    value: 'Value',
    required: 'Deal name is required.',
    trash: 'Trash',
    restore: 'Restore',
    moveToTrash: 'Move to trash',
    deals: 'Deals',
    search: 'Search code, deal, account, owner or tag',
    sampleCount: '25 of 25 deals',
  },
} as const;

const XSS = '<img src=x onerror="window.__xss=1">';

for (const lang of flowLangs('en')) {
  const text = TEXT[lang];

  test(`first run, sample portfolio, create/validate, reload, trash and restore (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openApp(page, { lang, theme: 'light', route: '/deals' });
    await expect(page.getByText(text.empty)).toBeVisible();
    await screenshot(page, 'portfolio-empty');

    // Load the sample: the portfolio fills with its deals.
    await page.getByRole('button', { name: text.loadSample }).click();
    // Loading the sample writes a few thousand records: allow it longer than a click's reaction.
    await expect(portfolioRows(page).first()).toBeVisible({ timeout: 30_000 });
    // The table is virtualised: the count line says how many deals there are.
    await expect(page.getByText(text.sampleCount)).toBeVisible();
    await screenshot(page, 'portfolio');

    // Create a deal: first without a name (refused with a message in the user's language), then fixed.
    await page.getByRole('button', { name: text.newDeal }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel(text.value, { exact: true }).fill('1250000');
    await drawer.getByRole('button', { name: text.create }).click();
    await expect(drawer.getByText(text.required)).toBeVisible();
    await screenshot(page, 'deal-form-error');

    await drawer.getByLabel(text.name, { exact: true }).fill(`E2E ${XSS}`);
    await drawer.getByLabel(text.account, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await drawer.getByLabel(text.owner, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await drawer.getByRole('button', { name: text.create }).click();
    await expect(drawer).toBeHidden();

    const search = page.getByRole('searchbox', { name: text.search });
    await search.fill('E2E');
    await expect(portfolioRows(page)).toHaveCount(1);
    // The name is shown as text, never run as markup.
    await expect(page.locator('.pf-body').getByText(XSS)).toBeVisible();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

    // Reload: the deal is still there.
    await page.reload();
    await page.getByRole('searchbox', { name: text.search }).fill('E2E');
    await expect(portfolioRows(page)).toHaveCount(1);

    // Delete to the trash, then restore it.
    await portfolioRows(page)
      .first()
      .getByRole('button', { name: new RegExp(text.moveToTrash) })
      .click();
    await expect(portfolioRows(page)).toHaveCount(0);

    // Ctrl+Z (outside a text field) undoes the delete; the deal is back.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Control+z');
    await expect(portfolioRows(page)).toHaveCount(1);

    // Delete it again, then restore it from the Trash.
    await portfolioRows(page)
      .first()
      .getByRole('button', { name: new RegExp(text.moveToTrash) })
      .click();
    await expect(portfolioRows(page)).toHaveCount(0);

    await page.getByRole('menuitem', { name: text.trash }).click();
    await expect(page.getByText(`E2E ${XSS}`)).toBeVisible();
    await screenshot(page, 'trash');
    await page
      .getByRole('button', { name: new RegExp(text.restore) })
      .first()
      .click();
    await expect(page.getByText(`E2E ${XSS}`)).toBeHidden();

    await page.getByRole('menuitem', { name: text.deals, exact: true }).click();
    await page.getByRole('searchbox', { name: text.search }).fill('E2E');
    await expect(portfolioRows(page)).toHaveCount(1);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });
}

for (const lang of flowLangs('en')) {
  test(`portfolio in the dark theme (${lang})`, async ({ page }) => {
    test.setTimeout(90_000);
    await openAppWithSample(page, { lang, theme: 'dark' });
    await expect(page.getByText(TEXT[lang].sampleCount)).toBeVisible({ timeout: 30_000 });
    await screenshot(page, 'portfolio');
    await page.getByRole('button', { name: TEXT[lang].newDeal }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await screenshot(page, 'deal-form');
  });
}

/** A cell's horizontal extent on screen. */
async function spanOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('cell not on screen');
  return { left: box.x, right: box.x + box.width, centreY: box.y + box.height / 2 };
}

for (const lang of flowLangs('zh-CN')) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every column can be read beside the sticky code and actions columns (${lang}, ${theme})`, async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await openAppWithSample(page, { lang, theme });
      await expect(page.getByText(TEXT[lang].sampleCount)).toBeVisible({ timeout: 30_000 });
      const headers = page.locator('.pf-head [role="columnheader"]');
      const labels = await headers.allInnerTexts();
      const valueAt = labels.findIndex((label) => label.trim() === TEXT[lang].value);
      expect(valueAt).toBeGreaterThan(0);

      for (const width of [1440, 1100]) {
        await page.setViewportSize({ width, height: 900 });
        await page.locator('.pf-grid').evaluate((grid) => grid.scrollTo({ left: 0 }));
        const row = portfolioRows(page).first();
        const cells = row.getByRole('cell');
        const count = await cells.count();
        const code = cells.first();
        const actions = cells.last();

        // At 1440 px the value is in view before any scrolling.
        const value = cells.nth(valueAt);
        if (width === 1440) {
          expect((await spanOf(value)).right).toBeLessThanOrEqual(
            (await spanOf(actions)).left + 0.5,
          );
        }
        // The value cell, scrolled into view, is beside the actions column, not under it: the
        // point at its centre belongs to it.
        await value.scrollIntoViewIfNeeded();
        const valueSpan = await spanOf(value);
        expect(valueSpan.right).toBeLessThanOrEqual((await spanOf(actions)).left + 0.5);
        expect(valueSpan.left).toBeGreaterThanOrEqual((await spanOf(code)).right - 0.5);
        const atCentre = await page.evaluate(
          ({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="cell"]')?.textContent,
          { x: (valueSpan.left + valueSpan.right) / 2, y: valueSpan.centreY },
        );
        expect(atCentre).toBe(await value.textContent());
        // The value's total below it is not covered by the totals label either.
        const total = page.locator('.pf-foot .pf-total').first();
        const totalBox = await total.boundingBox();
        if (totalBox === null) throw new Error('no total on screen');
        const atTotal = await page.evaluate(
          ({ x, y }) => document.elementFromPoint(x, y)?.closest('.pf-total')?.textContent,
          { x: totalBox.x + totalBox.width / 2, y: totalBox.y + totalBox.height / 2 },
        );
        expect(atTotal).toBe(await total.textContent());
        await screenshot(page, `portfolio-value-${width}`);

        // Every other data column too, from the first to the last.
        for (let index = 1; index < count - 1; index += 1) {
          const cell = cells.nth(index);
          await cell.scrollIntoViewIfNeeded();
          const span = await spanOf(cell);
          expect(span.right, `column ${labels[index]}`).toBeLessThanOrEqual(
            (await spanOf(actions)).left + 0.5,
          );
          expect(span.left, `column ${labels[index]}`).toBeGreaterThanOrEqual(
            (await spanOf(code)).right - 0.5,
          );
        }
      }
    });
  }
}
