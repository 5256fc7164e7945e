import { statSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { Lang } from './fixtures';
import { expect, flowLangs, openAppWithSample, screenshot, test, waitForArea } from './fixtures';

/** The dashboard's strings in each language, as a user reads them. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    area: '仪表盘',
    weighted: '加权管道',
    table: '表格',
    pipelineToggle: '按预计授标日期的加权管道：图表或表格',
    total: '合计',
    startReview: '开始评审',
    reviewName: '评审名称',
    nameRequired: '请填写评审名称。',
    started: /评审“.*”已开始/,
    nothing: '自此次评审以来没有变化。',
    editDeal: '编辑商机',
    pwin: '赢率（%）',
    save: '保存',
    newDeal: '新建商机',
    dealName: '商机名称',
    account: '客户',
    owner: '负责人',
    value: '金额',
    create: '创建商机',
    added: '新增',
    pwinKind: '赢率',
    exportPack: '导出评审材料',
    packTitle: '评审材料',
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    area: 'Dashboard',
    weighted: 'Weighted pipeline',
    table: 'Table',
    pipelineToggle: 'Weighted pipeline by expected award: chart or table',
    total: 'Total',
    startReview: 'Start review',
    reviewName: 'Review name',
    nameRequired: 'Give the review a name.',
    started: /Review “.*” started/,
    nothing: 'Nothing changed since this review.',
    editDeal: 'Edit deal',
    pwin: 'Pwin (%)',
    save: 'Save',
    newDeal: 'New deal',
    dealName: 'Deal name',
    account: 'Account',
    owner: 'Owner',
    value: 'Value',
    create: 'Create deal',
    added: 'Added',
    pwinKind: 'Pwin',
    exportPack: 'Export review pack',
    packTitle: 'Review pack',
  },
} as const;

const XSS = '<img src=x onerror="window.__xss=1">';
const SCREENS = process.env.PURSUIT_SCREENS ?? resolve(import.meta.dirname, '../../test-results');

interface Facts {
  currency: string;
  /** Σ round(value × Pwin / 100) of open deals with an award date, in the base currency. */
  weightedMinor: number;
  deal: { id: string; code: string; pwin: number };
}

/** The figures the dashboard must show, worked out from the stored records directly. */
function readFacts(page: Page): Promise<Facts> {
  return page.evaluate(
    () =>
      new Promise<Facts>((done, fail) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['deals', 'settings'], 'readonly');
          const deals = tx.objectStore('deals').getAll();
          const settings = tx.objectStore('settings').getAll();
          tx.oncomplete = () => {
            db.close();
            type Row = {
              id: string;
              code: string;
              status: string;
              pwin: number;
              deletedAt: number | null;
              value: { amountMinor: number; currency: string };
              keyDates: { expectedAward: string | null };
            };
            const currency = (settings.result as { baseCurrency: string }[])[0]?.baseCurrency ?? '';
            const live = (deals.result as Row[]).filter(
              (d) => d.deletedAt === null && d.status === 'open',
            );
            const weightedMinor = live
              .filter((d) => d.keyDates.expectedAward !== null && d.value.currency === currency)
              .reduce((sum, d) => sum + Math.round((d.value.amountMinor * d.pwin) / 100), 0);
            const deal = live.find((d) => d.pwin !== 77);
            if (!deal) return fail(new Error('no open deal'));
            done({
              currency,
              weightedMinor,
              deal: { id: deal.id, code: deal.code, pwin: deal.pwin },
            });
          };
        };
      }),
  );
}

