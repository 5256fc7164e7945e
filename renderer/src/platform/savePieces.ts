import { MAX_STREAM_PIECE_BYTES, MAX_STREAM_PIECE_CHARS } from '@shared/ipc/contract';
import type { SavePiece, SavePieces } from '@renderer/platform/platform';

/** A piece's size as progress counts it: characters of text, bytes of binary content. */
export function pieceSize(piece: SavePiece): number {
  return typeof piece === 'string' ? piece.length : piece.byteLength;
}

/** The size of all pieces when they are a list (so known up front), else null. */
export function totalSize(pieces: SavePieces): number | null {
  if (!Array.isArray(pieces)) return null;
  let total = 0;
  for (const piece of pieces as readonly SavePiece[]) total += pieceSize(piece);
  return total;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Bytes that own their whole buffer. Sending a view over IPC copies its entire underlying
 * buffer, so a 16 MB slice of a 60 MB array would carry 60 MB each time.
 */
function ownBuffer(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : bytes.slice();
}

function concatBytes(
  parts: readonly Uint8Array<ArrayBuffer>[],
  length: number,
): Uint8Array<ArrayBuffer> {
  const [only] = parts;
  if (parts.length === 1 && only !== undefined) return ownBuffer(only);
  const joined = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.byteLength;
  }
  return joined;
}

export interface PieceLimits {
  /** Largest text piece, in UTF-16 code units (at least 2, so a surrogate pair always fits). */
  readonly chars: number;
  /** Largest binary piece, in bytes. */
  readonly bytes: number;
}

const CONTRACT_LIMITS: PieceLimits = {
  chars: MAX_STREAM_PIECE_CHARS,
  bytes: MAX_STREAM_PIECE_BYTES,
};

/**
 * The same content regrouped into pieces the streamed save accepts, in order: small pieces are
 * joined (one IPC round trip per few megabytes, not per piece) and large ones split. Text is
 * never cut inside a surrogate pair: main writes each piece as UTF-8 on its own, and half a
 * pair would be written as U+FFFD.
 */
export async function* streamPieces(
  pieces: SavePieces,
  limits: PieceLimits = CONTRACT_LIMITS,
): AsyncGenerator<SavePiece> {
  let texts: string[] = [];
  let textLength = 0;
  let bytes: Uint8Array<ArrayBuffer>[] = [];
  let byteLength = 0;
  const takeText = (): string => {
    const text = texts.join('');
    texts = [];
    textLength = 0;
    return text;
  };
  const takeBytes = (): Uint8Array<ArrayBuffer> => {
    const joined = concatBytes(bytes, byteLength);
    bytes = [];
    byteLength = 0;
    return joined;
  };

  for await (const piece of pieces) {
    if (typeof piece === 'string') {
      if (byteLength > 0) yield takeBytes();
      let rest = piece;
      while (textLength + rest.length > limits.chars) {
        let cut = limits.chars - textLength;
        if (cut > 0 && isHighSurrogate(rest.charCodeAt(cut - 1))) cut -= 1;
        if (cut > 0) {
          texts.push(rest.slice(0, cut));
          textLength += cut;
          rest = rest.slice(cut);
        }
        if (textLength > 0) yield takeText();
      }
      if (rest.length > 0) {
        texts.push(rest);
        textLength += rest.length;
      }
    } else {
      if (textLength > 0) yield takeText();
      let at = 0;
      while (byteLength + piece.byteLength - at > limits.bytes) {
        const cut = limits.bytes - byteLength;
        bytes.push(piece.subarray(at, at + cut));
        byteLength += cut;
        at += cut;
        yield takeBytes();
      }
      if (at < piece.byteLength) {
        bytes.push(piece.subarray(at));
        byteLength += piece.byteLength - at;
      }
    }
  }
  if (textLength > 0) yield takeText();
  if (byteLength > 0) yield takeBytes();
}
