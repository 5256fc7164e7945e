import { statSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { Lang } from './fixtures';
import { LANGS, expect, openApp, screenshot, test } from './fixtures';

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

for (const lang of LANGS) {
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
    await openApp(page, { lang, theme: 'light', route: '/deals' });
    await page.getByRole('button', { name: text.loadSample }).click();
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
