import type { Page } from '@playwright/test';
import type { Lang } from './fixtures';
import { expect, flowLangs, openAppWithSample, screenshot, test } from './fixtures';

/** The strings a user reads, in each language. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    newDeal: '新建商机',
    create: '创建商机',
    name: '商机名称',
    account: '客户',
    value: '金额',
    owner: '负责人',
    submissionDue: '投标截止',
    tab: '成本',
    noBudget: /尚未设置预算/,
    setTravelBudget: '设置预算 差旅',
    amount: '金额（CNY）',
    budgetSaved: '已保存“差旅”预算。',
    addCost: '添加成本',
    category: '科目',
    travel: '差旅',
    note: '备注',
    costAdded: '已添加成本。',
    amountInvalid: '请输入最多 2 位小数的金额，例如 1250.50。',
    overBudget: /超出预算：完工估算 .* 已达预算 .* 的 .*（预警阈值 90%/,
    logHours: '登记工时',
    person: '人员',
    hours: '工时',
    hoursInvalid: '请输入大于 0、不超过 24 的工时，例如 1.5。',
    timeAdded: '已登记工时。',
    thresholds: '预警阈值',
    costOfSaleField: '销售成本率预警',
    save: '保存阈值',
    saved: '已保存预警阈值。',
    range: '请输入 0 到 100 之间的数字。',
    costOfSale: /销售成本率已达项目金额的 .*（预警阈值 0\.2%/,
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    newDeal: 'New deal',
    create: 'Create deal',
    name: 'Deal name',
    account: 'Account',
    value: 'Value',
    owner: 'Owner',
    submissionDue: 'Submission due',
    tab: 'Costs',
    noBudget: /No budget yet/,
    setTravelBudget: 'Set budget Travel',
    amount: 'Amount (USD)',
    budgetSaved: 'Travel budget saved.',
    addCost: 'Add cost',
    category: 'Category',
    travel: 'Travel',
    note: 'Note',
    costAdded: 'Cost added.',
    amountInvalid: 'Enter an amount with at most 2 decimals, such as 1250.50.',
    overBudget:
      /^Over budget: estimate at completion .* is .* of the budget .* \(warning from 90 %/,
    logHours: 'Log hours',
    person: 'Person',
    hours: 'Hours',
    hoursInvalid: 'Enter hours above 0 and at most 24, such as 1.5.',
    timeAdded: 'Hours logged.',
    thresholds: 'Warnings and thresholds',
    costOfSaleField: 'Cost of sale warning',
    save: 'Save thresholds',
    saved: 'Thresholds saved.',
    range: 'Enter a number from 0 to 100.',
    costOfSale: /^Cost of sale is .* of the deal value \(warning from 0\.2 %/,
  },
} as const;

/** A date `days` calendar days from today, as the date picker takes it. */
function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Creates a deal of 2,400,000 (CNY in Chinese, USD in English) with nothing spent yet and returns its id. */
async function newDeal(page: Page, lang: Lang, name: string): Promise<string> {
  const text = TEXT[lang];
  await page.goto('/#/deals');
  await page.getByRole('button', { name: text.newDeal }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel(text.name, { exact: true }).fill(name);
  await drawer.getByLabel(text.value, { exact: true }).fill('2400000');
  await drawer.getByLabel(text.account, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await drawer.getByLabel(text.owner, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  const due = drawer.getByLabel(text.submissionDue, { exact: true });
  await due.click();
  await due.fill(daysFromToday(60));
  await due.press('Enter');
  await drawer.getByRole('button', { name: text.create }).click();
  await expect(drawer).toBeHidden();
  return page.evaluate(
    (dealName) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(new Error('cannot open the database'));
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

/** Adds a travel cost of `amount` (major units) with a note. */
async function addTravelCost(page: Page, lang: Lang, amount: string, note: string) {
  const text = TEXT[lang];
  await page.getByRole('button', { name: text.addCost }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(text.amount, { exact: true }).fill(amount);
  await dialog.getByLabel(text.note, { exact: true }).fill(note);
  await dialog.locator('.ant-btn-primary').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(text.costAdded).last()).toBeVisible();
}

for (const lang of flowLangs('en')) {
  const text = TEXT[lang];

  test(`costs: budget, costs past it, hours, cost-of-sale threshold, escaped notes (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const xss = `<img src=x onerror="window.__xss=1"> ${lang}`;
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 30_000 });
    const dealId = await newDeal(page, lang, `Costs ${lang}`);

    await page.goto(`/#/deals/${dealId}/costs`);
    await expect(page.getByRole('tab', { name: text.tab })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByText(text.noBudget)).toBeVisible();

    // A travel budget of 5,000.
    await page.getByRole('button', { name: text.setTravelBudget }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(text.amount, { exact: true }).fill('5000');
    await dialog.locator('.ant-btn-primary').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(text.budgetSaved)).toBeVisible();
    await expect(page.getByTestId('cost-figure-budget')).toHaveText(/5,000\.00/);
    await expect(page.getByTestId('cost-warning-over-budget')).toHaveCount(0);

    // A bad amount says what is wrong and keeps the dialog and what was typed.
    await page.getByRole('button', { name: text.addCost }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(text.amount, { exact: true }).fill('12.345');
    await dialog.getByLabel(text.note, { exact: true }).fill(xss);
    await dialog.locator('.ant-btn-primary').click();
    await expect(dialog.getByText(text.amountInvalid)).toBeVisible();
    await expect(dialog.getByLabel(text.note, { exact: true })).toHaveValue(xss);
    await dialog.getByLabel(text.amount, { exact: true }).fill('3000');
    await dialog.locator('.ant-btn-primary').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(text.costAdded).last()).toBeVisible();
    // The note is shown as text, never as markup.
    await expect(page.getByTestId('cost-note').filter({ hasText: xss })).toBeVisible();
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await expect(page.getByTestId('cost-figure-actual')).toHaveText(/3,000\.00/);
    await expect(page.getByTestId('cost-warning-over-budget')).toHaveCount(0);

    // Past the budget: the warning names the threshold.
    await addTravelCost(page, lang, '2500', 'Second site visit');
    await expect(page.getByTestId('cost-warning-over-budget')).toHaveText(text.overBudget);
    await expect(page.getByTestId('cost-figure-actual')).toHaveText(/5,500\.00/);
    await expect(page.getByTestId('cost-figure-variance')).toHaveText(/-.*500\.00/);

    // Hours: a bad number is refused with a reason, then logged with its cost.
    await page.getByRole('button', { name: text.logHours }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(text.person, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await dialog.getByLabel(text.hours, { exact: true }).fill('30');
    await dialog.locator('.ant-btn-primary').click();
    await expect(dialog.getByText(text.hoursInvalid)).toBeVisible();
    await dialog.getByLabel(text.hours, { exact: true }).fill('4');
    await dialog.locator('.ant-btn-primary').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(text.timeAdded).last()).toBeVisible();
    await expect(page.locator('.ant-card').last().locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('cost-warning-cost-of-sale')).toHaveCount(0);
    await screenshot(page, 'costs-tab');

    // The cost-of-sale threshold in Settings: a bad value is refused, a good one is followed.
    await page.goto('/#/settings');
    const field = page.getByLabel(text.costOfSaleField, { exact: true });
    // Settings loads each section's code and reads the settings first: slow on a busy machine.
    await expect(field).toHaveValue('5', { timeout: 30_000 });
    await field.fill('150');
    await page.getByRole('button', { name: text.save }).click();
    await expect(page.getByText(text.range)).toBeVisible();
    await field.fill('0.2');
    await page.getByRole('button', { name: text.save }).click();
    await expect(page.getByText(text.saved)).toBeVisible();
    await page.getByText(text.thresholds, { exact: true }).first().scrollIntoViewIfNeeded();
    await screenshot(page, 'costs-thresholds');

    await page.goto(`/#/deals/${dealId}/costs`);
    await expect(page.getByTestId('cost-warning-cost-of-sale')).toHaveText(text.costOfSale);
    await screenshot(page, 'costs-warnings');
  });
}
