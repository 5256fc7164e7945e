/**
 * The backup file: the whole database as one JSON document a person can open, diff and keep.
 *
 * ```
 * {"format":"pursuit-backup","formatVersion":1,"appVersion":"0.1.0","createdAt":"2026-11-26T09:00:00.000Z","tables":{
 * "settings":[
 * {…one record per line…}
 * ],
 * …every table, in TABLE_NAMES order…
 * }}
 * ```
 *
 * Writing is deterministic: the header keys, the tables (in `TABLE_NAMES` order) and the records
 * (in the order given, which for a database export is primary-key order) come in a fixed order,
 * and each record keeps the key order it was stored with — IndexedDB preserves it, and records
 * written by the app pass through their schema, so their keys follow the schema's field order.
 * The same stored data therefore always gives the same bytes, and two backups diff record by
 * record. Keys are deliberately not re-sorted: on data read back from IndexedDB, copying every
 * object with sorted keys made writing the 2,000-deal benchmark portfolio 2–5 times slower.
 *
 * Reading (`parseBackup`) trusts nothing and never throws. It refuses, with a message naming the
 * table, record and field: text that is not JSON (with line and column), JSON that is not a
 * Pursuit backup, a format version newer than this build knows (older ones are migrated, see
 * `migrations.ts`), tables it does not know, **missing tables** (a backup written by Pursuit
 * always has every table of its version, even empty, so a missing one means the file was cut or
 * edited — and restoring it would silently erase that table), records failing their schema,
 * duplicate ids and broken references (`references.ts`). Only a file with no problem at all
 * yields a portfolio, so a restore is all or nothing.
 */
import { checkReferences } from '@shared/domain/references';
import { formatPath } from '@shared/domain/issues';
import { ENTITY_SCHEMAS, TABLE_NAMES, emptyPortfolio, isTableName } from '@shared/domain/tables';
import type { Portfolio, TableName } from '@shared/domain/tables';
import { findJsonSyntaxProblem } from '@shared/backup/json-error';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MIGRATIONS,
  canMigrate,
  migrateTables,
} from '@shared/backup/migrations';
import type { BackupMigration } from '@shared/backup/migrations';

export const BACKUP_FORMAT = 'pursuit-backup';

/** At most this many problems are listed; a file with more is reported as having more. */
export const MAX_REPORTED_ERRORS = 50;

/** Longest piece of the file quoted back in a message (a huge string stays out of the UI). */
const MAX_QUOTED = 80;
const MAX_MESSAGE = 400;

export interface BackupMeta {
  /** The version of Pursuit writing the backup. */
  readonly appVersion: string;
  /** When the backup is made, epoch ms; written as an ISO 8601 UTC string. */
  readonly createdAt: number;
}

/** What a valid backup holds, shown to the user before anything is replaced. */
export interface BackupSummary {
  /** The version the file was written in; older files were migrated on reading. */
  readonly formatVersion: number;
  readonly appVersion: string;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly counts: Readonly<Record<TableName, number>>;
  readonly total: number;
}

export type BackupErrorCode =
  /** The file has no content. */
  | 'empty'
  /** Not JSON; `line` and `column` say where it breaks. */
  | 'invalidJson'
  /** JSON, but not a Pursuit backup (no or another `format`). */
  | 'notBackup'
  /** Written by a newer Pursuit; `version` is the file's format version. */
  | 'newerVersion'
  /** A format version that is not a whole number, or one this build cannot migrate. */
  | 'unsupportedVersion'
  /** `appVersion`, `createdAt` or `tables` is missing or malformed; `field` names it. */
  | 'invalidHeader'
  | 'migrationFailed'
  /** `table` is not a table Pursuit knows. */
  | 'unknownTable'
  /** `table` is absent (restoring would erase it). */
  | 'missingTable'
  /** `table` is not a list of records. */
  | 'invalidTable'
  /** A record fails its schema: `table`, `index`, `recordId`, `field`. */
  | 'invalidRecord'
  /** A duplicate id, a reference to nothing, a duplicate deal code or a task loop. */
  | 'invalidReference'
  /** A failure of the reader itself; nothing is restored. */
  | 'internal';

