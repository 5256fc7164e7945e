/**
 * Desktop shell entry (built to out/main/index.js). Everything with logic lives in the small
 * modules next to this file; this one only connects them to Electron, in the order Electron
 * requires: privileged schemes and the sandbox before `ready`, everything else after.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
  type BrowserWindowConstructorOptions,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import * as fs from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AppCommand } from '@shared/app/commands';
import { BEFORE_QUIT_EVENT, MENU_COMMAND_EVENT } from '@shared/ipc/channels';
import { APP_SCHEME, createUrlPolicy, parseDevServerUrl } from './app-url';
import { APP_CUSTOM_SCHEME, createAppProtocolHandler } from './app-protocol';
import { writeFileAtomic } from './atomic-write';
import { createBackupFolder } from './backup-files';
import { createIpcHandlers } from './ipc-handlers';
import { registerIpcHandlers } from './ipc-guard';
import { openMainWindow } from './main-window';
import { buildMenuTemplate } from './menu';
import { menuLanguageFor } from './menu-labels';
import { createQuitBackup, type QuitBackup } from './quit-backup';
import { createOpenStreams } from './open-streams';
import { createSaveStreams } from './save-streams';
import { hardenWebContents } from './navigation';
import { installPermissionHandlers } from './permissions';
import { assertSecureWindowOptions } from './window-options';
import { createWindowStateStore } from './window-state';

const here = import.meta.dirname;
const rendererRoot = join(here, '../renderer');
const preloadPath = join(here, '../preload/preload.cjs');

const isDev = !app.isPackaged;
const policy = createUrlPolicy(
  parseDevServerUrl(process.env['ELECTRON_RENDERER_URL'], app.isPackaged),
);
const ownWebContents = new Set<number>();
/** The before-quit backup round trip of each open window, by its webContents id. */
const quitBackups = new Map<number, QuitBackup>();
/** Saves written in pieces, each owned by the window that opened it. */
const saveStreams = createSaveStreams();
/** Files read in pieces, each owned by the window that opened it. */
const openStreams = createOpenStreams();
let quitting = false;
let lastFolder: string | null = null;

// Must happen before 'ready': the app:// scheme needs its privileges (origin, storage, fetch)
// registered up front, and every renderer is forced into the OS sandbox.
protocol.registerSchemesAsPrivileged([APP_CUSTOM_SCHEME]);
app.enableSandbox();

// A second copy would fight over the same IndexedDB files; it hands over to the first instead.
const isFirstInstance = app.requestSingleInstanceLock();
if (!isFirstInstance) app.quit();

app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, policy, (action, url) => {
    console.warn(`Blocked ${action}${url === '' ? '' : ` to ${url}`}`);
  });
});

/**
 * The only place a BrowserWindow is constructed. The options are asserted, and the isolation
 * settings are also pinned here literally, so they hold whatever an options object carries and
 * static scanners (Electronegativity) can see them.
 */
function createWindow(options: BrowserWindowConstructorOptions): BrowserWindow {
  assertSecureWindowOptions(options);
  return new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

function focusedOrMainWindow(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;
}

function dispatchMenuCommand(command: AppCommand): void {
  const window = focusedOrMainWindow();
  if (window !== null && ownWebContents.has(window.webContents.id)) {
    window.webContents.send(MENU_COMMAND_EVENT, command);
  }
}

function openWindow(): BrowserWindow {
  return openMainWindow({
    createWindow,
    policy,
    preloadPath,
    isDev,
    prefersDark: nativeTheme.shouldUseDarkColors,
    displays: () => ({ all: screen.getAllDisplays(), primary: screen.getPrimaryDisplay() }),
    stateStore: createWindowStateStore(app.getPath('userData'), fs),
    onCreated: (window) => {
      const id = window.webContents.id;
      ownWebContents.add(id);
      const quitBackup = createQuitBackup({
        ask: (requestId) => {
          const contents = window.webContents;
          if (contents.isDestroyed() || contents.isCrashed()) return false;
          contents.send(BEFORE_QUIT_EVENT, requestId);
          return true;
        },
        // Closing the window was held for the backup; now close it, or quit if that was asked.
        proceed: () => (quitting ? app.quit() : window.close()),
      });
      quitBackups.set(id, quitBackup);
      // A page that goes away (reload, crash, close) can never finish its saves or reads: drop
      // them, with the saves' temporary files. In-page (hash) navigation is not a new page.
      const dropSaves = (): void => {
        void saveStreams.dropOwner(id);
        void openStreams.dropOwner(id);
      };
      window.webContents.on('did-navigate', dropSaves);
      window.webContents.on('render-process-gone', dropSaves);
      window.webContents.on('destroyed', dropSaves);
      window.on('close', (event: Electron.Event) => {
        if (quitBackup.onClose()) event.preventDefault();
      });
      window.on('closed', () => {
        ownWebContents.delete(id);
        quitBackups.delete(id);
        void saveStreams.dropOwner(id);
        void openStreams.dropOwner(id);
      });
    },
  });
}

function ownerWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

const handlers = createIpcHandlers<IpcMainInvokeEvent>({
  appInfo: () => ({
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    electronVersion: process.versions.electron,
    chromeVersion: process.versions.chrome,
    userDataPath: app.getPath('userData'),
  }),
  async chooseSavePath(event, suggestedName, filters) {
    const options: SaveDialogOptions = {
      defaultPath: join(lastFolder ?? app.getPath('documents'), suggestedName),
      filters: [...filters],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const window = ownerWindow(event);
    const result = await (window === null
      ? dialog.showSaveDialog(options)
      : dialog.showSaveDialog(window, options));
    if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
    lastFolder = dirname(result.filePath);
    return result.filePath;
  },
  async chooseOpenPath(event, filters) {
    const options: OpenDialogOptions = {
      defaultPath: lastFolder ?? app.getPath('documents'),
      filters: [...filters],
      properties: ['openFile'],
    };
    const window = ownerWindow(event);
    const result = await (window === null
      ? dialog.showOpenDialog(options)
      : dialog.showOpenDialog(window, options));
    const [path] = result.filePaths;
    if (result.canceled || path === undefined) return null;
    lastFolder = dirname(path);
    return path;
  },
  async renderPdf(event, { pageSize, landscape }) {
    return new Uint8Array(
      await event.sender.printToPDF({ pageSize, landscape, printBackground: true }),
    );
  },
  writeFileAtomic,
  saveStreams,
  openStreams,
  fileSize: async (path) => (await stat(path)).size,
  readFile: async (path) => new Uint8Array(await readFile(path)),
  backups: createBackupFolder(join(app.getPath('userData'), 'backups')),
  openPath: (path) => shell.openPath(path),
  quitReady: (event, requestId) => quitBackups.get(event.sender.id)?.answered(requestId),
});

app.on('before-quit', () => {
  quitting = true;
});

void app.whenReady().then(() => {
  if (!isFirstInstance) return;
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot, readFile));
  installPermissionHandlers(session.defaultSession, policy);
  registerIpcHandlers(ipcMain, handlers, {
    policy,
    isOwnWebContents: (id) => ownWebContents.has(id),
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        language: menuLanguageFor(app.getLocale()),
        isDev,
        dispatch: dispatchMenuCommand,
      }),
    ),
  );
  openWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
});

app.on('second-instance', () => {
  const window = focusedOrMainWindow();
  if (window === null) return;
  if (window.isMinimized()) window.restore();
  window.focus();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
