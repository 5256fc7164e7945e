import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { MAX_STREAM_TOTAL_BYTES, type SaveStreamPiece } from '@shared/ipc/contract';
import { openAtomicFile, type AtomicFile } from './atomic-write';
import { ownedStreams, systemErrorCode } from './owned-streams';

/** A streamed save request main will not carry out (unknown id, wrong window, too large…). */
export class SaveStreamRefusedError extends Error {
  constructor(reason: string) {
    super(`Pursuit refused to write the file: ${reason}.`);
    this.name = 'SaveStreamRefusedError';
  }
}

const WRITE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  EISDIR: 'a folder has that name',
  ENOENT: 'the folder no longer exists',
};

/**
 * The file system failed while writing (disk full, no permission). The message names the
 * problem and the system's error code, never the path: the renderer shows it to the user and
 * recognises the code (`ENOSPC`, `EACCES`…) to say what to do.
 */
export class SaveStreamWriteError extends Error {
  readonly code: string;
  constructor(cause: unknown) {
    const code = systemErrorCode(cause);
    const problem = WRITE_PROBLEMS[code] ?? 'the file system reported an error';
    super(`The file could not be written: ${problem} (${code}). Nothing was saved.`);
    this.name = 'SaveStreamWriteError';
    this.code = code;
  }
}

export interface SaveStreamsOptions {
  readonly openFile?: (targetPath: string) => Promise<AtomicFile>;
  readonly newId?: () => string;
  /** Largest file one stream may write, in bytes. */
  readonly maxTotalBytes?: number;
  /** How many saves one window may have open at once (each holds a file open). */
  readonly maxOpenPerOwner?: number;
}

/**
 * The streamed saves in progress, each owned by the webContents (window) that opened it. Only
 * the owner may append to, finish or abort a stream; a window that closes, reloads or crashes
 * has its streams dropped (`dropOwner`), which removes their temporary files.
 */
export interface SaveStreams {
  /**
   * Asks `choosePath` (the save dialog) for the target and creates its temporary file; resolves
   * to the new stream's id, or null when the user cancelled.
   */
  open(owner: number, choosePath: () => Promise<string | null>): Promise<string | null>;
  /** Appends a piece; resolves to the bytes written so far. */
  append(owner: number, id: string, piece: SaveStreamPiece): Promise<number>;
  /** Puts the complete file in place; resolves to its base name. */
  finish(owner: number, id: string): Promise<string>;
  /** Drops the stream and its temporary file; false when it had already ended. */
  abort(owner: number, id: string): Promise<boolean>;
  /** Drops every stream of `owner` (its window closed or reloaded). */
  dropOwner(owner: number): Promise<void>;
  /** How many streams are open, for `owner` or for all windows. */
  openCount(owner?: number): number;
}

type Ending = 'finished' | 'aborted' | 'failed' | 'dropped';

const ENDING_TEXT: Readonly<Record<Ending, string>> = {
  finished: 'this save is already finished',
  aborted: 'this save was cancelled',
  failed: 'this save failed and was abandoned',
  dropped: 'this save was dropped when its window closed or reloaded',
};

interface Stream {
  readonly owner: number;
  readonly file: AtomicFile;
  bytes: number;
  ending: Ending | null;
  /** Operations on one stream run one after the other, in the order they arrived. */
  queue: Promise<unknown>;
}

function sizeOf(piece: SaveStreamPiece): number {
  return typeof piece === 'string' ? Buffer.byteLength(piece, 'utf8') : piece.byteLength;
}

export function createSaveStreams(options: SaveStreamsOptions = {}): SaveStreams {
  const openFile = options.openFile ?? ((path: string) => openAtomicFile(path));
  const newId = options.newId ?? randomUUID;
  const maxTotalBytes = options.maxTotalBytes ?? MAX_STREAM_TOTAL_BYTES;
  const maxOpenPerOwner = options.maxOpenPerOwner ?? 4;
  const streams = ownedStreams<Stream, Ending>({
    endings: ENDING_TEXT,
    otherWindow: 'the save belongs to another window',
    unknown: 'no save is open with this id',
    refuse: (reason) => new SaveStreamRefusedError(reason),
  });
  const find = streams.find;

  function end(id: string, stream: Stream, ending: Ending): void {
    stream.ending = ending;
    streams.end(id, stream.owner, ending);
  }

  /** Runs `operation` after the stream's earlier ones, once it is known to be still open. */
  function enqueue<T>(stream: Stream, operation: () => Promise<T>): Promise<T> {
    const run = stream.queue.then(() => {
      if (stream.ending !== null) throw new SaveStreamRefusedError(ENDING_TEXT[stream.ending]);
      return operation();
    });
    stream.queue = run.catch(() => undefined);
    return run;
  }

  async function fail(id: string, stream: Stream, error: unknown): Promise<never> {
    end(id, stream, 'failed');
    await stream.file.discard().catch(() => undefined);
    throw error;
  }

  return {
    async open(owner, choosePath) {
      if (streams.count(owner) >= maxOpenPerOwner) {
        throw new SaveStreamRefusedError(
          `a window may have at most ${maxOpenPerOwner} saves in progress`,
        );
      }
      const path = await choosePath();
      if (path === null) return null;
      let file: AtomicFile;
      try {
        file = await openFile(path);
      } catch (error) {
        throw new SaveStreamWriteError(error);
      }
      const id = newId();
      streams.add(id, { owner, file, bytes: 0, ending: null, queue: Promise.resolve() });
      return id;
    },

    async append(owner, id, piece) {
      const stream = find(owner, id);
      return enqueue(stream, async () => {
        const size = sizeOf(piece);
        if (stream.bytes + size > maxTotalBytes) {
          return fail(
            id,
            stream,
            new SaveStreamRefusedError(
              `the file would be larger than ${maxTotalBytes} bytes, so the save was abandoned`,
            ),
          );
        }
        try {
          await stream.file.write(piece);
        } catch (error) {
          return fail(id, stream, new SaveStreamWriteError(error));
        }
        stream.bytes += size;
        return stream.bytes;
      });
    },

    async finish(owner, id) {
      const stream = find(owner, id);
      return enqueue(stream, async () => {
        end(id, stream, 'finished');
        try {
          await stream.file.commit();
        } catch (error) {
          streams.end(id, owner, 'failed');
          await stream.file.discard().catch(() => undefined);
          throw new SaveStreamWriteError(error);
        }
        return basename(stream.file.targetPath);
      });
    },

    async abort(owner, id) {
      if (streams.hasEnded(owner, id)) return false;
      const open = find(owner, id);
      return enqueue(open, async () => {
        end(id, open, 'aborted');
        await open.file.discard();
        return true;
      });
    },

    async dropOwner(owner) {
      await Promise.all(
        streams.ownedBy(owner).map(([id, stream]) => {
          // Ended at once, so nothing queued behind this runs; the file goes once writes settle.
          end(id, stream, 'dropped');
          return stream.queue.then(() => stream.file.discard()).catch(() => undefined);
        }),
      );
    },

    openCount: streams.count,
  };
}
