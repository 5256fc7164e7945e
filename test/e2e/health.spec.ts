import { statSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { Lang } from './fixtures';
import { expect, flowLangs, openAppWithSample, screenshot, test } from './fixtures';

/** Deal health and the review pack, as a user reads them in each language. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    risksTab: '风险',
    add: '添加风险',
    title: '风险名称',
    probability: '概率（1–5）',
    impact: '影响（1–5）',
    exposure: /^风险敞口/,
    created: /已添加风险/,
    health: /^健康度: /,
    pack: '评审材料',
    packTitle: '商机评审',
    highRisks: '高风险',
    healthColumn: '健康度',
    newDeal: '新建商机',
    create: '创建商机',
    name: '商机名称',
    account: '客户',
    value: '金额',
    owner: '负责人',
    costsTab: '成本',
    setTravelBudget: '设置预算 差旅',
    amount: '金额（CNY）',
    budgetSaved: '已保存“差旅”预算。',
    addCost: '添加成本',
    note: '备注',
    costAdded: '已添加成本。',
    overBudgetWarning: /超出预算：完工估算 .* 已达预算 .* 的 .*（预警阈值 90%/,
    overBudgetReason: /实际花费 .*12,500\.00.*，预算 .*10,000\.00/,
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    risksTab: 'Risks',
    add: 'Add risk',
    title: 'Risk',
    probability: 'Probability (1–5)',
    impact: 'Impact (1–5)',
    exposure: /^Exposure/,
    created: /^Risk .* added\./,
    health: /^Health: /,
    pack: 'Review pack',
    packTitle: 'Deal review',
    highRisks: 'High risks',
    healthColumn: 'Health',
    newDeal: 'New deal',
    create: 'Create deal',
    name: 'Deal name',
    account: 'Account',
    value: 'Value',
    owner: 'Owner',
    costsTab: 'Costs',
    setTravelBudget: 'Set budget Travel',
    amount: 'Amount (USD)',
    budgetSaved: 'Travel budget saved.',
    addCost: 'Add cost',
    note: 'Note',
    costAdded: 'Cost added.',
    overBudgetWarning:
      /^Over budget: estimate at completion .* is .* of the budget .* \(warning from 90 %/,
    overBudgetReason: /^Actual .*12,500\.00 against a budget of .*10,000\.00/,
  },
} as const;

const XSS = '<img src=x onerror="window.__xss=1">';

/** An open deal of the sample without high active risks (score 15+), read from IndexedDB. */
function dealWithoutRisks(page: Page): Promise<{ id: string; code: string }> {
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
                (r) =>
                  r.dealId === deal.id &&
                  r.deletedAt === null &&
                  (r.status === 'open' || r.status === 'mitigating') &&
                  (r.probability as number) * (r.impact as number) >= 15,
              );
              if (active.length === 0) {
                resolve({ id: deal.id as string, code: deal.code as string });
                return;
              }
            }
            reject(new Error('no open deal without high risks'));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function choose(page: Page, scope: Locator, label: string, prefix: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: prefix })
    .first()
    .click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

for (const lang of flowLangs('en')) {
  const text = TEXT[lang as Lang];

  test(`deal health: a high risk changes the header and the portfolio; review pack as PDF (${lang})`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    // The portfolio's health is rated in a worker; it must start and keep running (a worker that
    // fails is closed and replaced by the same work in the page).
    const healthWorkers: { closed: boolean }[] = [];
    page.on('worker', (worker) => {
      if (!worker.url().includes('health.worker')) return;
      const entry = { closed: false };
      healthWorkers.push(entry);
      worker.on('close', () => (entry.closed = true));
    });
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('.pf-body [data-health]').first()).toBeVisible({ timeout: 30_000 });
    await screenshot(page, `health-portfolio-${lang}`);

    const deal = await dealWithoutRisks(page);
    await page.goto(`/#/deals/${deal.id}/risks`);
    const tag = page.locator('button.health-tag');
    await expect(tag).toBeVisible({ timeout: 30_000 });
    await expect(tag).toHaveAttribute('aria-label', text.health);
    await tag.hover();
    const popover = page.locator('.ant-popover:visible');
    await expect(popover).toBeVisible();
    await expect(popover.locator('[data-reason="highRisks"]')).toHaveCount(0);
    await page.mouse.move(0, 0);

    // A high risk (5 × 5) with a large exposure: health gains the reasons, naming the risk as text.
    await page.getByRole('button', { name: text.add }).first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel(text.title, { exact: true }).fill(XSS);
    await choose(page, drawer, text.probability, '5 ·');
    await choose(page, drawer, text.impact, '5 ·');
    await drawer.getByRole('textbox', { name: text.exposure }).fill('987654321');
    await drawer.getByRole('button', { name: text.add }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByText(text.created)).toBeVisible();

    await expect(tag).not.toHaveAttribute('data-health', 'green');
    await tag.hover();
    const reason = page.locator('.ant-popover:visible [data-reason="highRisks"]');
    await expect(reason).toBeVisible();
    await expect(reason).toContainText(XSS);
    await screenshot(page, `health-header-${lang}`);
    await page.mouse.move(0, 0);

    // The portfolio's health column shows the same level for this deal.
    const level = await tag.getAttribute('data-health');
    await page.goto('/#/deals');
    const row = page.locator('.pf-row').filter({ hasText: deal.code });
    await expect(row.locator('[data-health]')).toHaveAttribute('data-health', level ?? '');
    expect(healthWorkers.length).toBeGreaterThan(0);
    expect(healthWorkers.every((w) => !w.closed)).toBe(true);

    // The review pack: header, health with the risk's title as text, laid out to print.
    await page.goto(`/#/deals/${deal.id}/overview`);
    await page.getByRole('button', { name: text.pack }).click();
    const sheet = page.locator('article.review-pack-sheet');
    await expect(sheet).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    await expect(sheet.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(sheet).toContainText(text.highRisks);
    await expect(sheet.getByText(XSS).first()).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await screenshot(page, `health-review-pack-${lang}`);
    await page.locator('.ant-segmented-item').filter({ hasText: 'Letter' }).click();
    await expect(sheet).toHaveClass(/paper-Letter/);

    // Print as the app does (only the sheet), to a PDF through Chromium.
    await page.evaluate(() => document.body.classList.add('printing-sheet'));
    await page.emulateMedia({ media: 'print' });
    const file = testInfo.outputPath(`review-pack-${lang}.pdf`);
    await page.pdf({ path: file, format: 'Letter' });
    await page.emulateMedia({ media: 'screen' });
    expect(statSync(file).size).toBeGreaterThan(5_000);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });
}

