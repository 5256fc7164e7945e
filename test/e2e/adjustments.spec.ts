import type { Locator, Page } from '@playwright/test';
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
    statements: '提成结算单',
    person: '人员',
    board: '看板',
    won: '赢单',
    lost: '丢单',
    closeOk: '关闭商机',
    skipOk: '仍然移动',
    closeReason: '原因',
    add: '新增调整',
    credit: '业绩',
    payout: '发放',
    amount: /^金额（[A-Z]{3}）/,
    reason: '原因',
    save: '保存',
    created: /已为 .* 新增调整项/,
    saved: /已保存 .* 的调整项/,
    deleted: /已删除 .* 的调整项/,
    edit: '编辑调整',
    del: '删除调整',
    confirm: /^(确定|确 定|OK)$/,
    proposal: /中标后又丢单：是否追回/,
    moveStage: '调整阶段',
    toLost: '结果改为「丢单」',
    clawback: '追回业绩',
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    area: 'Targets',
    statements: 'Statements',
    person: 'Person',
    board: 'Board',
    won: 'Won',
    lost: 'Lost',
    closeOk: 'Close deal',
    skipOk: 'Move anyway',
    closeReason: 'Reason',
    add: 'Add adjustment',
    credit: 'Credit',
    payout: 'Payout',
    amount: /^Amount \([A-Z]{3}\)/,
    reason: 'Reason',
    save: 'Save',
    created: /^Added an adjustment to/,
    saved: /^Saved the adjustment of/,
    deleted: /^Deleted the adjustment of/,
    edit: 'Edit adjustment',
    del: 'Delete adjustment',
    confirm: /^OK$/,
    proposal: /was won and is now lost: claw back/,
    moveStage: 'Move to stage',
    toLost: 'Change outcome to Lost',
    clawback: 'Claw back',
  },
} as const;

const XSS_REASON = '<img src=x onerror="window.__xss=1"> quarter-end correction';

type Stored = Record<string, unknown>;

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

