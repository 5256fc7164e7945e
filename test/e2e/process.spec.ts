import type { Locator, Page } from '@playwright/test';
import { expect, flowLangs, openApp, openAppWithSample, screenshot, test } from './fixtures';
import type { Lang } from './fixtures';

/** What a user reads in each language: the default stage names and the labels used below. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    shown: (n: number) => `显示 ${n} / 25 个商机`,
    deals: '商机',
    settings: '设置',
    section: '销售流程',
    stageFilter: '阶段',
    identify: '识别',
    qualify: '资格评估',
    capture: '商机捕获',
    proposal: '标书编制',
    submitted: '已递交',
    negotiation: '商务谈判',
    won: '赢单',
    lost: '丢单',
    noBid: '放弃投标',
    edit: (name: string) => `编辑${name}`,
    moveUp: (name: string) => `上移${name}`,
    delete: (name: string) => `删除${name}`,
    nameZh: '名称（中文）',
    nameEn: '名称（英文）',
    save: '保存',
    addCriterion: '添加退出标准',
    criterionZh: (n: number) => `退出标准 ${n}（中文）`,
    criterionEn: (n: number) => `退出标准 ${n}（英文）`,
    criterionRequired: (n: number) => `请填写退出标准 ${n}（中文）。`,
    addTemplate: '添加里程碑模板',
    templateZh: (n: number) => `里程碑 ${n} 名称（中文）`,
    templateEn: (n: number) => `里程碑 ${n} 名称（英文）`,
    templateAnchor: (n: number) => `里程碑 ${n} 起算点`,
    templateOffset: (n: number) => `里程碑 ${n} 偏移工作日`,
    submissionAnchor: '投标截止日',
    offsetRange: '请输入 -1000 到 1000 之间的整数工作日。',
    renamed: '方案塑造',
    deleteTitle: (name: string) => `删除阶段“${name}”？`,
    holds: (n: number) => `此阶段中有 ${n} 个商机。`,
    target: '将商机移至',
    confirmDelete: '删除阶段',
    closingLocked: '赢单、丢单和放弃投标是每个销售流程都有的阶段，不能删除。',
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    shown: (n: number) => `${n} of 25 deals`,
    deals: 'Deals',
    settings: 'Settings',
    section: 'Sales process',
    stageFilter: 'Stage',
    identify: 'Identify',
    qualify: 'Qualify',
    capture: 'Capture',
    proposal: 'Proposal',
    submitted: 'Submitted',
    negotiation: 'Negotiation',
    won: 'Won',
    lost: 'Lost',
    noBid: 'No-bid',
    edit: (name: string) => `Edit ${name}`,
    moveUp: (name: string) => `Move ${name} up`,
    delete: (name: string) => `Delete ${name}`,
    nameZh: 'Name (Chinese)',
    nameEn: 'Name (English)',
    save: 'Save',
    addCriterion: 'Add exit criterion',
    criterionZh: (n: number) => `Exit criterion ${n} (Chinese)`,
    criterionEn: (n: number) => `Exit criterion ${n} (English)`,
    criterionRequired: (n: number) => `Exit criterion ${n} (Chinese) is required.`,
    addTemplate: 'Add milestone template',
    templateZh: (n: number) => `Milestone ${n} name (Chinese)`,
    templateEn: (n: number) => `Milestone ${n} name (English)`,
    templateAnchor: (n: number) => `Milestone ${n} counted from`,
    templateOffset: (n: number) => `Milestone ${n} offset in working days`,
    submissionAnchor: 'Submission date',
    offsetRange: 'Enter a whole number of working days from -1000 to 1000.',
    renamed: 'Shaping',
    deleteTitle: (name: string) => `Delete stage “${name}”?`,
    holds: (n: number) => `${n} deal${n === 1 ? ' is' : 's are'} in this stage.`,
    target: 'Move deals to',
    confirmDelete: 'Delete stage',
    closingLocked: 'Won, Lost and No-bid are part of every sales process and cannot be deleted.',
  },
} as const;

const XSS = '<img src=x onerror="window.__xss=1">';

/** Columns of the stage table, by position. */
const COLUMN = { stage: 1, criteria: 4, milestones: 5, deals: 6 } as const;

