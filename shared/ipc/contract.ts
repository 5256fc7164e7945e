/**
 * The one IPC contract between the renderer and the desktop shell: every channel, the runtime
 * schema of what the renderer may send on it and of what main answers. Main parses every request
 * with these schemas (after checking who sent it) and parses its own answers before returning
 * them, so the types below are also what actually crosses the boundary at runtime.
 */
import { z } from 'zod';
import { APP_COMMANDS } from '@shared/app/commands';
import { IPC_CHANNELS, type InvokeChannel } from '@shared/ipc/channels';
import { AUTO_BACKUP_REASONS, parseAutoBackupFileName } from '@shared/backup/auto-backup';
import { planDateSchema } from '@shared/domain/dates';
import { FILE_NAME_PROBLEM_MESSAGES, fileNameProblem } from '@shared/ipc/file-name';

/**
 * Largest file the renderer may ask main to write in one message (`file:save`), in bytes or
 * characters. Larger files go through the streamed save (`file:saveStream:*`) in pieces.
 */
export const MAX_SAVE_BYTES = 50 * 1024 * 1024;
/** Largest binary piece of a streamed save, in bytes. */
export const MAX_STREAM_PIECE_BYTES = 16 * 1024 * 1024;
/**
 * Largest text piece of a streamed save, in UTF-16 code units: one unit is at most 3 bytes of
 * UTF-8 (a surrogate pair, two units, is 4), so a text piece is at most 12 MB on disk.
 */
export const MAX_STREAM_PIECE_CHARS = 4 * 1024 * 1024;
/** Largest file a streamed save may write, in bytes. */
export const MAX_STREAM_TOTAL_BYTES = 4 * 1024 * 1024 * 1024;
/**
 * Largest file the renderer may ask main to read back in one message through the open dialog
 * (`file:open`: spreadsheets, MS Project files), in bytes.
 */
export const MAX_OPEN_BYTES = 50 * 1024 * 1024;
/**
 * Largest backup file Pursuit opens, in bytes. On the desktop it is read in pieces
 * (`file:openStream:*`), each at most `MAX_STREAM_PIECE_BYTES`.
 */
export const MAX_BACKUP_OPEN_BYTES = 1024 * 1024 * 1024;
export const MAX_FILTERS = 8;
export const MAX_FILTER_EXTENSIONS = 8;
export const MAX_FILTER_NAME_LENGTH = 64;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** A bare file name the renderer suggests; see `fileNameProblem` for what is refused and why. */
export const safeFileNameSchema = z.string().superRefine((name, ctx) => {
  const problem = fileNameProblem(name);
  if (problem !== null) {
    ctx.addIssue({ code: 'custom', message: FILE_NAME_PROBLEM_MESSAGES[problem] });
  }
});

/**
 * A name main reports back (the base name of the file the user chose). The user may pick names
 * the renderer could not have suggested, so this only guarantees it is not a path.
 */
export const reportedFileNameSchema = z
  .string()
  .min(1)
  .max(1024)
  .refine(
    (name) => !name.includes('/') && !name.includes('\\') && !name.includes('\0'),
    'a reported file name must not be a path',
  );

export const fileFilterSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(MAX_FILTER_NAME_LENGTH)
    .refine(
      (name) => !CONTROL_CHARACTER.test(name),
      'a filter name must not contain control characters',
    ),
  extensions: z
    .array(
      z
        .string()
        .regex(/^[A-Za-z0-9]{1,10}$/, 'an extension is 1–10 letters or digits, without a dot'),
    )
    .min(1)
    .max(MAX_FILTER_EXTENSIONS),
});

const filtersSchema = z.array(fileFilterSchema).max(MAX_FILTERS);

const saveContentSchema = z.union([
  z.string().max(MAX_SAVE_BYTES, `text content is limited to ${MAX_SAVE_BYTES} characters`),
  z
    .instanceof(Uint8Array)
    .refine(
      (bytes) => bytes.byteLength <= MAX_SAVE_BYTES,
      `binary content is limited to ${MAX_SAVE_BYTES} bytes`,
    ),
]);

