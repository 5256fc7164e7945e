import type { AppCommand } from '@shared/app/commands';
import type {
  AppInfo,
  OpenFileRequest,
  OpenFileResult,
  PrintToPdfRequest,
  SaveFileRequest,
  SaveFileResult,
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
  /** Native open dialog; the chosen file's bytes come back, never its path. */
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  /** Native save dialog, then the current view rendered to PDF and written atomically. */
  printToPdf(request: PrintToPdfRequest): Promise<SaveFileResult>;
  /** Runs `listener` for each command chosen in the application menu; returns an unsubscribe. */
  onMenuCommand(listener: (command: AppCommand) => void): () => void;
}
