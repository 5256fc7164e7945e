import { describe, expect, it } from 'vitest';
import { APP_COMMANDS } from '@shared/app/commands';
import { IPC_CHANNELS } from '@shared/ipc/channels';
import {
  IPC_CONTRACT,
  menuCommandSchema,
  MAX_BACKUP_OPEN_BYTES,
  MAX_OPEN_BYTES,
  MAX_STREAM_PIECE_BYTES,
  MAX_STREAM_PIECE_CHARS,
  MAX_STREAM_TOTAL_BYTES,
  openFileResultSchema,
  openStreamOpenRequestSchema,
  openStreamOpenResultSchema,
  openStreamReadRequestSchema,
  openStreamReadResultSchema,
  saveFileRequestSchema,
  saveStreamAppendRequestSchema,
  saveStreamOpenResultSchema,
} from '@shared/ipc/contract';
import { fileNameProblem, utf8ByteLength } from '@shared/ipc/file-name';

describe('file names from the renderer', () => {
  it.each([
    'deals.csv',
    'Pipeline 2025-Q3.xlsx',
    '投标计划 华东区.pdf',
    'report.v2.json',
    '.hidden-but-harmless.csv',
    'Ünïcödé – résumé.txt',
  ])('accepts the plain name %j', (name) => {
    expect(fileNameProblem(name)).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['../secrets.txt', 'pathSeparator'],
    ['notes..txt', 'dotDot'],
    ['..', 'dotDot'],
    ['a/b.csv', 'pathSeparator'],
    ['a\\b.csv', 'pathSeparator'],
    ['/etc/passwd', 'absolutePath'],
    ['\\\\server\\share\\x.csv', 'absolutePath'],
    ['C:evil.csv', 'absolutePath'],
    ['D:\\evil.csv', 'absolutePath'],
    ['deals\u0000.csv', 'controlCharacter'],
    ['line\nbreak.csv', 'controlCharacter'],
    ['bell\u0007.csv', 'controlCharacter'],
    ['invoice\u202Efdp.exe', 'bidiControl'],
    ['what?.csv', 'reservedCharacter'],
    ['report:final.csv', 'reservedCharacter'],
    ['a<b>.csv', 'reservedCharacter'],
    ['CON', 'reservedName'],
    ['con.txt', 'reservedName'],
    ['Lpt1.pdf', 'reservedName'],
    ['COM²', 'reservedName'],
    ['trailing.', 'edgeWhitespaceOrDot'],
    ['.', 'edgeWhitespaceOrDot'],
    [' leading.csv', 'edgeWhitespaceOrDot'],
    ['trailing.csv ', 'edgeWhitespaceOrDot'],
    [`${'a'.repeat(197)}.csv`, 'tooLong'],
    [`${'标'.repeat(67)}.csv`, 'tooLong'],
  ])('rejects %j (%s)', (name, problem) => {
    expect(fileNameProblem(name)).toBe(problem);
  });

  it('measures UTF-8, not UTF-16, length', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('标')).toBe(3);
    expect(utf8ByteLength('😀')).toBe(4);
    expect(utf8ByteLength('é')).toBe(2);
  });
});