export const appInfoRequestSchema = z.undefined();

export const appInfoSchema = z.strictObject({
  name: z.string().min(1).max(200),
  version: z.string().min(1).max(100),
  platform: z.string().min(1).max(50),
  electronVersion: z.string().min(1).max(100),
  chromeVersion: z.string().min(1).max(100),
  /** Where Pursuit keeps its data on this machine (shown to the user, never sent back). */
  userDataPath: z.string().min(1).max(4096),
});

export const saveFileRequestSchema = z.strictObject({
  suggestedName: safeFileNameSchema,
  content: saveContentSchema,
  filters: filtersSchema,
});

export const saveFileResultSchema = z.discriminatedUnion('saved', [
  z.strictObject({ saved: z.literal(false) }),
  z.strictObject({ saved: z.literal(true), fileName: reportedFileNameSchema }),
]);

export const saveStreamOpenRequestSchema = z.strictObject({
  suggestedName: safeFileNameSchema,
  filters: filtersSchema,
});

/** An opaque handle main gives out for one streamed save; it names no path. */
export const saveStreamIdSchema = z.uuid();

export const saveStreamOpenResultSchema = z.discriminatedUnion('opened', [
  z.strictObject({ opened: z.literal(false) }),
  z.strictObject({ opened: z.literal(true), streamId: saveStreamIdSchema }),
]);

export const saveStreamPieceSchema = z.union([
  z
    .string()
    .max(MAX_STREAM_PIECE_CHARS, `a text piece is limited to ${MAX_STREAM_PIECE_CHARS} characters`),
  z
    .instanceof(Uint8Array)
    .refine(
      (bytes) => bytes.byteLength <= MAX_STREAM_PIECE_BYTES,
      `a binary piece is limited to ${MAX_STREAM_PIECE_BYTES} bytes`,
    ),
]);

export const saveStreamAppendRequestSchema = z.strictObject({
  streamId: saveStreamIdSchema,
  piece: saveStreamPieceSchema,
});

/** How many bytes of the file are written so far. */
export const saveStreamAppendResultSchema = z.strictObject({
  bytes: z.int().min(0).max(MAX_STREAM_TOTAL_BYTES),
});

export const saveStreamRequestSchema = z.strictObject({ streamId: saveStreamIdSchema });

export const saveStreamAbortResultSchema = z.strictObject({ aborted: z.boolean() });

export const openFileRequestSchema = z.strictObject({
  filters: filtersSchema,
  maxBytes: z.int().min(1).max(MAX_OPEN_BYTES),
});

export const openFileResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('cancelled') }),
  z.strictObject({
    status: z.literal('opened'),
    name: reportedFileNameSchema,
    content: z.instanceof(Uint8Array),
  }),
  z.strictObject({
    status: z.literal('tooLarge'),
    name: reportedFileNameSchema,
    sizeBytes: z.int().min(0),
    maxBytes: z.int().min(1),
  }),
]);

export const openStreamOpenRequestSchema = z.strictObject({
  filters: filtersSchema,
  maxBytes: z.int().min(1).max(MAX_BACKUP_OPEN_BYTES),
});

/** An opaque handle main gives out for one file opened to be read in pieces; it names no path. */
export const openStreamIdSchema = z.uuid();

export const openStreamOpenResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('cancelled') }),
  z.strictObject({
    status: z.literal('opened'),
    streamId: openStreamIdSchema,
    name: reportedFileNameSchema,
    sizeBytes: z.int().min(0).max(MAX_BACKUP_OPEN_BYTES),
  }),
  z.strictObject({
    status: z.literal('tooLarge'),
    name: reportedFileNameSchema,
    sizeBytes: z.int().min(0),
    maxBytes: z.int().min(1),
  }),
]);

