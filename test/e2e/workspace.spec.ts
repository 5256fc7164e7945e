import type { Locator, Page } from '@playwright/test';
import type { Lang } from './fixtures';
import {
  expect,
  flowLangs,
  openApp,
  openAppWithSample,
  portfolioRows,
  screenshot,
  test,
} from './fixtures';

/** The workspace's strings in each language, as a user reads them. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    open: '进行中',
    overview: '概览',
    activity: '动态',
    submissionDue: '投标截止',
    expectedAward: '预计授标',
    awardBeforeSubmission: /预计授标不能早于投标截止/,
    addCompetitor: '添加竞争对手',
    competitorName: '竞争对手',
    incumbent: '现有供应商',
    strengths: '优势',
    save: '保存',
    contact: '联系人',
    role: '角色',
    champion: '内部支持者',
    newContact: (name: string) => `新建联系人“${name}”`,
    addToBuyingCentre: '加入决策链',
    exitCriteria: /阶段退出条件/,
    gates: '决策门与评审',
    summary: '摘要',
    details: '详情',
    logTitle: '记录活动',
    logActivity: '记录活动',
    type: '类型',
    note: '备注',
    meeting: '会议',
    filter: '显示',
    all: '全部',
    help: '帮助',
    shortcuts: '键盘快捷键',
    logCommand: '为当前商机记录活动',
    checked: '勾选',
    competitorsField: '竞争对手',
    added: '新增',
    notFound: '找不到该商机',
    toPortfolio: '返回商机组合',
    inTrash: /^\S+ 在回收站中$/,
    openTrash: '打开回收站',
    trash: '回收站',
    moveToTrash: '移到回收站',
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    open: 'Open',
    overview: 'Overview',
    activity: 'Activity',
    submissionDue: 'Submission due',
    expectedAward: 'Expected award',
    awardBeforeSubmission: /Expected award must not be before Submission due/,
    addCompetitor: 'Add competitor',
    competitorName: 'Competitor',
    incumbent: 'Incumbent',
    strengths: 'Strengths',
    save: 'Save',
    contact: 'Contact',
    role: 'Role',
    champion: 'Champion',
    newContact: (name: string) => `New contact “${name}”`,
    addToBuyingCentre: 'Add to buying centre',
    exitCriteria: /Exit criteria/,
    gates: 'Gates and reviews',
    summary: 'Summary',
    details: 'Details',
    logTitle: 'Log activity',
    logActivity: 'Log activity',
    type: 'Type',
    note: 'Note',
    meeting: 'Meeting',
    filter: 'Show',
    all: 'All',
    help: 'Help',
    shortcuts: 'Keyboard shortcuts',
    logCommand: 'Log activity on this deal',
    checked: 'checked',
    competitorsField: 'Competitors',
    added: 'added',
    notFound: 'No such deal',
    toPortfolio: 'Back to the portfolio',
    inTrash: /^\S+ is in the trash$/,
    openTrash: 'Open Trash',
    trash: 'Trash',
    moveToTrash: 'Move to trash',
  },
} as const;

const XSS = '<img src=x onerror="window.__xss=1">';

/** A plan date as the app shows it in this language (medium style, no time-zone drift). */
function shownDate(lang: Lang, planDate: string): string {
  const [y, m, d] = planDate.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1),
  );
}

function addDays(planDate: string, days: number): string {
  const [y, m, d] = planDate.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** Types a date into an antd date picker and confirms it, as a keyboard user does. */
async function pickDate(picker: Locator, planDate: string) {
  await picker.click();
  await picker.fill(planDate);
  await picker.press('Enter');
}

/** Clicks an entry of the open drop-down list, as a user does. */
async function chooseOption(page: Page, label: string) {
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: label })
    .first()
    .click();
}

async function loadSampleAndOpenDeal(page: Page, lang: Lang) {
  const text = TEXT[lang];
  await openAppWithSample(page, { lang, theme: 'light' });
  await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 30_000 });
  // An open deal: its exit criteria can be checked.
  const row = portfolioRows(page)
    .filter({ has: page.getByRole('cell', { name: text.open, exact: true }) })
    .first();
  const link = row.getByRole('link');
  const name = (await link.textContent()) ?? '';
  await link.click();
  await expect(page).toHaveURL(/#\/deals\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  return name;
}