/** Moves a deal on the board into a closing column, answering the outcome dialog. */
async function closeOnBoard(
  page: Page,
  text: (typeof TEXT)[keyof typeof TEXT],
  dealId: string,
  to: string,
) {
  await page.getByRole('menuitem', { name: text.board, exact: true }).click();
  const card = page.locator(`[data-deal-id="${dealId}"]`);
  await card.scrollIntoViewIfNeeded();
  await expect(card).toBeVisible();
  const target = page.getByRole('region', { name: to, exact: true });
  await dragOnto(page, card, target, dropOver(target));
  const dialog = page.getByRole('dialog').filter({ hasText: text.closeOk });
  await dialog.getByLabel(text.closeReason, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await dialog.getByRole('button', { name: text.closeOk }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Changes a closed deal's outcome from its workspace (the board shows open deals only), answering
 * the outcome dialog.
 */
async function changeOutcome(
  page: Page,
  text: (typeof TEXT)[keyof typeof TEXT],
  dealId: string,
  to: string,
) {
  await page.goto(`/#/deals/${dealId}`);
  await page.getByRole('button', { name: new RegExp(text.moveStage) }).click();
  await expect(page.getByRole('menuitem', { name: to })).toBeVisible();
  await screenshot(page, 'deal-move-stage');
  await page.getByRole('menuitem', { name: to }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: text.closeOk });
  await dialog.getByLabel(text.closeReason, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await dialog.getByRole('button', { name: text.closeOk }).click();
  await expect(dialog).toBeHidden();
}

async function money(locator: Locator): Promise<number> {
  return Number((await locator.innerText()).replace(/[^\d.-]/g, ''));
}

for (const lang of flowLangs('zh-CN')) {
  const text = TEXT[lang];

  test(`statement adjustments: credit and payout added, edited and deleted, reason shown as text (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });

    // The statement shown first, and whose it is.
    await page.getByRole('menuitem', { name: text.area }).click();
    await page.getByRole('tab', { name: text.statements }).click();
    const payout = page.getByTestId('statement-payout');
    await expect(payout).toBeVisible();
    const adjustments = page.getByTestId('statement-adjustments');
    // The sample has adjustments of its own (other people, other periods): only new ones count.
    const sampleIds = new Set(
      (await storedRecords(page, 'commissionAdjustments')).map((a) => String(a.id)),
    );
    const before = await money(payout);
    const rowsBefore = await adjustments.locator('.ant-table-row').count();

    // A payout adjustment with a markup reason: the payout moves by exactly its amount.
    await page.getByRole('button', { name: text.add }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByText(text.payout, { exact: true }).click();
    await dialog.getByLabel(text.amount).fill('500');
    await dialog.getByLabel(text.reason).fill(XSS_REASON);
    await dialog.getByRole('button', { name: text.save, exact: true }).click();
    await expect(page.getByText(text.created).first()).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(adjustments).toContainText(XSS_REASON);
    await expect.poll(() => money(payout)).toBeCloseTo(before + 500, 2);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);

    // Edit it: the new amount replaces the old one.
    const payoutRow = adjustments.locator('.ant-table-row').filter({ hasText: XSS_REASON });
    await payoutRow.getByRole('button', { name: text.edit }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(text.amount).fill('-200');
    await dialog.getByRole('button', { name: text.save, exact: true }).click();
    await expect(page.getByText(text.saved).first()).toBeVisible();
    await expect.poll(() => money(payout)).toBeCloseTo(before - 200, 2);

    // A credit adjustment is listed as credit, with its reason.
    const creditReason = lang === 'en' ? 'Booked twice in Q1' : '一季度重复计入业绩';
    await page.getByRole('button', { name: text.add }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByText(text.credit, { exact: true }).click();
    await dialog.getByLabel(text.amount).fill('-1000');
    await dialog.getByLabel(text.reason).fill(creditReason);
    await dialog.getByRole('button', { name: text.save, exact: true }).click();
    await expect(dialog).toBeHidden();
    const creditRow = adjustments.locator('.ant-table-row').filter({ hasText: creditReason });
    await expect(creditRow).toContainText(text.credit);
    const stored = await storedRecords(page, 'commissionAdjustments');
    expect(
      stored
        .filter((a) => !sampleIds.has(String(a.id)))
        .filter((a) => a.deletedAt === null || a.deletedAt === undefined)
        .map((a) => [a.kind, (a.amount as { amountMinor: number }).amountMinor])
        .sort(),
    ).toEqual([
      ['credit', -100_000],
      ['payout', -20_000],
    ]);
    await screenshot(page, 'statement-adjustments');

    // Delete both: the payout is back where it was.
    for (const row of [payoutRow, creditRow]) {
      await row.getByRole('button', { name: text.del }).click();
      await page
        .locator('.ant-popconfirm:visible')
        .getByRole('button', { name: text.confirm })
        .click();
      await expect(row).toHaveCount(0);
    }
    await expect(adjustments.locator('.ant-table-row')).toHaveCount(rowsBefore);
    await expect.poll(() => money(payout)).toBeCloseTo(before, 2);

    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  test(`a won deal marked lost is proposed for clawback, accepted into the statement (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });
    await page.getByRole('menuitem', { name: text.area }).click();
    await page.getByRole('tab', { name: text.statements }).click();
    await expect(page.getByTestId('statement-payout')).toBeVisible();
    const personSelect = page.getByRole('combobox', { name: text.person });
    const adjustments = page.getByTestId('statement-adjustments');
    // Someone with a commission plan who owns an open deal in the plan's currency (credit in
    // another currency is left out of a statement, so it would have nothing to claw back).
    const planCurrency = new Map(
      (await storedRecords(page, 'commissionPlans')).map((p) => [String(p.id), String(p.currency)]),
    );
    const currencyOf = new Map(
      (await storedRecords(page, 'commissionAssignments')).map((a) => [
        String(a.personId),
        planCurrency.get(String(a.planId)),
      ]),
    );
    const openDeal = (await storedRecords(page, 'deals')).find(
      (d) =>
        d.status === 'open' &&
        d.deletedAt == null &&
        (d.value as { currency: string }).currency === currencyOf.get(String(d.ownerId)),
    );
    const personId = openDeal?.ownerId;
    const people = await storedRecords(page, 'people');
    const personName = String(people.find((p) => p.id === personId)?.name ?? '');
    expect(personName).not.toBe('');
    const showPerson = async () => {
      await personSelect.click();
      await page.keyboard.type(personName);
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: personName })
        .first()
        .click();
      await expect(personSelect.locator('xpath=..')).toHaveAttribute('title', personName);
    };
    await showPerson();
    expect(personId).toBeTruthy();
    const rowsBefore = await adjustments.locator('.ant-table-row').count();
    // Win one of the person's open deals on the board, then mark it lost.
    const dealId = String(openDeal?.id ?? '');
    await closeOnBoard(page, text, dealId, text.won);
    const skip = page.getByRole('button', { name: text.skipOk });
    await expect
      .poll(async () => {
        if (await skip.isVisible()) await skip.click();
        return (await storedRecords(page, 'deals')).find((d) => d.id === dealId)?.status;
      })
      .toBe('won');
    // The contract falls through: the win becomes a loss, from the deal's own workspace.
    await changeOutcome(page, text, dealId, text.toLost);
    await expect
      .poll(async () => (await storedRecords(page, 'deals')).find((d) => d.id === dealId)?.status)
      .toBe('lost');

    // The statement proposes the clawback; accepting it adds a credit adjustment for that deal.
    await page.getByRole('menuitem', { name: text.area }).click();
    await page.getByRole('tab', { name: text.statements }).click();
    await showPerson();
    const proposal = page.getByRole('alert').filter({ hasText: text.proposal });
    await expect(proposal).toBeVisible();
    await screenshot(page, 'statement-clawback-proposal');
    await proposal.getByRole('button', { name: text.clawback }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: text.save, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(proposal).toHaveCount(0);
    const clawed = (await storedRecords(page, 'commissionAdjustments')).find(
      (a) => a.dealId === dealId && (a.deletedAt === null || a.deletedAt === undefined),
    );
    expect(clawed?.kind).toBe('credit');
    expect((clawed?.amount as { amountMinor: number }).amountMinor).toBeLessThan(0);
    await expect(adjustments.locator('.ant-table-row')).toHaveCount(rowsBefore + 1);
    await expect(adjustments).toContainText(text.credit);
    await screenshot(page, 'statement-clawback');
  });
}
