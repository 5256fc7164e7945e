import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Locator, Page } from '@playwright/test';
import type { Lang } from './fixtures';
import { expect, flowLangs, openAppWithSample, screenshot, test } from './fixtures';

/** Text a spreadsheet would run, and markup a page would run: both must stay text. */
const PAYLOAD = '=HYPERLINK("x")<img src=x onerror="window.__xss=1">';

const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    export: '导出',
    planMenu: '计划导出为表格（XLSX、CSV）…',
    exportMore: '导出…',
    csv: 'CSV（逗号分隔）',
    xlsx: 'Excel 工作簿（.xlsx）',
    downloaded: '已下载为',
    planHeaders: ['WBS', '名称', '类型', '开始', '完成', '工期（工作日）'],
    riskSheet: '风险',
    riskTitle: '风险',
    score: '评分',
    exposure: '风险敞口',
    costSheets: ['分科目预算', '成本记录', '工时记录'],
    loadSheets: ['已分配工时', '可用工时', '负荷率 %'],
    noColumn: '每个工作表请至少选择一列。',
    columnsOf: (name: string) => `${name}的列`,
    load: '人员负荷',
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    export: 'Export',
    planMenu: 'Plan as spreadsheet (XLSX, CSV)…',
    exportMore: 'Export…',
    csv: 'CSV, comma-separated',
    xlsx: 'Excel workbook (.xlsx)',
    downloaded: 'Downloaded as',
    planHeaders: ['WBS', 'Name', 'Type', 'Start', 'Finish', 'Duration (working days)'],
    riskSheet: 'Risks',
    riskTitle: 'Risk',
    score: 'Score',
    exposure: 'Exposure',
    costSheets: ['Budget by category', 'Cost entries', 'Time log'],
    loadSheets: ['Assigned hours', 'Capacity hours', 'Utilisation %'],
    noColumn: 'Choose at least one column for each sheet.',
    columnsOf: (name: string) => `Columns of ${name}`,
    load: 'Load',
  },
} as const satisfies Record<Lang, unknown>;

interface SampleDeal {
  id: string;
  code: string;
  tasks: number;
  milestones: number;
}

/**
 * An open deal of the sample with tasks, active risks and cost entries; its riskiest risk is
 * renamed to the payload straight in IndexedDB (the page reloads to read it).
 */