function stageRows(section: Locator) {
  return section.locator('.ant-table-tbody .ant-table-row');
}

function stageRow(section: Locator, name: string) {
  return stageRows(section).filter({
    has: section.page().getByText(name, { exact: true }),
  });
}

async function cell(section: Locator, name: string, column: number): Promise<number> {
  const text = await stageRow(section, name).locator('td').nth(column).innerText();
  return Number(text.replace(/\D/g, ''));
}

/** The primary stage names, top to bottom. */
async function stageOrder(section: Locator): Promise<string[]> {
  return stageRows(section).locator('td:nth-child(2) strong').allInnerTexts();
}

async function openSettings(page: Page, lang: Lang) {
  await page.getByRole('menuitem', { name: TEXT[lang].settings }).click();
  const section = page.getByRole('region', { name: TEXT[lang].section });
  // The first visit loads the Settings page's code and every section's data.
  await expect(stageRows(section)).toHaveCount(9, { timeout: 30_000 });
  return section;
}

/** Filters the portfolio to one stage (by its name in the stage filter). */
async function filterByStage(page: Page, lang: Lang, name: string) {
  await page.getByRole('menuitem', { name: TEXT[lang].deals, exact: true }).click();
  await page.getByLabel(TEXT[lang].stageFilter, { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: name })
    .click();
  await page.keyboard.press('Escape');
}