export interface BackupError {
  readonly code: BackupErrorCode;
  /** One readable English sentence fragment; the UI adds the location in the user's language. */
  readonly message: string;
  readonly table?: string;
  /** 0-based position of the record in its table's list. */
  readonly index?: number;
  readonly recordId?: string;
  /** Path inside the record (`value.amountMinor`) or the header field (`createdAt`). */
  readonly field?: string;
  readonly line?: number;
  readonly column?: number;
  /** The file's format version, for `newerVersion` and `unsupportedVersion`. */
  readonly version?: number;
}

export type ParseBackupResult =
  | { readonly ok: true; readonly portfolio: Portfolio; readonly summary: BackupSummary }
  | {
      readonly ok: false;
      readonly errors: readonly BackupError[];
      /** More problems were found than are listed. */
      readonly truncated: boolean;
    };

export interface ParseBackupOptions {
  /** Defaults to `BACKUP_MIGRATIONS`; tests pass synthetic ones. */
  readonly migrations?: readonly BackupMigration[];
  /** The version records must reach; defaults to `BACKUP_FORMAT_VERSION`. */
  readonly currentVersion?: number;
  readonly maxErrors?: number;
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface BackupPiece {
  readonly text: string;
  /** Records written by this piece (0 for the header and table brackets). */
  readonly records: number;
}

/** The file's opening, up to the first table. */
export function backupHeader(meta: BackupMeta): string {
  return [
    `{"format":${JSON.stringify(BACKUP_FORMAT)}`,
    `"formatVersion":${BACKUP_FORMAT_VERSION}`,
    `"appVersion":${JSON.stringify(meta.appVersion)}`,
    `"createdAt":${JSON.stringify(new Date(meta.createdAt).toISOString())}`,
    `"tables":{\n`,
  ].join(',');
}

/** The file's end, after the last table. */
export const BACKUP_FOOTER = '}}\n';

/**
 * One table of the file in pieces of at most `recordsPerPiece` records (one record per line), for
 * a writer that yields between pieces. `table` is the table's position in `TABLE_NAMES`, which
 * is the order the tables are written in. Joined, the pieces are the table's part of the file.
 */
export function* tablePieces(
  table: number,
  rows: readonly unknown[],
  recordsPerPiece = 2_000,
): Generator<BackupPiece> {
  const name = JSON.stringify(TABLE_NAMES[table]);
  const close = table === TABLE_NAMES.length - 1 ? ']\n' : '],\n';
  if (rows.length === 0) {
    yield { text: `${name}:[${close}`, records: 0 };
    return;
  }
  for (let start = 0; start < rows.length; start += recordsPerPiece) {
    const end = Math.min(start + recordsPerPiece, rows.length);
    const lines: string[] = [];
    for (let i = start; i < end; i++) lines.push(JSON.stringify(rows[i]));
    const open = start === 0 ? `${name}:[\n` : ',\n';
    const tail = end === rows.length ? `\n${close}` : '';
    yield { text: `${open}${lines.join(',\n')}${tail}`, records: end - start };
  }
}

/**
 * The backup text in pieces of at most `recordsPerPiece` records, for a caller that yields to
 * the UI between pieces and shows progress. Joined, the pieces are exactly `serializeBackup`.
 */
export function* serializeBackupPieces(
  portfolio: Portfolio,
  meta: BackupMeta,
  recordsPerPiece = 2_000,
): Generator<BackupPiece> {
  yield { text: backupHeader(meta), records: 0 };
  for (let t = 0; t < TABLE_NAMES.length; t++) {
    yield* tablePieces(t, portfolio[TABLE_NAMES[t] as TableName], recordsPerPiece);
  }
  yield { text: BACKUP_FOOTER, records: 0 };
}

/** The whole backup as one text (see the module comment for its layout). */
export function serializeBackup(portfolio: Portfolio, meta: BackupMeta): string {
  let text = '';
  for (const piece of serializeBackupPieces(portfolio, meta)) text += piece.text;
  return text;
}

/** An object with one entry per table, each computed by `valueOf`. */
export function perTable<V>(valueOf: (name: TableName) => V): Record<TableName, V> {
  // fromEntries loses the key type; the entries are exactly one per table name.
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, valueOf(name)])) as Record<
    TableName,
    V
  >;
}

