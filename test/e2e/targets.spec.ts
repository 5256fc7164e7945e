import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { Lang } from './fixtures';
import {
  dragOnto,
  dropOver,
  expect,
  flowLangs,
  openAppWithSample,
  screenshot,
  test,
} from './fixtures';

/** The strings a user reads, in each language. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    area: '目标与提成',
    board: '看板',
    deals: '商机',
    yearKind: '年度',
    fiscalYear: '财年',
    tabs: {
      allocation: '目标分解',
      attainment: '目标达成',
      plans: '提成方案',
      statements: '提成结算单',
    },
    teamTarget: '团队目标',
    equal: '平均分配',
    manual: '手工分配',
    compare: '各分配方法结果对比',
    fairness: '公平性分析',
    total: '合计',
    scaled: /已按比例调整/,
    saveAllocation: '保存目标分解',
    savedAllocation: /已保存 .* 的目标/,
    undo: '撤销',
    newPlan: '新建方案',
    planName: '方案名称',
    flat: '固定比例',
    flatRate: '提成比例（占业绩 %）',
    save: '保存',
    created: /已创建方案/,
    plan: '方案',
    assigned: /已设定 .*的提成方案/,
    person: '人员',
    credited: '归属业绩',
    creditTitle: '业绩归属',
    revenue: '收入拆分',
    share: '比例（%）',
    addRevenue: '添加收入拆分',
    remove: '删除该项',
    wrongTotal: /收入拆分合计 90(\.00)?%：必须正好等于 100%/,
    okTotal: '收入拆分合计 100%。',
    saveCredit: '保存业绩归属',
    won: '赢单',
    closeOk: '关闭商机',
    edit: '编辑',
    tieredPlan: '累进提成方案',
    skipOk: '仍然移动',
    reason: '原因',
    price: '价格',
    changed: '自上次查看后，本结算单已变化',
    export: '导出 XLSX',
    downloaded: /已下载/,
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    area: 'Targets',
    board: 'Board',
    deals: 'Deals',
    yearKind: 'Year',
    fiscalYear: 'Fiscal year',
    tabs: {
      allocation: 'Quota allocation',
      attainment: 'Attainment',
      plans: 'Commission plans',
      statements: 'Statements',
    },
    teamTarget: 'Team target',
    equal: 'Equal',
    manual: 'By hand',
    compare: 'Every method side by side',
    fairness: 'Fairness view',
    total: 'Total',
    scaled: /were scaled in proportion/,
    saveAllocation: 'Save allocation',
    savedAllocation: /^Saved the targets of/,
    undo: 'Undo',
    newPlan: 'New plan',
    planName: 'Plan name',
    flat: 'Flat rate',
    flatRate: 'Rate (% of credit)',
    save: 'Save',
    created: /^Created the plan/,
    plan: 'Plan',
    assigned: /^Set the plan of/,
    person: 'Person',
    credited: 'Credited',
    creditTitle: 'Credit',
    revenue: 'Revenue splits',
    share: 'Share (%)',
    addRevenue: 'Add revenue split',
    remove: 'Remove split',
    wrongTotal: /Revenue splits total 90(\.00)?%: they must total exactly 100%/,
    okTotal: 'Revenue splits total 100%.',
    saveCredit: 'Save credit',
    won: 'Won',
    closeOk: 'Close deal',
    edit: 'Edit',
    tieredPlan: 'Tiered revenue plan',
    skipOk: 'Move anyway',
    reason: 'Reason',
    price: 'Price',
    changed: 'Changed since you last viewed this statement',
    export: 'Export XLSX',
    downloaded: /^Downloaded/,
  },
} as const;

/** Starts with "=" so the XLSX export must neutralise it, and is markup so the UI must show it as text. */
const XSS_PLAN = '=1+2 <img src=x onerror="window.__xss=1"> plan';

type Stored = Record<string, unknown>;

