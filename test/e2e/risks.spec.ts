import type { Locator, Page } from '@playwright/test';
import type { Lang } from './fixtures';
import { expect, flowLangs, openAppWithSample, screenshot, test } from './fixtures';

/** The risk register's strings in each language, as a user reads them. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    tab: '风险',
    area: '风险',
    add: '添加风险',
    title: '风险名称',
    titleRequired: '请填写风险名称。',
    probability: '概率（1–5）',
    impact: '影响（1–5）',
    exposure: /^风险敞口/,
    exposureInvalid: /风险敞口须为不小于 0 的金额/,
    note: '变更原因',
    save: '保存',
    created: /已添加风险/,
    saved: /已保存风险/,
    cell: (p: number, i: number) => new RegExp(`^概率 ${p}，影响 ${i}，`),
    editOf: (name: string) => `编辑 ${name}`,
    historyOf: (name: string) => `${name}的评分变更历史`,
    statusOf: (name: string) => `${name}的状态`,
    mitigating: '应对中',
    changeStatus: '更改状态',
    statusNote: '说明',
    showAll: '显示全部',
    top: '风险敞口最高的 20 项风险',
    openDeal: (code: string) => `打开 ${code} 的风险`,
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    tab: 'Risks',
    area: 'Risks',
    add: 'Add risk',
    title: 'Risk',
    titleRequired: 'Risk is required.',
    probability: 'Probability (1–5)',
    impact: 'Impact (1–5)',
    exposure: /^Exposure/,
    exposureInvalid: /Enter the exposure as an amount/,
    note: 'Reason for the change',
    save: 'Save',
    created: /^Risk .* added\./,
    saved: /^Risk .* saved\./,
    cell: (p: number, i: number) => new RegExp(`^Probability ${p}, impact ${i},`),
    editOf: (name: string) => `Edit ${name}`,
    historyOf: (name: string) => `Score history of ${name}`,
    statusOf: (name: string) => `Status of ${name}`,
    mitigating: 'Mitigating',
    changeStatus: 'Change status',
    statusNote: 'Note',
    showAll: 'Show all',
    top: 'Top 20 risks by exposure',
    openDeal: (code: string) => `Open the risks of ${code}`,
  },
} as const;

const XSS = '<img src=x onerror="window.__xss=1">';

/** An open deal of the sample that already has active risks, read from IndexedDB. */
function dealWithRisks(page: Page): Promise<{ id: string; code: string }> {
  return page.evaluate(
    () =>
      new Promise<{ id: string; code: string }>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['deals', 'risks'], 'readonly');
          const deals = tx.objectStore('deals').getAll();
          const risks = tx.objectStore('risks').getAll();
          tx.oncomplete = () => {
            db.close();
            type Row = Record<string, unknown>;
            for (const deal of deals.result as Row[]) {
              if (deal.status !== 'open' || deal.deletedAt !== null) continue;
              const active = (risks.result as Row[]).filter(
                (r) => r.dealId === deal.id && (r.status === 'open' || r.status === 'mitigating'),
              );
              if (active.length > 0) {
                resolve({ id: deal.id as string, code: deal.code as string });
                return;
              }
            }
            reject(new Error('no open deal with active risks'));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Picks the option starting with `prefix` in the antd select labelled `label`. */
async function choose(page: Page, scope: Locator, label: string, prefix: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: prefix })
    .first()
    .click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

/** The number of risks a matrix cell shows. */
async function cellCount(cell: Locator): Promise<number> {
  return Number(await cell.getAttribute('data-count'));
}

for (const lang of flowLangs('zh-CN')) {
  const text = TEXT[lang as Lang];

  test(`risk register: add a risk, the matrix follows, reassess with history; portfolio shows it (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });

    const deal = await dealWithRisks(page);
    await page.goto(`/#/deals/${deal.id}/risks`);
    await expect(page.getByRole('tab', { name: text.tab, selected: true })).toBeVisible();
    const matrix = page.getByRole('group', { name: /matrix|矩阵/ }).first();
    const top = matrix.getByRole('button', { name: text.cell(5, 5) });
    await expect(top).toBeVisible({ timeout: 30_000 });
    const before = await cellCount(top);
    await expect(top).toHaveText(String(before));
    await screenshot(page, 'risks-tab-before');

    // Add a risk: the title is required, the exposure must be an amount.
    await page.getByRole('button', { name: text.add }).first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('button', { name: text.add }).click();
    await expect(drawer.getByText(text.titleRequired)).toBeVisible();
    await drawer.getByLabel(text.title, { exact: true }).fill(XSS);
    await choose(page, drawer, text.probability, '5 ·');
    await choose(page, drawer, text.impact, '5 ·');
    const exposure = drawer.getByRole('textbox', { name: text.exposure });
    await exposure.fill('12,5x');
    await drawer.getByRole('button', { name: text.add }).click();
    await expect(drawer.getByText(text.exposureInvalid)).toBeVisible();
    await exposure.fill('987654321');
    await screenshot(page, 'risks-form');
    await drawer.getByRole('button', { name: text.add }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByText(text.created)).toBeVisible();

    // The matrix cell counts it; the title is shown as typed, never as markup.
    await expect(top).toHaveText(String(before + 1));
    const row = page.getByRole('row').filter({ hasText: XSS });
    await expect(row).toHaveCount(1);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);

    // A cell filters the register to its risks; clicking it again shows all.
    await top.click();
    await expect(top).toHaveAttribute('aria-pressed', 'true');
    const rows = page.locator('.ant-table-tbody > tr.ant-table-row');
    await expect(rows).toHaveCount(before + 1);
    await top.click();
    await expect(top).toHaveAttribute('aria-pressed', 'false');

    // Reassess: probability 5 → 3 with a reason; the history shows the change and the reason.
    await page.getByRole('button', { name: text.editOf(XSS) }).click();
    await expect(drawer).toBeVisible();
    await choose(page, drawer, text.probability, '3 ·');
    await drawer.getByRole('textbox', { name: text.note }).fill(`Budget confirmed ${XSS}`);
    await drawer.getByRole('button', { name: text.save, exact: true }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByText(text.saved)).toBeVisible();
    await expect(top).toHaveText(String(before));
    await expect(matrix.getByRole('button', { name: text.cell(3, 5) })).not.toHaveText('0');

    // A status change asks for a note, which goes into the history too.
    await choose(page, page.locator('main'), text.statusOf(XSS), text.mitigating);
    const modal = page.getByRole('dialog');
    await modal.getByRole('textbox', { name: text.statusNote }).fill('Price review booked');
    await modal.getByRole('button', { name: text.changeStatus }).click();
    await expect(modal).toBeHidden();

    await page.getByRole('button', { name: text.historyOf(XSS) }).click();
    const history = page.getByRole('table', { name: text.historyOf(XSS) });
    await expect(history.getByText('5 × 5 → 3 × 5')).toBeVisible();
    await expect(history.getByText(`Budget confirmed ${XSS}`, { exact: true })).toBeVisible();
    await expect(history.getByText('Price review booked', { exact: true })).toBeVisible();
    await expect(history.getByText(text.mitigating, { exact: true })).toBeVisible();
    await expect(history.locator('tr.ant-table-row')).toHaveCount(3);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'risks-tab');

    // The portfolio area: the risk leads the top risks by exposure and sits in its cell.
    await page.getByRole('menuitem', { name: text.area, exact: true }).click();
    await expect(page).toHaveURL(/#\/risks$/);
    const topList = page.getByRole('table', { name: text.top });
    await expect(topList).toBeVisible({ timeout: 30_000 });
    await expect(topList.locator('tr.ant-table-row').first()).toContainText(XSS);
    const portfolioMatrix = page.getByRole('group', { name: /matrix|矩阵/ }).first();
    await portfolioMatrix.getByRole('button', { name: text.cell(3, 5) }).click();
    const cellList = page.getByRole('table').filter({ hasText: XSS }).first();
    await expect(cellList).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await screenshot(page, 'risks-area');

    // Its deal link opens the deal's Risks tab.
    await topList
      .locator('tr.ant-table-row')
      .first()
      .getByRole('link', { name: text.openDeal(deal.code) })
      .click();
    await expect(page).toHaveURL(new RegExp(`#/deals/${deal.id}/risks$`));
    await expect(page.getByRole('tab', { name: text.tab, selected: true })).toBeVisible();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });
}
