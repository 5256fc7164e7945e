import type { AppCommand } from '@shared/app/commands';
import type { AutoBackupInfo } from '@shared/backup/auto-backup';
import type {
  AppInfo,
  BackupDeleteResult,
  BackupListResult,
  BackupReadResult,
  BackupWriteRequest,
  OpenFolderResult,
  OpenFileRequest,
  OpenFileResult,
  OpenStreamCloseResult,
  OpenStreamOpenRequest,
  OpenStreamOpenResult,
  OpenStreamReadRequest,
  OpenStreamReadResult,
  OpenStreamRequest,
  PrintToPdfRequest,
  SaveFileRequest,
  SaveFileResult,
  SaveStreamAbortResult,
  SaveStreamAppendRequest,
  SaveStreamAppendResult,
  SaveStreamOpenRequest,
  SaveStreamOpenResult,
  SaveStreamRequest,
} from '@shared/ipc/contract';

/**
 * What the preload exposes as `window.pursuit`: exactly one method per IPC channel plus the menu
 * subscription. The renderer never sees `ipcRenderer`; it reaches this only through
 * `renderer/src/platform`.
 */
export interface PursuitBridge {
  getAppInfo(): Promise<AppInfo>;
  /** Native save dialog, then an atomic write of `content` to the chosen file. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /**
   * A save written in pieces, for files too large for one message: native save dialog, then an
   * opaque stream id (never the path). Pieces go to a temporary file next to the chosen one.
   */
  openSaveStream(request: SaveStreamOpenRequest): Promise<SaveStreamOpenResult>;
  /** Appends one piece to an open streamed save; answers with the bytes written so far. */
  appendSaveStream(request: SaveStreamAppendRequest): Promise<SaveStreamAppendResult>;
  /** Flushes the streamed save and puts the file in place in one step (rename). */
  finishSaveStream(request: SaveStreamRequest): Promise<SaveFileResult>;
  /** Drops the streamed save and its temporary file; the chosen file is left as it was. */
  abortSaveStream(request: SaveStreamRequest): Promise<SaveStreamAbortResult>;
  /** Native open dialog; the chosen file's bytes come back, never its path. */
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  /**
   * A file read in pieces, for files too large for one message: native open dialog, then its
   * name, size and an opaque id (never the path), or why it was not opened.
   */
  openFileForReading(request: OpenStreamOpenRequest): Promise<OpenStreamOpenResult>;
  /** Reads `length` bytes from `offset` of a file opened to be read in pieces (fewer at its end). */
  readOpenedFile(request: OpenStreamReadRequest): Promise<OpenStreamReadResult>;
  /** Lets go of a file opened to be read in pieces. */
  closeOpenedFile(request: OpenStreamRequest): Promise<OpenStreamCloseResult>;
  /** Native save dialog, then the current view rendered to PDF and written atomically. */
  printToPdf(request: PrintToPdfRequest): Promise<SaveFileResult>;
  /** Writes an automatic backup file in the app's backups folder, then applies retention. */
  writeAutoBackup(request: BackupWriteRequest): Promise<AutoBackupInfo>;
  /** The backups folder and the automatic backups in it, newest first. */
  listAutoBackups(): Promise<BackupListResult>;
  readAutoBackup(request: { id: string }): Promise<BackupReadResult>;
  deleteAutoBackup(request: { id: string }): Promise<BackupDeleteResult>;
  /** Opens the backups folder in the system's file manager. */
  openBackupFolder(): Promise<OpenFolderResult>;
  /** Runs `listener` with a request number when the window is about to close. */
  onBeforeQuit(listener: (requestId: number) => void): () => void;
  /** Tells main the renderer is done with the before-quit request `requestId`. */
  quitReady(request: { requestId: number }): Promise<undefined>;
  /** Runs `listener` for each command chosen in the application menu; returns an unsubscribe. */
  onMenuCommand(listener: (command: AppCommand) => void): () => void;
}
