import {
  openFileRequestSchema,
  openStreamOpenRequestSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
  saveStreamOpenRequestSchema,
  type FileFilter,
  type OpenFileResult,
} from '@shared/ipc/contract';
import { createBrowserAutoBackups } from '@renderer/db/auto-backups';
import type { OpenProgress, Platform, SaveOutcome, SavePiece } from '@renderer/platform/platform';
import { pieceSize, totalSize } from '@renderer/platform/savePieces';
import { validateRequest } from '@renderer/platform/validateRequest';

export interface BrowserPlatformOptions {
  readonly window: Window;
  readonly appName: string;
  readonly version: string;
  /** How long a download's object URL is kept alive; the browser reads it asynchronously. */
  readonly revokeAfterMs?: number;
}

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  csv: 'text/csv;charset=utf-8',
  ics: 'text/calendar;charset=utf-8',
  json: 'application/json',
  txt: 'text/plain;charset=utf-8',
  pdf: 'application/pdf',
  png: 'image/png',
  svg: 'image/svg+xml;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function mimeTypeFor(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/** The `accept` attribute equivalent of native dialog filters: ".csv,.xlsx". */
export function acceptAttribute(filters: readonly FileFilter[]): string {
  return filters.flatMap((filter) => filter.extensions.map((ext) => `.${ext}`)).join(',');
}

/**
 * The bytes of a chosen file, read as a stream into one array of its size so progress can be
 * told on the way (and no second copy of a large file is made).
 */
export async function readFileWithProgress(
  file: File,
  onProgress?: (progress: OpenProgress) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const total = file.size;
  onProgress?.({ name: file.name, done: 0, total });
  if (typeof file.stream !== 'function') {
    const content = new Uint8Array(await file.arrayBuffer());
    onProgress?.({ name: file.name, done: content.byteLength, total });
    return content;
  }
  const content = new Uint8Array(total);
  const reader = file.stream().getReader();
  let done = 0;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      if (done + chunk.value.byteLength > total) {
        throw new Error('The file changed while it was being read. Choose it again.');
      }
      content.set(chunk.value, done);
      done += chunk.value.byteLength;
      onProgress?.({ name: file.name, done, total });
    }
  } finally {
    reader.releaseLock();
  }
  if (done !== total) throw new Error('The file changed while it was being read. Choose it again.');
  return content;
}

function pickFile(win: Window, accept: string): Promise<File | null> {
  const doc = win.document;
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    let settled = false;
    const finish = (file: File | null): void => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.item(0) ?? null));
    // Fired by current browsers when the user closes the picker without choosing.
    input.addEventListener('cancel', () => finish(null));
    doc.body.append(input);
    input.click();
  });
}

const PRINT_STYLE_ID = 'pursuit-print-page';

/**
 * The same app in a plain browser: files are downloads and uploads, printing is the browser's
 * print dialog (which offers "Save as PDF"), and there is no native menu.
 */
export function createBrowserPlatform(options: BrowserPlatformOptions): Platform {
  const win = options.window;
  const doc = win.document;
  const revokeAfterMs = options.revokeAfterMs ?? 60_000;

  /** Hands `blob` to the browser as a download named `fileName`. */
  function download(blob: Blob, fileName: string): SaveOutcome {
    const url = URL.createObjectURL(blob);
    const link = doc.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    link.hidden = true;
    doc.body.append(link);
    link.click();
    link.remove();
    win.setTimeout(() => URL.revokeObjectURL(url), revokeAfterMs);
    return { status: 'downloaded', fileName };
  }

  /** Asks for a file; one over `maxBytes` is reported, not read; `read` reads the chosen one. */
  async function openPicked(
    filters: readonly FileFilter[],
    maxBytes: number,
    read: (file: File) => Promise<Uint8Array<ArrayBuffer>>,
  ): Promise<OpenFileResult> {
    const file = await pickFile(win, acceptAttribute(filters));
    if (file === null) return { status: 'cancelled' };
    if (file.size > maxBytes) {
      return { status: 'tooLarge', name: file.name, sizeBytes: file.size, maxBytes };
    }
    return { status: 'opened', name: file.name, content: await read(file) };
  }

  return {
    kind: 'browser',
    async getAppInfo() {
      const nav: Navigator & { userAgentData?: { platform?: string } } = win.navigator;
      return {
        name: options.appName,
        version: options.version,
        runtime: 'browser',
        platform: nav.userAgentData?.platform || nav.platform || 'web',
        electronVersion: null,
        chromeVersion: null,
        userDataPath: null,
      };
    },
    async saveFile(request) {
      const { suggestedName, content } = validateRequest(
        saveFileRequestSchema,
        request,
        'save file',
      );
      return download(new Blob([content], { type: mimeTypeFor(suggestedName) }), suggestedName);
    },
    async saveFileStream({ suggestedName, filters, pieces, onProgress }) {
      validateRequest(saveStreamOpenRequestSchema, { suggestedName, filters }, 'save file');
      const total = totalSize(pieces);
      // A Blob keeps its parts as they are (the browser may hold them on disk), so the pieces
      // are never joined into one string.
      const parts: SavePiece[] = [];
      let done = 0;
      for await (const piece of pieces) {
        parts.push(piece);
        done += pieceSize(piece);
      }
      const outcome = download(
        new Blob(parts, { type: mimeTypeFor(suggestedName) }),
        suggestedName,
      );
      onProgress?.({ done, total });
      return outcome;
    },
    async openFile(request) {
      const { filters, maxBytes } = validateRequest(openFileRequestSchema, request, 'open file');
      return openPicked(
        filters,
        maxBytes,
        async (file) => new Uint8Array(await file.arrayBuffer()),
      );
    },
    async openFileStream({ filters, maxBytes, onProgress }) {
      validateRequest(openStreamOpenRequestSchema, { filters, maxBytes }, 'open file');
      return openPicked(filters, maxBytes, (file) => readFileWithProgress(file, onProgress));
    },
    async printToPdf(request) {
      const { suggestedName, pageSize, landscape } = validateRequest(
        printToPdfRequestSchema,
        request,
        'print to PDF',
      );
      doc.getElementById(PRINT_STYLE_ID)?.remove();
      const style = doc.createElement('style');
      style.id = PRINT_STYLE_ID;
      style.textContent = `@page { size: ${pageSize} ${landscape ? 'landscape' : 'portrait'}; }`;
      doc.head.append(style);
      // Browsers offer the document title as the PDF's file name.
      const title = doc.title;
      doc.title = suggestedName.replace(/\.pdf$/i, '');
      const restore = (): void => {
        style.remove();
        doc.title = title;
      };
      win.addEventListener('afterprint', restore, { once: true });
      try {
        win.print();
      } catch (error) {
        win.removeEventListener('afterprint', restore);
        restore();
        throw error;
      }
      return { status: 'printDialog' };
    },
    onMenuCommand() {
      return () => undefined;
    },
    autoBackups: createBrowserAutoBackups(),
    onBeforeQuit() {
      return () => undefined;
    },
  };
}