/** Every record of a table, straight from IndexedDB. */
function storedRecords(page: Page, table: string): Promise<Stored[]> {
  return page.evaluate(
    (name) =>
      new Promise<Stored[]>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as Stored[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** Picks an option; with `search`, types it first (long lists only render the options in view). */
async function chooseOption(page: Page, select: Locator, label: string, search = false) {
  await select.click();
  if (search) await page.keyboard.type(label);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: label })
    .first()
    .click();
}

async function openArea(page: Page, lang: Lang, tab: keyof (typeof TEXT)['en']['tabs']) {
  const text = TEXT[lang];
  await page.getByRole('menuitem', { name: text.area }).click();
  await page.getByRole('tab', { name: text.tabs[tab] }).click();
}

for (const lang of flowLangs('zh-CN')) {
  const text = TEXT[lang];

  test(`allocate a target, split and win a deal, see attainment and the statement change (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });

    // Quota allocation: every method side by side, each column adding up to the team target.
    await openArea(page, lang, 'allocation');
    const compare = page.locator('.ant-card').filter({ hasText: text.compare });
    await expect(compare.locator('.ant-table-row').first()).toBeVisible();
    await page.getByLabel(text.teamTarget, { exact: true }).fill('9000000');
    await page.getByLabel(text.teamTarget, { exact: true }).blur();
    const totalRow = compare.locator('.ant-table-summary tr').first();
    const totals = (await totalRow.locator('td').allInnerTexts()).slice(1, 6);
    expect(totals).toHaveLength(5);
    for (const cell of totals) expect(cell.replace(/[^\d.]/g, '')).toBe('9000000.00');
    const personName = (
      await compare.locator('.ant-table-row').first().locator('td').first().innerText()
    ).trim();
    await expect(page.locator('.ant-card').filter({ hasText: text.fairness })).toBeVisible();
    await screenshot(page, 'targets-allocation');

    // By hand: an amount above the team target is scaled, and the view says so.
    await page.getByRole('radio', { name: text.manual }).check();
    await page.getByLabel(`${text.manual} ${personName}`).fill('20000000');
    await page.getByLabel(`${text.manual} ${personName}`).blur();
    await expect(page.getByText(text.scaled)).toBeVisible();
    await screenshot(page, 'targets-allocation-manual');

    await page.getByRole('radio', { name: text.equal }).check();
    await page.getByRole('button', { name: text.saveAllocation }).click();
    await expect(page.getByText(text.savedAllocation)).toBeVisible();
    const targets = await storedRecords(page, 'targets');
    // The sample has year targets only: the quarter's team target is the one just saved.
    const team = targets.find(
      (x) => x.personId === null && (x.period as { kind: string }).kind === 'quarter',
    );
    expect((team?.amount as { amountMinor: number } | undefined)?.amountMinor).toBe(900_000_000);
    const shares = targets.filter((x) => x.parentTargetId === team?.id);
    expect(shares.every((x) => x.allocationMethod === 'equal')).toBe(true);
    expect(
      shares.reduce((sum, x) => sum + (x.amount as { amountMinor: number }).amountMinor, 0),
    ).toBe(900_000_000);
    const trail = await storedRecords(page, 'activities');
    expect(trail.some((a) => (a.system as { table?: string } | null)?.table === 'targets')).toBe(
      true,
    );

    // A flat plan whose name is markup and a formula: shown as text, assigned to the person.
    await page.getByRole('tab', { name: text.tabs.plans }).click();
    await page.getByRole('button', { name: text.newPlan }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel(text.planName).fill(XSS_PLAN);
    await drawer.getByText(text.flat, { exact: true }).click();
    await drawer.getByLabel(text.flatRate).fill('5');
    await drawer.getByRole('button', { name: text.save, exact: true }).click();
    await expect(page.getByText(text.created)).toBeVisible();
    await expect(
      page.locator('.ant-table-row').filter({ hasText: XSS_PLAN }).first(),
    ).toBeVisible();
    await chooseOption(page, page.getByLabel(`${text.plan} ${personName}`), XSS_PLAN);
    await expect(page.getByText(text.assigned)).toBeVisible();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await screenshot(page, 'targets-plans');

    // The statement before the win.
    await page.getByRole('tab', { name: text.tabs.statements }).click();
    await chooseOption(page, page.getByRole('combobox', { name: text.person }), personName, true);
    const statement = page.getByTestId('statement');
    await expect(statement).toContainText(XSS_PLAN);
    const creditedBefore = await page.getByTestId('statement-credited').innerText();
    const payoutBefore = await page.getByTestId('statement-payout').innerText();

    // Split a proposal-stage deal: 60 % to the person, 30 % to someone else (refused), then 40 %.
    await page.getByRole('menuitem', { name: text.board, exact: true }).click();
    const proposal = page.locator('[data-deal-id]').first();
    await expect(proposal).toBeVisible();
    const card = page
      .getByRole('region', { name: lang === 'en' ? 'Proposal' : '标书编制', exact: true })
      .locator('[data-deal-id]')
      .first();
    const dealId = (await card.getAttribute('data-deal-id')) ?? '';
    await page.goto(`/#/deals/${dealId}/team`);
    const credit = page.getByTestId('credit-card');
    await expect(credit).toBeVisible();
    while (
      (await credit.getByRole('button', { name: new RegExp(`^${text.remove}`) }).count()) > 0
    ) {
      await credit
        .getByRole('button', { name: new RegExp(`^${text.remove}`) })
        .first()
        .click();
    }
    await credit.getByRole('button', { name: text.addRevenue }).click();
    await chooseOption(
      page,
      credit.getByLabel(`${text.revenue} ${text.person} 1`),
      personName,
      true,
    );
    await credit.getByLabel(`${text.revenue} ${text.share} 1`).fill('60');
    await credit.getByRole('button', { name: text.addRevenue }).click();
    const other = credit.getByLabel(`${text.revenue} ${text.person} 2`);
    await other.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasNotText: personName })
      .first()
      .click();
    await credit.getByLabel(`${text.revenue} ${text.share} 2`).fill('30');
    await credit.getByLabel(`${text.revenue} ${text.share} 2`).blur();
    await expect(credit.getByText(text.wrongTotal)).toBeVisible();
    await expect(credit.getByRole('button', { name: text.saveCredit })).toBeDisabled();
    await screenshot(page, 'targets-credit-invalid');
    await credit.getByLabel(`${text.revenue} ${text.share} 2`).fill('40');
    await credit.getByLabel(`${text.revenue} ${text.share} 2`).blur();
    await expect(credit.getByText(text.okTotal)).toBeVisible();
    await credit.getByRole('button', { name: text.saveCredit }).click();
    await expect
      .poll(async () => {
        const deal = (await storedRecords(page, 'deals')).find((d) => d.id === dealId);
        return (deal?.creditSplits as { kind: string; shareBp: number }[] | undefined)
          ?.filter((s) => s.kind === 'revenue')
          .map((s) => s.shareBp)
          .sort();
      })
      .toEqual([4_000, 6_000]);
    await screenshot(page, 'targets-credit');

    // Win it on the board.
    await page.getByRole('menuitem', { name: text.board, exact: true }).click();
    const toWin = page.locator(`[data-deal-id="${dealId}"]`);
    await expect(toWin).toBeVisible();
    const won = page.getByRole('region', { name: text.won, exact: true });
    await dragOnto(page, toWin, won, dropOver(won));
    const dialog = page.getByRole('dialog').filter({ hasText: text.closeOk });
    await dialog.getByLabel(text.reason, { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: new RegExp(`^${text.price}$`) })
      .click();
    await dialog.getByRole('button', { name: text.closeOk }).click();
    await expect(dialog).toBeHidden();
    // Winning from an earlier stage passes its unchecked exit criteria: confirm the skip.
    await page.getByRole('button', { name: text.skipOk }).click();
    await expect
      .poll(async () => (await storedRecords(page, 'deals')).find((d) => d.id === dealId)?.status)
      .toBe('won');

    // Attainment and the statement now include the person's 60 %.
    await openArea(page, lang, 'attainment');
    const row = page.locator('.ant-table-row').filter({ hasText: personName });
    await expect(row.getByTestId('attainment-value')).toBeVisible();
    await screenshot(page, 'targets-attainment');
    await page.getByRole('tab', { name: text.tabs.statements }).click();
    await chooseOption(page, page.getByRole('combobox', { name: text.person }), personName, true);
    await expect(page.getByTestId('statement-credited')).not.toHaveText(creditedBefore);
    await expect(page.getByTestId('statement-payout')).not.toHaveText(payoutBefore);
    await expect(page.getByText(text.changed)).toBeVisible();
    await expect(
      statement.locator('.ant-table-row').filter({ hasText: '60' }).first(),
    ).toBeVisible();
    await screenshot(page, 'targets-statement');

    // XLSX: numbers stay numbers, the formula-like plan name is neutralised.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: text.export }).click();
    const file = await (await download).path();
    await expect(page.getByText(text.downloaded)).toBeVisible();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values: unknown[] = [];
    sheet?.eachRow((r) => r.eachCell((c) => values.push(c.value)));
    expect(values).toContain(`'${XSS_PLAN}`);
    expect(values.some((v) => typeof v === 'number' && v > 0)).toBe(true);

    // The computation step by step: credited × 5 % = earnings.
    const steps = page.getByTestId('statement-steps');
    await steps.scrollIntoViewIfNeeded();
    await expect(steps).toContainText('× 5');
    await screenshot(page, 'targets-statement-steps');

    // The sample's tiered plan in the plan form: bands, mode, accelerator, cap.
    await page.getByRole('tab', { name: text.tabs.plans }).click();
    await page.getByRole('button', { name: `${text.edit} ${text.tieredPlan}` }).click();
    await expect(page.locator('.ant-drawer').getByLabel(text.planName)).toHaveValue(
      text.tieredPlan,
    );
    await screenshot(page, 'targets-plan-form');
  });
}

