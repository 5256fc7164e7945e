import type { Page } from '@playwright/test';
import { expect, flowLangs, openAppWithSample, screenshot, test } from './fixtures';

/** The strings a user reads, in each language. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    tab: '报价',
    empty: /尚无报价/,
    newQuote: '新建报价',
    addSection: '添加分组',
    sectionName: '分组名称',
    fromBook: '从价目表添加',
    search: '按编码或名称搜索',
    quantityEach: '每项数量',
    taxRate: '税率（%）',
    addOne: '添加 1 行',
    currencyRefused: /CNY 报价不能包含以 EUR 计价的明细/,
    addLine: '添加明细',
    description: '描述',
    quantity: '数量',
    unitCost: '单位成本（CNY）',
    unitPrice: '单价（CNY）',
    amountInvalid: '请输入不小于 0、最多 2 位小数的 CNY 金额，例如 1250.50。',
    saveLine: '保存明细',
    editLine: '编辑明细',
    upLine: '上移明细',
    renameSection: '重命名分组',
    addLabor: '添加人工',
    role: '角色',
    hours: '工时',
    addLaborLine: '添加人工明细',
    addContingency: '添加风险准备金',
    share: '占未关闭风险敞口的比例（%）',
    addContingencyLine: '添加风险准备金明细',
    contingencyTag: '风险准备金',
    laborTag: '人工',
    addScenario: '添加方案',
    scenarioName: '方案名称',
    discount: '所有产品明细的折扣（%）',
    saveScenario: '保存方案',
    list: '目录价',
    aggressive: '进取价',
    apply: '应用 进取价',
    draft: '草稿',
    sent: '已发送',
    markSent: '标记为已发送',
    copy: '复制为新草稿',
    locked: /v2 已发送：客户看到的内容不可再改/,
    follows: (version: number) => new RegExp(`商机跟随 v${version}（`),
    unchanged: '不变',
    costOfSale: '新增：销售成本偏高',
    trail: (version: number) => new RegExp(`金额与预期毛利率随报价版本 v${version}（`),
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    tab: 'Quote',
    empty: /No quote yet/,
    newQuote: 'New quote',
    addSection: 'Add section',
    sectionName: 'Section name',
    fromBook: 'Add from price book',
    search: 'Search by code or name',
    quantityEach: 'Quantity of each',
    taxRate: 'Tax rate (%)',
    addOne: 'Add 1 line(s)',
    currencyRefused: /A USD quote cannot hold a line priced in EUR/,
    addLine: 'Add line',
    description: 'Description',
    quantity: 'Quantity',
    unitCost: 'Unit cost (USD)',
    unitPrice: 'Unit price (USD)',
    amountInvalid: 'Enter an amount in USD of 0 or more with at most 2 decimals, such as 1250.50.',
    saveLine: 'Save line',
    editLine: 'Edit line',
    upLine: 'Move line',
    renameSection: 'Rename section',
    addLabor: 'Add labor',
    role: 'Role',
    hours: 'Hours',
    addLaborLine: 'Add labor line',
    addContingency: 'Add contingency',
    share: 'Share of open-risk exposure (%)',
    addContingencyLine: 'Add contingency line',
    contingencyTag: 'Contingency',
    laborTag: 'Labor',
    addScenario: 'Add scenario',
    scenarioName: 'Scenario name',
    discount: 'Discount on every item line (%)',
    saveScenario: 'Save scenario',
    list: 'List',
    aggressive: 'Aggressive',
    apply: 'Apply Aggressive',
    draft: 'Draft',
    sent: 'Sent',
    markSent: 'Mark as sent',
    copy: 'Copy to new draft',
    locked: /v2 is sent: what the customer saw never changes/,
    follows: (version: number) => new RegExp(`The deal follows v${version} \\(`),
    unchanged: 'unchanged',
    costOfSale: 'adds: Cost of sale',
    trail: (version: number) =>
      new RegExp(`Value and expected margin follow quote version v${version} \\(`),
  },
} as const;

/** The one pursuit cost the quoted deal keeps (1,000.00 in the base currency). */
const PURSUIT_COST_MINOR = 100_000;

/**
 * A sample deal to quote: open, in the base currency, with open risk exposure in it (so a
 * contingency has something to cover) and no quote yet. Also puts a price-book item priced in
 * EUR in the book, which a quote in the base currency must refuse. The deal's pursuit cost is
 * made known: its budget, costs, time and staffing are set aside and one cost of 1,000.00 is
 * logged today, so its forecast cost (EAC) is exactly that (for the cost of sale).
 */
