import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { TABLE_NAMES } from '@shared/domain/tables';
import type { Portfolio } from '@shared/domain/tables';
import {
  MAX_RECORD_DEPTH,
  MAX_REPORTED_ERRORS,
  backupFileName,
  parseBackup,
  serializeBackup,
  serializeBackupPieces,
} from '@shared/backup/format';
import type { BackupError, ParseBackupResult } from '@shared/backup/format';
import { BACKUP_FORMAT_VERSION } from '@shared/backup/migrations';

const NOW = Date.UTC(2026, 10, 26, 9);
const META = { appVersion: '0.1.0', createdAt: NOW };
const sample = generatePortfolio({ seed: 7, locale: 'en', now: NOW, preset: 'sample' });
const sampleText = serializeBackup(sample, META);

type Json = Record<string, unknown>;

/** The sample backup as plain JSON, edited, then written back as text. */
function edited(edit: (file: Json & { tables: Record<string, unknown[]> }) => void): string {
  const file = JSON.parse(sampleText) as Json & { tables: Record<string, unknown[]> };
  edit(file);
  return JSON.stringify(file);
}

function errorsOf(result: ParseBackupResult): readonly BackupError[] {
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.errors;
}

function recordAt(file: { tables: Record<string, unknown[]> }, table: string, index: number): Json {
  const record = file.tables[table]?.[index];
  if (record === null || typeof record !== 'object') throw new Error(`no ${table}[${index}]`);
  return record as Json;
}

describe('serializeBackup', () => {
  it('writes the header, then every table in order with one record per line', () => {
    expect(
      sampleText.startsWith(
        '{"format":"pursuit-backup","formatVersion":3,"appVersion":"0.1.0","createdAt":"2026-11-26T09:00:00.000Z","tables":{\n',
      ),
    ).toBe(true);
    const file = JSON.parse(sampleText) as { tables: Record<string, unknown[]> };
    expect(Object.keys(file.tables)).toEqual([...TABLE_NAMES]);
    const total = TABLE_NAMES.reduce((sum, name) => sum + sample[name].length, 0);
    const recordLines = sampleText.split('\n').filter((line) => line.startsWith('{"'));
    expect(recordLines).toHaveLength(total + 1); // + the header line
    expect(sampleText.endsWith('}}\n')).toBe(true);
  });

  it('writes the same bytes for the same data, and again after reading them back', () => {
    expect(serializeBackup(structuredClone(sample), META)).toBe(sampleText);
    const read = parseBackup(sampleText);
    if (!read.ok) throw new Error('the sample backup must be valid');
    const once = serializeBackup(read.portfolio, META);
    const again = parseBackup(once);
    if (!again.ok) throw new Error('a rewritten backup must be valid');
    expect(serializeBackup(again.portfolio, META)).toBe(once);
  });

  it('keeps each record’s fields in the order they were stored', () => {
    const deal = sample.deals[0]!;
    const line = sampleText.split('\n').find((l) => l.includes(`"id":"${deal.id}"`));
    expect(Object.keys(JSON.parse(line!.replace(/,$/, '')) as Json)).toEqual(Object.keys(deal));
  });

  it('comes in pieces that join to the whole text and count every record', () => {
    const pieces = [...serializeBackupPieces(sample, META, 50)];
    expect(pieces.map((piece) => piece.text).join('')).toBe(sampleText);
    const total = TABLE_NAMES.reduce((sum, name) => sum + sample[name].length, 0);
    expect(pieces.reduce((sum, piece) => sum + piece.records, 0)).toBe(total);
    expect(Math.max(...pieces.map((piece) => piece.records))).toBe(50);
  });

  it('names the file after the day it was made', () => {
    expect(backupFileName('2026-11-26')).toBe('pursuit-backup-2026-11-26.json');
  });
});

describe('parseBackup of a valid file', () => {
  it('gives back exactly the data that was written, with a summary', () => {
    const result = parseBackup(sampleText);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.portfolio).toEqual(sample);
    expect(result.summary).toEqual({
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: '0.1.0',
      createdAt: NOW,
      counts: Object.fromEntries(TABLE_NAMES.map((name) => [name, sample[name].length])),
      total: TABLE_NAMES.reduce((sum, name) => sum + sample[name].length, 0),
    });
    expect(result.summary.counts.deals).toBe(25);
  });

  it('reads a file that starts with a byte-order mark or uses Windows or old Mac line endings', () => {
    expect(parseBackup(`\uFEFF${sampleText}`).ok).toBe(true);
    expect(parseBackup(sampleText.replaceAll('\n', '\r\n')).ok).toBe(true);
    expect(parseBackup(sampleText.replaceAll('\n', '\r')).ok).toBe(true);
  });

  it('reads an empty portfolio', () => {
    const empty = Object.fromEntries(TABLE_NAMES.map((name) => [name, []])) as unknown as Portfolio;
    const result = parseBackup(serializeBackup(empty, META));
    expect(result.ok && result.summary.total).toBe(0);
  });

  it('drops fields the schemas do not know', () => {
    const text = edited((file) => {
      recordAt(file, 'deals', 0).favouriteColour = 'teal';
      file.comment = 'written by hand';
    });
    const result = parseBackup(text);
    expect(result.ok && 'favouriteColour' in result.portfolio.deals[0]!).toBe(false);
  });
});

