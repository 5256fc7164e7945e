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
    fromTemplate: '用标准投标计划创建',
    created: '已按标准投标计划创建计划。',
    writing: '技术标书编写',
    addPerson: '添加人员',
    personName: '姓名',
    roles: '角色',
    writer: '标书撰写人',
    add: '添加',
    nameRequired: '请输入姓名。',
    rolesRequired: '请至少选择一个角色。',
    added: /已添加/,
    assign: '分派人员',
    task: '任务',
    person: '人员',
    percentMode: '每日占比',
    percent: '占其每日工作时间的比例（%）',
    save: '保存',
    assigned: /已将 .* 分派到/,
    over: /超负荷/,
    reassign: '改派',
    reassigned: /改派给/,
    weeks: '周数',
    rolesView: '角色 × 周',
    drillTask: '任务',
    spread: /个工作日/,
    rolesTab: '角色',
    whatIf: '假设分析',
    discard: '放弃',
    deals: '商机',
    loadNav: '资源负荷',
    weeks26: '26 周',
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
    fromTemplate: 'Create from standard bid plan',
    created: 'Plan created from the standard bid plan.',
    writing: 'Proposal writing',
    addPerson: 'Add person',
    personName: 'Name',
    roles: 'Roles',
    writer: 'Proposal writer',
    add: 'Add',
    nameRequired: 'Enter a name.',
    rolesRequired: 'Choose at least one role.',
    added: /^Added /,
    assign: 'Assign person',
    task: 'Task',
    person: 'Person',
    percentMode: '% of their day',
    percent: 'Share of their working day (%)',
    save: 'Save',
    assigned: /^Assigned .* to/,
    over: /is over capacity/,
    reassign: 'Reassign',
    reassigned: /^Reassigned/,
    weeks: 'Weeks',
    rolesView: 'Roles × weeks',
    drillTask: 'Task',
    spread: /working days/,
    rolesTab: 'Roles',
    whatIf: 'What-if',
    discard: 'Discard',
    deals: 'Deals',
    loadNav: 'Resource load',
    weeks26: '26 weeks',
  },
} as const;

