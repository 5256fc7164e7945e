import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { AppCommand } from '@shared/app/commands';
/* eslint-disable no-restricted-imports -- electron/ has no path alias */
import { buildMenuTemplate } from '../../../electron/main/menu';
import { menuLanguageFor } from '../../../electron/main/menu-labels';
/* eslint-enable no-restricted-imports */

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

function template(platform: NodeJS.Platform, isDev = false, language: 'en' | 'zh-CN' = 'en') {
  const dispatch = vi.fn<(command: AppCommand) => void>();
  const items = buildMenuTemplate({ platform, language, isDev, dispatch });
  return { items, all: flatten(items), dispatch };
}

function click(item: MenuItemConstructorOptions): void {
  // Electron passes (menuItem, window, event); the template's handlers ignore all three.
  (item.click as (() => void) | undefined)?.();
}

const EXPECTED: [AppCommand, string, string | undefined][] = [
  ['deal.new', 'New Deal', 'CmdOrCtrl+N'],
  ['data.import', 'Import…', 'CmdOrCtrl+O'],
  ['data.export', 'Export…', 'CmdOrCtrl+E'],
  ['edit.undo', 'Undo', 'CmdOrCtrl+Z'],
  ['view.print', 'Print / Save as PDF…', 'CmdOrCtrl+P'],
  ['view.toggleTheme', 'Toggle Dark Mode', 'CmdOrCtrl+Shift+L'],
  ['app.settings', 'Settings…', 'CmdOrCtrl+,'],
  ['help.shortcuts', 'Keyboard Shortcuts', 'CmdOrCtrl+/'],
  ['help.about', 'About Pursuit', undefined],
];

describe.each(['win32', 'linux', 'darwin'] as const)('application menu on %s', (platform) => {
  it.each(EXPECTED)('"%s" item sends its command with its accelerator', (command, label, key) => {
    const { all, dispatch } = template(platform);
    const item = all.find((candidate) => candidate.id === command);
    expect(item?.label).toBe(label);
    expect(item?.accelerator).toBe(key);
    click(item!);
    expect(dispatch).toHaveBeenCalledExactlyOnceWith(command);
  });

  it('has File, Edit, View and Help with zoom and a quit item', () => {
    const { items, all } = template(platform);
    const labels = items.map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['&File', '&Edit', '&View', '&Help']));
    const roles = all.map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'quit']));
    // Undo is the app's command (text fields still undo typing, through the renderer).
    expect(roles).toEqual(expect.arrayContaining(['redo', 'cut', 'copy', 'paste']));
  });

  it('offers reload and DevTools only in development', () => {
    expect(template(platform, false).all.map((item) => item.role)).not.toContain('reload');
    expect(template(platform, false).all.map((item) => item.role)).not.toContain('toggleDevTools');
    expect(template(platform, true).all.map((item) => item.role)).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });

  it('lists each command exactly once', () => {
    const ids = template(platform).all.flatMap((item) => (item.id === undefined ? [] : [item.id]));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('menu language', () => {
  it('follows the system locale', () => {
    expect(menuLanguageFor('zh-CN')).toBe('zh-CN');
    expect(menuLanguageFor('zh')).toBe('zh-CN');
    expect(menuLanguageFor('zh-TW')).toBe('zh-CN');
    expect(menuLanguageFor('en-US')).toBe('en');
    expect(menuLanguageFor('de')).toBe('en');
    expect(menuLanguageFor('zu')).toBe('en');
  });

  it('shows Simplified Chinese labels with the same commands and accelerators', () => {
    const { all, items } = template('win32', false, 'zh-CN');
    expect(items.map((item) => item.label)).toEqual([
      '文件(&F)',
      '编辑(&E)',
      '视图(&V)',
      '帮助(&H)',
    ]);
    expect(all.find((item) => item.id === 'deal.new')).toMatchObject({
      label: '新建商机',
      accelerator: 'CmdOrCtrl+N',
    });
    expect(all.find((item) => item.id === 'view.print')?.label).toBe('打印 / 另存为 PDF…');
  });
});