describe('contract', () => {
  it('has a request and a response schema for every channel, and nothing else', () => {
    expect(Object.keys(IPC_CONTRACT).sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('accepts text and bytes as save content', () => {
    const base = { suggestedName: 'a.csv', filters: [] };
    expect(saveFileRequestSchema.safeParse({ ...base, content: 'x' }).success).toBe(true);
    expect(saveFileRequestSchema.safeParse({ ...base, content: new Uint8Array([1]) }).success).toBe(
      true,
    );
    expect(saveFileRequestSchema.safeParse({ ...base, content: [1, 2] }).success).toBe(false);
  });

  it('streams pieces small enough for one message, under an opaque id', () => {
    const streamId = '3f2c1b8e-5d4a-4c3b-9a1f-0e2d3c4b5a69';
    const ok = (piece: unknown) =>
      saveStreamAppendRequestSchema.safeParse({ streamId, piece }).success;
    expect(ok('x'.repeat(MAX_STREAM_PIECE_CHARS))).toBe(true);
    expect(ok('x'.repeat(MAX_STREAM_PIECE_CHARS + 1))).toBe(false);
    expect(ok(new Uint8Array(3))).toBe(true);
    expect(ok(new Uint16Array(3))).toBe(false);
    expect(
      saveStreamAppendRequestSchema.safeParse({ streamId: 'backup.json', piece: 'x' }).success,
    ).toBe(false);
    expect(saveStreamOpenResultSchema.safeParse({ opened: true, streamId }).success).toBe(true);
    expect(
      saveStreamOpenResultSchema.safeParse({ opened: true, streamId: '/home/u/b.json' }).success,
    ).toBe(false);
    // Text pieces stay within 16 MB of UTF-8; a stream within 4 GB.
    expect(MAX_STREAM_PIECE_CHARS * 3).toBeLessThanOrEqual(16 * 1024 * 1024);
    expect(MAX_STREAM_TOTAL_BYTES).toBe(4 * 1024 ** 3);
  });

  it('reports opened files by name only', () => {
    const content = new Uint8Array([1]);
    expect(
      openFileResultSchema.safeParse({ status: 'opened', name: 'a.csv', content }).success,
    ).toBe(true);
    expect(
      openFileResultSchema.safeParse({ status: 'opened', name: '/tmp/a.csv', content }).success,
    ).toBe(false);
  });

  it('reads backups of up to 1 GiB in pieces of one message, by offset, under an opaque id', () => {
    const streamId = '3f2c1b8e-5d4a-4c3b-9a1f-0e2d3c4b5a69';
    expect(MAX_BACKUP_OPEN_BYTES).toBe(1024 ** 3);
    expect(MAX_OPEN_BYTES).toBe(50 * 1024 ** 2);
    const open = (maxBytes: number) =>
      openStreamOpenRequestSchema.safeParse({ filters: [], maxBytes }).success;
    expect(open(MAX_BACKUP_OPEN_BYTES)).toBe(true);
    expect(open(MAX_BACKUP_OPEN_BYTES + 1)).toBe(false);
    const read = (offset: number, length: number) =>
      openStreamReadRequestSchema.safeParse({ streamId, offset, length }).success;
    expect(read(MAX_BACKUP_OPEN_BYTES - 1, MAX_STREAM_PIECE_BYTES)).toBe(true);
    expect(read(0, MAX_STREAM_PIECE_BYTES + 1)).toBe(false);
    expect(read(0, 0)).toBe(false);
    expect(read(-1, 1)).toBe(false);
    expect(read(0.5, 1)).toBe(false);
    const opened = { status: 'opened', streamId, name: 'b.json', sizeBytes: 3 };
    expect(openStreamOpenResultSchema.safeParse(opened).success).toBe(true);
    expect(
      openStreamOpenResultSchema.safeParse({ ...opened, name: '/home/u/b.json' }).success,
    ).toBe(false);
    expect(openStreamOpenResultSchema.safeParse({ ...opened, streamId: 'b.json' }).success).toBe(
      false,
    );
    expect(openStreamOpenResultSchema.safeParse({ ...opened, path: '/home/u' }).success).toBe(
      false,
    );
    const piece = (bytes: unknown) => openStreamReadResultSchema.safeParse({ bytes }).success;
    expect(piece(new Uint8Array(MAX_STREAM_PIECE_BYTES))).toBe(true);
    expect(piece(new Uint8Array(MAX_STREAM_PIECE_BYTES + 1))).toBe(false);
    expect(piece('text')).toBe(false);
  });

  it('menu events carry only known commands', () => {
    for (const command of APP_COMMANDS) expect(menuCommandSchema.parse(command)).toBe(command);
    expect(menuCommandSchema.safeParse('app.quit').success).toBe(false);
  });
});