async function prepare(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const db = open.result;
          const costTables = ['budgetLines', 'costEntries', 'timeEntries', 'assignments'];
          const tx = db.transaction(
            ['deals', 'risks', 'quotes', 'settings', 'priceBookItems', ...costTables],
            'readwrite',
          );
          const all = (store: string) =>
            new Promise<unknown[]>((done) => {
              const request = tx.objectStore(store).getAll();
              request.onsuccess = () => done(request.result as unknown[]);
            });
          void Promise.all([
            all('deals'),
            all('risks'),
            all('quotes'),
            all('settings'),
            all('priceBookItems'),
          ]).then(([deals, risks, quotes, settings, items]) => {
            type Deal = {
              id: string;
              status: string;
              deletedAt: unknown;
              value: { currency: string };
            };
            type Risk = {
              dealId: string;
              status: string;
              deletedAt: unknown;
              exposure: { currency: string; amountMinor: number };
            };
            const base = (settings[0] as { baseCurrency: string }).baseCurrency;
            const quoted = new Set((quotes as { dealId: string }[]).map((q) => q.dealId));
            const deal = (deals as Deal[]).find(
              (d) =>
                d.status === 'open' &&
                d.deletedAt === null &&
                d.value.currency === base &&
                !quoted.has(d.id) &&
                (risks as Risk[]).some(
                  (r) =>
                    r.dealId === d.id &&
                    r.deletedAt === null &&
                    (r.status === 'open' || r.status === 'mitigating') &&
                    r.exposure.currency === base &&
                    r.exposure.amountMinor > 0,
                ),
            );
            if (deal) {
              const now = Date.now();
              for (const table of costTables) {
                const store = tx.objectStore(table);
                const request = store.getAll();
                request.onsuccess = () => {
                  const rows = request.result as { dealId: string; deletedAt: unknown }[];
                  for (const row of rows) {
                    if (row.dealId === deal.id && row.deletedAt === null)
                      store.put({ ...row, deletedAt: now });
                  }
                  if (table !== 'costEntries') return;
                  const template = rows[0] as Record<string, unknown> | undefined;
                  if (template === undefined) return;
                  const today = new Date(now - new Date().getTimezoneOffset() * 60_000)
                    .toISOString()
                    .slice(0, 10);
                  store.put({
                    ...template,
                    id: crypto.randomUUID(),
                    dealId: deal.id,
                    amount: { amountMinor: 100_000, currency: base },
                    date: today,
                    createdAt: now,
                    updatedAt: now,
                    rev: 1,
                    deletedAt: null,
                  });
                };
              }
            }
            const template = items[0] as Record<string, unknown>;
            tx.objectStore('priceBookItems').put({
              ...template,
              id: crypto.randomUUID(),
              code: 'EUR-ITEM',
              name: { zh: '欧元计价设备', en: 'Euro-priced device' },
              listPrice: { amountMinor: 100_000, currency: 'EUR' },
              cost: { amountMinor: 50_000, currency: 'EUR' },
            });
            tx.oncomplete = () => {
              db.close();
              if (deal) resolve(deal.id);
              else reject(new Error('no open deal with risks and no quote'));
            };
          });
        };
      }),
  );
}

