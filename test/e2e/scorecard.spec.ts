import type { Page } from '@playwright/test';
import { expect, flowLangs, openAppWithSample, screenshot, test } from './fixtures';

/** The strings a user reads, in each language. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    area: '目标与提成',
    scorecard: '业绩记分卡',
    statements: '提成结算单',
    year: '年度',
    median: '团队中位数',
    meetings: '拜访会谈',
    add: '新增调整',
    payout: '发放',
    amount: /^金额（[A-Z]{3}）/,
    reason: '原因',
    save: '保存',
    created: /已为 .* 新增调整项/,
    diffAdded: /新增调整：发放/,
    reasonRequired: '请填写原因，原因会打印在结算单上。',
    quarterOption: '第2季度',
    detail: '对比中位数',
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    area: 'Targets',
    scorecard: 'Scorecard',
    statements: 'Statements',
    year: 'Year',
    median: 'Team median',
    meetings: 'Meetings',
    add: 'Add adjustment',
    payout: 'Payout',
    amount: /^Amount \([A-Z]{3}\)/,
    reason: 'Reason',
    save: 'Save',
    created: /^Added an adjustment to/,
    diffAdded: /Adjustment added: Payout/,
    reasonRequired: 'Say why: the reason is printed on the statement.',
    quarterOption: 'Q2',
    detail: 'vs median',
  },
} as const;

const XSS_REASON = '<img src=x onerror="window.__xss=1"> late bonus';

/** Meetings logged per person id within the fiscal year that contains today, straight from IndexedDB. */
function meetingsThisFiscalYear(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['settings', 'activities'], 'readonly');
          const settings = tx.objectStore('settings').getAll();
          const activities = tx.objectStore('activities').getAll();
          tx.oncomplete = () => {
            db.close();
            const start = (settings.result[0] as { fiscalYearStartMonth: number })
              .fiscalYearStartMonth;
            const now = new Date();
            const year = now.getMonth() + 1 >= start ? now.getFullYear() : now.getFullYear() - 1;
            const from = new Date(year, start - 1, 1).getTime();
            const to = new Date(year + 1, start - 1, 1).getTime();
            const counts: Record<string, number> = {};
            for (const a of activities.result as {
              type: string;
              at: number;
              actorId: string | null;
              deletedAt: number | null;
            }[]) {
              if (a.type !== 'meeting' || a.actorId === null || a.deletedAt !== null) continue;
              if (a.at < from || a.at >= to) continue;
              counts[a.actorId] = (counts[a.actorId] ?? 0) + 1;
            }
            resolve(counts);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

function peopleNames(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('people', 'readonly').objectStore('people').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(
              Object.fromEntries(
                (request.result as { id: string; name: string }[]).map((p) => [p.id, p.name]),
              ),
            );
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

for (const lang of flowLangs('en')) {
  const text = TEXT[lang];

  test(`scorecard figures and sort; an adjustment changes the statement and prints (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });
    await page.getByRole('menuitem', { name: text.area }).click();

    // The period picker names quarters in the user's language.
    await page
      .getByRole('combobox', { name: lang === 'en' ? 'Quarter or month' : '季度或月份' })
      .click();
    await expect(
      page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({
        hasText: text.quarterOption,
      }),
    ).toBeVisible();
    await page.keyboard.press('Escape');

    // Scorecard over the fiscal year: the median row first, then one row per person.
    await page.getByRole('tab', { name: text.scorecard }).click();
    await page.locator('.ant-segmented').getByText(text.year, { exact: true }).click();
    const table = page.getByTestId('scorecard');
    await expect(table.locator('.ant-table-row').first()).toContainText(text.median);

    // Meetings match the activities logged in the year, person by person.
    const counts = await meetingsThisFiscalYear(page);
    const names = await peopleNames(page);
    const expected = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    expect(expected.length).toBeGreaterThan(0);
    const [topId, topCount] = expected[0] ?? ['', 0];
    const topRow = table.locator('.ant-table-row').filter({ hasText: names[topId] ?? '?' });
    await expect(topRow.locator('[data-figure="meetings"]')).toHaveText(String(topCount));

    // Sort by meetings: the busiest person first, then never more than the row above.
    await table.locator('th').getByText(text.meetings, { exact: true }).first().click();
    const personRows = table.locator('.ant-table-row').filter({ hasNotText: text.median });
    await expect(personRows.first().locator('[data-figure="meetings"]')).toHaveText(
      String(topCount),
    );
    const shown = (await personRows.locator('[data-figure="meetings"]').allInnerTexts()).map((v) =>
      Number(v.replace(/[^\d]/g, '')),
    );
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    await screenshot(page, 'scorecard-team');

    // A person's detail beside the median.
    await personRows.first().getByRole('button').click();
    await expect(page.getByTestId('scorecard-detail')).toContainText(text.detail);
    await screenshot(page, 'scorecard-detail');
    await page.keyboard.press('Escape');

    // Statement: add a payout adjustment whose reason is markup.
    await page.getByRole('tab', { name: text.statements }).click();
    const payout = page.getByTestId('statement-payout');
    await expect(payout).toBeVisible();
    const before = await payout.innerText();
    await page.getByRole('button', { name: text.add }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(text.payout, { exact: true }).click();
    await dialog.getByLabel(text.amount).fill('-123.45');
    // No reason: refused with a clear message, nothing saved.
    await dialog.getByRole('button', { name: text.save, exact: true }).click();
    await expect(dialog.getByText(text.reasonRequired)).toBeVisible();
    await dialog.getByLabel(text.reason).fill(XSS_REASON);
    await dialog.getByRole('button', { name: text.save, exact: true }).click();
    await expect(page.getByText(text.created)).toBeVisible();
    await expect(dialog).toBeHidden();
    const adjustments = page.getByTestId('statement-adjustments');
    await expect(adjustments).toContainText(XSS_REASON);
    await expect(payout).not.toHaveText(before);
    // The statement says what changed since it was last viewed: the adjustment.
    await expect(page.getByText(text.diffAdded)).toBeVisible();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await screenshot(page, 'statement-adjustment');

    // The printed statement: the sheet only, on a page, not empty.
    await page.evaluate(() => document.body.classList.add('printing-statement'));
    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5_000);
    }
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('printing-statement'));
  });
}