for (const lang of flowLangs('en')) {
  const text = TEXT[lang];

  test(`the statement's person and period are kept when the user leaves the area and comes back (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });

    // The sellers with a commission plan, in the order the person list shows them.
    const planned = new Set(
      (await storedRecords(page, 'commissionAssignments')).map((a) => a.personId),
    );
    const sellers = (await storedRecords(page, 'people'))
      .filter((p) => planned.has(p.id))
      .map((p) => String(p.name));
    expect(sellers.length).toBeGreaterThan(1);

    await openArea(page, lang, 'statements');
    const statement = page.getByTestId('statement');
    const select = page.getByRole('combobox', { name: text.person });
    // A seller other than the one the view starts on.
    await expect(statement).toBeVisible();
    // The select shows its choice as the title of the combobox's parent.
    const chosen = select.locator('xpath=..');
    const shown = await chosen.getAttribute('title');
    const name = sellers.find((seller) => seller !== shown) ?? '';
    await chooseOption(page, select, name, true);
    await page.getByText(text.yearKind, { exact: true }).click();
    // The year's statement: its period reads as the fiscal year picked (the select's title).
    await expect(page.getByRole('radio', { name: text.yearKind })).toBeChecked();
    const year = await page
      .getByRole('combobox', { name: text.fiscalYear })
      .locator('xpath=..')
      .getAttribute('title');
    await expect(statement.getByText(year ?? '', { exact: true })).toBeVisible();
    await expect(statement).toContainText(name);
    const credited = await page.getByTestId('statement-credited').innerText();
    const payout = await page.getByTestId('statement-payout').innerText();

    // To Deals and back by the navigation: the same tab, period, person and statement.
    await page.getByRole('menuitem', { name: text.deals, exact: true }).click();
    await expect(page.getByText(text.sampleCount)).toBeVisible();
    await page.getByRole('menuitem', { name: text.area }).click();
    await expect(page.getByRole('tab', { name: text.tabs.statements })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(chosen).toHaveAttribute('title', name);
    await expect(statement).toContainText(name);
    await expect(page.getByTestId('statement-credited')).toHaveText(credited);
    await expect(page.getByTestId('statement-payout')).toHaveText(payout);
    await expect(page.getByRole('radio', { name: text.yearKind })).toBeChecked();
    await expect(statement.getByText(year ?? '', { exact: true })).toBeVisible();
    await screenshot(page, 'targets-statement-kept');

    // The address carries the choice, so a reload (or a link) shows it too.
    expect(new URL(page.url()).hash).toMatch(/[?&]person=/);
    await page.reload();
    await expect(statement).toContainText(name);
    await expect(page.getByTestId('statement-credited')).toHaveText(credited);
  });
}
