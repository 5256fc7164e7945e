import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
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
    fromStandard: '用标准投标计划创建',
    created: '已按标准投标计划创建计划。',
    gold: '金队评审',
    design: '解决方案设计',
    submission: '递交投标文件',
    saveTemplate: '另存为模板',
    templateName: '模板名称',
    saveOk: '保存模板',
    saved: /已另存为模板/,
    picker: '计划模板',
    fromSaved: (name: string) => `用“${name}”创建`,
    createdFrom: (name: string) => `已按模板“${name}”创建计划。`,
    exportChart: '导出',
    msp: '计划导出为 MS Project XML',
    mspDownloaded: /计划已下载为/,
    mspImport: '从 MS Project 导入…',
    mspConfirm: '导入',
    mspSummary: /将向本计划添加 \d+ 个任务、\d+ 个里程碑、\d+ 条依赖关系/,
    mspImported: /已导入 \d+ 个任务/,
    mspRefused: /无法导入/,
    mspNotXml: /不是格式正确的 XML/,
    close: '关闭',
    svg: '导出为 SVG',
    png: '导出为 PNG 图片',
    downloaded: /甘特图已下载为/,
    section: '计划模板',
    rename: '重命名',
    renameOk: '重命名',
    renamed: /模板已重命名为/,
    delete: '删除',
    deleted: /已删除模板/,
    undo: '撤销',
    none: '还没有模板',
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
    fromStandard: 'Create from standard bid plan',
    created: 'Plan created from the standard bid plan.',
    gold: 'Gold team review',
    design: 'Solution design',
    submission: 'Proposal submission',
    saveTemplate: 'Save as template',
    templateName: 'Template name',
    saveOk: 'Save template',
    saved: /Saved as the template/,
    picker: 'Plan template',
    fromSaved: (name: string) => `Create from “${name}”`,
    createdFrom: (name: string) => `Plan created from the template “${name}”.`,
    exportChart: 'Export',
    msp: 'Plan as MS Project XML',
    mspDownloaded: /Plan downloaded as/,
    mspImport: 'Import from MS Project…',
    mspConfirm: 'Import',
    mspSummary: /\d+ tasks, \d+ milestones, \d+ links and \d+ assignments will be added/,
    mspImported: /Imported \d+ tasks/,
    mspRefused: /cannot be imported/,
    mspNotXml: /not well-formed XML/,
    close: 'Close',
    svg: 'Chart as SVG',
    png: 'Chart as PNG image',
    downloaded: /Chart downloaded as/,
    section: 'Plan templates',
    rename: 'Rename',
    renameOk: 'Rename',
    renamed: /Template renamed to/,
    delete: 'Delete',
    deleted: /Template .* deleted/,
    undo: 'Undo',
    none: 'No templates yet',
  },
} as const;

const XSS = '<img src=x onerror="window.__xss=1">';

/** Exported files are kept beside the screenshots, to look at. */
const SCREENS =
  process.env.PURSUIT_SCREENS ?? resolve(import.meta.dirname, '../../test-results/screens');