export const openStreamReadRequestSchema = z.strictObject({
  streamId: openStreamIdSchema,
  offset: z.int().min(0).max(MAX_BACKUP_OPEN_BYTES),
  length: z
    .int()
    .min(1)
    .max(MAX_STREAM_PIECE_BYTES, `a piece read is limited to ${MAX_STREAM_PIECE_BYTES} bytes`),
});

/** The bytes of the file from the requested offset: the length asked for, or up to its end. */
export const openStreamReadResultSchema = z.strictObject({
  bytes: z
    .instanceof(Uint8Array)
    .refine(
      (bytes) => bytes.byteLength <= MAX_STREAM_PIECE_BYTES,
      `a piece read is limited to ${MAX_STREAM_PIECE_BYTES} bytes`,
    ),
});

export const openStreamRequestSchema = z.strictObject({ streamId: openStreamIdSchema });

export const openStreamCloseResultSchema = z.strictObject({ closed: z.boolean() });

export const PDF_PAGE_SIZES = ['A4', 'Letter'] as const;

export const printToPdfRequestSchema = z.strictObject({
  suggestedName: safeFileNameSchema,
  pageSize: z.enum(PDF_PAGE_SIZES),
  landscape: z.boolean(),
});

export const menuCommandSchema = z.enum(APP_COMMANDS);

/** Largest automatic backup the renderer may hand to main, in characters. */
export const MAX_BACKUP_CHARS = 200 * 1024 * 1024;

/** The name of one automatic backup file in the backups folder, and nothing else. */
export const backupFileNameSchema = z
  .string()
  .max(300)
  .refine(
    (name) => parseAutoBackupFileName(name, 0) !== null,
    'not the name of an automatic backup file',
  );

export const autoBackupInfoSchema = z.strictObject({
  id: backupFileNameSchema,
  createdAt: z.int().min(0),
  day: planDateSchema,
  reason: z.enum(AUTO_BACKUP_REASONS),
  records: z.int().min(0),
  bytes: z.int().min(0),
  appVersion: z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/),
});

export const backupWriteRequestSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a backup id is 1–64 letters, digits or dashes'),
  createdAt: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  day: planDateSchema,
  reason: z.enum(AUTO_BACKUP_REASONS),
  records: z.int().min(0).max(999_999_999),
  appVersion: z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/, 'an app version is 1–40 plain characters'),
  text: z.string().max(MAX_BACKUP_CHARS, `a backup is limited to ${MAX_BACKUP_CHARS} characters`),
});

export const backupListResultSchema = z.strictObject({
  /** The backups folder (shown to the user with a button to open it). */
  folder: z.string().min(1).max(4096),
  backups: z.array(autoBackupInfoSchema),
});

export const backupFileRequestSchema = z.strictObject({ id: backupFileNameSchema });

export const backupReadResultSchema = z.discriminatedUnion('found', [
  z.strictObject({ found: z.literal(false) }),
  z.strictObject({ found: z.literal(true), text: z.string() }),
]);

export const backupDeleteResultSchema = z.strictObject({ deleted: z.boolean() });

export const openFolderResultSchema = z.discriminatedUnion('opened', [
  z.strictObject({ opened: z.literal(true) }),
  z.strictObject({ opened: z.literal(false), error: z.string().max(1000) }),
]);

export const quitReadyRequestSchema = z.strictObject({ requestId: z.int().min(1) });