for (const lang of flowLangs('zh-CN')) {
  const text = TEXT[lang];

  test(`sales process: rename, reorder, edit checklist and templates, delete with target (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });

    let section = await openSettings(page, lang);
    await expect(section.getByText(text.proposal, { exact: true })).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'process-section');

    // Rename Capture, with markup in both names: it is shown as text, here and on the portfolio.
    const renamed = `${text.renamed} ${XSS}`;
    const captureDeals = await cell(section, text.capture, COLUMN.deals);
    expect(captureDeals).toBeGreaterThan(0);
    await section.getByRole('button', { name: text.edit(text.capture) }).click();
    let drawer = page.getByRole('dialog');
    await drawer.getByLabel(text.nameZh, { exact: true }).fill(`方案塑造 ${XSS}`);
    await drawer.getByLabel(text.nameEn, { exact: true }).fill(`Shaping ${XSS}`);
    await drawer.getByRole('button', { name: text.save }).click();
    await expect(drawer).toBeHidden();
    await expect(section.getByText(renamed, { exact: true })).toBeVisible();
    expect(await cell(section, renamed, COLUMN.deals)).toBe(captureDeals);

    await filterByStage(page, lang, renamed);
    await expect(page.getByText(text.shown(captureDeals))).toBeVisible();
    await expect(
      page.getByRole('main').getByRole('cell', { name: renamed, exact: true }).first(),
    ).toBeVisible();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

    // Reorder with the keyboard: Proposal moves above the renamed stage, focus stays with it.
    section = await openSettings(page, lang);
    const moveUp = section.getByRole('button', { name: text.moveUp(text.proposal) });
    await moveUp.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => stageOrder(section))
      .toEqual([
        text.identify,
        text.qualify,
        text.proposal,
        renamed,
        text.submitted,
        text.negotiation,
        text.won,
        text.lost,
        text.noBid,
      ]);
    await expect(moveUp).toBeFocused();
    // Moving stages never moves deals.
    expect(await cell(section, renamed, COLUMN.deals)).toBe(captureDeals);
    // A closing stage cannot be deleted, and says why.
    await expect(section.getByRole('button', { name: text.delete(text.won) })).toBeDisabled();

    // Add an exit criterion: an empty one is refused with a message naming it, then filled.
    const criteriaBefore = await cell(section, text.qualify, COLUMN.criteria);
    await section.getByRole('button', { name: text.edit(text.qualify) }).click();
    drawer = page.getByRole('dialog');
    await drawer.getByRole('button', { name: text.addCriterion }).click();
    const n = criteriaBefore + 1;
    await drawer.getByLabel(text.criterionEn(n), { exact: true }).fill('Site survey done');
    await drawer.getByRole('button', { name: text.save }).click();
    await expect(drawer.getByText(text.criterionRequired(n)).first()).toBeVisible();
    await drawer.getByLabel(text.criterionZh(n), { exact: true }).fill('已完成现场踏勘');

    // And a milestone template, 3 working days before submission (a bad offset is refused first).
    const templatesBefore = await cell(section, text.qualify, COLUMN.milestones);
    const m = templatesBefore + 1;
    await drawer.getByRole('button', { name: text.addTemplate }).click();
    await drawer.getByLabel(text.templateZh(m), { exact: true }).fill('现场踏勘');
    await drawer.getByLabel(text.templateEn(m), { exact: true }).fill('Site survey');
    await drawer.getByLabel(text.templateAnchor(m), { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: text.submissionAnchor })
      .click();
    const offset = drawer.getByLabel(text.templateOffset(m), { exact: true });
    await offset.fill('5000');
    await offset.blur();
    await expect(drawer.getByText(text.offsetRange)).toBeVisible();
    await offset.fill('-3');
    await expect(drawer.getByText(text.offsetRange)).toBeHidden();
    await screenshot(page, 'process-editor');
    await drawer.getByRole('button', { name: text.save }).click();
    await expect(drawer).toBeHidden();
    await expect.poll(() => cell(section, text.qualify, COLUMN.criteria)).toBe(criteriaBefore + 1);
    expect(await cell(section, text.qualify, COLUMN.milestones)).toBe(templatesBefore + 1);

    // Reopened, the editor shows both as saved.
    await section.getByRole('button', { name: text.edit(text.qualify) }).click();
    drawer = page.getByRole('dialog');
    await expect(drawer.getByLabel(text.criterionZh(n), { exact: true })).toHaveValue(
      '已完成现场踏勘',
    );
    await expect(drawer.getByLabel(text.templateOffset(m), { exact: true })).toHaveValue('-3');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // Delete Submitted, which holds deals: the dialog says how many and asks where they go.
    const submittedDeals = await cell(section, text.submitted, COLUMN.deals);
    const negotiationDeals = await cell(section, text.negotiation, COLUMN.deals);
    expect(submittedDeals).toBeGreaterThan(0);
    await section.getByRole('button', { name: text.delete(text.submitted) }).click();
    const dialog = page.getByRole('dialog', { name: text.deleteTitle(text.submitted) });
    await expect(dialog.getByText(text.holds(submittedDeals))).toBeVisible();
    const confirm = dialog.getByRole('button', { name: text.confirmDelete });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(text.target, { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: text.negotiation })
      .click();
    await screenshot(page, 'process-delete');
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(stageRows(section)).toHaveCount(8);
    await expect
      .poll(() => cell(section, text.negotiation, COLUMN.deals))
      .toBe(negotiationDeals + submittedDeals);

    // On the portfolio the deals are in Negotiation now.
    await filterByStage(page, lang, text.negotiation);
    await expect(page.getByText(text.shown(negotiationDeals + submittedDeals))).toBeVisible();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });
}

for (const lang of flowLangs('zh-CN')) {
  test(`sales process in the dark theme (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page, { lang, theme: 'dark', route: '/settings' });
    const section = page.getByRole('region', { name: TEXT[lang].section });
    await expect(stageRows(section)).toHaveCount(9, { timeout: 30_000 });
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'process-section');
    await section.getByRole('button', { name: TEXT[lang].edit(TEXT[lang].proposal) }).click();
    await expect(
      page.getByRole('dialog').getByLabel(TEXT[lang].nameEn, { exact: true }),
    ).toHaveValue('Proposal');
    await screenshot(page, 'process-editor');
  });
}