function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Creates a deal through the deal form (the portfolio is loaded); returns its id. */
async function createDeal(page: Page, lang: Lang, name: string, dueIn: number): Promise<string> {
  const text = TEXT[lang];
  await page.goto('/#/deals');
  await page.getByRole('button', { name: text.newDeal }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel(text.name, { exact: true }).fill(name);
  await drawer.getByLabel(text.value, { exact: true }).fill('1800000');
  await drawer.getByLabel(text.account, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await drawer.getByLabel(text.owner, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  const due = drawer.getByLabel(text.submissionDue, { exact: true });
  await due.click();
  await due.fill(daysFromToday(dueIn));
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

/** The task names of the plan grid, in order. */
async function planNames(page: Page): Promise<string[]> {
  const rows = page.getByRole('grid').getByRole('row');
  const count = await rows.count();
  const names: string[] = [];
  for (let i = 1; i < count; i++) {
    names.push((await rows.nth(i).getByRole('gridcell').nth(2).textContent()) ?? '');
  }
  return names;
}

async function exported(
  page: Page,
  lang: Lang,
  item: string,
  downloaded: RegExp = TEXT[lang].downloaded,
): Promise<{ file: Download; bytes: Buffer }> {
  const text = TEXT[lang];
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: text.exportChart, exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
  const file = await download;
  const path = await file.path();
  // The message of this export (an earlier export's message may still be on screen).
  await expect(
    page.getByText(downloaded).filter({ hasText: file.suggestedFilename() }),
  ).toBeVisible();
  return { file, bytes: await readFile(path) };
}

/**
 * Loads the sample portfolio and creates a deal whose plan comes from the standard template, with
 * one task renamed to markup; the plan tab is open. Returns the deal's id and the plan's names.
 */
async function sampleWithSourcePlan(page: Page, lang: Lang, name: string) {
  const text = TEXT[lang];
  await openAppWithSample(page, { lang, theme: 'light' });
  await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 30_000 });
  const sourceId = await createDeal(page, lang, name, 70);
  await page.goto(`/#/deals/${sourceId}/plan`);
  await page.getByRole('button', { name: text.fromStandard }).click();
  await expect(page.getByText(text.created)).toBeVisible();
  await gridRow(page, text.gold).getByRole('gridcell').nth(2).click();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('grid').getByRole('textbox');
  await editor.fill(XSS);
  await editor.press('Enter');
  await expect(gridRow(page, XSS)).toBeVisible();
  return { sourceId, sourceNames: await planNames(page) };
}

/** Waits for an antd modal to finish opening, so a screenshot shows it whole. */
async function modalSettled(page: Page) {
  await expect(page.locator('.ant-modal[class*="zoom-"]')).toHaveCount(0);
}

for (const lang of flowLangs('en')) {
  const text = TEXT[lang];

  test(`plan templates and chart export (${lang})`, async ({ page }) => {
    test.setTimeout(420_000);
    const { sourceNames } = await sampleWithSourcePlan(page, lang, `Template source ${lang}`);

    // Export the chart as SVG: the name is text in the file, never an element or a handler.
    const svg = await exported(page, lang, text.svg);
    expect(svg.file.suggestedFilename()).toMatch(/-gantt-\d{4}-\d{2}-\d{2}\.svg$/);
    const svgText = svg.bytes.toString('utf8');
    expect(svgText.startsWith('<?xml')).toBe(true);
    expect(svgText).toContain('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;');
    expect(svgText).not.toContain('<img');
    expect(svgText).not.toContain('<script');
    expect(svgText).not.toMatch(/<[^>]*\son[a-z]+=/i);
    for (const name of [text.design, text.submission]) expect(svgText).toContain(name);
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent),
      };
    }, svgText);
    expect(parsed.errors).toBe(0);
    expect(parsed.texts).toContain(XSS);

    // And as PNG: a PNG file at twice the SVG's size.
    const png = await exported(page, lang, text.png);
    expect(png.file.suggestedFilename()).toMatch(/-gantt-\d{4}-\d{2}-\d{2}\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.bytes.readUInt32BE(16)).toBe(parsed.width * 2);
    expect(png.bytes.readUInt32BE(20)).toBe(parsed.height * 2);
    await svg.file.saveAs(resolve(SCREENS, `plan-export-${lang}.svg`));
    await png.file.saveAs(resolve(SCREENS, `plan-export-${lang}.png`));

    // Save the plan as a template whose name holds markup.
    const templateName = `Tender ${XSS}`;
    await page.getByRole('button', { name: text.saveTemplate }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(text.templateName).fill(templateName);
    await screenshot(page, 'plan-save-template');
    await dialog.getByRole('button', { name: text.saveOk }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(text.saved)).toBeVisible();

    // A new deal's plan starts from it: the same rows, laid out from its own date.
    const targetId = await createDeal(page, lang, `Template target ${lang}`, 90);
    await page.goto(`/#/deals/${targetId}/plan`);
    const picker = page.getByRole('combobox', { name: text.picker });
    await picker.click();
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: templateName });
    await expect(option).toBeVisible();
    await screenshot(page, 'plan-template-picker');
    await option.click();
    await page.getByRole('button', { name: text.fromSaved(templateName) }).click();
    await expect(page.getByText(text.createdFrom(templateName))).toBeVisible();
    await expect(gridRow(page, XSS)).toBeVisible();
    expect(await planNames(page)).toEqual(sourceNames);
    await expect(page.locator('main img')).toHaveCount(0);

    // Settings → Plan templates: rename, delete, undo.
    await page.goto('/#/settings');
    const table = page.getByRole('region', { name: text.section });
    await expect(table.getByText(templateName)).toBeVisible();
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-plan-templates');
    await table.getByRole('button', { name: `${text.rename} ${templateName}` }).click();
    const rename = page.getByRole('dialog');
    const renamed = `Framework ${lang}`;
    await rename.getByRole('textbox').fill(renamed);
    await rename.getByRole('button', { name: text.renameOk }).click();
    await expect(page.getByText(text.renamed)).toBeVisible();
    await expect(table.getByText(renamed)).toBeVisible();
    await table.getByRole('button', { name: `${text.delete} ${renamed}` }).click();
    // The message (with its Undo) stays while the pointer is on it.
    const deleted = page.locator('.ant-message-notice').filter({ hasText: text.deleted });
    await deleted.hover();
    await expect(table.getByText(text.none)).toBeVisible();
    await deleted.getByRole('button', { name: text.undo }).click({ timeout: 15_000 });
    await expect(table.getByText(renamed)).toBeVisible();

    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  test(`plan to MS Project XML and back (${lang})`, async ({ page }) => {
    test.setTimeout(300_000);
    const { sourceId, sourceNames } = await sampleWithSourcePlan(page, lang, `MSP source ${lang}`);

    // The plan as MS Project XML: well-formed, names as text, links and the calendar in it.
    const msp = await exported(page, lang, text.msp, text.mspDownloaded);
    expect(msp.file.suggestedFilename()).toMatch(/-plan-\d{4}-\d{2}-\d{2}\.xml$/);
    const mspText = msp.bytes.toString('utf8');
    expect(mspText).toContain('<Project xmlns="http://schemas.microsoft.com/project">');
    expect(mspText).toContain('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;');
    expect(mspText).not.toContain('<img');
    expect(mspText).toContain('<PredecessorLink>');
    expect(mspText).toContain('<WeekDays>');
    const mspPath = resolve(SCREENS, `plan-export-${lang}.xml`);
    await msp.file.saveAs(mspPath);

    // Imported into a new deal, it gives the same plan; a file that is not XML changes nothing.
    const importId = await createDeal(page, lang, `MS Project target ${lang}`, 80);
    await page.goto(`/#/deals/${importId}/plan`);
    const notXml = resolve(SCREENS, `not-a-plan-${lang}.xml`);
    await mkdir(SCREENS, { recursive: true });
    await writeFile(notXml, 'Task,Start\nWrite,2026-12-01\n');
    let chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: text.mspImport }).click();
    await (await chooser).setFiles(notXml);
    const refused = page.getByRole('dialog');
    await expect(refused.getByText(text.mspRefused)).toBeVisible();
    await expect(refused.getByText(text.mspNotXml)).toBeVisible();
    await modalSettled(page);
    await screenshot(page, 'plan-import-refused');
    await refused.locator('.ant-modal-footer').getByRole('button', { name: text.close }).click();
    await expect(refused).toBeHidden();
    chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: text.mspImport }).click();
    await (await chooser).setFiles(mspPath);
    const confirm = page.getByRole('dialog');
    await expect(confirm.getByText(text.mspSummary)).toBeVisible();
    await modalSettled(page);
    await screenshot(page, 'plan-import-confirm');
    await confirm.getByRole('button', { name: text.mspConfirm, exact: true }).click();
    await expect(page.getByText(text.mspImported)).toBeVisible();
    await expect(gridRow(page, XSS)).toBeVisible();
    expect(await planNames(page)).toEqual(sourceNames);
    await expect(page.locator('main img')).toHaveCount(0);
    await screenshot(page, 'plan-imported');
    await page.goto(`/#/deals/${sourceId}/plan`);
    await expect(gridRow(page, XSS)).toBeVisible();

    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });
}
