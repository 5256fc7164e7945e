import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { serializeBackup } from '@shared/backup/format';
import type { Lang } from './fixtures';
import { expect, flowLangs, openApp, portfolioRows, screenshot, test } from './fixtures';

/** The strings a user reads, in each language. */
const TEXT = {
  'zh-CN': {
    loadSample: '载入示例组合',
    count: (n: number) => `显示 ${n} / ${n} 个商机`,
    deals: '商机',
    trash: '回收站',
    settings: '设置',
    moveToTrash: '移到回收站',
    exportBackup: '导出备份…',
    preparing: '正在准备备份… 0%',
    restoreBackup: '从备份恢复…',
    downloaded: '备份已下载为',
    dealsRow: '商机',
    replace: '替换全部数据',
    restored: '备份已恢复',
    invalid: '此文件无法恢复，未做任何更改。',
    badRecord: '商机（“deals”）第 4 条记录',
    field: '字段',
    close: '关闭',
    autoTitle: '自动备份',
    beforeRestore: '恢复之前',
    restoreAuto: /^恢复 .* 的备份$/,
    restoring: '正在恢复…',
    deleteAuto: /^删除 .* 的备份$/,
    deleteConfirm: '删除',
    deleteQuestion: /删除 .* 的自动备份？/,
    deleted: /^已删除 .* 的自动备份。$/,
    cancel: '取消',
  },
  en: {
    loadSample: 'Load sample portfolio',
    count: (n: number) => `${n} of ${n} deals`,
    deals: 'Deals',
    trash: 'Trash',
    settings: 'Settings',
    moveToTrash: 'Move to trash',
    exportBackup: 'Export backup…',
    preparing: 'Preparing the backup… 0%',
    restoreBackup: 'Restore from backup…',
    downloaded: 'Backup downloaded as',
    dealsRow: 'Deals',
    replace: 'Replace all data',
    restored: 'Backup restored',
    invalid: 'This file cannot be restored. Nothing was changed.',
    badRecord: 'Deals (“deals”), record 4',
    field: 'Field',
    close: 'Close',
    autoTitle: 'Automatic backups',
    beforeRestore: 'Before a restore',
    restoreAuto: /^Restore the backup of /,
    restoring: 'Restoring…',
    deleteAuto: /^Delete the backup of /,
    deleteConfirm: 'Delete',
    deleteQuestion: /Delete the automatic backup of .*\?/,
    deleted: /^The automatic backup of .* was deleted\.$/,
    cancel: 'Cancel',
  },
} as const satisfies Record<Lang, unknown>;

interface BackupFile {
  format: string;
  formatVersion: number;
  tables: Record<string, Record<string, unknown>[]>;
}

async function loadSample(page: Page, lang: Lang) {
  await openApp(page, { lang, theme: 'light', route: '/deals' });
  await page.getByRole('button', { name: TEXT[lang].loadSample }).click();
  // Loading the sample writes a few thousand records: allow it longer than a click's reaction.
  await expect(page.getByText(TEXT[lang].count(25))).toBeVisible({ timeout: 30_000 });
}

async function goTo(page: Page, name: string) {
  await page.getByRole('menuitem', { name, exact: true }).click();
}

/** The restore dialog's own buttons (its title bar has a "Close" icon button too). */
function footerOf(page: Page) {
  return page.getByRole('dialog').locator('.ant-modal-footer');
}

/** Chooses `path` in the restore file picker and waits for the dialog's verdict. */
async function chooseBackup(page: Page, lang: Lang, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: TEXT[lang].restoreBackup }).click();
  await (await chooser).setFiles(path);
  const dialog = page.getByRole('dialog');
  // Checking ends with the summary (and its confirmation) or with the problems (and Close).
  const footer = footerOf(page);
  await expect(
    footer
      .getByRole('button', { name: TEXT[lang].close })
      .or(footer.getByRole('button', { name: TEXT[lang].replace })),
  ).toBeVisible({ timeout: 60_000 });
  return dialog;
}

