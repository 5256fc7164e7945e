/**
 * Sandboxed preload (built to out/preload/preload.cjs). Exposes `window.pursuit` with exactly one
 * method per IPC channel and the menu subscription; the page never receives `ipcRenderer`, an
 * event object, or a way to name an arbitrary channel. Payloads are validated in main.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isAppCommand, type AppCommand } from '@shared/app/commands';
import {
  BEFORE_QUIT_EVENT,
  BRIDGE_GLOBAL,
  IPC_CHANNELS,
  MENU_COMMAND_EVENT,
} from '@shared/ipc/channels';
import type { PursuitBridge } from '@shared/ipc/bridge';

const bridge: PursuitBridge = {
  getAppInfo: () => ipcRenderer.invoke(IPC_CHANNELS.appInfo),
  saveFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.fileSave, request),
  openSaveStream: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveStreamOpen, request),
  appendSaveStream: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveStreamAppend, request),
  finishSaveStream: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveStreamFinish, request),
  abortSaveStream: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveStreamAbort, request),
  openFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.fileOpen, request),
  openFileForReading: (request) => ipcRenderer.invoke(IPC_CHANNELS.openStreamOpen, request),
  readOpenedFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.openStreamRead, request),
  closeOpenedFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.openStreamClose, request),
  printToPdf: (request) => ipcRenderer.invoke(IPC_CHANNELS.printToPdf, request),
  writeAutoBackup: (request) => ipcRenderer.invoke(IPC_CHANNELS.backupWrite, request),
  listAutoBackups: () => ipcRenderer.invoke(IPC_CHANNELS.backupList),
  readAutoBackup: (request) => ipcRenderer.invoke(IPC_CHANNELS.backupRead, request),
  deleteAutoBackup: (request) => ipcRenderer.invoke(IPC_CHANNELS.backupDelete, request),
  openBackupFolder: () => ipcRenderer.invoke(IPC_CHANNELS.backupOpenFolder),
  quitReady: (request) => ipcRenderer.invoke(IPC_CHANNELS.quitReady, request),
  onBeforeQuit(listener: (requestId: number) => void) {
    const forward = (_event: IpcRendererEvent, requestId: unknown): void => {
      if (typeof requestId === 'number' && Number.isInteger(requestId)) listener(requestId);
    };
    ipcRenderer.on(BEFORE_QUIT_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(BEFORE_QUIT_EVENT, forward);
    };
  },
  onMenuCommand(listener: (command: AppCommand) => void) {
    // The listener sees only the command id, never Electron's event object.
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (isAppCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
