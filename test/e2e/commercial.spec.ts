import type { Page } from '@playwright/test';
import { expect, flowLangs, openAppWithSample, screenshot, test } from './fixtures';

/** The strings a user reads, in each language. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    addItem: '新增条目',
    code: '编码',
    nameZh: '名称（中文）',
    nameEn: '名称（英文）',
    listPrice: '目录价（CNY）',
    cost: '成本（CNY）',
    validFrom: '生效日期',
    validTo: '失效日期',
    save: '保存',
    costAbove: '成本高于目录价',
    costAboveTag: '成本高于售价',
    validityError: /失效日期不能早于生效日期/,
    added: /已新增价格库条目/,
    saved: /已保存价格库条目/,
    perTotal: '按合计舍入',
    saveRounding: '保存舍入规则',
    roundingSaved: '已保存报价舍入规则。',
    tab: '商务',
    addCompetitor: '添加竞争对手',
    competitor: '竞争对手',
    low: '最低价',
    likely: '最可能价',
    high: '最高价',
    editBudget: '编辑预算',
    budget: '预算',
    sentence: /我方价格比.*的最可能报价(高|低) .*(在预算之内|超出预算)/,
    addContract: '新增合同',
    number: '合同编号',
    status: '状态',
    signedDate: '签订日期',
    renewalDate: '续约日期',
    attach: '上传 PDF',
    signed: '已签订',
    contractAdded: /已新增合同/,
    contractSaved: /已保存合同/,
    renewals: '即将续约',
    editContract: '编辑',
    openContract: '打开',
    budgetAbove: /预算 .*（远高于各方报价，未按比例绘制）→/,
    oursMark: /^我方价格 /,
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    addItem: 'Add item',
    code: 'Code',
    nameZh: 'Name (Chinese)',
    nameEn: 'Name (English)',
    listPrice: 'List price (USD)',
    cost: 'Cost (USD)',
    validFrom: 'Valid from',
    validTo: 'Valid to',
    save: 'Save',
    costAbove: 'The cost is above the list price',
    costAboveTag: 'Cost above price',
    validityError: /Valid to must not be before valid from/,
    added: /Price book item .* added/,
    saved: /Price book item .* saved/,
    perTotal: 'Per total',
    saveRounding: 'Save rounding',
    roundingSaved: 'Quote rounding saved.',
    tab: 'Commercial',
    addCompetitor: 'Add competitor',
    competitor: 'Competitor',
    low: 'Low',
    likely: 'Likely',
    high: 'High',
    editBudget: 'Edit budget',
    budget: 'Budget',
    sentence: /Our price is .* (above|below) the likely price of .* (within budget|over budget)/,
    addContract: 'Add contract',
    number: 'Contract number',
    status: 'Status',
    signedDate: 'Signed on',
    renewalDate: 'Renewal date',
    attach: 'Attach PDF',
    signed: 'Signed',
    contractAdded: /Contract .* added/,
    contractSaved: /Contract .* saved/,
    renewals: 'Renewals due',
    editContract: 'Edit',
    openContract: 'Open',
    budgetAbove: /Budget .* \(far above the prices, off the scale\) →/,
    oursMark: /^Our price /,
  },
} as const;

function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Types a date into an antd date picker. */
async function pickDate(page: Page, label: string, value: string) {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** The id of the deal with a quote and of a won deal, read from the stored sample. */
function sampleDeals(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ quoted: string; won: string; currency: string }>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const tx = open.result.transaction(['deals', 'quotes']);
          const quotes = tx.objectStore('quotes').getAll();
          const deals = tx.objectStore('deals').getAll();
          tx.oncomplete = () => {
            const quote = (quotes.result as { dealId: string; currency: string }[])[0];
            const won = (deals.result as { id: string; status: string; deletedAt: unknown }[]).find(
              (deal) => deal.status === 'won' && deal.deletedAt === null,
            );
            open.result.close();
            if (quote && won)
              resolve({ quoted: quote.dealId, won: won.id, currency: quote.currency });
            else reject(new Error('the sample lacks a quoted or a won deal'));
          };
        };
      }),
  );
}