for (const lang of flowLangs('zh-CN')) {
  const text = TEXT[lang];

  test(`export a backup, restore it, and refuse a corrupted one (${lang})`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await loadSample(page, lang);

    // Export: a download named after today, holding every table.
    await goTo(page, text.settings);
    await expect(page.getByRole('button', { name: text.exportBackup })).toBeVisible();
    await screenshot(page, 'backup-settings');
    // The export worker's code is held back until the progress has been seen: while it is, the
    // backup is being prepared and the page says so.
    let releaseWorker: () => void = () => undefined;
    const workerHeld = new Promise<void>((resolve) => (releaseWorker = resolve));
    await page.route('**/export.worker-*.js', async (route) => {
      await workerHeld;
      await route.continue();
    });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: text.exportBackup }).click();
    await expect(page.getByRole('progressbar', { name: text.preparing })).toBeVisible();
    await screenshot(page, 'backup-exporting');
    releaseWorker();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^pursuit-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backupPath = testInfo.outputPath(file.suggestedFilename());
    await file.saveAs(backupPath);
    await expect(page.getByText(text.downloaded)).toBeVisible();
    const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as BackupFile;
    expect(backup.format).toBe('pursuit-backup');
    expect(backup.tables.deals).toHaveLength(25);

    // Change the data after the backup: one deal goes to the trash.
    await goTo(page, text.deals);
    await portfolioRows(page)
      .first()
      .getByRole('button', { name: new RegExp(text.moveToTrash) })
      .click();
    await expect(page.getByText(text.count(24))).toBeVisible();

    // Restore: the summary first, then, on confirmation, the data as it was.
    await goTo(page, text.settings);
    const dialog = await chooseBackup(page, lang, backupPath);
    await expect(dialog.getByText(file.suggestedFilename())).toBeVisible();
    const dealsRow = dialog.getByRole('row', { name: new RegExp(`^${text.dealsRow} `) });
    await expect(dealsRow.getByRole('cell')).toHaveText([text.dealsRow, '25', '25']);
    await screenshot(page, 'backup-restore-summary');
    await footerOf(page).getByRole('button', { name: text.replace }).click();
    // A restore backs up the current data first, then writes the backup: long work, with progress.
    await expect(page.getByText(text.restored)).toBeVisible({ timeout: 60_000 });
    await expect(dialog).toBeHidden();

    await goTo(page, text.deals);
    await expect(page.getByText(text.count(25))).toBeVisible();
    await goTo(page, text.trash);
    await expect(page.locator('.ant-table-tbody .ant-table-row')).toHaveCount(0);

    // A corrupted file: refused, naming table, record and field; nothing changes.
    const corrupted = structuredClone(backup);
    const deal = corrupted.tables.deals![3]!;
    (deal.value as Record<string, unknown>).amountMinor = 'a lot';
    const corruptedPath = testInfo.outputPath('corrupted.json');
    writeFileSync(corruptedPath, JSON.stringify(corrupted));
    await goTo(page, text.settings);
    const refused = await chooseBackup(page, lang, corruptedPath);
    await expect(refused.getByText(text.invalid)).toBeVisible();
    const problem = refused.getByRole('listitem').filter({ hasText: text.badRecord });
    await expect(problem).toContainText(String(deal.id));
    await expect(problem).toContainText(`${text.field} value.amountMinor`);
    await screenshot(page, 'backup-restore-errors');
    await footerOf(page).getByRole('button', { name: text.close }).click();
    await expect(refused).toBeHidden();

    // A backup over the 50 MB one-message limit (padded with whitespace, still valid JSON) is
    // read and checked like any other; cancelling leaves the data as it was.
    const raw = readFileSync(backupPath, 'utf8');
    const largePath = testInfo.outputPath('large.json');
    writeFileSync(largePath, `{${' '.repeat(51 * 1024 * 1024)}${raw.slice(1)}`);
    const large = await chooseBackup(page, lang, largePath);
    await expect(large.getByText('large.json')).toBeVisible();
    await expect(
      large.getByRole('row', { name: new RegExp(`^${text.dealsRow} `) }).getByRole('cell'),
    ).toHaveText([text.dealsRow, '25', '25']);
    await footerOf(page).getByRole('button', { name: text.cancel }).click();
    await expect(large).toBeHidden();

    await goTo(page, text.deals);
    await expect(page.getByText(text.count(25))).toBeVisible();

    // The restore first backed up the data it replaced (one of the 25 deals in the trash):
    // restoring that brings it back.
    await goTo(page, text.settings);
    const automatic = page.getByRole('table', { name: text.autoTitle });
    const before = automatic.getByRole('row').filter({ hasText: text.beforeRestore });
    await expect(before).toHaveCount(1);
    await before.scrollIntoViewIfNeeded();
    await screenshot(page, 'backup-automatic');
    await before.getByRole('button', { name: text.restoreAuto }).click();
    const stored = page.getByRole('dialog');
    await expect(
      stored.getByRole('row', { name: new RegExp(`^${text.dealsRow} `) }).getByRole('cell'),
    ).toHaveText([text.dealsRow, '25', '25']);
    await footerOf(page).getByRole('button', { name: text.replace }).click();
    // A restore backs up the current data first, then writes the backup: long work, with progress.
    await expect(page.getByText(text.restored)).toBeVisible({ timeout: 60_000 });
    await expect(automatic.getByRole('row').filter({ hasText: text.beforeRestore })).toHaveCount(2);

    // Deleting an automatic backup asks first; cancelling keeps it, confirming removes it.
    const oldest = automatic.getByRole('row').filter({ hasText: text.beforeRestore }).last();
    await oldest.getByRole('button', { name: text.deleteAuto }).click();
    const question = page.getByRole('tooltip').filter({ hasText: text.deleteQuestion });
    await expect(question).toBeVisible();
    await screenshot(page, 'backup-delete-confirm');
    await question.getByRole('button', { name: text.cancel }).click();
    await expect(question).toBeHidden();
    await expect(automatic.getByRole('row').filter({ hasText: text.beforeRestore })).toHaveCount(2);
    await oldest.getByRole('button', { name: text.deleteAuto }).click();
    await question.getByRole('button', { name: text.deleteConfirm, exact: true }).click();
    await expect(page.getByText(text.deleted)).toBeVisible();
    await expect(automatic.getByRole('row').filter({ hasText: text.beforeRestore })).toHaveCount(1);

    await goTo(page, text.deals);
    await expect(page.getByText(text.count(24))).toBeVisible();
  });

  test(`a restore interrupted by closing the page leaves the data intact (${lang})`, async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(180_000);
    await loadSample(page, lang);

    // A backup big enough that writing it takes a while: 400 deals, about 50,000 records.
    const big = generatePortfolio({ seed: 99, locale: lang, now: Date.now(), deals: 400 });
    const bigPath = testInfo.outputPath('big-backup.json');
    writeFileSync(bigPath, serializeBackup(big, { appVersion: '0.1.0', createdAt: Date.now() }));

    await goTo(page, text.settings);
    const dialog = await chooseBackup(page, lang, bigPath);
    await expect(
      dialog.getByRole('row', { name: new RegExp(`^${text.dealsRow} `) }).getByRole('cell'),
    ).toHaveText([text.dealsRow, '400', '25']);
    await footerOf(page).getByRole('button', { name: text.replace }).click();

    // Close the page while the restore transaction is writing: some rows written, not all.
    // (The current data is backed up first; wait for the restore's own progress.)
    await page.waitForFunction(
      (restoring) => {
        const bar = document.querySelector('.ant-modal [role="progressbar"]');
        const value = Number(bar?.getAttribute('aria-valuenow') ?? 0);
        const label = bar?.getAttribute('aria-label') ?? '';
        return label.startsWith(restoring) && value > 0 && value < 60;
      },
      text.restoring,
      { polling: 'raf', timeout: 60_000 },
    );
    await page.close();

    // Reopen: the previous data, all of it, and nothing of the interrupted restore.
    const again = await context.newPage();
    await openApp(again, { lang, theme: 'light', route: '/deals' });
    await expect(again.getByText(text.count(25))).toBeVisible();
    await screenshot(again, 'backup-after-interrupted-restore');
  });
}
