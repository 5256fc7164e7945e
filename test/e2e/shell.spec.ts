import type { Page } from '@playwright/test';
import {
  LANGS,
  THEMES,
  expect,
  openApp,
  screenshot,
  shownLangAndTheme,
  test,
  waitForArea,
} from './fixtures';

const TEXT = {
  'zh-CN': {
    settings: '设置',
    palette: '命令面板',
    search: '搜索或运行命令…',
    help: '帮助',
    shortcuts: '键盘快捷键',
    about: '关于 Pursuit',
    errorTitle: '出错了',
    copy: '复制详细信息',
    copied: '详细信息已复制到剪贴板',
    reload: '重新加载',
    nav: '主导航',
    language: '语言',
  },
  en: {
    settings: 'Settings',
    palette: 'Command palette',
    search: 'Search or run a command…',
    help: 'Help',
    shortcuts: 'Keyboard shortcuts',
    about: 'About Pursuit',
    errorTitle: 'Something went wrong',
    copy: 'Copy details',
    copied: 'Details copied to the clipboard',
    reload: 'Reload',
    nav: 'Main navigation',
    language: 'Language',
  },
} as const;

function areaTitle(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

/** Picks an option of a button-style radio group by its visible label, as a user clicks it. */
async function choose(page: Page, group: string, option: string) {
  const radiogroup = page.getByRole('radiogroup', { name: group });
  await radiogroup.getByText(option, { exact: true }).click();
  // The group's own name may change with the choice (a language switch renames it).
  await expect(page.getByRole('radio', { name: option })).toBeChecked();
}

for (const lang of LANGS) {
  for (const theme of THEMES) {
    test(`the shell and its views render in ${lang}, ${theme}`, async ({ page }) => {
      const text = TEXT[lang];
      await openApp(page, { lang, theme, route: '/settings' });
      await expect(areaTitle(page)).toHaveText(text.settings);
      await expect(
        page
          .getByRole('navigation', { name: text.nav })
          .getByRole('menuitem', { name: text.settings }),
      ).toBeVisible();
      expect(await shownLangAndTheme(page)).toEqual({ lang, theme });
      await expect(page.getByRole('radiogroup', { name: text.language })).toBeVisible();
      await screenshot(page, 'settings');

      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog', { name: text.palette });
      await expect(palette.getByRole('option').first()).toBeVisible();
      await screenshot(page, 'palette');
      await page.keyboard.press('Escape');
      await expect(palette).toBeHidden();

      await page.getByRole('button', { name: text.help }).click();
      await page.getByRole('menuitem', { name: text.shortcuts }).click();
      const shortcuts = page.getByRole('dialog', { name: text.shortcuts });
      await expect(shortcuts.getByRole('row').nth(1)).toBeVisible();
      await screenshot(page, 'shortcuts');
      await page.keyboard.press('Escape');
      await expect(shortcuts).toBeHidden();

      await page.getByRole('button', { name: text.help }).click();
      await page.getByRole('menuitem', { name: text.about }).click();
      const about = page.getByRole('dialog', { name: text.about });
      await expect(about.getByText(/\d+\.\d+\.\d+/)).toBeVisible();
      await screenshot(page, 'about');
      await page.keyboard.press('Escape');
      await expect(about).toBeHidden();

      await page.goto('/#/__crash');
      await expect(page.getByRole('alert').getByText(text.errorTitle)).toBeVisible();
      await screenshot(page, 'error');
    });
  }
}

test('switching the language in Settings updates the UI at once and survives a reload', async ({
  page,
}) => {
  await openApp(page, { lang: 'en', theme: 'light', route: '/settings' });
  await expect(areaTitle(page)).toHaveText('Settings');

  await choose(page, 'Language', '简体中文');

  await expect(areaTitle(page)).toHaveText('设置');
  await expect(page.getByRole('menuitem', { name: '设置' })).toBeVisible();
  await expect(page.getByRole('button', { name: '搜索或运行命令…' })).toBeVisible();
  expect((await shownLangAndTheme(page)).lang).toBe('zh-CN');
  await expect(page).toHaveTitle('设置 · Pursuit');

  await page.reload();
  await waitForArea(page);
  await expect(areaTitle(page)).toHaveText('设置');
  await expect(page.getByRole('radio', { name: '简体中文' })).toBeChecked();

  await choose(page, '语言', 'English');
  await expect(areaTitle(page)).toHaveText('Settings');
});

test('the theme chosen in Settings applies at once and survives a reload', async ({ page }) => {
  await openApp(page, { lang: 'en', theme: 'light', route: '/settings' });
  await choose(page, 'Appearance', 'Dark');
  await expect.poll(async () => (await shownLangAndTheme(page)).theme).toBe('dark');
  await page.reload();
  await waitForArea(page);
  expect((await shownLangAndTheme(page)).theme).toBe('dark');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
});

test('the command palette opens with Ctrl+K, filters as you type, and Enter runs the command', async ({
  page,
}) => {
  await openApp(page, { lang: 'en', theme: 'light', route: '/settings' });
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const input = palette.getByRole('combobox', { name: 'Command palette' });
  await expect(input).toBeFocused();

  await input.fill('dark');
  const options = palette.getByRole('option');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveText(/Toggle dark mode/);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect.poll(async () => (await shownLangAndTheme(page)).theme).toBe('dark');

  // The same command again from the palette flips back.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('toggle dark');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await shownLangAndTheme(page)).theme).toBe('light');
});

test('the palette moves with the arrow keys and says when nothing matches', async ({ page }) => {
  await openApp(page, { lang: 'en', theme: 'light', route: '/settings' });
  await page.getByRole('button', { name: 'Search or run a command…' }).click();
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const options = palette.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.first()).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(options.last()).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.type('zzzz-no-such-command');
  await expect(options).toHaveCount(0);
  await expect(palette.getByText('No matching commands')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
});

test('in Chinese, the palette also finds commands by their English name', async ({ page }) => {
  await openApp(page, { lang: 'zh-CN', theme: 'light', route: '/settings' });
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: '命令面板' });
  await palette.getByRole('combobox').fill('shortcuts');
  await expect(palette.getByRole('option').first()).toHaveText(/键盘快捷键/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: '键盘快捷键' })).toBeVisible();
});