/** Sets the cost-of-sale limit (a percentage of the deal value) in the stored settings. */
async function setCostOfSaleLimit(page: Page, pct: number): Promise<void> {
  await page.evaluate(
    (limit) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(new Error('cannot open the database'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('settings', 'readwrite');
          const store = tx.objectStore('settings');
          const request = store.getAll();
          request.onsuccess = () => {
            const settings = request.result[0] as {
              rev: number;
              thresholds: Record<string, unknown>;
            };
            store.put({
              ...settings,
              rev: settings.rev + 1,
              thresholds: { ...settings.thresholds, costOfSaleWarnPct: limit },
            });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      }),
    pct,
  );
}

/** Picks the first option of the select labelled `label` in `dialog`. */
async function pickFirst(page: Page, dialog: ReturnType<Page['getByRole']>, label: string) {
  await dialog.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

const amountOf = (text: string) => Number(text.replace(/[^\d.-]/g, ''));

for (const lang of flowLangs('zh-CN')) {
  const text = TEXT[lang];

  test(`quote: price book, free, labor and contingency lines, scenarios, apply, send, copy (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(420_000);
    const xss = `<img src=x onerror="window.__xss=1"> ${lang}`;
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 30_000 });
    const dealId = await prepare(page);

    await page.goto(`/#/deals/${dealId}/quote`);
    await expect(page.getByRole('tab', { name: text.tab })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByText(text.empty)).toBeVisible();
    await page.getByRole('button', { name: text.newQuote }).click();
    await expect(page.getByTestId('quote-status')).toHaveText(text.draft);

    // A section whose name is markup.
    await page.getByRole('button', { name: text.addSection }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(text.sectionName, { exact: true }).fill(xss);
    await dialog.locator('.ant-btn-primary').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('quote-section-name')).toHaveText(xss);

    // From the price book: a server, two of them at 13 % tax.
    await page.getByRole('button', { name: text.fromBook }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(text.search, { exact: true }).fill('SRV');
    await dialog.getByRole('checkbox', { name: 'HW-SRV-2U' }).check();
    await dialog.getByLabel(text.quantityEach, { exact: true }).fill('2');
    await dialog.getByLabel(text.taxRate, { exact: true }).fill('13');
    await screenshot(page, 'quote-price-book');
    await dialog.getByRole('button', { name: text.addOne }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('quote-line-description')).toHaveCount(1);

    // An item priced in another currency is refused with the reason, and nothing changes.
    await page.getByRole('button', { name: text.fromBook }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(text.search, { exact: true }).fill('EUR-ITEM');
    await dialog.getByRole('checkbox', { name: 'EUR-ITEM' }).check();
    await dialog.getByRole('button', { name: text.addOne }).click();
    await expect(page.getByText(text.currencyRefused)).toBeVisible();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: /Cancel|取\s*消/ }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('quote-line-description')).toHaveCount(1);

    // A free line: a bad price says what to enter and keeps what was typed.
    await page.getByRole('button', { name: text.addLine }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(text.description, { exact: true }).fill(xss);
    await dialog.getByLabel(text.quantity, { exact: true }).fill('3');
    await dialog.getByLabel(text.unitCost, { exact: true }).fill('100');
    await dialog.getByLabel(text.unitPrice, { exact: true }).fill('12.345');
    await dialog.getByRole('button', { name: text.saveLine }).click();
    await expect(dialog.getByText(text.amountInvalid)).toBeVisible();
    await expect(dialog.getByLabel(text.description, { exact: true })).toHaveValue(xss);
    await dialog.getByLabel(text.unitPrice, { exact: true }).fill('150');
    await dialog.getByRole('button', { name: text.saveLine }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('quote-line-description')).toHaveCount(2);
    await expect(page.getByTestId('quote-line-description').nth(1)).toHaveText(xss);

    // Labor: the first role for 40 hours at its rate.
    await page.getByRole('button', { name: text.addLabor }).click();
    dialog = page.getByRole('dialog');
    await pickFirst(page, dialog, text.role);
    await dialog.getByLabel(text.hours, { exact: true }).fill('40');
    await screenshot(page, 'quote-labor');
    await dialog.getByRole('button', { name: text.addLaborLine }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('cell').getByText(text.laborTag, { exact: true })).toBeVisible();

    // Contingency: 20 % of the open risks' exposure, as its own line.
    await page.getByRole('button', { name: text.addContingency }).click();
    dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('quote-exposure')).toBeVisible();
    await dialog.getByLabel(text.share, { exact: true }).fill('20');
    await screenshot(page, 'quote-contingency');
    await dialog.getByRole('button', { name: text.addContingencyLine }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('cell').getByText(text.contingencyTag, { exact: true }),
    ).toBeVisible();
    await expect(page.getByTestId('quote-line-description')).toHaveCount(4);

    // Edit the free line (4 instead of 3), move it to the top, rename the section.
    await page.getByRole('button', { name: `${text.editLine} ${xss}`, exact: true }).click();
    dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel(text.quantity, { exact: true })).toHaveValue('3');
    await dialog.getByLabel(text.quantity, { exact: true }).fill('4');
    await dialog.getByRole('button', { name: text.saveLine }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByTestId('quote-section').getByRole('row').filter({ hasText: 'onerror' }),
    ).toContainText('600.00');
    await page
      .getByRole('button', {
        name: lang === 'en' ? `Move line ${xss} up` : `${text.upLine} ${xss}`,
      })
      .click();
    await expect(page.getByTestId('quote-line-description').first()).toHaveText(xss);
    await page.getByRole('button', { name: `${text.renameSection} ${xss}`, exact: true }).click();
    dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel(text.sectionName, { exact: true })).toHaveValue(xss);
    await dialog.getByLabel(text.sectionName, { exact: true }).fill(`${xss} HW`);
    await dialog.locator('.ant-btn-primary').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('quote-section-name')).toHaveText(`${xss} HW`);

    // Totals, and the deal follows the quote.
    const price = await page.getByTestId('quote-total-price').innerText();
    expect(amountOf(price)).toBeGreaterThan(0);
    await expect(page.getByTestId('quote-deal-follows')).toContainText(price);
    await expect(page.getByTestId('quote-deal-follows')).toContainText(text.follows(1));
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);
    await screenshot(page, 'quote-editor');
    await page.getByTestId('quote-total-price').scrollIntoViewIfNeeded();
    await screenshot(page, 'quote-totals');

    // Two scenarios side by side: as listed, and 10 % off every item line.
    for (const [name, discount] of [
      [text.list, ''],
      [text.aggressive, '10'],
    ] as const) {
      await page.getByRole('button', { name: text.addScenario }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel(text.scenarioName, { exact: true }).fill(name);
      await dialog.getByLabel(text.discount, { exact: true }).fill(discount);
      await dialog.getByRole('button', { name: text.saveScenario }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(page.getByTestId('scenario-name')).toHaveText([text.list, text.aggressive]);
    const prices = page.locator('[data-testid^="scenario-"][data-testid$="-price"]');
    await expect(prices).toHaveCount(3);
    const [baseline, list, aggressive] = await prices.allInnerTexts();
    expect(baseline).toBe(price);
    expect(list).toBe(price);
    expect(amountOf(aggressive ?? '')).toBeLessThan(amountOf(price));
    // Health side by side: with the limit on the cost of sale between what the pursuit's 1,000.00
    // is of each price, the aggressive price crosses it and the list price does not.
    const healths = page.locator('[data-testid^="scenario-"][data-testid$="-health"]');
    await expect(healths).toHaveCount(3);
    await expect(healths.nth(1)).toHaveAttribute('data-change', 'same');
    await expect(healths.nth(1)).toContainText(text.unchanged);
    // Unrounded: the two prices may be close (contingency is most of this quote).
    const costMajor = PURSUIT_COST_MINOR / 100;
    const limitPct =
      ((costMajor / amountOf(price) + costMajor / amountOf(aggressive ?? '')) / 2) * 100;
    await setCostOfSaleLimit(page, limitPct);
    await page.reload();
    await expect(healths).toHaveCount(3, { timeout: 30_000 });
    await expect(healths.nth(2).locator('[data-added="costOfSale"]')).toBeVisible();
    await expect(healths.nth(2)).toContainText(text.costOfSale);
    await expect(healths.nth(1)).toContainText(text.unchanged);
    const margins = page.locator('[data-testid^="scenario-"][data-testid$="-marginPct"]');
    const [marginBefore, , marginAggressive] = await margins.allInnerTexts();
    expect(marginAggressive).not.toBe(marginBefore);
    await expect(page.getByTestId('quote-deal-follows')).toContainText(marginBefore ?? '');
    await page.getByTestId('quote-scenarios').scrollIntoViewIfNeeded();
    await screenshot(page, 'quote-scenarios');

    // Apply the aggressive one: a new draft v2, and the deal's value follows it.
    await page.getByRole('button', { name: text.apply }).click();
    await expect(page.getByTestId('quote-deal-follows')).toContainText(text.follows(2));
    await expect(page.getByTestId('quote-deal-follows')).toContainText(aggressive ?? '');
    await expect(page.getByTestId('quote-total-price')).toHaveText(aggressive ?? '');
    await expect(page.getByTestId('quote-status')).toHaveText(text.draft);
    // The expected margin follows too, and the deal's own health now has the cost of sale.
    await expect(page.getByTestId('quote-deal-follows')).toContainText(marginAggressive ?? '');
    const healthTag = page.locator('button.health-tag');
    await healthTag.hover();
    await expect(page.locator('.ant-popover:visible [data-reason="costOfSale"]')).toBeVisible();
    await page.mouse.move(0, 0);

    // Send it: read-only, with the reason.
    await page.getByRole('button', { name: text.markSent }).click();
    await expect(page.getByTestId('quote-status')).toHaveText(text.sent);
    await expect(page.getByTestId('quote-locked')).toHaveText(text.locked);
    await expect(page.getByRole('button', { name: text.addLine })).toHaveCount(0);
    await expect(page.getByRole('button', { name: text.addSection })).toHaveCount(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'quote-sent');

    // Copy it to a new draft: editable again, the sent one unchanged.
    await page.getByRole('button', { name: text.copy }).click();
    await expect(page.getByTestId('quote-deal-follows')).toContainText(text.follows(3));
    await expect(page.getByTestId('quote-status')).toHaveText(text.draft);
    await expect(page.getByRole('button', { name: text.addSection })).toBeVisible();

    // The trail says which version set the deal's value and margin.
    await page.goto(`/#/deals/${dealId}/activity`);
    await expect(page.getByText(text.trail(2)).first()).toBeVisible();
    await page.goto(`/#/deals/${dealId}/quote`);

    // Markup typed anywhere stayed text.
    await expect(page.getByTestId('quote-section-name').first()).toHaveText(`${xss} HW`);
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });
}