function prepareDeal(page: Page, payload: string): Promise<SampleDeal> {
  return page.evaluate(
    (title) =>
      new Promise<SampleDeal>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(
            ['deals', 'risks', 'tasks', 'milestones', 'costEntries'],
            'readwrite',
          );
          const all = (name: string) => tx.objectStore(name).getAll();
          const [deals, risks, tasks, milestones, costs] = [
            all('deals'),
            all('risks'),
            all('tasks'),
            all('milestones'),
            all('costEntries'),
          ];
          type Row = Record<string, unknown>;
          const live = (request: IDBRequest, dealId: unknown) =>
            (request.result as Row[]).filter((r) => r.dealId === dealId && r.deletedAt === null);
          let found: SampleDeal | null = null;
          costs.onsuccess = () => {
            for (const deal of deals.result as Row[]) {
              if (deal.status !== 'open' || deal.deletedAt !== null) continue;
              const own = live(risks, deal.id);
              if (own.length === 0 || live(tasks, deal.id).length === 0) continue;
              if (live(costs, deal.id).length === 0) continue;
              const risk = own[0] as Row;
              tx.objectStore('risks').put({ ...risk, title });
              found = {
                id: deal.id as string,
                code: deal.code as string,
                tasks: live(tasks, deal.id).length,
                milestones: live(milestones, deal.id).length,
              };
              return;
            }
          };
          tx.oncomplete = () => {
            db.close();
            if (found) resolve(found);
            else reject(new Error('no open deal with tasks, risks and costs'));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    payload,
  );
}

/** Runs the export dialog in `format` and returns the downloaded file's path. */
async function exportFrom(page: Page, dialog: Locator, format: string, path: string, lang: Lang) {
  await dialog.getByRole('radio', { name: format }).check();
  const event = page.waitForEvent('download');
  await dialog.getByRole('button', { name: TEXT[lang].export, exact: true }).click();
  const file = await event;
  await file.saveAs(path);
  await expect(page.getByText(TEXT[lang].downloaded).last()).toBeVisible();
  await expect(dialog).toBeHidden();
  return path;
}

async function workbook(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

for (const lang of flowLangs('zh-CN')) {
  const text = TEXT[lang];

  test(`spreadsheet exports of a plan, risks, costs and the load heatmap (${lang})`, async ({
    page,
  }, info) => {
    test.setTimeout(180_000);
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });
    const deal = await prepareDeal(page, PAYLOAD);

    // The plan, as CSV: one row per task and milestone, headers in the UI language.
    await page.goto(`/#/deals/${deal.id}/plan`);
    await page.reload();
    await page.getByRole('button', { name: text.export, exact: true }).click();
    await page.getByRole('menuitem', { name: text.planMenu }).click();
    const planDialog = page.getByRole('dialog');
    await expect(planDialog.getByRole('checkbox', { name: 'WBS' })).toBeChecked();
    await screenshot(page, 'export-plan-dialog');
    const planCsv = await exportFrom(page, planDialog, text.csv, info.outputPath('plan.csv'), lang);
    const parsed = Papa.parse<string[]>(readFileSync(planCsv, 'utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    });
    expect(parsed.data[0]?.slice(0, 6)).toEqual(text.planHeaders);
    expect(parsed.data.length - 1).toBe(deal.tasks + deal.milestones);

    // The risks, as XLSX: the payload is text (neutralised), score and exposure are numbers.
    await page.goto(`/#/deals/${deal.id}/risks`);
    await page.getByRole('button', { name: text.exportMore }).click();
    const riskDialog = page.getByRole('dialog');
    // Unticking every column is refused with a reason, nothing is written.
    const group = riskDialog.getByRole('group', { name: text.columnsOf(text.riskSheet) });
    await expect(group).toBeVisible();
    for (const box of await group.getByRole('checkbox').all()) await box.uncheck();
    await expect(riskDialog.getByText(text.noColumn)).toBeVisible();
    await expect(riskDialog.getByRole('button', { name: text.export, exact: true })).toBeDisabled();
    for (const box of await group.getByRole('checkbox').all()) await box.check();
    const risksBook = await workbook(
      await exportFrom(page, riskDialog, text.xlsx, info.outputPath('risks.xlsx'), lang),
    );
    const risks = risksBook.getWorksheet(text.riskSheet);
    expect(risks).toBeDefined();
    const header = (risks?.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const payloadRow = risks
      ?.getRows(2, risks.rowCount - 1)
      ?.find((row) => row.getCell(col(text.riskTitle)).value === `'${PAYLOAD}`);
    expect(payloadRow).toBeDefined();
    expect(typeof payloadRow?.getCell(col(text.score)).value).toBe('number');
    expect(typeof payloadRow?.getCell(col(text.exposure)).value).toBe('number');
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

    // The costs, as one workbook of three sheets.
    await page.goto(`/#/deals/${deal.id}/costs`);
    await page.getByRole('button', { name: text.exportMore }).click();
    const costDialog = page.getByRole('dialog');
    await screenshot(page, 'export-costs-dialog');
    const costsBook = await workbook(
      await exportFrom(page, costDialog, text.xlsx, info.outputPath('costs.xlsx'), lang),
    );
    expect(costsBook.worksheets.map((sheet) => sheet.name)).toEqual(text.costSheets);
    const entries = costsBook.worksheets[1];
    expect(entries && entries.rowCount).toBeGreaterThan(1);
    expect(typeof entries?.getRow(2).getCell(3).value).toBe('number');

    // The load heatmap: hours, capacity and utilisation per week.
    await page.goto('/#/load');
    await page.getByRole('button', { name: text.exportMore }).click();
    const loadDialog = page.getByRole('dialog');
    const loadBook = await workbook(
      await exportFrom(page, loadDialog, text.xlsx, info.outputPath('load.xlsx'), lang),
    );
    expect(loadBook.worksheets.map((sheet) => sheet.name)).toEqual(text.loadSheets);
    const hours = loadBook.worksheets[0];
    // Name, note and the page's default range of weeks.
    expect(hours?.getRow(1).cellCount).toBeGreaterThan(2 + 3);
    expect(hours && hours.rowCount).toBeGreaterThan(1);
  });
}
