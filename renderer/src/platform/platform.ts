import type { AppCommand } from '@shared/app/commands';
import type { AutoBackupInfo } from '@shared/backup/auto-backup';
import type {
  FileFilter,
  OpenFileRequest,
  OpenFileResult,
  OpenFolderResult,
  PrintToPdfRequest,
  SaveFileRequest,
} from '@shared/ipc/contract';

export type { OpenFileRequest, OpenFileResult, PrintToPdfRequest, SaveFileRequest };

export type PlatformKind = 'desktop' | 'browser';

export interface PlatformAppInfo {
  readonly name: string;
  readonly version: string;
  readonly runtime: PlatformKind;
  /** Operating system as reported by the runtime (e.g. "win32", "darwin", "Linux x86_64"). */
  readonly platform: string;
  readonly electronVersion: string | null;
  readonly chromeVersion: string | null;
  /** Folder holding the app's data on disk; null in a browser, where the browser keeps it. */
  readonly userDataPath: string | null;
}

export type SaveOutcome =
  /** Written to the file the user chose in the native save dialog. */
  | { readonly status: 'saved'; readonly fileName: string }
  /** Handed to the browser as a download; where it lands is the browser's choice. */
  | { readonly status: 'downloaded'; readonly fileName: string }
  | { readonly status: 'cancelled' };

/** One piece of a file saved in pieces: text (written as UTF-8) or bytes. */
export type SavePiece = string | Uint8Array<ArrayBuffer>;

/** A file's content in order: a list, or pieces that arrive as they are produced. */
export type SavePieces = Iterable<SavePiece> | AsyncIterable<SavePiece>;

/**
 * How much of a file saved in pieces is written: `done` and `total` count characters of text
 * and bytes of binary pieces; `total` is null when the pieces were not given as a list.
 */
export interface SaveProgress {
  readonly done: number;
  readonly total: number | null;
}

export interface SaveFileStreamRequest {
  readonly suggestedName: string;
  readonly filters: FileFilter[];
  readonly pieces: SavePieces;
  /** Called as the pieces are written (after the user chose where, on the desktop). */
  readonly onProgress?: (progress: SaveProgress) => void;
}

/** How much of a file opened in pieces is read, in bytes of `total` (its size). */
export interface OpenProgress {
  readonly name: string;
  readonly done: number;
  readonly total: number;
}

export interface OpenFileStreamRequest {
  readonly filters: FileFilter[];
  /** Larger files are not read (`tooLarge`); at most `MAX_BACKUP_OPEN_BYTES`. */
  readonly maxBytes: number;
  /** Called as the file is read, from 0 to its size (after the user chose it). */
  readonly onProgress?: (progress: OpenProgress) => void;
}

export type PrintOutcome =
  | { readonly status: 'saved'; readonly fileName: string }
  | { readonly status: 'cancelled' }
  /** The browser's own print dialog was shown (it offers "Save as PDF"). */
  | { readonly status: 'printDialog' };

export type Unsubscribe = () => void;

/** What an automatic backup is stamped with when it is stored (its size is measured there). */
export type AutoBackupStamp = Omit<AutoBackupInfo, 'bytes'>;

/**
 * Where automatic backups are kept: on desktop, files in the app's data folder; in a browser, a
 * backup store the app keeps. Storing one applies the retention rule.
 */
export interface AutoBackupStorage {
  /** The folder holding them, shown to the user; null in a browser, where the browser keeps them. */
  folder(): Promise<string | null>;
  /** Every automatic backup, newest first. */
  list(): Promise<AutoBackupInfo[]>;
  /** Calls `listener` with the list now and after every change; returns the unsubscribe. */
  watch(listener: (list: AutoBackupInfo[]) => void, onError: (error: unknown) => void): Unsubscribe;
  /** The text of one backup, or null when it was deleted meanwhile. */
  read(id: string): Promise<string | null>;
  store(stamp: AutoBackupStamp, text: string): Promise<AutoBackupInfo>;
  /** Deletes one backup; false when it was already gone. */
  remove(id: string): Promise<boolean>;
  /** Opens the folder in the system's file manager; null where there is no folder to open. */
  readonly openFolder: (() => Promise<OpenFolderResult>) | null;
}

/**
 * Everything the UI may ask of the machine it runs on. One implementation talks to the desktop
 * shell through `window.pursuit`, the other uses plain browser features; the rest of the UI
 * imports only this module and never knows which one it got.
 */
export interface Platform {
  readonly kind: PlatformKind;
  getAppInfo(): Promise<PlatformAppInfo>;
  /** Saves content held in one piece (at most `MAX_SAVE_BYTES`). */
  saveFile(request: SaveFileRequest): Promise<SaveOutcome>;
  /**
   * Saves content of any size given in pieces: on the desktop they are written one by one to a
   * file that appears only once complete; in a browser they become one download.
   */
  saveFileStream(request: SaveFileStreamRequest): Promise<SaveOutcome>;
  /** Opens a file held in one message (at most `MAX_OPEN_BYTES`). */
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  /**
   * Opens a file too large for one message: on the desktop it is read in pieces, in a browser
   * from the chosen File; either way its bytes come back whole, with progress on the way.
   */
  openFileStream(request: OpenFileStreamRequest): Promise<OpenFileResult>;
  printToPdf(request: PrintToPdfRequest): Promise<PrintOutcome>;
  /** Commands chosen in the desktop application menu; the browser has no such menu. */
  onMenuCommand(listener: (command: AppCommand) => void): Unsubscribe;
  readonly autoBackups: AutoBackupStorage;
  /**
   * Runs `task` when the desktop window is about to close (the app quits once every task has
   * settled, or after main's timeout); a browser tab gives no such chance.
   */
  onBeforeQuit(task: () => Promise<void>): Unsubscribe;
}