for (const lang of flowLangs('zh-CN')) {
  const text = TEXT[lang as Lang];

  test(`dashboard: figures match the data, a review lists what changed, the pack prints (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });
    const facts = await readFacts(page);

    // The dashboard: KPIs and charts, with figures that match the stored deals.
    await page.goto('/#/dashboard');
    await waitForArea(page);
    const kpi = page.getByTestId('kpi-weighted');
    await expect(kpi).toBeVisible({ timeout: 30_000 });
    const parse = (s: string) => Math.round(Number(s.replace(/[^\d.-]/g, '')) * 100);
    expect(parse(await kpi.innerText())).toBe(facts.weightedMinor);
    const pipeline = page.getByTestId('chart-pipeline');
    await expect(pipeline.locator('svg').first()).toBeVisible();
    await expect(page.getByTestId('chart-funnel').locator('svg').first()).toBeVisible();
    await screenshot(page, 'dashboard');

    // Hover: the tooltip gives the exact figures of a bar.
    const box = await pipeline.locator('.dashboard-chart').boundingBox();
    if (box === null) throw new Error('the pipeline chart has no box');
    let tooltip = '';
    for (const fx of [0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6]) {
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * 0.7);
      const tip = pipeline.locator('.dashboard-chart > div').filter({ hasText: text.total });
      if ((await tip.count()) > 0 && (await tip.first().isVisible())) {
        tooltip = (await tip.first().innerText()).trim();
        break;
      }
    }
    expect(tooltip).toContain(text.total);
    expect(tooltip).toMatch(/\d/);
    await screenshot(page, 'dashboard-tooltip');

    // The table view: the total row sums to the weighted pipeline.
    await pipeline.locator('.ant-segmented-item').filter({ hasText: text.table }).click();
    const table = pipeline.getByRole('table');
    await expect(table).toBeVisible();
    const totals = await table.locator('tbody tr td:nth-child(5)').allInnerTexts();
    expect(totals.reduce((sum, s) => sum + parse(s), 0)).toBe(facts.weightedMinor);
    await screenshot(page, 'dashboard-table');

    // Start a review: the name is required, then the snapshot is taken; nothing changed yet.
    await page.getByRole('button', { name: text.startReview }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(text.reviewName).fill('');
    await dialog.getByRole('button', { name: text.startReview }).click();
    await expect(dialog.getByText(text.nameRequired)).toBeVisible();
    await dialog.getByLabel(text.reviewName).fill(`Q4 ${XSS}`);
    await screenshot(page, 'dashboard-start-review');
    await dialog.getByRole('button', { name: text.startReview }).click();
    await expect(page.getByText(text.started)).toBeVisible();
    const changes = page.getByTestId('review-changes');
    await expect(changes.getByText(text.nothing)).toBeVisible();

    // Change a deal's Pwin, and add a deal whose name is markup.
    await page.goto(`/#/deals/${facts.deal.id}`);
    await page.getByRole('button', { name: text.editDeal, exact: true }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel(text.pwin, { exact: true }).fill('77');
    await drawer.getByRole('button', { name: text.save, exact: true }).click();
    await expect(drawer).toBeHidden();
    await page.goto('/#/deals');
    await page.getByRole('button', { name: text.newDeal }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel(text.dealName, { exact: true }).fill(`E2E ${XSS}`);
    await form.getByLabel(text.value, { exact: true }).fill('1000');
    await form.getByLabel(text.account, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await form.getByLabel(text.owner, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await form.getByRole('button', { name: text.create }).click();
    await expect(form).toBeHidden();

    // Back on the dashboard: both changes are listed, the markup as text.
    await page.goto('/#/dashboard');
    await waitForArea(page);
    const rows = changes.getByRole('row');
    const pwinRow = rows.filter({ hasText: facts.deal.code }).filter({ hasText: text.pwinKind });
    await expect(pwinRow).toContainText(`${facts.deal.pwin}% → 77%`);
    const addedRow = rows.filter({ hasText: text.added });
    await expect(addedRow).toContainText(`E2E ${XSS}`);
    await expect(changes).toContainText(`Q4 ${XSS}`);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await changes.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-changes');

    // The review pack: the print layout, printed to PDF (the browser build opens print()).
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByRole('button', { name: text.exportPack }).click();
    await expect(page.locator('body.printing-dashboard')).toHaveCount(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.dashboard-pack-header')).toContainText(text.packTitle);
    await expect(page.getByRole('navigation').first()).toBeHidden();
    await screenshot(page, 'dashboard-pack');
    const pdfPath = resolve(SCREENS, `dashboard-pack-${lang}.pdf`);
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    expect(statSync(pdfPath).size).toBeGreaterThan(20_000);
    const pdf = readFileSync(pdfPath).subarray(0, 5).toString('latin1');
    expect(pdf).toBe('%PDF-');
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });
}
