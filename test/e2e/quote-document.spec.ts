import { statSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import type { Lang } from './fixtures';
import { expect, flowLangs, openAppWithSample, screenshot, test } from './fixtures';

/** The quote document (print view, PDF and XLSX) of a sample deal's quote, in each language. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    sampleCount: '显示 25 / 25 个商机',
    companyTitle: '单据抬头',
    companyName: '公司名称',
    save: '保存',
    saved: '公司信息已保存',
    pdf: '报价单 PDF',
    xlsx: '报价单 XLSX',
    docTitle: '报价单',
    grandTotal: '价税合计',
    subtotalOf: (section: string) => `小计：${section}`,
    downloaded: '报价工作簿已下载为',
    quantityHeader: '数量',
  },
  en: {
    loadSample: 'Load sample portfolio',
    sampleCount: '25 of 25 deals',
    companyTitle: 'Company on documents',
    companyName: 'Company name',
    save: 'Save',
    saved: 'Company details saved',
    pdf: 'Quote PDF',
    xlsx: 'Quote XLSX',
    docTitle: 'Quotation',
    grandTotal: 'Total including tax',
    subtotalOf: (section: string) => `Subtotal: ${section}`,
    downloaded: 'Quote workbook downloaded as',
    quantityHeader: 'Qty',
  },
} as const;

/** Markup and a spreadsheet formula in one line description: both must stay plain text. */
const PAYLOAD = '=HYPERLINK("http://x","<img src=x onerror=window.__xss=1>")';
const COMPANY = 'Acme <b>Bids</b> & Co';

interface SampleQuote {
  dealId: string;
  dealCode: string;
  accountName: string;
  firstSection: string;
  lineCount: number;
  version: number;
}

/**
 * The sample's quote, changed in IndexedDB before the deal page reads it: the first line's
 * description becomes the payload and, when `copies` > 1, the lines are repeated into a long quote
 * (new ids, same figures). Returns what the test checks against.
 */
function prepareQuote(page: Page, copies: number, payload: string): Promise<SampleQuote> {
  return page.evaluate(
    ([copyCount, description]) =>
      new Promise<SampleQuote>((resolve, reject) => {
        const open = indexedDB.open('pursuit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          type Row = Record<string, unknown>;
          type Line = Row & { id: string; description: string };
          type Section = { id: string; name: string; lines: Line[] };
          const tx = db.transaction(['quotes', 'deals', 'accounts'], 'readwrite');
          const quotes = tx.objectStore('quotes').getAll();
          quotes.onsuccess = () => {
            const quote = (quotes.result as Row[]).find((q) => q.deletedAt === null);
            if (quote === undefined) {
              reject(new Error('the sample has no quote'));
              return;
            }
            const sections = quote.sections as Section[];
            const first = sections[0]?.lines[0];
            if (first === undefined) {
              reject(new Error('the sample quote has no line'));
              return;
            }
            first.description = description;
            if (copyCount > 1) {
              for (const section of sections) {
                const base = section.lines;
                section.lines = Array.from({ length: copyCount }, (_, copy) =>
                  base.map((line) => ({ ...line, id: `${line.id}-c${copy}` })),
                ).flat();
              }
            }
            tx.objectStore('quotes').put(quote);
            const deal = tx.objectStore('deals').get(quote.dealId as string);
            deal.onsuccess = () => {
              const dealRow = deal.result as Row;
              const account = tx.objectStore('accounts').get(dealRow.accountId as string);
              account.onsuccess = () => {
                tx.oncomplete = () => {
                  db.close();
                  resolve({
                    dealId: dealRow.id as string,
                    dealCode: dealRow.code as string,
                    accountName: (account.result as Row).name as string,
                    firstSection: sections[0]!.name,
                    lineCount: sections.reduce((n, s) => n + s.lines.length, 0),
                    version: quote.version as number,
                  });
                };
              };
            };
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [copies, payload] as const,
  );
}

async function loadSample(page: Page, lang: Lang) {
  const text = TEXT[lang];
  await openAppWithSample(page, { lang, theme: 'light' });
  await expect(page.getByText(text.sampleCount)).toBeVisible({ timeout: 60_000 });
}

/** Prints the page as the app does (the document only) to a PDF; returns its bytes. */
async function printPdf(page: Page, path: string): Promise<Buffer> {
  await page.evaluate(() => document.body.classList.add('printing-sheet'));
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, format: 'A4', margin: { top: '14mm', bottom: '14mm' } });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('printing-sheet'));
  return readFileSync(path);
}

/** Pages of a PDF file (its page objects; Chromium writes one per page). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

for (const lang of flowLangs('en')) {
  const text = TEXT[lang];

  test(`quote document: header, lines, totals as text; PDF and XLSX (${lang})`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    await loadSample(page, lang);
    const sample = await prepareQuote(page, 1, PAYLOAD);

    // The company's name on documents is set in Settings (typed markup stays text).
    await page.goto('/#/settings');
    const companyForm = page.getByRole('form', { name: text.companyTitle });
    const nameInput = companyForm.getByRole('textbox', { name: text.companyName, exact: true });
    await expect(nameInput).not.toHaveValue('', { timeout: 30_000 });
    await nameInput.fill(COMPANY);
    await companyForm.getByRole('button', { name: text.save }).click();
    await expect(page.getByText(text.saved)).toBeVisible();
    await screenshot(page, `quote-document-settings-${lang}`);

    await page.goto(`/#/deals/${sample.dealId}/overview`);
    await expect(page.getByRole('button', { name: text.xlsx })).toBeEnabled({ timeout: 30_000 });
    await screenshot(page, `quote-document-header-${lang}`);
    await page.getByRole('button', { name: text.pdf }).click();
    const sheet = page.locator('article.quote-document-sheet');
    await expect(sheet).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(text.docTitle);
    await expect(sheet.locator('.qd-company-name')).toHaveText(COMPANY);
    await expect(sheet.locator('[data-field="customer"]')).toHaveText(sample.accountName);
    await expect(sheet.locator('[data-field="number"]')).toHaveText(
      `${sample.dealCode}-V${sample.version}`,
    );
    await expect(sheet.locator('tr[data-line]')).toHaveCount(sample.lineCount);
    await expect(sheet.locator('tr[data-line="1.1"] .qd-description')).toHaveText(PAYLOAD);
    await expect(sheet.getByText(text.subtotalOf(sample.firstSection))).toBeVisible();
    await expect(sheet.getByText(text.grandTotal).first()).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('.quote-document-sheet b')).toHaveCount(0);

    // The figures shown add up: the grand total is the net total plus the tax.
    const grand = await sheet.locator('[data-total="grand"]').innerText();
    const net = await sheet.locator('[data-total="net"]').innerText();
    const tax = await sheet.locator('[data-total="tax"]').innerText();
    const amount = (s: string) => Math.round(Number(s.replace(/[^\d.]/g, '')) * 100);
    expect(amount(grand)).toBe(amount(net) + amount(tax));
    expect(amount(grand)).toBeGreaterThan(0);
    // Internal figures never reach the customer's document.
    await expect(sheet).not.toContainText(/cost|margin|成本|毛利/i);
    await screenshot(page, `quote-document-${lang}`);

    const pdfPath = testInfo.outputPath(`quote-${lang}.pdf`);
    const pdf = await printPdf(page, pdfPath);
    expect(statSync(pdfPath).size).toBeGreaterThan(5_000);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    // The print view as Chromium lays it out for paper, to look at.
    await page.evaluate(() => document.body.classList.add('printing-sheet'));
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, `quote-document-print-${lang}`);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('printing-sheet'));
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();

    // XLSX: numbers stay numbers (money with the currency format), the payload is plain text.
    const event = page.waitForEvent('download');
    await page.getByRole('button', { name: text.xlsx }).click();
    const download = await event;
    const xlsxPath = testInfo.outputPath(`quote-${lang}.xlsx`);
    await download.saveAs(xlsxPath);
    await expect(page.getByText(text.downloaded)).toBeVisible();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const ws = workbook.worksheets[0]!;
    let headerRow = 0;
    ws.eachRow((row, index) => {
      if (row.getCell(5).value === text.quantityHeader) headerRow = index;
    });
    expect(headerRow).toBeGreaterThan(0);
    const line = ws.getRow(headerRow + 2);
    expect(line.getCell(1).value).toBe('1.1');
    expect(line.getCell(3).value).toBe(`'${PAYLOAD}`);
    expect(line.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(typeof line.getCell(5).value).toBe('number');
    for (const column of [6, 8, 10, 11]) {
      expect(typeof line.getCell(column).value).toBe('number');
      expect(line.getCell(column).numFmt).toMatch(/#,##0/);
    }
    expect(typeof line.getCell(7).value).toBe('number');
    let formulas = 0;
    let grandInSheet: number | null = null;
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas += 1;
      });
      if (row.getCell(3).value === text.grandTotal) grandInSheet = row.getCell(11).value as number;
    });
    expect(formulas).toBe(0);
    expect(grandInSheet).not.toBeNull();
    expect(Math.round((grandInSheet ?? 0) * 100)).toBe(amount(grand));
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });
}

test('a 1,000-line quote paginates with the column headings on every page', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await loadSample(page, 'en');
  // The sample quote has 7 lines: 143 copies of each make 1,001 lines.
  const sample = await prepareQuote(page, 143, 'Rack server, 2 × 32-core CPU, 512 GB memory');
  expect(sample.lineCount).toBeGreaterThanOrEqual(1_000);
  await page.goto(`/#/deals/${sample.dealId}/overview`);
  await page.getByRole('button', { name: TEXT.en.pdf }).click();
  const sheet = page.locator('article.quote-document-sheet');
  await expect(sheet).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect(sheet.locator('tr[data-line]')).toHaveCount(sample.lineCount, { timeout: 60_000 });

  await page.evaluate(() => document.body.classList.add('printing-sheet'));
  await page.emulateMedia({ media: 'print' });
  // In print, the headings are a header group (Chromium repeats it on each page) and nothing but
  // the document is laid out, so nothing clips the table to one page.
  expect(
    await sheet.evaluate((article) => getComputedStyle(article.querySelector('thead')!).display),
  ).toBe('table-header-group');
  expect(
    await page.evaluate(() => getComputedStyle(document.querySelector('#root')!).display),
  ).toBe('none');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('printing-sheet'));

  const pdf = await printPdf(page, testInfo.outputPath('quote-1000.pdf'));
  // About 30 lines a page: a 1,000-line quote takes dozens of pages, not one clipped page.
  expect(pageCount(pdf)).toBeGreaterThan(20);
});