for (const lang of flowLangs('zh-CN')) {
  const text = TEXT[lang];

  test(`deal workspace: overview edits, activity trail, Ctrl+L, reload (${lang})`, async ({
    page,
  }) => {
    // Long: it walks the whole workspace, reloads, and shares the machine with other runs.
    test.setTimeout(240_000);
    await loadSampleAndOpenDeal(page, lang);
    await expect(page.getByRole('tab', { name: text.overview })).toHaveAttribute(
      'aria-selected',
      'true',
    );

    // Key dates: an award before submission is refused with the reason, and nothing is saved.
    const submission = page.getByLabel(text.submissionDue, { exact: true });
    const award = page.getByLabel(text.expectedAward, { exact: true });
    const oldSubmission = await submission.inputValue();
    expect(oldSubmission).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const oldAward = await award.inputValue();
    await pickDate(award, addDays(oldSubmission, -1));
    await expect(page.getByText(text.awardBeforeSubmission)).toBeVisible();
    await pickDate(award, oldAward || addDays(oldSubmission, 30));
    await expect(page.getByText(text.awardBeforeSubmission)).toBeHidden();

    // Move the submission a week later (the award, if any, follows it by more than that).
    const awardNow = await award.inputValue();
    if (awardNow && awardNow <= addDays(oldSubmission, 7)) {
      await pickDate(award, addDays(oldSubmission, 60));
    }
    const newSubmission = addDays(oldSubmission, 7);
    await pickDate(submission, newSubmission);
    await expect(submission).toHaveValue(newSubmission);

    // A competitor whose name is markup: shown as text.
    await page.getByRole('button', { name: text.addCompetitor }).click();
    const competitorDialog = page.getByRole('dialog');
    await competitorDialog.getByLabel(text.competitorName, { exact: true }).fill(XSS);
    await competitorDialog.getByRole('switch', { name: text.incumbent }).click();
    await competitorDialog.getByLabel(text.strengths, { exact: true }).fill('Installed base');
    await competitorDialog.getByRole('button', { name: text.save }).click();
    await expect(competitorDialog).toBeHidden();
    await expect(page.getByText(XSS, { exact: true })).toBeVisible();

    // A buying-centre contact created on the spot, as the champion.
    const contactName = `Zhao Lei ${lang}`;
    const picker = page.getByRole('combobox', { name: text.contact, exact: true });
    await picker.click();
    await picker.fill(contactName);
    await chooseOption(page, text.newContact(contactName));
    await page.getByRole('combobox', { name: text.role, exact: true }).click();
    await chooseOption(page, text.champion);
    await page.getByRole('button', { name: text.addToBuyingCentre }).click();
    const memberRow = page.locator('.ant-table-row').filter({ hasText: contactName });
    await expect(memberRow).toBeVisible();

    // An exit criterion of the current stage, checked off.
    const criteria = page.locator('.ant-card').filter({ hasText: text.exitCriteria });
    const criterionLabel =
      (await criteria
        .getByRole('checkbox', { checked: false })
        .first()
        .locator('xpath=ancestor::label')
        .textContent()) ?? '';
    // The box shows the stored state, so it turns checked once the change is saved.
    await criteria.getByText(criterionLabel, { exact: true }).click();
    await expect(criteria.getByRole('checkbox', { name: criterionLabel })).toBeChecked();
    await expect(criteria.getByRole('checkbox', { name: criterionLabel })).toBeEnabled();
    await screenshot(page, 'workspace-overview');
    // The lower half: competitors, win themes, discriminators and the gates.
    await page.getByText(text.gates, { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'workspace-overview-more');

    // Activity: the date change reads old → new, in the user's language.
    await page.getByRole('tab', { name: text.activity }).click();
    await expect(page).toHaveURL(/\/activity$/);
    // Newest first: the first such line is the change just made.
    const dateLine = page.locator('article li').filter({ hasText: text.submissionDue }).first();
    await expect(dateLine).toContainText(shownDate(lang, oldSubmission));
    await expect(dateLine).toContainText(shownDate(lang, newSubmission));
    await expect(
      page.locator('article li').filter({ hasText: text.competitorsField }).first(),
    ).toContainText(XSS);
    await expect(
      page.locator('article li').filter({ hasText: criterionLabel }).first(),
    ).toContainText(text.checked);

    // Ctrl+L from anywhere in the deal: the summary has the focus, Enter saves.
    await page.getByRole('heading', { level: 2 }).click();
    await page.keyboard.press('Control+l');
    const summary = page.getByRole('dialog').getByLabel(text.summary, { exact: true });
    await expect(summary).toBeFocused();
    const meeting = `Site walk-through ${XSS}`;
    await page.keyboard.type(meeting);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.locator('article').filter({ hasText: meeting })).toBeVisible();

    // A note logged with the button, markup in its details too.
    await page.getByRole('button', { name: text.logActivity }).last().click();
    const logDialog = page.getByRole('dialog');
    await logDialog.getByRole('radiogroup', { name: text.type }).getByText(text.note).click();
    await expect(logDialog.getByRole('radio', { name: text.note })).toBeChecked();
    await logDialog.getByLabel(text.summary, { exact: true }).fill(`Note ${XSS}`);
    await logDialog.getByLabel(text.details, { exact: true }).fill(`Line one\n${XSS}`);
    await logDialog.getByRole('button', { name: text.save }).click();
    await expect(logDialog).toBeHidden();
    await expect(page.locator('article').filter({ hasText: `Note ${XSS}` })).toBeVisible();

    // Filter by type: only meetings.
    await page
      .getByRole('radiogroup', { name: text.filter })
      .getByText(text.meeting, { exact: true })
      .click();
    await expect(page.locator('article').filter({ hasText: meeting })).toBeVisible();
    await expect(page.locator('article').filter({ hasText: `Note ${XSS}` })).toBeHidden();
    await page
      .getByRole('radiogroup', { name: text.filter })
      .getByText(text.all, { exact: true })
      .click();
    await screenshot(page, 'workspace-activity');

    // Help lists the shortcut while a deal is open.
    await page.getByRole('button', { name: text.help }).click();
    await page.getByRole('menuitem', { name: text.shortcuts }).click();
    await expect(page.getByRole('dialog').getByText(text.logCommand)).toBeVisible();
    await page.keyboard.press('Escape');

    // Reload: everything is still there.
    await page.reload();
    await expect(page.locator('article').filter({ hasText: meeting })).toBeVisible();
    await expect(page.locator('article').filter({ hasText: `Note ${XSS}` })).toBeVisible();
    await page.getByRole('tab', { name: text.overview }).click();
    await expect(page.getByLabel(text.submissionDue, { exact: true })).toHaveValue(newSubmission);
    await expect(page.getByText(XSS, { exact: true })).toBeVisible();
    await expect(page.locator('.ant-table-row').filter({ hasText: contactName })).toBeVisible();
    await expect(
      page
        .locator('.ant-card')
        .filter({ hasText: text.exitCriteria })
        .getByRole('checkbox', { name: criterionLabel }),
    ).toBeChecked();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  test(`deal workspace: unknown and trashed deals (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page, {
      lang,
      theme: 'light',
      route: '/deals/00000000-0000-4000-8000-000000000000',
    });
    await expect(page.getByText(text.notFound)).toBeVisible();
    await page.getByRole('button', { name: text.toPortfolio }).click();
    await expect(page).toHaveURL(/#\/deals$/);

    await page.getByRole('button', { name: text.loadSample }).click();
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 30_000 });
    const row = portfolioRows(page).first();
    const href = (await row.getByRole('link').getAttribute('href')) ?? '';
    await row.getByRole('button', { name: new RegExp(text.moveToTrash) }).click();
    await expect(page.locator(`a[href="${href}"]`)).toHaveCount(0);
    await page.goto(`/${href}`);
    await expect(page.getByText(text.inTrash)).toBeVisible();
    await screenshot(page, 'workspace-trashed');
    await page.getByRole('button', { name: text.openTrash }).click();
    await expect(page.getByRole('heading', { level: 1, name: text.trash })).toBeVisible();
  });
}