/** How many records each table of `portfolio` holds. */
export function countRecords(portfolio: Portfolio): Record<TableName, number> {
  return perTable((name) => portfolio[name].length);
}

/** `pursuit-backup-2026-11-26.json` for the user's calendar day `YYYY-MM-DD`. */
export function backupFileName(localDate: string): string {
  return `pursuit-backup-${localDate}.json`;
}

// ---------------------------------------------------------------------------------------------
// Reading

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function clip(text: string, max = MAX_QUOTED): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A value from the file as it can be quoted in a message, kept short. */
function quote(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(clip(value));
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return clip(String(value));
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true/false';
  return typeof value;
}

/** The id a record claims, for naming it in a message (clipped: it is not checked yet). */
function recordIdOf(row: unknown): string | undefined {
  return isPlainObject(row) && typeof row.id === 'string' ? clip(row.id) : undefined;
}

/**
 * Deepest nesting a record may have. Real records stay under ten levels (an activity's field
 * change holding a list of objects); the limit keeps a hostile file from exhausting the stack of
 * the recursive validators and of a later export.
 */
export const MAX_RECORD_DEPTH = 32;

/** Whether `value`, at nesting level `depth`, holds anything deeper than `limit`. */
function deeperThan(value: object, depth: number, limit: number): boolean {
  if (depth > limit) return true;
  if (Array.isArray(value)) {
    for (const child of value as unknown[]) {
      if (child !== null && typeof child === 'object' && deeperThan(child, depth + 1, limit)) {
        return true;
      }
    }
    return false;
  }
  // `for…in` rather than `Object.values`: no array per object (this runs on every record).
  for (const key in value) {
    const child: unknown = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object' && deeperThan(child, depth + 1, limit)) {
      return true;
    }
  }
  return false;
}

/**
 * The top-level field of `record` under which nesting goes deeper than `limit`, or `null`. The
 * recursion stops at `limit` levels, so the depth of the input cannot overflow the stack here.
 */
function tooDeep(record: unknown, limit: number): string | null {
  if (record === null || typeof record !== 'object') return null;
  for (const key in record) {
    const value: unknown = (record as Record<string, unknown>)[key];
    if (value !== null && typeof value === 'object' && deeperThan(value, 2, limit)) return key;
  }
  return null;
}

const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

class ErrorList {
  readonly errors: BackupError[] = [];
  truncated = false;
  constructor(private readonly max: number) {}
  get full(): boolean {
    return this.errors.length >= this.max;
  }
  add(error: BackupError): void {
    if (this.full) {
      this.truncated = true;
      return;
    }
    this.errors.push({ ...error, message: clip(error.message, MAX_MESSAGE) });
  }
}

function failure(list: ErrorList): ParseBackupResult {
  return { ok: false, errors: list.errors, truncated: list.truncated };
}

/**
 * Reads a backup file's text into a portfolio ready to restore, or lists what is wrong with it.
 * Never throws: any input gives `{ ok: true }` with a portfolio in which every record passed its
 * schema and every reference resolves, or `{ ok: false }` with at least one specific error.
 */
export function parseBackup(text: string, options: ParseBackupOptions = {}): ParseBackupResult {
  try {
    return parseChecked(text, options);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      ok: false,
      errors: [
        { code: 'internal', message: clip(`the file could not be read (${detail})`, MAX_MESSAGE) },
      ],
      truncated: false,
    };
  }
}