/** Creates a deal of 2,400,000 with nothing spent yet through the form; returns its id. */
async function newDeal(page: Page, lang: Lang, name: string): Promise<string> {
  const text = TEXT[lang];
  await page.goto('/#/deals');
  await page.getByRole('button', { name: text.newDeal }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel(text.name, { exact: true }).fill(name);
  await drawer.getByLabel(text.value, { exact: true }).fill('2400000');
  for (const label of [text.account, text.owner]) {
    await drawer.getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  }
  await drawer.getByRole('button', { name: text.create }).click();
  await expect(drawer).toBeHidden();
  const row = page.locator('.pf-row').filter({ hasText: name });
  await expect(row).toBeVisible();
  return page.evaluate(
    (dealName) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('deals').objectStore('deals').getAll();
          request.onsuccess = () => {
            const deal = (request.result as { id: string; name: string }[]).find(
              (d) => d.name === dealName,
            );
            open.result.close();
            if (deal) resolve(deal.id);
            else reject(new Error(`no deal ${dealName}`));
          };
        };
      }),
    name,
  );
}

for (const lang of flowLangs('en')) {
  const text = TEXT[lang as Lang];

  test(`deal health: costs logged past the budget warn on the deal and turn its health (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });
    const name = `${XSS} ${lang}`;
    const dealId = await newDeal(page, lang, name);

    await page.goto(`/#/deals/${dealId}/costs`);
    await expect(page.getByRole('tab', { name: text.costsTab })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const tag = page.locator('button.health-tag');
    await expect(tag).toBeVisible({ timeout: 30_000 });
    await tag.hover();
    await expect(page.locator('.ant-popover:visible')).toBeVisible();
    await expect(page.locator('.ant-popover:visible [data-reason="overBudget"]')).toHaveCount(0);
    await page.mouse.move(0, 0);

    // A travel budget of 10,000, then 12,500 of travel logged against it.
    await page.getByRole('button', { name: text.setTravelBudget }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(text.amount, { exact: true }).fill('10000');
    await dialog.locator('.ant-btn-primary').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(text.budgetSaved)).toBeVisible();
    await expect(page.getByTestId('cost-warning-over-budget')).toHaveCount(0);
    for (const amount of ['7500', '5000']) {
      await page.getByRole('button', { name: text.addCost }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel(text.amount, { exact: true }).fill(amount);
      await dialog.getByLabel(text.note, { exact: true }).fill(XSS);
      await dialog.locator('.ant-btn-primary').click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(text.costAdded).last()).toBeVisible();
    }

    // The warning on the deal's costs, and its health turns red with over budget as a reason.
    await expect(page.getByTestId('cost-warning-over-budget')).toHaveText(text.overBudgetWarning);
    await expect(tag).toHaveAttribute('data-health', 'red');
    await tag.hover();
    const reason = page.locator('.ant-popover:visible [data-reason="overBudget"]');
    await expect(reason).toHaveText(text.overBudgetReason);
    await screenshot(page, 'health-over-budget');
    await page.mouse.move(0, 0);

    // The portfolio, rated in the worker, shows the same.
    await page.goto('/#/deals');
    const row = page.locator('.pf-row').filter({ hasText: name });
    await expect(row.locator('[data-health]')).toHaveAttribute('data-health', 'red', {
      timeout: 30_000,
    });
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });
}
