import { describe, expect, it } from 'vitest';
import { MAX_STREAM_PIECE_BYTES, MAX_STREAM_PIECE_CHARS } from '@shared/ipc/contract';
import type { SavePiece } from '@renderer/platform/platform';
import { streamPieces, totalSize } from '@renderer/platform/savePieces';

async function regroup(pieces: SavePiece[], chars = 4, bytes = 4): Promise<SavePiece[]> {
  const out: SavePiece[] = [];
  for await (const piece of streamPieces(pieces, { chars, bytes })) out.push(piece);
  return out;
}

const text = (pieces: SavePiece[]) => pieces.filter((p): p is string => typeof p === 'string');

describe('pieces for the streamed save', () => {
  it('joins small text pieces up to the limit and splits long ones', async () => {
    expect(await regroup(['a', 'b', 'cdefghij', 'k'])).toEqual(['abcd', 'efgh', 'ijk']);
  });

  it('never cuts a surrogate pair, so no character is written as U+FFFD', async () => {
    const out = await regroup(['abc😀de😀😀']);
    expect(out.join('')).toBe('abc😀de😀😀');
    for (const piece of text(out)) {
      expect(piece.length).toBeLessThanOrEqual(4);
      expect(new TextDecoder().decode(new TextEncoder().encode(piece))).toBe(piece);
      expect(piece).not.toMatch(/[\uD800-\uDBFF]$/);
    }
  });

  it('joins and splits bytes, each piece owning its own buffer', async () => {
    const big = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const out = await regroup([new Uint8Array([0]), big.subarray(1), new Uint8Array([11])]);
    expect(out.map((p) => [...(p as Uint8Array)])).toEqual([
      [0, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11],
    ]);
    for (const piece of out) {
      const bytes = piece as Uint8Array;
      expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
    }
  });

  it('keeps text and bytes apart and in order', async () => {
    const out = await regroup(['ab', new Uint8Array([1]), 'c', 'd']);
    expect(out).toEqual(['ab', new Uint8Array([1]), 'cd']);
  });

  it('uses the contract limits by default', async () => {
    const out: SavePiece[] = [];
    for await (const piece of streamPieces([
      'x'.repeat(MAX_STREAM_PIECE_CHARS + 1),
      new Uint8Array(MAX_STREAM_PIECE_BYTES + 1),
    ])) {
      out.push(piece);
    }
    expect(out.map((p) => (typeof p === 'string' ? p.length : p.byteLength))).toEqual([
      MAX_STREAM_PIECE_CHARS,
      1,
      MAX_STREAM_PIECE_BYTES,
      1,
    ]);
  });

  it('knows the total of a list, not of pieces produced on the fly', () => {
    expect(totalSize(['ab', new Uint8Array(3)])).toBe(5);
    expect(totalSize((function* () {})())).toBeNull();
  });
});
