import { randomUUID } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_STREAM_PIECE_BYTES } from '@shared/ipc/contract';
import { ownedStreams, systemErrorCode } from './owned-streams';

/** A request to read a file in pieces that main will not carry out (unknown id, wrong window…). */
export class OpenStreamRefusedError extends Error {
  constructor(reason: string) {
    super(`Pursuit refused to read the file: ${reason}.`);
    this.name = 'OpenStreamRefusedError';
  }
}

const READ_PROBLEMS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOENT: 'the file no longer exists',
  EIO: 'the disk could not be read',
};

/**
 * The file system failed while reading, or the file changed meanwhile. The message names the
 * problem (and the system's error code when there is one), never the path.
 */
export class OpenStreamReadError extends Error {
  readonly code: string;
  constructor(cause: unknown) {
    const code = systemErrorCode(cause);
    const problem = READ_PROBLEMS[code] ?? 'the file system reported an error';
    super(`The file could not be read: ${problem} (${code}).`);
    this.name = 'OpenStreamReadError';
    this.code = code;
  }
}

/** What main needs of an open file: its size and reads at a position (a `FileHandle` has both). */
export interface ReadableFile {
  stat(): Promise<{ readonly size: number }>;
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ readonly bytesRead: number }>;
  close(): Promise<void>;
}

export interface OpenStreamsOptions {
  readonly openFile?: (path: string) => Promise<ReadableFile>;
  readonly newId?: () => string;
  /** Largest piece one read may return, in bytes. */
  readonly maxPieceBytes?: number;
  /** How many files one window may have open for reading at once. */
  readonly maxOpenPerOwner?: number;
}

export type OpenStreamOpened =
  | { readonly status: 'cancelled' }
  | { readonly status: 'opened'; readonly id: string; readonly name: string; readonly size: number }
  | {
      readonly status: 'tooLarge';
      readonly name: string;
      readonly size: number;
      readonly maxBytes: number;
    };

/**
 * Files opened to be read in pieces, each owned by the webContents (window) that opened it. Only
 * the owner may read or close one; a window that closes, reloads or crashes has its files closed
 * (`dropOwner`). The size is fixed when the file is opened: reads never go past it, and a file
 * that shrank meanwhile is reported rather than read short.
 */
export interface OpenStreams {
  /**
   * Asks `choosePath` (the open dialog) for the file and opens it; larger than `maxBytes`, it
   * is closed again and reported as too large.
   */
  open(
    owner: number,
    choosePath: () => Promise<string | null>,
    maxBytes: number,
  ): Promise<OpenStreamOpened>;
  /** `length` bytes from `offset`, fewer only at the end of the file. */
  read(owner: number, id: string, offset: number, length: number): Promise<Uint8Array<ArrayBuffer>>;
  /** Closes the file; false when it was already closed. */
  close(owner: number, id: string): Promise<boolean>;
  /** Closes every file of `owner` (its window closed or reloaded). */
  dropOwner(owner: number): Promise<void>;
  /** How many files are open, for `owner` or for all windows. */
  openCount(owner?: number): number;
}

type Ending = 'closed' | 'failed' | 'dropped';

const ENDING_TEXT: Readonly<Record<Ending, string>> = {
  closed: 'this file is already closed',
  failed: 'reading this file failed and it was closed',
  dropped: 'this file was closed when its window closed or reloaded',
};

interface Stream {
  readonly owner: number;
  readonly file: ReadableFile;
  readonly size: number;
  /** Reads in flight; closing waits for them. */
  reads: Set<Promise<unknown>>;
}

