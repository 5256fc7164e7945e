import { mkdir } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AppInfo, FileFilter, PdfPageSize, SaveFileResult } from '@shared/ipc/contract';
import type { BackupFolder } from './backup-files';
import type { GuardedEvent, IpcHandlers } from './ipc-guard';
import type { OpenStreams } from './open-streams';
import type { SaveStreams } from './save-streams';

/**
 * The privileged operations behind the IPC channels, injected so the handlers can be tested
 * without Electron: dialogs answer with a path chosen by the user in main, never by the renderer.
 */
export interface DesktopServices<E extends GuardedEvent> {
  appInfo(): AppInfo;
  /** Native save dialog; resolves to the chosen path, or null when the user cancels. */
  chooseSavePath(
    event: E,
    suggestedName: string,
    filters: readonly FileFilter[],
  ): Promise<string | null>;
  /** Native open dialog; resolves to the chosen path, or null when the user cancels. */
  chooseOpenPath(event: E, filters: readonly FileFilter[]): Promise<string | null>;
  renderPdf(event: E, options: { pageSize: PdfPageSize; landscape: boolean }): Promise<Uint8Array>;
  writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>;
  /** Saves written in pieces, each owned by the window (`event.sender.id`) that opened it. */
  readonly saveStreams: SaveStreams;
  /** Files read in pieces, each owned by the window (`event.sender.id`) that opened it. */
  readonly openStreams: OpenStreams;
  fileSize(path: string): Promise<number>;
  readFile(path: string): Promise<Uint8Array<ArrayBuffer>>;
  /** The automatic backups folder (`<userData>/backups`). */
  readonly backups: BackupFolder;
  /** Opens a folder in the system's file manager; resolves to '' or the error it reported. */
  openPath(path: string): Promise<string>;
  /** The page of `event` finished its before-quit backup request `requestId`. */
  quitReady(event: E, requestId: number): void;
}

const PDF_FILTERS: readonly FileFilter[] = [{ name: 'PDF', extensions: ['pdf'] }];

function withPdfExtension(name: string): string {
  return name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`;
}

export function createIpcHandlers<E extends GuardedEvent>(
  services: DesktopServices<E>,
): IpcHandlers<E> {
  async function saveThroughDialog(
    event: E,
    suggestedName: string,
    filters: readonly FileFilter[],
    produce: () => Promise<string | Uint8Array>,
  ): Promise<SaveFileResult> {
    const path = await services.chooseSavePath(event, suggestedName, filters);
    if (path === null) return { saved: false };
    await services.writeFileAtomic(path, await produce());
    return { saved: true, fileName: basename(path) };
  }

  return {
    'app:info': async () => services.appInfo(),
    'file:save': (request, event) =>
      saveThroughDialog(event, request.suggestedName, request.filters, async () => request.content),
    'file:saveStream:open': async (request, event) => {
      const streamId = await services.saveStreams.open(event.sender.id, () =>
        services.chooseSavePath(event, request.suggestedName, request.filters),
      );
      return streamId === null ? { opened: false } : { opened: true, streamId };
    },
    'file:saveStream:append': async (request, event) => ({
      bytes: await services.saveStreams.append(event.sender.id, request.streamId, request.piece),
    }),
    'file:saveStream:finish': async (request, event) => ({
      saved: true,
      fileName: await services.saveStreams.finish(event.sender.id, request.streamId),
    }),
    'file:saveStream:abort': async (request, event) => ({
      aborted: await services.saveStreams.abort(event.sender.id, request.streamId),
    }),
    'file:open': async (request, event) => {
      const path = await services.chooseOpenPath(event, request.filters);
      if (path === null) return { status: 'cancelled' };
      const name = basename(path);
      const sizeBytes = await services.fileSize(path);
      if (sizeBytes > request.maxBytes) {
        return { status: 'tooLarge', name, sizeBytes, maxBytes: request.maxBytes };
      }
      const content = await services.readFile(path);
      // The file may have grown between the size check and the read.
      if (content.byteLength > request.maxBytes) {
        return {
          status: 'tooLarge',
          name,
          sizeBytes: content.byteLength,
          maxBytes: request.maxBytes,
        };
      }
      return { status: 'opened', name, content };
    },
    'file:openStream:open': async (request, event) => {
      const opened = await services.openStreams.open(
        event.sender.id,
        () => services.chooseOpenPath(event, request.filters),
        request.maxBytes,
      );
      switch (opened.status) {
        case 'cancelled':
          return { status: 'cancelled' };
        case 'tooLarge':
          return {
            status: 'tooLarge',
            name: opened.name,
            sizeBytes: opened.size,
            maxBytes: opened.maxBytes,
          };
        case 'opened':
          return {
            status: 'opened',
            streamId: opened.id,
            name: opened.name,
            sizeBytes: opened.size,
          };
      }
    },
    'file:openStream:read': async (request, event) => ({
      bytes: await services.openStreams.read(
        event.sender.id,
        request.streamId,
        request.offset,
        request.length,
      ),
    }),
    'file:openStream:close': async (request, event) => ({
      closed: await services.openStreams.close(event.sender.id, request.streamId),
    }),
    'view:printToPdf': (request, event) =>
      saveThroughDialog(event, withPdfExtension(request.suggestedName), PDF_FILTERS, () =>
        services.renderPdf(event, { pageSize: request.pageSize, landscape: request.landscape }),
      ),
    'backup:write': (request) => services.backups.write(request),
    'backup:list': async () => ({
      folder: services.backups.path,
      backups: await services.backups.list(),
    }),
    'backup:read': async (request) => {
      const text = await services.backups.read(request.id);
      return text === null ? { found: false } : { found: true, text };
    },
    'backup:delete': async (request) => ({ deleted: await services.backups.remove(request.id) }),
    'backup:openFolder': async () => {
      const folder = services.backups.path;
      // The folder appears with the first backup; opening it before then shows it empty.
      await mkdir(folder, { recursive: true });
      const error = await services.openPath(folder);
      return error === '' ? { opened: true } : { opened: false, error: error.slice(0, 1000) };
    },
    'app:quitReady': async (request, event) => {
      services.quitReady(event, request.requestId);
      return undefined;
    },
  };
}