test('Help lists the keyboard shortcuts of the commands that are available', async ({ page }) => {
  await openApp(page, { lang: 'en', theme: 'light', route: '/settings' });
  await page.keyboard.press('Control+/');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByRole('row', { name: /Command palette\s+Ctrl\+K/ })).toBeVisible();
  await expect(
    dialog.getByRole('row', { name: /Toggle dark mode\s+Ctrl\+Shift\+L/ }),
  ).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Open settings/ })).toBeVisible();
  // "New deal" and "Undo" are available from every area.
  await expect(dialog.getByRole('row', { name: /New deal\s+Ctrl\+N/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Undo last change\s+Ctrl\+Z/ })).toBeVisible();
  // Import is not built yet, so its shortcut is not offered.
  await expect(dialog.getByRole('row', { name: /Ctrl\+O\b/ })).toHaveCount(0);

  // A listed shortcut does what the list says.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+L');
  await expect.poll(async () => (await shownLangAndTheme(page)).theme).toBe('dark');
});

test('an area that crashes shows the error with its details, a copy button and reload', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openApp(page, { lang: 'en', theme: 'light', route: '/__crash' });

  const alert = page.getByRole('alert');
  await expect(alert.getByText('Something went wrong')).toBeVisible();
  await expect(alert.getByText(/Error: Deliberate crash/).first()).toBeVisible();
  await expect(alert.getByLabel('Details')).toContainText(/Pursuit \d+\.\d+\.\d+/);
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
  // The shell around the area still works.
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();

  await alert.getByRole('button', { name: 'Copy details' }).click();
  await expect(alert.getByText('Details copied to the clipboard')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Deliberate crash');
  expect(copied).toMatch(/Pursuit \d+\.\d+\.\d+/);

  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await expect(areaTitle(page)).toHaveText('Settings');
});

test('the start address opens the first area of the navigation', async ({ page }) => {
  await openApp(page, { lang: 'en', theme: 'light' });
  const first = page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('menuitem')
    .first();
  await expect(areaTitle(page)).toHaveText((await first.textContent()) ?? '');
});

test('the navigation can be collapsed and stays collapsed after a reload', async ({ page }) => {
  await openApp(page, { lang: 'en', theme: 'light' });
  await page.getByRole('button', { name: 'Collapse navigation' }).click();
  const expand = page.getByRole('button', { name: 'Expand navigation' });
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await waitForArea(page);
  await expect(expand).toBeVisible();
  await expand.click();
  await expect(page.getByRole('button', { name: 'Collapse navigation' })).toBeVisible();
});

test.describe('on first run, with nothing chosen yet', () => {
  test.use({ locale: 'zh-CN', colorScheme: 'dark' });

  test('the language and theme follow the system', async ({ page }) => {
    await page.goto('/#/settings');
    await waitForArea(page);
    await expect(areaTitle(page)).toHaveText('设置');
    expect(await shownLangAndTheme(page)).toEqual({ lang: 'zh-CN', theme: 'dark' });
    await expect(page.getByRole('radio', { name: '跟随系统' })).toBeChecked();
  });
});

test.describe('on first run on an English system in light mode', () => {
  test.use({ locale: 'en-GB', colorScheme: 'light' });

  test('the app starts in English and light', async ({ page }) => {
    await page.goto('/#/settings');
    await waitForArea(page);
    await expect(areaTitle(page)).toHaveText('Settings');
    expect(await shownLangAndTheme(page)).toEqual({ lang: 'en', theme: 'light' });
  });
});
