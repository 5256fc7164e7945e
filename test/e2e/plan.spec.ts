import type { Locator, Page } from '@playwright/test';
import type { Lang } from './fixtures';
import { expect, flowLangs, openApp, openAppWithSample, screenshot, test } from './fixtures';

/** The plan's strings in each language, as a user reads them. */
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
    rfp: '招标文件分析',
    bafo: '最终报价与商务谈判',
    design: '解决方案设计',
    writing: '技术标书编写',
    gold: '金队评审',
    followed: /后续 \d+ 个任务随之顺延/,
    production: '标书制作与用印',
    submission: '递交投标文件',
    day: '日',
    slack: /个工作日的时差/,
    cycle: '这个链接会形成循环',
    capture: '保存基准',
    baselineName: '基准名称',
    captureOk: '保存',
    slipping: '滞后的里程碑',
    behind: '比基准晚 3 个工作日',
    newTask: '新任务',
    chart: '计划甘特图',
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
    rfp: 'RFP analysis',
    bafo: 'BAFO and negotiation',
    design: 'Solution design',
    writing: 'Proposal writing',
    gold: 'Gold team review',
    followed: /later tasks? followed/,
    production: 'Production',
    submission: 'Proposal submission',
    day: 'Day',
    slack: /working days of slack before submission/,
    cycle: 'This link would close a loop',
    capture: 'Capture baseline',
    baselineName: 'Baseline name',
    captureOk: 'Capture',
    slipping: 'Slipping milestones',
    behind: '3 working days behind the baseline',
    newTask: 'New task',
    chart: 'Gantt chart of the plan',
  },
} as const;

const XSS = '<img src=x onerror="window.__xss=1">';

