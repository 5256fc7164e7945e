import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Lang } from './fixtures';
import { expect, flowLangs, openApp, portfolioRows, screenshot, test } from './fixtures';

/**
 * A full disk: once the test says so, every IndexedDB write in the page fails as a full disk does
 * (`QuotaExceededError`). The user's unsaved form must stay as typed, the banner must say what
 * happened and offer to export, and the export (which only reads) must still give a whole backup.
 */

const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    count: (n: number) => `显示 ${n} / ${n} 个商机`,
    newDeal: '新建商机',
    create: '创建商机',
    name: '商机名称',
    account: '客户',
    owner: '负责人',
    value: '金额',
    bannerTitle: '磁盘空间已满，Pursuit 无法保存',
    exportNow: '立即导出备份',
    dismiss: '知道了',
    downloaded: '备份已下载为',
  },
  en: {
    loadSample: 'Load sample portfolio',
    count: (n: number) => `${n} of ${n} deals`,
    newDeal: 'New deal',
    create: 'Create deal',
    name: 'Deal name',
    account: 'Account',
    owner: 'Owner',
    value: 'Value',
    bannerTitle: 'The disk is full, so Pursuit could not save',
    exportNow: 'Export backup now',
    dismiss: 'Dismiss',
    downloaded: 'Backup downloaded as',
  },
} as const satisfies Record<Lang, unknown>;

const XSS = '<img src=x onerror="window.__xss=1">';

/**
 * Before any app script: `window.__pursuitDiskFull = true` makes every `put` and `add` of an
 * object store throw the error a full disk gives, as IndexedDB does when the quota is reached.
 */
async function simulateFullDisk(page: Page) {
  await page.addInitScript(() => {
    const proto = IDBObjectStore.prototype;
    for (const method of ['put', 'add'] as const) {
      const original = proto[method];
      proto[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
        if ((window as { __pursuitDiskFull?: boolean }).__pursuitDiskFull === true) {
          throw new DOMException('The disk is full', 'QuotaExceededError');
        }
        return original.apply(this, args);
      };
    }
  });
}

function selectFirstOption(page: Page) {
  return page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
}

interface BackupFile {
  format: string;
  tables: Record<string, { name?: string }[]>;
}

for (const lang of flowLangs('en')) {
  const text = TEXT[lang];

  test(`a full disk shows the banner, keeps the form and still exports (${lang})`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await simulateFullDisk(page);
    await openApp(page, { lang, theme: 'light', route: '/deals' });
    await page.getByRole('button', { name: text.loadSample }).click();
    await expect(page.getByText(text.count(25))).toBeVisible({ timeout: 30_000 });

    // A new deal, typed in full; the disk fills up before it is saved.
    await page.getByRole('button', { name: text.newDeal }).click();
    const drawer = page.getByRole('dialog');
    const name = `Full disk ${XSS}`;
    await drawer.getByLabel(text.name, { exact: true }).fill(name);
    await drawer.getByLabel(text.value, { exact: true }).fill('880000');
    await drawer.getByLabel(text.account, { exact: true }).click();
    await selectFirstOption(page);
    await drawer.getByLabel(text.owner, { exact: true }).click();
    await selectFirstOption(page);
    await page.evaluate(() => {
      (window as { __pursuitDiskFull?: boolean }).__pursuitDiskFull = true;
    });
    await drawer.getByRole('button', { name: text.create }).click();

    // The banner says what happened and offers the export.
    const banner = page.getByTestId('storage-full');
    await expect(banner).toBeVisible();
    await expect(banner.getByText(text.bannerTitle)).toBeVisible();
    const exportButton = banner.getByRole('button', { name: text.exportNow });
    await expect(exportButton).toBeVisible();
    // What was on screen stays: the form is open with what the user typed, and the list is whole.
    await expect(drawer).toBeVisible();
    await expect(drawer.getByLabel(text.name, { exact: true })).toHaveValue(name);
    await expect(page.getByText(text.count(25))).toBeVisible();
    await screenshot(page, 'storage-full-form');

    // Close the form (nothing was saved) and look at the banner over the portfolio.
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(banner).toBeVisible();
    await expect(portfolioRows(page).first()).toBeVisible();
    await screenshot(page, 'storage-full');

    // The export still works on a full disk: it only reads.
    const download = page.waitForEvent('download');
    await exportButton.focus();
    await page.keyboard.press('Enter');
    const file = await download;
    const path = testInfo.outputPath(file.suggestedFilename());
    await file.saveAs(path);
    await expect(page.getByText(text.downloaded)).toBeVisible();
    const backup = JSON.parse(readFileSync(path, 'utf8')) as BackupFile;
    expect(backup.format).toBe('pursuit-backup');
    expect(backup.tables.deals).toHaveLength(25);
    expect(backup.tables.deals?.some((deal) => deal.name === name)).toBe(false);

    // Dismissed, the banner goes; nothing the user typed ran as markup.
    await banner.getByRole('button', { name: text.dismiss }).click();
    await expect(banner).toBeHidden();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });
}