/** A date `days` calendar days from today, as the date picker takes it. */
function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Picks the option with this text in the open antd dropdown. */
async function pick(page: Page, text: string | RegExp) {
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

/** Creates a deal with the standard plan (submission in 70 days, so two deals overlap). */
async function dealWithPlan(page: Page, lang: Lang, name: string): Promise<string> {
  const text = TEXT[lang];
  await page.goto('/#/deals');
  await page.getByRole('button', { name: text.newDeal }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel(text.name, { exact: true }).fill(name);
  await drawer.getByLabel(text.value, { exact: true }).fill('2400000');
  await drawer.getByLabel(text.account, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  // The account list closes before the owner list opens (only one list on screen at a time).
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await drawer.getByLabel(text.owner, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  const due = drawer.getByLabel(text.submissionDue, { exact: true });
  await due.click();
  await due.fill(daysFromToday(70));
  await due.press('Enter');
  await drawer.getByRole('button', { name: text.create }).click();
  await expect(drawer).toBeHidden();
  const id = await page.evaluate(
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
  await page.goto(`/#/deals/${id}/plan`);
  await page.getByRole('button', { name: text.fromTemplate }).click();
  await expect(page.getByText(text.created)).toBeVisible();
  return id;
}

/** Adds a proposal writer through the People form. */
async function addPerson(page: Page, lang: Lang, name: string) {
  const text = TEXT[lang];
  await page.getByRole('button', { name: text.addPerson }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel(text.personName, { exact: true }).fill(name);
  await drawer.getByLabel(text.roles, { exact: true }).click();
  await pick(page, text.writer);
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await drawer.getByRole('button', { name: text.add, exact: true }).click();
  await expect(drawer).toBeHidden();
}

/** Assigns `who` to the deal's proposal writing task at `percent` % of their day. */
async function assignWriting(page: Page, lang: Lang, dealId: string, who: string, percent: number) {
  const text = TEXT[lang];
  await page.goto(`/#/deals/${dealId}/team`);
  await page.getByRole('button', { name: text.assign }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(text.task, { exact: true }).click();
  await pick(page, text.writing);
  await dialog.getByLabel(text.person, { exact: true }).click();
  await page.keyboard.type(who.slice(0, 6));
  await pick(page, who);
  await dialog.getByText(text.percentMode, { exact: true }).click();
  await dialog.getByLabel(text.percent, { exact: true }).fill(String(percent));
  await expect(dialog.getByText(text.spread)).toBeVisible();
  await dialog.getByRole('button', { name: text.save }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(text.assigned).last()).toBeVisible();
}

for (const lang of flowLangs('en')) {
  const text = TEXT[lang];

  test(`resources: people, assignments across two deals, over-allocation resolved, escaped names (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const xss = `<img src=x onerror="window.__xss=1"> ${lang}`;
    const resolver = `Resolver ${lang}`;
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 30_000 });
    const dealA = await dealWithPlan(page, lang, `Team A ${lang}`);
    const dealB = await dealWithPlan(page, lang, `Team B ${lang}`);

    // People: the form says what is wrong in the user's language and keeps what was typed.
    await page.goto('/#/people');
    await expect(page.getByRole('button', { name: text.addPerson })).toBeVisible();
    await screenshot(page, 'people');
    await page.getByRole('button', { name: text.addPerson }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('button', { name: text.add, exact: true }).click();
    await expect(drawer.getByText(text.nameRequired)).toBeVisible();
    await expect(drawer.getByText(text.rolesRequired)).toBeVisible();
    await screenshot(page, 'people-form');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await addPerson(page, lang, xss);
    await addPerson(page, lang, resolver);
    await expect(page.getByRole('cell', { name: xss, exact: true })).toBeVisible();
    await page.getByRole('tab', { name: text.rolesTab }).click();
    await expect(page.getByRole('cell', { name: text.writer, exact: true })).toBeVisible();
    await screenshot(page, 'people-roles');

    // 60 % of the day on each of two overlapping deals: 120 %, over capacity.
    await assignWriting(page, lang, dealA, xss, 60);
    await expect(page.getByTestId('over-allocation')).toHaveCount(0);
    await assignWriting(page, lang, dealB, xss, 60);
    const warning = page.getByTestId('over-allocation').filter({ hasText: xss });
    await expect(warning).toBeVisible();
    await expect(warning.getByTestId('reassign-suggestion').first()).toBeVisible();
    await expect(page.getByRole('cell', { name: xss }).first()).toBeVisible();
    await screenshot(page, 'team-over');

    // The heatmap shows the cell over 100 %; it drills down to both deals' tasks.
    await page.goto('/#/load?weeks=26');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: xss }) });
    const overCell = row.locator('[data-band="over"]').first();
    await expect(overCell).toBeVisible();
    await screenshot(page, 'heatmap');
    await overCell.click();
    const drill = page.getByTestId('drill-down');
    await expect(drill.getByText(`Team A ${lang}`, { exact: false })).toBeVisible();
    await expect(drill.getByText(`Team B ${lang}`, { exact: false })).toBeVisible();
    await expect(page.getByRole('dialog').getByText(xss, { exact: false }).first()).toBeVisible();
    await screenshot(page, 'heatmap-drill');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('drill-down')).toBeHidden();
    await expect(page.locator('.ant-drawer-mask:visible')).toHaveCount(0);

    // What-if: deal B as tentative is layered on the heatmap; discarding it changes nothing.
    await page.getByLabel(text.whatIf, { exact: true }).click();
    await page.keyboard.type(`Team B ${lang}`);
    // The one deal left in the list is chosen with Enter, as a keyboard user would.
    await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveCount(
      1,
    );
    await page.keyboard.press('Enter');
    const whatIf = page.getByTestId('what-if');
    await expect(whatIf).toBeVisible();
    await expect(whatIf).toContainText(xss);
    await expect(row.locator('[data-tentative="true"]').first()).toBeVisible();
    await screenshot(page, 'heatmap-what-if');
    await whatIf.getByRole('button', { name: text.discard }).click();
    await expect(whatIf).toBeHidden();
    await expect(page.locator('[data-tentative="true"]')).toHaveCount(0);
    await expect(overCell).toBeVisible();

    await page.getByText(text.rolesView).click();
    await expect(page.getByRole('rowheader', { name: new RegExp(text.writer) })).toBeVisible();
    await screenshot(page, 'heatmap-roles');

    // To Deals and back by the navigation: still roles over 26 weeks.
    await page.getByRole('menuitem', { name: text.deals, exact: true }).click();
    await expect(page.getByRole('button', { name: text.newDeal })).toBeVisible();
    await page.getByRole('menuitem', { name: text.loadNav, exact: true }).click();
    await expect(page.getByRole('rowheader', { name: new RegExp(text.writer) })).toBeVisible();
    await expect(page.getByLabel(text.weeks, { exact: true }).locator('xpath=..')).toHaveAttribute(
      'title',
      text.weeks26,
    );
    await screenshot(page, 'heatmap-roles-kept');

    // Resolve it: reassign deal B's writing to the free colleague.
    await page.goto(`/#/deals/${dealB}/team`);
    await page
      .getByRole('row')
      .filter({ hasText: text.writing })
      .filter({ hasText: xss })
      .getByRole('button', { name: new RegExp(`^${text.reassign}`) })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(text.person, { exact: true }).click();
    await page.keyboard.type(resolver.slice(0, 6));
    await pick(page, resolver);
    await dialog.getByRole('button', { name: text.save }).click();
    await expect(page.getByText(text.reassigned).last()).toBeVisible();
    await expect(page.getByTestId('over-allocation')).toHaveCount(0);
    await screenshot(page, 'team');

    await page.goto('/#/load?weeks=26');
    await expect(row.locator('[data-band]').first()).toBeVisible();
    await expect(row.locator('[data-band="over"]')).toHaveCount(0);

    // The name was text everywhere, never markup.
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
  });
}