export const IPC_CONTRACT = {
  [IPC_CHANNELS.appInfo]: { request: appInfoRequestSchema, response: appInfoSchema },
  [IPC_CHANNELS.fileSave]: { request: saveFileRequestSchema, response: saveFileResultSchema },
  [IPC_CHANNELS.fileOpen]: { request: openFileRequestSchema, response: openFileResultSchema },
  [IPC_CHANNELS.saveStreamOpen]: {
    request: saveStreamOpenRequestSchema,
    response: saveStreamOpenResultSchema,
  },
  [IPC_CHANNELS.saveStreamAppend]: {
    request: saveStreamAppendRequestSchema,
    response: saveStreamAppendResultSchema,
  },
  [IPC_CHANNELS.saveStreamFinish]: {
    request: saveStreamRequestSchema,
    response: saveFileResultSchema,
  },
  [IPC_CHANNELS.saveStreamAbort]: {
    request: saveStreamRequestSchema,
    response: saveStreamAbortResultSchema,
  },
  [IPC_CHANNELS.openStreamOpen]: {
    request: openStreamOpenRequestSchema,
    response: openStreamOpenResultSchema,
  },
  [IPC_CHANNELS.openStreamRead]: {
    request: openStreamReadRequestSchema,
    response: openStreamReadResultSchema,
  },
  [IPC_CHANNELS.openStreamClose]: {
    request: openStreamRequestSchema,
    response: openStreamCloseResultSchema,
  },
  [IPC_CHANNELS.printToPdf]: { request: printToPdfRequestSchema, response: saveFileResultSchema },
  [IPC_CHANNELS.backupWrite]: { request: backupWriteRequestSchema, response: autoBackupInfoSchema },
  [IPC_CHANNELS.backupList]: { request: z.undefined(), response: backupListResultSchema },
  [IPC_CHANNELS.backupRead]: { request: backupFileRequestSchema, response: backupReadResultSchema },
  [IPC_CHANNELS.backupDelete]: {
    request: backupFileRequestSchema,
    response: backupDeleteResultSchema,
  },
  [IPC_CHANNELS.backupOpenFolder]: { request: z.undefined(), response: openFolderResultSchema },
  [IPC_CHANNELS.quitReady]: { request: quitReadyRequestSchema, response: z.undefined() },
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>;

export type IpcContract = typeof IPC_CONTRACT;
export type IpcRequest<C extends InvokeChannel> = z.output<IpcContract[C]['request']>;
export type IpcResponse<C extends InvokeChannel> = z.output<IpcContract[C]['response']>;

export type FileFilter = z.output<typeof fileFilterSchema>;
export type AppInfo = z.output<typeof appInfoSchema>;
export type SaveFileRequest = z.output<typeof saveFileRequestSchema>;
export type SaveFileResult = z.output<typeof saveFileResultSchema>;
export type SaveStreamOpenRequest = z.output<typeof saveStreamOpenRequestSchema>;
export type SaveStreamOpenResult = z.output<typeof saveStreamOpenResultSchema>;
export type SaveStreamPiece = z.output<typeof saveStreamPieceSchema>;
export type SaveStreamAppendRequest = z.output<typeof saveStreamAppendRequestSchema>;
export type SaveStreamAppendResult = z.output<typeof saveStreamAppendResultSchema>;
export type SaveStreamRequest = z.output<typeof saveStreamRequestSchema>;
export type SaveStreamAbortResult = z.output<typeof saveStreamAbortResultSchema>;
export type OpenFileRequest = z.output<typeof openFileRequestSchema>;
export type OpenFileResult = z.output<typeof openFileResultSchema>;
export type OpenStreamOpenRequest = z.output<typeof openStreamOpenRequestSchema>;
export type OpenStreamOpenResult = z.output<typeof openStreamOpenResultSchema>;
export type OpenStreamReadRequest = z.output<typeof openStreamReadRequestSchema>;
export type OpenStreamReadResult = z.output<typeof openStreamReadResultSchema>;
export type OpenStreamRequest = z.output<typeof openStreamRequestSchema>;
export type OpenStreamCloseResult = z.output<typeof openStreamCloseResultSchema>;
export type PdfPageSize = (typeof PDF_PAGE_SIZES)[number];
export type PrintToPdfRequest = z.output<typeof printToPdfRequestSchema>;
export type BackupWriteRequest = z.output<typeof backupWriteRequestSchema>;
export type BackupListResult = z.output<typeof backupListResultSchema>;
export type BackupReadResult = z.output<typeof backupReadResultSchema>;
export type BackupDeleteResult = z.output<typeof backupDeleteResultSchema>;
export type OpenFolderResult = z.output<typeof openFolderResultSchema>;
