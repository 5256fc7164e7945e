import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
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

const FORMULA = '=HYPERLINK("x")';
const XSS = '<img src=x onerror=alert(1)>';

/** The strings a user reads, in each language. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    count: (shown: number, total: number) => `显示 ${shown} / ${total} 个商机`,
    export: '导出',
    csv: 'CSV（逗号分隔）',
    xlsx: 'Excel 工作簿（.xlsx）',
    downloaded: '商机组合已下载为',
    import: '导入…',
    choose: '选择文件…',
    defaultOwner: '未填写负责人的行使用',
    summary: '共 2 行，1 行可以导入，1 行有问题。',
    newAccount: `将新建以下客户：${XSS}`,
    badValue: '金额 “lots”不是数字',
    confirm: '导入 1 行有效数据',
    imported: '已从 deals.csv 导入 1 行。',
    headers: { code: '编号', name: '商机', value: '金额', currency: '币种', pwin: '赢率' },
    csvHeader: '客户,名称,金额,币种,提交日期',
    search: '搜索',
    settings: '设置',
    importSection: '表格导入',
    autoTitle: '自动备份',
    beforeImport: '导入之前',
    accounts: '客户',
    accountsReady: '共 2 行，2 行可以导入，0 行有问题。',
    accountsDone: '已从 accounts.xlsx 导入 2 行。',
    accountExists: '名称 “南方电网”在 Pursuit 中已存在',
  },
  en: {
    loadSample: 'Load sample portfolio',
    count: (shown: number, total: number) => `${shown} of ${total} deals`,
    export: 'Export',
    csv: 'CSV, comma-separated',
    xlsx: 'Excel workbook (.xlsx)',
    downloaded: 'Portfolio downloaded as',
    import: 'Import…',
    choose: 'Choose file…',
    defaultOwner: 'Owner of rows without one',
    summary: '1 of 2 rows are ready to import; rows with problems: 1.',
    newAccount: `New accounts that will be created: ${XSS}`,
    badValue: 'Value “lots” is not a number',
    confirm: 'Import 1 valid row',
    imported: '1 row imported from deals.csv.',
    headers: { code: 'Code', name: 'Deal', value: 'Value', currency: 'Currency', pwin: 'Pwin' },
    // Chinese headers in the English UI too: the mapping guess reads both languages.
    csvHeader: '客户,名称,金额,币种,提交日期',
    search: 'Search',
    settings: 'Settings',
    importSection: 'Spreadsheet import',
    autoTitle: 'Automatic backups',
    beforeImport: 'Before an import',
    accounts: 'Accounts',
    accountsReady: '2 of 2 rows are ready to import; rows with problems: 0.',
    accountsDone: '2 rows imported from accounts.xlsx.',
    accountExists: 'Name “南方电网” already exists in Pursuit',
  },
} as const satisfies Record<Lang, unknown>;

async function download(page: Page, lang: Lang, item: string, path: string) {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: TEXT[lang].export }).click();
  await page.getByRole('menuitem', { name: item }).click();
  const file = await event;
  await file.saveAs(path);
  await expect(page.getByText(TEXT[lang].downloaded).last()).toBeVisible();
  return file.suggestedFilename();
}

for (const lang of flowLangs('en')) {
  const text = TEXT[lang];

  test(`import deals from a CSV, then export the portfolio to CSV and XLSX (${lang})`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const alerts: string[] = [];
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.count(25, 25))).toBeVisible({ timeout: 30_000 });

    // Import: a Chinese header row, one good row (a formula-like name, an XSS account) and one bad.
    const csvPath = testInfo.outputPath('deals.csv');
    writeFileSync(
      csvPath,
      `\uFEFF${text.csvHeader}\r\n"${XSS}","${FORMULA.replaceAll('"', '""')}",1234.5,CNY,2027-03-01\r\n国家电网,坏行,lots,CNY,\r\n`,
    );
    await page.getByRole('button', { name: text.import }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: text.choose })).toBeVisible();
    await screenshot(page, 'exchange-import-empty');
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: text.choose }).click();
    await (await chooser).setFiles(csvPath);
    await expect(dialog.getByText(text.badValue)).toBeVisible();
    // Rows without an owner take the one chosen here.
    await dialog.getByLabel(text.defaultOwner).click();
    await page.locator('.ant-select-dropdown .ant-select-item-option').nth(1).click();
    await expect(dialog.getByText(text.summary)).toBeVisible();
    await expect(dialog.getByText(text.newAccount)).toBeVisible();
    const problems = dialog.locator('.ant-table-tbody').last();
    await expect(problems.getByRole('cell', { name: '3', exact: true })).toBeVisible();
    await screenshot(page, 'exchange-import-checked');
    await dialog.getByRole('button', { name: text.confirm }).click();
    // The import backs up the current data first: long work, not a click's reaction.
    await expect(page.getByText(text.imported)).toBeVisible({ timeout: 60_000 });
    await expect(dialog).toBeHidden();
    await expect(page.getByText(text.count(26, 26))).toBeVisible();
    await page.getByRole('searchbox', { name: text.search }).fill('HYPERLINK');
    await expect(page.getByText(text.count(1, 26))).toBeVisible();
    const row = portfolioRows(page).first();
    await expect(row).toContainText(FORMULA);
    await expect(row).toContainText(XSS);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.getByRole('searchbox', { name: text.search }).fill('');
    // The export takes the rows as filtered: wait for the whole portfolio again.
    await expect(page.getByText(text.count(26, 26))).toBeVisible();

    await page.getByRole('button', { name: text.export }).click();
    await expect(page.getByRole('menuitem', { name: text.xlsx })).toBeVisible();
    await screenshot(page, 'exchange-export-menu');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menuitem', { name: text.xlsx })).toBeHidden();

    // CSV export of the portfolio as shown: headers in the language, numbers, neutralised text.
    const csvOut = testInfo.outputPath('portfolio.csv');
    const csvName = await download(page, lang, text.csv, csvOut);
    expect(csvName).toMatch(/^pursuit-portfolio-\d{4}-\d{2}-\d{2}\.csv$/);
    const raw = readFileSync(csvOut, 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(raw.slice(1), { delimiter: ',', skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    expect(header?.slice(0, 2)).toEqual([text.headers.code, text.headers.name]);
    expect(header).toContain(text.headers.currency);
    expect(rows).toHaveLength(26);
    const nameAt = header!.indexOf(text.headers.name);
    const valueAt = header!.indexOf(text.headers.value);
    const imported = rows.find((r) => r[nameAt] === `'${FORMULA}`);
    expect(imported?.[valueAt]).toBe('1234.50');
    expect(imported?.[header!.indexOf(text.headers.currency)]).toBe('CNY');

    // XLSX export: typed cells, bold frozen header, the same neutralised name.
    const xlsxOut = testInfo.outputPath('portfolio.xlsx');
    await download(page, lang, text.xlsx, xlsxOut);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxOut);
    const sheet = workbook.worksheets[0]!;
    const headerRow = sheet.getRow(1);
    expect(headerRow.getCell(1).value).toBe(text.headers.code);
    expect(headerRow.font?.bold ?? headerRow.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(27);
    const headers = (headerRow.values as unknown[]).slice(1);
    const nameCol = headers.indexOf(text.headers.name) + 1;
    const valueCol = headers.indexOf(text.headers.value) + 1;
    const pwinCol = headers.indexOf(text.headers.pwin) + 1;
    let found = false;
    sheet.eachRow((r, n) => {
      if (n === 1) return;
      expect(typeof r.getCell(valueCol).value).toBe('number');
      expect(typeof r.getCell(pwinCol).value).toBe('number');
      if (r.getCell(nameCol).value === `'${FORMULA}`) {
        found = true;
        expect(r.getCell(valueCol).value).toBe(1234.5);
        expect(r.getCell(valueCol).numFmt).toBe('#,##0.00');
      }
    });
    expect(found).toBe(true);

    // The wizard is in Settings too, for a database with no deals yet.
    await page.getByRole('menuitem', { name: text.settings, exact: true }).click();
    const section = page.getByText(text.importSection, { exact: true });
    await section.scrollIntoViewIfNeeded();
    await expect(page.getByRole('button', { name: text.import })).toBeVisible();
    await screenshot(page, 'exchange-settings');
    expect(alerts).toEqual([]);
  });

  test(`import accounts from an XLSX workbook in Settings (${lang})`, async ({
    page,
  }, testInfo) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['客户名称', '区域', '标签', '网站']);
    sheet.addRow(['南方电网', { formula: '"广"&"东"', result: '广东' }, '电力, 重点', XSS]);
    sheet.addRow([{ richText: [{ text: 'Acme ' }, { text: 'Ltd' }] }, '', '', '']);
    const path = testInfo.outputPath('accounts.xlsx');
    await workbook.xlsx.writeFile(path);

    await openApp(page, { lang, theme: 'light', route: '/settings' });
    const chooseIn = async () => {
      await page.getByRole('button', { name: text.import }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('.ant-radio-button-wrapper', { hasText: text.accounts }).click();
      await expect(dialog.getByRole('radio', { name: text.accounts })).toBeChecked();
      const chooser = page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: text.choose }).click();
      await (await chooser).setFiles(path);
      return dialog;
    };
    let dialog = await chooseIn();
    // The first workbook loads the XLSX reader's code: allow it more than a click's reaction.
    await expect(dialog.getByText(text.accountsReady)).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByRole('cell', { name: '广东' })).toBeVisible();
    await expect(dialog.getByRole('cell', { name: 'Acme Ltd' })).toBeVisible();
    await screenshot(page, 'exchange-import-xlsx');
    await dialog.getByRole('button', { name: text.confirm.replace('1', '2') }).click();
    await expect(page.getByText(text.accountsDone)).toBeVisible({ timeout: 60_000 });
    // The data as it was before the import is kept among the automatic backups.
    await expect(
      page
        .getByRole('table', { name: text.autoTitle })
        .getByRole('row')
        .filter({ hasText: text.beforeImport }),
    ).toHaveCount(1);

    // The same file again: every name now exists, so nothing can be imported.
    dialog = await chooseIn();
    await expect(dialog.getByText(text.accountExists)).toBeVisible();
    await expect(dialog.locator('.ant-modal-footer .ant-btn-primary')).toBeDisabled();
  });
}