describe('parseBackup refuses, saying what is wrong', () => {
  it('an empty file', () => {
    expect(errorsOf(parseBackup(''))).toEqual([{ code: 'empty', message: 'the file is empty' }]);
    expect(errorsOf(parseBackup('\uFEFF  \r\n\t'))[0]?.code).toBe('empty');
  });

  it('text that is not JSON, with the line and column where it breaks', () => {
    const lines = sampleText.split('\n');
    const target = lines.findIndex((line) => line.includes('"name":"'));
    const column = lines[target]!.indexOf('"name":"') + '"name":'.length + 1;
    lines[target] = lines[target]!.replace('"name":"', '"name":');
    const [error] = errorsOf(parseBackup(lines.join('\n')));
    expect(error).toMatchObject({ code: 'invalidJson', line: target + 1 });
    // The value without its opening quote is read as a word; the first letter is the culprit.
    expect(error?.column).toBe(column);
    expect(error?.message).toMatch(new RegExp(`^line ${target + 1}, column ${column}: `));
  });

  it('a file cut off in the middle', () => {
    const cut = sampleText.slice(0, Math.floor(sampleText.length / 2));
    const [error] = errorsOf(parseBackup(cut));
    expect(error?.code).toBe('invalidJson');
    expect(error?.message).toMatch(/ends too early|not closed/);
  });

  it('JSON that is not an object', () => {
    for (const text of ['[]', '42', '"backup"', 'null', 'true']) {
      expect(errorsOf(parseBackup(text))[0]?.code).toBe('notBackup');
    }
    expect(errorsOf(parseBackup('[1,2]'))[0]?.message).toMatch(
      /holds a list, not a Pursuit backup/,
    );
  });

  it('another kind of JSON file', () => {
    expect(errorsOf(parseBackup('{"name":"package","version":"1.0.0"}'))[0]).toMatchObject({
      code: 'notBackup',
      field: 'format',
      message: 'the file has no "format" field, so it is not a Pursuit backup',
    });
    const other = edited((file) => {
      file.format = 'excel-export';
    });
    expect(errorsOf(parseBackup(other))[0]?.message).toBe(
      '"format" is "excel-export", not "pursuit-backup", so it is not a Pursuit backup',
    );
  });

  it('a backup from a newer Pursuit', () => {
    const newer = edited((file) => {
      file.formatVersion = BACKUP_FORMAT_VERSION + 1;
      file.tables.forecasts = [];
    });
    const errors = errorsOf(parseBackup(newer));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'newerVersion', version: BACKUP_FORMAT_VERSION + 1 });
    expect(errors[0]?.message).toMatch(/newer Pursuit; this version reads format versions up to 3/);
  });

  it('a format version that is not a whole number or that Pursuit never wrote', () => {
    for (const version of ['1', 1.5, -1, null, undefined, 0]) {
      const text = edited((file) => {
        file.formatVersion = version;
      });
      expect(errorsOf(parseBackup(text))[0]).toMatchObject({
        code: 'unsupportedVersion',
        field: 'formatVersion',
      });
    }
  });

  it('a malformed header, naming every bad field at once', () => {
    const text = edited((file) => {
      file.appVersion = 7;
      file.createdAt = 'yesterday';
    });
    expect(errorsOf(parseBackup(text)).map((e) => [e.code, e.field])).toEqual([
      ['invalidHeader', 'appVersion'],
      ['invalidHeader', 'createdAt'],
    ]);
    const noTables = edited((file) => {
      Object.assign(file, { tables: [] });
    });
    expect(errorsOf(parseBackup(noTables))[0]).toMatchObject({
      code: 'invalidHeader',
      field: 'tables',
      message: '"tables" must be an object of lists of records, not a list',
    });
  });

  it('tables it does not know, by name, without being fooled by "__proto__"', () => {
    const text = sampleText.replace(
      '"tables":{\n',
      '"tables":{\n"forecasts":[],"__proto__":{"polluted":true},\n',
    );
    const errors = errorsOf(parseBackup(text));
    expect(errors.map((e) => [e.code, e.table])).toEqual([
      ['unknownTable', 'forecasts'],
      ['unknownTable', '__proto__'],
    ]);
    expect(errors[0]?.message).toBe('the table "forecasts" is not one Pursuit knows');
    expect(({} as Json).polluted).toBeUndefined();
  });

  it('a missing table, since restoring would erase it', () => {
    const text = edited((file) => {
      delete file.tables.risks;
    });
    expect(errorsOf(parseBackup(text))).toEqual([
      {
        code: 'missingTable',
        table: 'risks',
        message: 'the table "risks" is missing (restoring would erase it)',
      },
    ]);
  });

  it('a table that is not a list', () => {
    const text = edited((file) => {
      Object.assign(file.tables, { deals: { first: {} } });
    });
    expect(errorsOf(parseBackup(text))[0]).toMatchObject({ code: 'invalidTable', table: 'deals' });
  });

  it('a record failing its schema, naming table, record, id and field', () => {
    let id = '';
    const text = edited((file) => {
      const deal = recordAt(file, 'deals', 3);
      id = String(deal.id);
      (deal.value as Json).amountMinor = 'a lot';
    });
    expect(errorsOf(parseBackup(text))).toEqual([
      {
        code: 'invalidRecord',
        table: 'deals',
        index: 3,
        recordId: id,
        field: 'value.amountMinor',
        message: expect.stringMatching(/number/) as unknown as string,
      },
    ]);
  });

  it('a record that is not an object', () => {
    const text = edited((file) => {
      file.tables.tasks![2] = 17;
    });
    expect(errorsOf(parseBackup(text))).toEqual([
      {
        code: 'invalidRecord',
        table: 'tasks',
        index: 2,
        message: 'must be a record (an object), not a number',
      },
    ]);
  });

  it('records nested absurdly deep, without overflowing the stack', () => {
    // Deeper than JSON.stringify could write: the nesting is spliced in as text.
    const nested = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    const text = edited((file) => {
      recordAt(file, 'activities', 4).extra = '@@deep@@';
    }).replace('"@@deep@@"', nested);
    expect(errorsOf(parseBackup(text))).toEqual([
      {
        code: 'invalidRecord',
        table: 'activities',
        index: 4,
        recordId: sample.activities[4]!.id,
        field: 'extra',
        message: `is nested more than ${MAX_RECORD_DEPTH} levels deep`,
      },
    ]);
  });

  it('nesting in a field change deep enough to break the validators and a later export', () => {
    const index = sample.activities.findIndex((a) => (a.system?.changes.length ?? 0) > 0);
    const text = edited((file) => {
      const system = recordAt(file, 'activities', index).system as { changes: Json[] };
      system.changes[0]!.old = '@@deep@@';
    }).replace('"@@deep@@"', `${'['.repeat(20_000)}1${']'.repeat(20_000)}`);
    expect(errorsOf(parseBackup(text))[0]).toMatchObject({
      code: 'invalidRecord',
      table: 'activities',
      index,
      field: 'system',
    });
  });

  it('a huge text, without quoting it back', () => {
    const huge = 'x'.repeat(5_000_000);
    const text = edited((file) => {
      recordAt(file, 'deals', 0).name = huge;
      file.tables[huge] = [];
    });
    const errors = errorsOf(parseBackup(text));
    expect(errors[0]?.code).toBe('unknownTable');
    for (const error of errors) {
      expect(JSON.stringify(error).length).toBeLessThan(1_000);
    }
  });

  it('duplicate ids', () => {
    const text = edited((file) => {
      file.tables.risks!.push(file.tables.risks![0]);
    });
    const errors = errorsOf(parseBackup(text));
    expect(errors[0]).toMatchObject({
      code: 'invalidReference',
      table: 'risks',
      index: sample.risks.length,
      recordId: sample.risks[0]!.id,
      field: 'id',
      message: `repeats the id ${sample.risks[0]!.id}`,
    });
  });

  it('references to records that do not exist', () => {
    const ghost = '0f0f0f0f-0000-4000-8000-000000000000';
    const text = edited((file) => {
      recordAt(file, 'tasks', 5).dealId = ghost;
    });
    expect(errorsOf(parseBackup(text))).toContainEqual({
      code: 'invalidReference',
      table: 'tasks',
      index: 5,
      recordId: sample.tasks[5]!.id,
      field: 'dealId',
      message: `refers to a deal that does not exist (${ghost})`,
    });
  });

  it('at most a fixed number of problems, saying there are more', () => {
    const text = edited((file) => {
      for (const activity of file.tables.activities!) (activity as Json).at = 'noon';
    });
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(result.truncated).toBe(true);
    expect(result.errors.every((e) => e.table === 'activities' && e.field === 'at')).toBe(true);
  });
});
