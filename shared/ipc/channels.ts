/**
 * IPC channel names. Kept apart from the schemas in `contract.ts` so the sandboxed preload can
 * name its channels without bundling the validation library: validation happens in main, which
 * is the side that must not trust its peer.
 */
export const IPC_CHANNELS = {
  appInfo: 'app:info',
  fileSave: 'file:save',
  fileOpen: 'file:open',
  saveStreamOpen: 'file:saveStream:open',
  saveStreamAppend: 'file:saveStream:append',
  saveStreamFinish: 'file:saveStream:finish',
  saveStreamAbort: 'file:saveStream:abort',
  openStreamOpen: 'file:openStream:open',
  openStreamRead: 'file:openStream:read',
  openStreamClose: 'file:openStream:close',
  printToPdf: 'view:printToPdf',
  backupWrite: 'backup:write',
  backupList: 'backup:list',
  backupRead: 'backup:read',
  backupDelete: 'backup:delete',
  backupOpenFolder: 'backup:openFolder',
  quitReady: 'app:quitReady',
} as const;

/** A renderer → main request/response channel (`ipcRenderer.invoke` / `ipcMain.handle`). */
export type InvokeChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** Main → renderer event carrying an `AppCommand` chosen in the application menu. */
export const MENU_COMMAND_EVENT = 'menu:command';

/**
 * Main → renderer event carrying a request number: the window is about to close, so the renderer
 * makes a backup of changes not yet in one and answers on `app:quitReady` with that number.
 */
export const BEFORE_QUIT_EVENT = 'app:beforeQuit';

/** The global under which the preload exposes the bridge (`window.pursuit`). */
export const BRIDGE_GLOBAL = 'pursuit';
