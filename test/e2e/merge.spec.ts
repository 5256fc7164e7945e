import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Lang } from './fixtures';
import { expect, flowLangs, openAppWithSample, portfolioRows, screenshot, test } from './fixtures';

const XSS = '<img src=x onerror=alert(1)>';

/** The strings a user reads, in each language. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    count: (n: number) => `显示 ${n} / ${n} 个商机`,
    deals: '商机',
    settings: '设置',
    moveToTrash: '移到回收站',
    exportBackup: '导出备份…',
    mergeBackup: '从备份合并…',
    confirm: '合并',
    takeTheirs: '采用对方的',
    keepMine: '保留我的',
    allMine: '全部保留我的',
    done: '已合并',
    added: '新增记录：1 条',
    replaced: '采用对方版本的记录：1 条',
    autoTitle: '自动备份',
    beforeImport: '导入之前',
    newer: '较新',
    accountsRow: '客户',
    close: '关闭',
  },
  en: {
    loadSample: 'Load sample portfolio',
    count: (n: number) => `${n} of ${n} deals`,
    deals: 'Deals',
    settings: 'Settings',
    moveToTrash: 'Move to trash',
    exportBackup: 'Export backup…',
    mergeBackup: 'Merge from backup…',
    confirm: 'Merge',
    takeTheirs: 'Take theirs',
    keepMine: 'Keep mine',
    allMine: 'Keep all mine',
    done: 'Merged',
    added: 'Records added: 1',
    replaced: 'Records replaced by their version: 1',
    autoTitle: 'Automatic backups',
    beforeImport: 'Before an import',
    newer: 'newer',
    accountsRow: 'Accounts',
    close: 'Close',
  },
} as const satisfies Record<Lang, unknown>;

interface BackupFile {
  tables: Record<string, Record<string, unknown>[]>;
}

async function goTo(page: Page, name: string) {
  await page.getByRole('menuitem', { name, exact: true }).click();
}

function footerOf(page: Page) {
  return page.getByRole('dialog').locator('.ant-modal-footer');
}

for (const lang of flowLangs('zh-CN')) {
  const text = TEXT[lang];

  test(`merge a colleague's copy of a backup back, settling a conflict (${lang})`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(150_000);
    // Any script run by the payload would open a dialog: fail on it.
    page.on('dialog', (dialog) => {
      throw new Error(`A dialog opened: ${dialog.message()}`);
    });
    await openAppWithSample(page, { lang, theme: 'light' });
    await expect(page.getByText(text.count(25))).toBeVisible({ timeout: 30_000 });

    // A backup, as a colleague would receive it.
    await goTo(page, text.settings);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: text.exportBackup }).click();
    const exported = await download;
    const backupPath = testInfo.outputPath('mine.json');
    await exported.saveAs(backupPath);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as BackupFile;
    const deals = backup.tables.deals!;
    const renamed = deals[0]!;
    const trashed = deals[1]!;

    // The colleague renames one deal (later than anything here) and adds an account.
    const theirs = structuredClone(backup);
    const theirDeal = theirs.tables.deals![0]!;
    theirDeal.name = `${XSS} ${String(renamed.name)}`;
    theirDeal.updatedAt = Date.now() + 3_600_000;
    const account = structuredClone(theirs.tables.accounts![0]!);
    account.id = '0a0a0a0a-0000-4000-8000-00000000beef';
    account.name = '华东电网新客户 East Grid';
    theirs.tables.accounts!.push(account);
    const theirsPath = testInfo.outputPath('theirs.json');
    writeFileSync(theirsPath, JSON.stringify(theirs));

    // Meanwhile, here, another deal goes to the trash (a newer change than the backup's).
    await goTo(page, text.deals);
    // By code: the sample may hold two deals of the same name.
    await portfolioRows(page)
      .filter({ hasText: String(trashed.code) })
      .getByRole('button', { name: `${text.moveToTrash} ${String(trashed.code)}` })
      .click();
    await expect(page.getByText(text.count(24))).toBeVisible();

    // Merge the colleague's file.
    await goTo(page, text.settings);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: text.mergeBackup }).click();
    await (await chooser).setFiles(theirsPath);
    const dialog = page.getByRole('dialog');
    await expect(footerOf(page).getByRole('button', { name: text.confirm })).toBeVisible({
      timeout: 60_000,
    });
    await expect(
      dialog.getByRole('row', { name: new RegExp(`^${text.accountsRow} `) }).getByRole('cell'),
    ).toHaveText([text.accountsRow, '1', String(backup.tables.accounts!.length), '0']);

    // The renamed deal: both versions field by field, the payload shown as text, theirs preselected.
    const conflict = dialog.getByTestId('merge-conflict').filter({ hasText: String(renamed.code) });
    await expect(conflict.getByText(`${XSS} ${String(renamed.name)}`)).toBeVisible();
    await expect(conflict.getByText(String(renamed.name), { exact: true })).toBeVisible();
    await expect(conflict.getByText(text.newer)).toBeVisible();
    await expect(conflict.getByRole('radio', { name: text.takeTheirs })).toBeChecked();
    expect(await dialog.locator('img[src="x"]').count()).toBe(0);
    await screenshot(page, 'merge-conflicts');

    // "Keep all mine", then take theirs for the renamed deal only.
    await dialog.getByRole('button', { name: text.allMine }).click();
    await expect(conflict.getByRole('radio', { name: text.keepMine })).toBeChecked();
    await conflict.getByText(text.takeTheirs, { exact: true }).click();
    await expect(conflict.getByRole('radio', { name: text.takeTheirs })).toBeChecked();

    await footerOf(page).getByRole('button', { name: text.confirm }).click();
    await expect(dialog.getByText(text.done)).toBeVisible({ timeout: 60_000 });
    await expect(dialog.getByText(text.added)).toBeVisible();
    await expect(dialog.getByText(text.replaced)).toBeVisible();
    await screenshot(page, 'merge-summary');
    await footerOf(page).getByRole('button', { name: text.close }).click();
    await expect(dialog).toBeHidden();

    // The data before the merge was backed up first.
    const automatic = page.getByRole('table', { name: text.autoTitle });
    await expect(automatic.getByRole('row').filter({ hasText: text.beforeImport })).toHaveCount(1);

    // The merged data: their name for the deal (as text), my trashed deal still in the trash.
    await goTo(page, text.deals);
    await expect(page.getByText(text.count(24))).toBeVisible();
    await expect(
      portfolioRows(page).filter({ hasText: `${XSS} ${String(renamed.name)}` }),
    ).toHaveCount(1);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await screenshot(page, 'merge-merged-deals');
  });
}
