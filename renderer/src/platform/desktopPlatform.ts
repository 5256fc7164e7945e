import type { PursuitBridge } from '@shared/ipc/bridge';
import {
  MAX_STREAM_PIECE_BYTES,
  openFileRequestSchema,
  openStreamOpenRequestSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
  saveStreamOpenRequestSchema,
} from '@shared/ipc/contract';
import type { AutoBackupInfo } from '@shared/backup/auto-backup';
import type { AutoBackupStorage, Platform } from '@renderer/platform/platform';
import { validateRequest } from '@renderer/platform/validateRequest';
import { pieceSize, streamPieces, totalSize } from '@renderer/platform/savePieces';

declare global {
  interface Window {
    /** Present only inside the desktop shell, exposed by its preload. */
    readonly pursuit?: PursuitBridge;
  }
}

/**
 * Automatic backups as files in the app's data folder, through main. Main writes, lists and
 * prunes the files; this side tells its watchers after each change it made.
 */
function createDesktopAutoBackups(bridge: PursuitBridge): AutoBackupStorage {
  const watchers = new Set<() => void>();
  const changed = (): void => watchers.forEach((refresh) => refresh());
  const list = async (): Promise<AutoBackupInfo[]> => (await bridge.listAutoBackups()).backups;
  return {
    folder: async () => (await bridge.listAutoBackups()).folder,
    list,
    watch(listener, onError) {
      let live = true;
      const refresh = (): void => {
        list().then(
          (backups) => live && listener(backups),
          (error: unknown) => live && onError(error),
        );
      };
      watchers.add(refresh);
      refresh();
      return () => {
        live = false;
        watchers.delete(refresh);
      };
    },
    async read(id) {
      const result = await bridge.readAutoBackup({ id });
      return result.found ? result.text : null;
    },
    async store(stamp, text) {
      const info = await bridge.writeAutoBackup({ ...stamp, text });
      changed();
      return info;
    },
    async remove(id) {
      const { deleted } = await bridge.deleteAutoBackup({ id });
      changed();
      return deleted;
    },
    openFolder: () => bridge.openBackupFolder(),
  };
}

export function createDesktopPlatform(bridge: PursuitBridge): Platform {
  const quitTasks = new Set<() => Promise<void>>();
  // Main asks before the window closes; it gets its answer once every task has settled.
  bridge.onBeforeQuit((requestId) => {
    void Promise.allSettled([...quitTasks].map(async (task) => task()))
      .then(() => bridge.quitReady({ requestId }))
      .catch(() => undefined);
  });
  return {
    kind: 'desktop',
    async getAppInfo() {
      const info = await bridge.getAppInfo();
      return { ...info, runtime: 'desktop' };
    },
    async saveFile(request) {
      const result = await bridge.saveFile(
        validateRequest(saveFileRequestSchema, request, 'save file'),
      );
      return result.saved
        ? { status: 'saved', fileName: result.fileName }
        : { status: 'cancelled' };
    },
    async saveFileStream({ suggestedName, filters, pieces, onProgress }) {
      const head = validateRequest(
        saveStreamOpenRequestSchema,
        { suggestedName, filters },
        'save file',
      );
      const total = totalSize(pieces);
      const opened = await bridge.openSaveStream(head);
      if (!opened.opened) return { status: 'cancelled' };
      const { streamId } = opened;
      try {
        let done = 0;
        onProgress?.({ done, total });
        for await (const piece of streamPieces(pieces)) {
          await bridge.appendSaveStream({ streamId, piece });
          done += pieceSize(piece);
          onProgress?.({ done, total });
        }
        const result = await bridge.finishSaveStream({ streamId });
        return result.saved
          ? { status: 'saved', fileName: result.fileName }
          : { status: 'cancelled' };
      } catch (error) {
        // Main has usually dropped a failed stream already; this removes it in any other case.
        await bridge.abortSaveStream({ streamId }).catch(() => undefined);
        throw error;
      }
    },
    openFile(request) {
      return bridge.openFile(validateRequest(openFileRequestSchema, request, 'open file'));
    },
    async openFileStream({ filters, maxBytes, onProgress }) {
      const head = validateRequest(openStreamOpenRequestSchema, { filters, maxBytes }, 'open file');
      const opened = await bridge.openFileForReading(head);
      if (opened.status !== 'opened') return opened;
      const { streamId, name, sizeBytes } = opened;
      try {
        const content = new Uint8Array(sizeBytes);
        let done = 0;
        onProgress?.({ name, done, total: sizeBytes });
        while (done < sizeBytes) {
          const length = Math.min(MAX_STREAM_PIECE_BYTES, sizeBytes - done);
          const { bytes } = await bridge.readOpenedFile({ streamId, offset: done, length });
          if (bytes.byteLength === 0 || bytes.byteLength > length) {
            throw new Error('The file changed while it was being read. Choose it again.');
          }
          content.set(bytes, done);
          done += bytes.byteLength;
          onProgress?.({ name, done, total: sizeBytes });
        }
        return { status: 'opened', name, content };
      } finally {
        await bridge.closeOpenedFile({ streamId }).catch(() => undefined);
      }
    },
    async printToPdf(request) {
      const result = await bridge.printToPdf(
        validateRequest(printToPdfRequestSchema, request, 'print to PDF'),
      );
      return result.saved
        ? { status: 'saved', fileName: result.fileName }
        : { status: 'cancelled' };
    },
    onMenuCommand(listener) {
      return bridge.onMenuCommand(listener);
    },
    autoBackups: createDesktopAutoBackups(bridge),
    onBeforeQuit(task) {
      quitTasks.add(task);
      return () => quitTasks.delete(task);
    },
  };
}
