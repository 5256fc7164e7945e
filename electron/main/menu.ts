import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '@shared/app/commands';
import { MENU_LABELS, type MenuLanguage } from './menu-labels';

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly language: MenuLanguage;
  /** Reload and DevTools appear only in an unpackaged (development) app. */
  readonly isDev: boolean;
  /** Sends the command to the focused Pursuit window (the renderer runs it). */
  readonly dispatch: (command: AppCommand) => void;
}

/**
 * The application menu as a plain template, so wiring (which item sends which command, with
 * which accelerator) is testable without building a native menu.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const labels = MENU_LABELS[options.language];
  const isMac = options.platform === 'darwin';
  const command = (
    label: string,
    appCommand: AppCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    id: appCommand,
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => options.dispatch(appCommand),
  });

  const appMenu: MenuItemConstructorOptions = {
    label: 'Pursuit',
    submenu: [
      command(labels.about, 'help.about'),
      { type: 'separator' },
      command(labels.settings, 'app.settings', 'CmdOrCtrl+,'),
      { type: 'separator' },
      { role: 'services', label: labels.services },
      { type: 'separator' },
      { role: 'hide', label: labels.hide },
      { role: 'hideOthers', label: labels.hideOthers },
      { role: 'unhide', label: labels.showAll },
      { type: 'separator' },
      { role: 'quit', label: `${labels.quit} Pursuit` },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: [
      command(labels.newDeal, 'deal.new', 'CmdOrCtrl+N'),
      { type: 'separator' },
      command(labels.import, 'data.import', 'CmdOrCtrl+O'),
      command(labels.export, 'data.export', 'CmdOrCtrl+E'),
      { type: 'separator' },
      command(labels.print, 'view.print', 'CmdOrCtrl+P'),
      ...(isMac
        ? []
        : ([
            { type: 'separator' },
            command(labels.settings, 'app.settings', 'CmdOrCtrl+,'),
            { type: 'separator' },
            { role: 'quit', label: labels.quit },
          ] satisfies MenuItemConstructorOptions[])),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [
      // Undo goes to the renderer: in a text field it undoes typing, elsewhere the last change to
      // the data (the app's own undo history).
      command(labels.undo, 'edit.undo', 'CmdOrCtrl+Z'),
      { role: 'redo', label: labels.redo },
      { type: 'separator' },
      { role: 'cut', label: labels.cut },
      { role: 'copy', label: labels.copy },
      { role: 'paste', label: labels.paste },
      { role: 'delete', label: labels.delete },
      { type: 'separator' },
      { role: 'selectAll', label: labels.selectAll },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [
      { role: 'zoomIn', label: labels.zoomIn },
      { role: 'zoomOut', label: labels.zoomOut },
      { role: 'resetZoom', label: labels.resetZoom },
      { type: 'separator' },
      command(labels.toggleDarkMode, 'view.toggleTheme', 'CmdOrCtrl+Shift+L'),
      { role: 'togglefullscreen', label: labels.toggleFullScreen },
      ...(options.isDev
        ? ([
            { type: 'separator' },
            { role: 'reload', label: labels.reload },
            { role: 'toggleDevTools', label: labels.toggleDevTools },
          ] satisfies MenuItemConstructorOptions[])
        : []),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu', label: labels.window };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: labels.help,
    submenu: [
      command(labels.keyboardShortcuts, 'help.shortcuts', 'CmdOrCtrl+/'),
      ...(isMac
        ? []
        : ([
            { type: 'separator' },
            command(labels.about, 'help.about'),
          ] satisfies MenuItemConstructorOptions[])),
    ],
  };

  return [
    ...(isMac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    ...(isMac ? [windowMenu] : []),
    helpMenu,
  ];
}