/** A date `days` calendar days from today, as the date picker takes it. */
function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Creates a deal through the deal form, with a submission date two months out; returns its id. */
async function createDeal(page: Page, lang: Lang, name: string): Promise<string> {
  const text = TEXT[lang];
  await page.getByRole('button', { name: text.loadSample }).click();
  await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: text.newDeal }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel(text.name, { exact: true }).fill(name);
  await drawer.getByLabel(text.value, { exact: true }).fill('2400000');
  await drawer.getByLabel(text.account, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await drawer.getByLabel(text.owner, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  const due = drawer.getByLabel(text.submissionDue, { exact: true });
  await due.click();
  await due.fill(daysFromToday(70));
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

function gridRow(page: Page, name: string): Locator {
  return page.getByRole('row').filter({ hasText: name });
}

function bar(page: Page, id: string): Locator {
  return page.locator(`.pg-gantt .bar-wrapper[data-id="${id}"] .bar`);
}

async function rowId(row: Locator): Promise<string> {
  const id = await row.getAttribute('data-row-id');
  if (id === null) throw new Error('row without id');
  return id;
}

/** Grid columns, in order. */
const COLUMN = { row: 0, name: 2, duration: 3, start: 4, predecessors: 6, variance: 10 } as const;

function cell(page: Page, name: string, column: number): Locator {
  return gridRow(page, name).getByRole('gridcell').nth(column);
}

/** Edits a grid cell from the keyboard: select it, Enter, type, Enter. */
async function editCell(page: Page, name: string, column: number, value: string) {
  await cell(page, name, column).click();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('grid').getByRole('textbox');
  await editor.fill(value);
  await editor.press('Enter');
}

for (const lang of flowLangs('zh-CN')) {
  const text = TEXT[lang];

  test(`plan: template, drag cascade, cycle refused, baseline variance, escaped names (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openApp(page, { lang, theme: 'light', route: '/deals' });
    const dealId = await createDeal(page, lang, `Plan E2E ${lang}`);
    await page.goto(`/#/deals/${dealId}/plan`);
    await expect(page.getByRole('button', { name: text.fromTemplate })).toBeVisible();
    await screenshot(page, 'plan-empty');

    // Build the plan from the template: laid backward from the submission date.
    await page.getByRole('button', { name: text.fromTemplate }).click();
    await expect(page.getByText(text.created)).toBeVisible();
    await expect(gridRow(page, text.submission)).toBeVisible();
    await expect(page.getByText(text.slack)).toBeVisible();
    await expect(
      page.getByRole('figure', { name: text.chart }).locator('.bar-wrapper'),
    ).toHaveCount((await page.getByRole('grid').getByRole('row').count()) - 1);
    await screenshot(page, 'plan');

    // Drag solution design one day later in Day view: proposal writing (SS+2) follows it.
    await page.locator('.ant-segmented-item-label').getByText(text.day, { exact: true }).click();
    await expect(page.getByRole('radio', { name: text.day })).toBeChecked();
    const designId = await rowId(gridRow(page, text.design));
    const writingStart = await cell(page, text.writing, COLUMN.start).textContent();
    await bar(page, designId).scrollIntoViewIfNeeded();
    const box = await bar(page, designId).boundingBox();
    if (box === null) throw new Error('no bar');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect(cell(page, text.writing, COLUMN.start)).not.toHaveText(writingStart ?? '');
    await expect(page.getByText(text.followed)).toBeVisible();

    // A link that would close a loop is refused, naming the loop; nothing is lost.
    const designRow = await cell(page, text.design, COLUMN.row).textContent();
    await editCell(page, text.rfp, COLUMN.predecessors, designRow ?? '');
    await expect(page.getByRole('alert').filter({ hasText: text.cycle })).toBeVisible();
    await expect(page.getByRole('grid').getByRole('textbox')).toHaveValue(designRow ?? '');
    await screenshot(page, 'plan-cycle');
    await page.keyboard.press('Escape');
    await expect(cell(page, text.rfp, COLUMN.predecessors)).toHaveText('');

    // Capture a baseline, then slip the submission milestone: the variance shows it.
    await page.getByRole('button', { name: text.capture }).click();
    await page.getByLabel(text.baselineName).fill('At bid/no-bid');
    await page.getByRole('button', { name: text.captureOk, exact: true }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByText(/At bid\/no-bid ?[（(]/)).toBeVisible();
    await expect(cell(page, text.submission, COLUMN.variance)).toHaveText(/0/);
    await editCell(page, text.production, COLUMN.duration, '6');
    await expect(cell(page, text.submission, COLUMN.variance)).toHaveText(/\+3/);
    await expect(page.getByText(text.slipping)).toBeVisible();
    await expect(page.getByText(text.behind)).toBeVisible();
    await expect(page.locator('.pg-gantt .pg-baseline')).not.toHaveCount(0);
    await screenshot(page, 'plan-baseline');

    // Keyboard: Insert adds a task after the selected row, Tab indents it under the row above.
    await cell(page, text.bafo, COLUMN.name).click();
    await page.keyboard.press('Insert');
    await expect(gridRow(page, text.newTask)).toHaveCount(1);
    await page.keyboard.press('Insert');
    await expect(gridRow(page, text.newTask)).toHaveCount(2);
    await page.keyboard.press('Tab');
    await expect(gridRow(page, text.newTask).last().getByRole('gridcell').nth(1)).toHaveText(
      /^\d+\.1$/,
    );

    // A name that looks like markup stays text: in the grid, the bar label and the popup.
    const goldId = await rowId(gridRow(page, text.gold));
    await editCell(page, text.gold, COLUMN.name, XSS);
    await expect(gridRow(page, XSS)).toBeVisible();
    const label = page.locator(`.pg-gantt .bar-wrapper[data-id="${goldId}"] .bar-label`);
    await expect(label).toHaveText(XSS);
    await bar(page, goldId).click();
    await expect(page.locator('.pg-gantt .popup-wrapper .title')).toContainText(XSS);
    await expect(page.locator('.pg-gantt img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await screenshot(page, 'plan-popup');
  });
}

for (const lang of flowLangs('zh-CN')) {
  const text = TEXT[lang];

  test(`plan of a sample deal, dark theme (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await openAppWithSample(page, { lang, theme: 'dark' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 30_000 });
    // The open sample deal with the largest plan.
    const dealId = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('pursuit');
          open.onerror = () => reject(new Error('cannot open the database'));
          open.onsuccess = () => {
            const tx = open.result.transaction(['deals', 'tasks']);
            const deals = tx.objectStore('deals').getAll();
            const tasks = tx.objectStore('tasks').getAll();
            tx.oncomplete = () => {
              const count = new Map<string, number>();
              for (const task of tasks.result as { dealId: string }[]) {
                count.set(task.dealId, (count.get(task.dealId) ?? 0) + 1);
              }
              const best = (deals.result as { id: string; status: string }[])
                .filter((deal) => deal.status === 'open')
                .sort((a, b) => (count.get(b.id) ?? 0) - (count.get(a.id) ?? 0))[0];
              open.result.close();
              if (best) resolve(best.id);
              else reject(new Error('no open deal'));
            };
          };
        }),
    );
    await page.goto(`/#/deals/${dealId}/plan`);
    const chart = page.getByRole('figure', { name: text.chart });
    await expect(chart.locator('.bar-wrapper').first()).toBeVisible();
    await expect(chart.locator('.bar-wrapper')).toHaveCount(
      (await page.getByRole('grid').getByRole('row').count()) - 1,
    );
    await screenshot(page, 'plan-sample');
  });
}