export function createOpenStreams(options: OpenStreamsOptions = {}): OpenStreams {
  const openFile = options.openFile ?? ((path: string) => open(path, 'r'));
  const newId = options.newId ?? randomUUID;
  const maxPieceBytes = options.maxPieceBytes ?? MAX_STREAM_PIECE_BYTES;
  const maxOpenPerOwner = options.maxOpenPerOwner ?? 4;
  const streams = ownedStreams<Stream, Ending>({
    endings: ENDING_TEXT,
    otherWindow: 'the file belongs to another window',
    unknown: 'no file is open with this id',
    refuse: (reason) => new OpenStreamRefusedError(reason),
  });
  const find = streams.find;
  const count = streams.count;
  /** Files being opened (dialog shown), counted against the window's cap. */
  const opening = new Map<number, number>();
  /** Bumped per window by `dropOwner`, so a file chosen in a dialog of a page now gone is closed. */
  const generation = new Map<number, number>();

  /** Forgets the stream and closes its file once the reads in flight settle. */
  async function end(id: string, stream: Stream, ending: Ending): Promise<void> {
    streams.end(id, stream.owner, ending);
    await Promise.allSettled([...stream.reads]);
    await stream.file.close().catch(() => undefined);
  }

  async function readPiece(
    stream: Stream,
    offset: number,
    length: number,
  ): Promise<Uint8Array<ArrayBuffer>> {
    const wanted = Math.max(0, Math.min(length, stream.size - offset));
    // Exactly the bytes asked for, in a buffer of their own (a view would carry its whole buffer).
    const bytes = new Uint8Array(wanted);
    let filled = 0;
    while (filled < wanted) {
      const { bytesRead } = await stream.file.read(bytes, filled, wanted - filled, offset + filled);
      if (bytesRead === 0) {
        throw new OpenStreamRefusedError('the file became shorter while it was being read');
      }
      filled += bytesRead;
    }
    return bytes;
  }

  return {
    async open(owner, choosePath, maxBytes) {
      const busy = count(owner) + (opening.get(owner) ?? 0);
      if (busy >= maxOpenPerOwner) {
        throw new OpenStreamRefusedError(
          `a window may have at most ${maxOpenPerOwner} files open for reading`,
        );
      }
      opening.set(owner, (opening.get(owner) ?? 0) + 1);
      const page = generation.get(owner) ?? 0;
      try {
        const path = await choosePath();
        if (path === null) return { status: 'cancelled' };
        const name = basename(path);
        let file: ReadableFile;
        let size: number;
        try {
          file = await openFile(path);
        } catch (error) {
          throw new OpenStreamReadError(error);
        }
        try {
          size = (await file.stat()).size;
        } catch (error) {
          await file.close().catch(() => undefined);
          throw new OpenStreamReadError(error);
        }
        if ((generation.get(owner) ?? 0) !== page) {
          await file.close().catch(() => undefined);
          throw new OpenStreamRefusedError(ENDING_TEXT.dropped);
        }
        if (size > maxBytes) {
          await file.close().catch(() => undefined);
          return { status: 'tooLarge', name, size, maxBytes };
        }
        const id = newId();
        streams.add(id, { owner, file, size, reads: new Set() });
        return { status: 'opened', id, name, size };
      } finally {
        const left = (opening.get(owner) ?? 1) - 1;
        if (left === 0) opening.delete(owner);
        else opening.set(owner, left);
      }
    },

    async read(owner, id, offset, length) {
      const stream = find(owner, id);
      if (length < 1 || length > maxPieceBytes) {
        throw new OpenStreamRefusedError(`a piece read is 1 to ${maxPieceBytes} bytes`);
      }
      if (!Number.isInteger(offset) || offset < 0 || offset > stream.size) {
        throw new OpenStreamRefusedError(
          `the offset ${offset} is outside the file (${stream.size} bytes)`,
        );
      }
      const reading = readPiece(stream, offset, length);
      stream.reads.add(reading);
      try {
        return await reading;
      } catch (error) {
        const failure =
          error instanceof OpenStreamRefusedError ? error : new OpenStreamReadError(error);
        if (!streams.hasEnded(owner, id)) await end(id, stream, 'failed');
        throw failure;
      } finally {
        stream.reads.delete(reading);
      }
    },

    async close(owner, id) {
      if (streams.hasEnded(owner, id)) return false;
      const open = find(owner, id);
      await end(id, open, 'closed');
      return true;
    },

    async dropOwner(owner) {
      generation.set(owner, (generation.get(owner) ?? 0) + 1);
      await Promise.all(streams.ownedBy(owner).map(([id, stream]) => end(id, stream, 'dropped')));
    },

    openCount: count,
  };
}