for (const lang of flowLangs('zh-CN')) {
  test(`price book, price to win and contracts (${lang})`, async ({ page }) => {
    test.setTimeout(420_000);
    const text = TEXT[lang];
    const xss = `<img src=x onerror="window.__xss=1"> ${lang}`;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });
    const { quoted, won } = await sampleDeals(page);

    // Price book: a cost above the price is flagged, a validity ending before it starts refused.
    await page.goto('/#/settings');
    const section = page.getByTestId('price-book-section');
    // Settings loads each section's code and reads the settings first: slow on a busy machine.
    await expect(section).toBeVisible({ timeout: 30_000 });
    await section.getByRole('button', { name: text.addItem }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(text.code, { exact: true }).fill(`XSS-${lang}`);
    await dialog.getByLabel(text.nameZh, { exact: true }).fill(xss);
    await dialog.getByLabel(text.nameEn, { exact: true }).fill(xss);
    await dialog.getByLabel(text.listPrice, { exact: true }).fill('100');
    await dialog.getByLabel(text.cost, { exact: true }).fill('150');
    await expect(dialog.getByText(text.costAbove)).toBeVisible();
    await pickDate(page, text.validFrom, '2026-12-31');
    await pickDate(page, text.validTo, '2026-01-01');
    await dialog.getByRole('button', { name: text.save, exact: true }).click();
    await expect(dialog.getByText(text.validityError)).toBeVisible();
    await pickDate(page, text.validTo, '2027-12-31');
    await dialog.getByRole('button', { name: text.save, exact: true }).click();
    await expect(page.getByText(text.added)).toBeVisible();
    await expect(dialog).toBeHidden();
    const row = section.getByRole('row').filter({ hasText: `XSS-${lang}` });
    await expect(row).toContainText(xss);
    await expect(row).toContainText(text.costAboveTag);
    await screenshot(page, 'commercial-price-book');
    // Edit: a price above the cost clears the flag.
    await row
      .getByRole('button', { name: new RegExp(`XSS-${lang}`) })
      .first()
      .click();
    await dialog.getByLabel(text.listPrice, { exact: true }).fill('200');
    await dialog.getByRole('button', { name: text.save, exact: true }).click();
    await expect(page.getByText(text.saved)).toBeVisible();
    await expect(row).not.toContainText(text.costAboveTag);

    // Rounding: per total.
    await page.getByText(text.perTotal, { exact: true }).click();
    await page.getByRole('button', { name: text.saveRounding }).click();
    await expect(page.getByText(text.roundingSaved)).toBeVisible();

    // Price to win on the deal with a quote: two competitors and a budget.
    await page.goto(`/#/deals/${quoted}/commercial`);
    await expect(page.getByRole('tab', { name: text.tab })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const ptw = page.getByTestId('price-to-win');
    // The sample already holds competitors' prices and a budget for this deal.
    await expect(page.getByTestId('ptw-chart')).toBeVisible();
    await expect(page.getByTestId('ptw-mark-ours')).toHaveText(text.oursMark);
    await page.getByTestId('ptw-mark-budget').scrollIntoViewIfNeeded();
    await screenshot(page, 'commercial-price-to-win-sample');
    const addCompetitor = async (name: string, low: string, likely: string, high: string) => {
      await ptw.getByRole('button', { name: text.addCompetitor }).click();
      await dialog.getByLabel(text.competitor, { exact: true }).fill(name);
      await dialog.getByLabel(new RegExp(`^${text.low}`)).fill(low);
      await dialog.getByLabel(new RegExp(`^${text.likely}`)).fill(likely);
      await dialog.getByLabel(new RegExp(`^${text.high}`)).fill(high);
      await dialog.getByRole('button', { name: text.save, exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(ptw.getByRole('row').filter({ hasText: name })).toBeVisible();
    };
    await addCompetitor(xss, '2000000', '2500000', '3000000');
    await addCompetitor('Huawei', '1500000', '1800000', '2600000');
    await ptw.getByRole('button', { name: text.editBudget }).click();
    await dialog.getByLabel(new RegExp(`^${text.budget}`)).fill('50000000');
    await dialog.getByRole('button', { name: text.save, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('ptw-sentence')).toContainText(text.sentence);
    await expect(page.getByTestId('ptw-chart')).toBeVisible();
    // A budget far above every price is marked at the edge with its figure, not drawn to scale.
    await expect(page.getByTestId('ptw-mark-budget')).toHaveText(text.budgetAbove);
    await expect(page.locator('[data-off-scale="above"]')).toHaveCount(1);
    await page.getByTestId('ptw-mark-budget').scrollIntoViewIfNeeded();
    await screenshot(page, 'commercial-price-to-win');

    // A contract on a won deal, with its signed PDF; then signed.
    await page.goto(`/#/deals/${won}/commercial`);
    const contracts = page.getByTestId('contracts');
    await contracts.getByRole('button', { name: text.addContract }).click();
    await dialog.getByLabel(text.number, { exact: true }).fill(xss);
    await pickDate(page, text.renewalDate, daysFromToday(30));
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: text.attach }).click();
    await (
      await chooser
    ).setFiles({
      name: 'signed.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await expect(dialog.getByTestId('contract-file-name')).toContainText('signed.pdf');
    await dialog.getByRole('button', { name: text.save, exact: true }).click();
    await expect(page.getByText(text.contractAdded)).toBeVisible();
    await expect(dialog).toBeHidden();
    const contractRow = contracts.getByRole('row').filter({ hasText: xss });
    await expect(contractRow).toBeVisible();
    await contractRow.getByRole('button', { name: new RegExp(`^${text.editContract} `) }).click();
    await dialog.getByLabel(text.status, { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: text.signed })
      .click();
    await pickDate(page, text.signedDate, daysFromToday(0));
    await dialog.getByRole('button', { name: text.save, exact: true }).click();
    await expect(page.getByText(text.contractSaved)).toBeVisible();
    await expect(contractRow).toContainText(text.signed);
    const download = page.waitForEvent('download');
    await contractRow.getByRole('button', { name: /^(Download|下载) / }).click();
    expect((await download).suggestedFilename()).toBe('signed.pdf');
    // Opened in place: a window of its own showing the stored PDF from a blob of the app.
    const popup = page.waitForEvent('popup');
    await contractRow.getByRole('button', { name: new RegExp(`^${text.openContract} `) }).click();
    const viewer = await popup;
    expect(viewer.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]{36}$/);
    expect(await viewer.evaluate(() => window.opener)).toBeNull();
    await viewer.waitForLoadState();
    expect(await viewer.evaluate(() => document.contentType)).toBe('application/pdf');
    await viewer.close();
    await screenshot(page, 'commercial-contracts');

    // The renewal is listed on the dashboard.
    await page.goto('/#/dashboard');
    const renewals = page.getByTestId('renewals-due');
    await expect(renewals).toContainText(text.renewals, { timeout: 30_000 });
    await expect(renewals).toContainText(xss);
    await renewals.scrollIntoViewIfNeeded();
    await screenshot(page, 'commercial-renewals');

    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });
}