function parseChecked(text: string, options: ParseBackupOptions): ParseBackupResult {
  const maxErrors = Math.max(1, options.maxErrors ?? MAX_REPORTED_ERRORS);
  const currentVersion = options.currentVersion ?? BACKUP_FORMAT_VERSION;
  const migrations = options.migrations ?? BACKUP_MIGRATIONS;
  const list = new ErrorList(maxErrors);

  // A byte-order mark is how some editors start a UTF-8 file; it is not part of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!/\S/.test(body)) {
    list.add({ code: 'empty', message: 'the file is empty' });
    return failure(list);
  }

  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (error) {
    const problem = findJsonSyntaxProblem(body);
    if (problem) {
      list.add({
        code: 'invalidJson',
        message: `line ${problem.line}, column ${problem.column}: ${problem.message}`,
        line: problem.line,
        column: problem.column,
      });
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      list.add({ code: 'invalidJson', message: `the file is not valid JSON (${detail})` });
    }
    return failure(list);
  }

  // Header: what the file is, and whether this build can read it.
  if (!isPlainObject(root)) {
    list.add({
      code: 'notBackup',
      message: `the file holds ${kindOf(root)}, not a Pursuit backup (an object with "format": "${BACKUP_FORMAT}")`,
    });
    return failure(list);
  }
  if (root.format !== BACKUP_FORMAT) {
    list.add({
      code: 'notBackup',
      field: 'format',
      message:
        root.format === undefined
          ? `the file has no "format" field, so it is not a Pursuit backup`
          : `"format" is ${quote(root.format)}, not "${BACKUP_FORMAT}", so it is not a Pursuit backup`,
    });
    return failure(list);
  }
  const version = root.formatVersion;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    list.add({
      code: 'unsupportedVersion',
      field: 'formatVersion',
      message:
        version === undefined
          ? 'the file has no "formatVersion"'
          : `"formatVersion" must be a whole number, not ${quote(version)}`,
    });
    return failure(list);
  }
  if (version > currentVersion) {
    list.add({
      code: 'newerVersion',
      field: 'formatVersion',
      version,
      message: `the backup was written in format version ${version} by a newer Pursuit; this version reads format versions up to ${currentVersion}`,
    });
    return failure(list);
  }
  if (!canMigrate(version, currentVersion, migrations)) {
    list.add({
      code: 'unsupportedVersion',
      field: 'formatVersion',
      version,
      message: `format version ${version} was never written by Pursuit and cannot be read`,
    });
    return failure(list);
  }

  const appVersion = root.appVersion;
  if (typeof appVersion !== 'string' || !/\S/.test(appVersion) || appVersion.length > 100) {
    list.add({
      code: 'invalidHeader',
      field: 'appVersion',
      message:
        appVersion === undefined
          ? 'the file has no "appVersion"'
          : `"appVersion" must be a short text, not ${quote(appVersion)}`,
    });
  }
  const createdAtText = root.createdAt;
  const createdAt =
    typeof createdAtText === 'string' && ISO_DATE_TIME.test(createdAtText)
      ? Date.parse(createdAtText)
      : Number.NaN;
  if (!Number.isFinite(createdAt)) {
    list.add({
      code: 'invalidHeader',
      field: 'createdAt',
      message:
        createdAtText === undefined
          ? 'the file has no "createdAt"'
          : `"createdAt" must be a date and time such as "2026-11-26T09:00:00.000Z", not ${quote(createdAtText)}`,
    });
  }
  const rawTables = root.tables;
  if (!isPlainObject(rawTables)) {
    list.add({
      code: 'invalidHeader',
      field: 'tables',
      message:
        rawTables === undefined
          ? 'the file has no "tables"'
          : `"tables" must be an object of lists of records, not ${kindOf(rawTables)}`,
    });
  }
  if (list.errors.length > 0 || !isPlainObject(rawTables)) return failure(list);

  // Older formats are carried forward before anything is checked against today's schemas.
  const migrated = migrateTables(rawTables, version, currentVersion, migrations);
  if (!migrated.ok) {
    list.add({
      code: 'migrationFailed',
      field: 'formatVersion',
      version,
      message: migrated.message,
    });
    return failure(list);
  }
  const tables = migrated.tables;

  // Tables: every one present, none unknown, each a list.
  for (const name of Object.keys(tables)) {
    if (!isTableName(name)) {
      list.add({
        code: 'unknownTable',
        table: clip(name),
        message: `the table ${JSON.stringify(clip(name))} is not one Pursuit knows`,
      });
    }
  }
  for (const name of TABLE_NAMES) {
    if (!Object.hasOwn(tables, name)) {
      list.add({
        code: 'missingTable',
        table: name,
        message: `the table "${name}" is missing (restoring would erase it)`,
      });
    } else if (!Array.isArray(tables[name])) {
      list.add({
        code: 'invalidTable',
        table: name,
        message: `the table "${name}" must be a list of records, not ${kindOf(tables[name])}`,
      });
    }
  }
  if (list.errors.length > 0) return failure(list);

  // Records: each against its table's schema; the parsed (typed, stripped) records are kept.
  const portfolio = emptyPortfolio();
  for (const name of TABLE_NAMES) {
    const rows = tables[name];
    if (!Array.isArray(rows)) continue;
    const schema = ENTITY_SCHEMAS[name];
    const parsed: unknown[] = [];
    for (let index = 0; index < rows.length; index++) {
      const row: unknown = rows[index];
      const deepField = tooDeep(row, MAX_RECORD_DEPTH);
      if (deepField !== null) {
        const recordId = recordIdOf(row);
        list.add({
          code: 'invalidRecord',
          table: name,
          index,
          ...(recordId === undefined ? {} : { recordId }),
          field: formatPath([clip(deepField)]),
          message: `is nested more than ${MAX_RECORD_DEPTH} levels deep`,
        });
        if (list.truncated) return failure(list);
        continue;
      }
      const result = schema.safeParse(row);
      if (result.success) {
        parsed.push(result.data);
        continue;
      }
      const recordId = recordIdOf(row);
      for (const issue of result.error.issues) {
        list.add({
          code: 'invalidRecord',
          table: name,
          index,
          ...(recordId === undefined ? {} : { recordId }),
          ...(issue.path.length === 0 ? {} : { field: formatPath(issue.path) }),
          message:
            issue.path.length === 0 && !isPlainObject(row)
              ? `must be a record (an object), not ${kindOf(row)}`
              : issue.message,
        });
      }
      // Past the limit only the fact that there are more matters: stop validating.
      if (list.truncated) return failure(list);
    }
    // The schemas guarantee each element's type; the arrays are assembled table by table.
    Object.assign(portfolio, { [name]: parsed });
  }
  if (list.errors.length > 0) return failure(list);

  // References between records: only meaningful once every record has its proper shape.
  for (const issue of checkReferences(portfolio, maxErrors + 1)) {
    const [table, index, ...field] = issue.path;
    const record =
      typeof table === 'string' && isTableName(table) && typeof index === 'number'
        ? portfolio[table][index]
        : undefined;
    list.add({
      code: 'invalidReference',
      ...(typeof table === 'string' ? { table } : {}),
      ...(typeof index === 'number' ? { index } : {}),
      ...(record === undefined ? {} : { recordId: record.id }),
      ...(field.length === 0 ? {} : { field: formatPath(field) }),
      message: issue.message,
    });
  }
  if (list.errors.length > 0) return failure(list);

  const counts = countRecords(portfolio);
  return {
    ok: true,
    portfolio,
    summary: {
      formatVersion: version,
      appVersion: typeof appVersion === 'string' ? appVersion : '',
      createdAt,
      counts,
      total: TABLE_NAMES.reduce((sum, name) => sum + counts[name], 0),
    },
  };
}
