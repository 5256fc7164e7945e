import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountFieldsSchema } from '@shared/domain/account';
import { dealFieldsSchema } from '@shared/domain/deal';
import { isPlanDate } from '@shared/domain/dates';
import { nonNegativeMoneySchema } from '@shared/domain/money';
import { textCell } from '@shared/exchange/cells';
import { CSV_DELIMITERS, parseCsv, toCsv } from '@shared/exchange/csv';
import {
  FILE_ERROR_CODES,
  IMPORT_ERROR_CODES,
  checkAccountImport,
  checkDealImport,
  guessMapping,
  sheetCellOf,
} from '@shared/exchange/import';
import type { ImportCheck, ImportEntity, ImportMapping, SheetCell } from '@shared/exchange/import';
import { CONTEXT } from './context';

/**
 * Random and hostile sheets for both importers, read from CSV text and from XLSX-like cell
 * values. Whatever arrives, checking must not throw; every data row is either a draft or has at
 * least one specific error naming its row; a file-level problem yields no drafts at all (so an
 * import can never be partial); and every draft passes the domain schemas.
 */

const HEADERS = [
  '客户',
  '名称',
  '金额',
  '币种',
  '阶段',
  '负责人',
  '赢率',
  '提交日期',
  '预计授标',
  '编号',
  'Account',
  'Name',
  'Value',
  'Currency',
  'Stage',
  'Owner',
  'Pwin',
  'Submission date',
  'Expected award',
  'Code',
  '客户名称',
  '区域',
  '标签',
  'Notes',
  'Website',
  '\uFEFF名称',
  '',
];

const hostileText = fc.oneof(
  fc.constantFrom(
    '国家电网',
    'New Co',
    '=HYPERLINK("x")',
    '+1',
    '-5',
    '@SUM(A1)',
    '\t',
    '\r',
    '\n',
    '\r\n',
    '"',
    '""',
    ',',
    ';',
    '\uFEFF',
    '1,234.5',
    '¥2000',
    '35%',
    '0.35',
    '2026-03-05',
    '2026/2/30',
    '2026年4月1日',
    '方案',
    'qualify',
    '赢单',
    '李明',
    'Ann Lee',
    'BID-2026-001',
    'IMP-1',
    'RMB',
    'usd',
    'XXX',
    '<img src=x onerror=alert(1)>',
    'NaN',
    '1e400',
    '-0',
    '  ',
    '电力,重点',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer({ min: 0, max: 4 }).map((n) => 'x'.repeat(10 ** n)),
);

const delimiter = fc.constantFrom(...CSV_DELIMITERS);

/** CSV-ish text: tokens glued by delimiters, quotes, any line ends, maybe a BOM. */
const csvText = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.array(fc.oneof(hostileText, fc.constantFrom(...HEADERS)), { maxLength: 12 }), {
      maxLength: 12,
    }),
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom('\r\n', '\n', '\r'),
    fc.boolean(),
  )
  .map(([bom, rows, sep, eol, quoteAll]) => {
    const body = rows
      .map((row) =>
        row.map((cell) => (quoteAll ? `"${cell.replaceAll('"', '""')}"` : cell)).join(sep),
      )
      .join(eol);
    return bom ? `\uFEFF${body}` : body;
  });

/** XLSX cell values as a spreadsheet library could hand them over, good and strange. */
const xlsxValue = fc.oneof(
  hostileText,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
  fc.record({
    formula: fc.string(),
    result: fc.oneof(fc.string(), fc.double(), fc.constant(undefined)),
  }),
  fc.record({ richText: fc.array(fc.record({ text: fc.string() }), { maxLength: 3 }) }),
  fc.record({ text: fc.string(), hyperlink: fc.string() }),
  fc.record({ error: fc.constantFrom('#N/A', '#DIV/0!', '#REF!') }),
  fc.anything({ maxDepth: 2 }),
);
const xlsxSheet = fc.tuple(
  fc.array(fc.constantFrom(...HEADERS), { maxLength: 12 }),
  fc.array(fc.array(xlsxValue, { maxLength: 12 }), { maxLength: 10 }),
);

function checkInvariants(result: ImportCheck<{ row: number }>): void {
  if (result.fileErrors.length > 0) {
    expect(result.drafts).toEqual([]);
    for (const error of result.fileErrors) expect(FILE_ERROR_CODES).toContain(error.code);
    return;
  }
  expect(result.drafts.length + result.invalidRows).toBe(result.rowCount);
  const errorRows = new Set(result.errors.map((e) => e.row));
  expect(errorRows.size).toBe(result.invalidRows);
  for (const draft of result.drafts) expect(errorRows.has(draft.row)).toBe(false);
  for (const error of result.errors) {
    expect(IMPORT_ERROR_CODES).toContain(error.code);
    expect(error.row).toBeGreaterThanOrEqual(2);
    if (error.field !== null) expect(error.column).not.toBeNull();
    expect(error.value.length).toBeLessThanOrEqual(80);
  }
}

function run(
  entity: ImportEntity,
  sheet: readonly (readonly SheetCell[])[],
  mapping?: ImportMapping,
) {
  const headers = (sheet[0] ?? []).map((cell) => (typeof cell === 'string' ? cell : ''));
  const chosen = mapping ?? guessMapping(headers, entity);
  if (entity === 'accounts') {
    const result = checkAccountImport(sheet, chosen, CONTEXT);
    checkInvariants(result);
    const names = new Set<string>();
    for (const draft of result.drafts) {
      expect(accountFieldsSchema.shape.name.safeParse(draft.name).success).toBe(true);
      const key = draft.name.trim().toLocaleLowerCase();
      expect(names.has(key)).toBe(false);
      expect(key).not.toBe('国家电网');
      names.add(key);
    }
    return;
  }
  const result = checkDealImport(sheet, chosen, CONTEXT);
  checkInvariants(result);
  const codes = new Set<string>(CONTEXT.dealCodes);
  for (const draft of result.drafts) {
    expect(codes.has(draft.code)).toBe(false);
    codes.add(draft.code);
    expect(dealFieldsSchema.shape.code.safeParse(draft.code).success).toBe(true);
    expect(dealFieldsSchema.shape.name.safeParse(draft.name).success).toBe(true);
    expect(nonNegativeMoneySchema.safeParse(draft.value).success).toBe(true);
    expect(Number.isInteger(draft.pwin) && draft.pwin >= 0 && draft.pwin <= 100).toBe(true);
    for (const date of [draft.submissionDue, draft.expectedAward]) {
      if (date !== null) expect(isPlanDate(date)).toBe(true);
    }
  }
}

const entity = fc.constantFrom<ImportEntity>('accounts', 'deals');

describe('CSV importer fuzz', () => {
  it('never throws and accounts for every row, whatever the text and delimiter', () => {
    fc.assert(
      fc.property(csvText, delimiter, entity, (text, chosen, kind) => {
        const parsed = parseCsv(text, chosen);
        run(kind, parsed.rows);
      }),
      { numRuns: 1_000 },
    );
  }, 120_000);

  it('with a random mapping (fields mapped twice, unknown, missing)', () => {
    const field = fc.constantFrom(
      null,
      'name',
      'account',
      'value',
      'code',
      'stage',
      'owner',
      'pwin',
      'region',
      'tags',
    );
    fc.assert(
      fc.property(
        csvText,
        delimiter,
        entity,
        fc.array(field, { maxLength: 14 }),
        (text, chosen, kind, mapping) => {
          run(kind, parseCsv(text, chosen).rows, mapping as ImportMapping);
        },
      ),
      { numRuns: 1_000 },
    );
  }, 120_000);

  it('reads back every valid deal it wrote, whatever the text and delimiter', () => {
    const row = fc.record({
      name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
      account: fc.constantFrom('国家电网', 'New Co', '=cmd|x', '南方电网, 广东'),
      amountMinor: fc.integer({ min: 0, max: 10 ** 12 }),
      stage: fc.constantFrom('方案', 'Qualify', 'proposal'),
      owner: fc.constantFrom('李明', 'Ann Lee'),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), delimiter, (rows, chosen) => {
        const headers = ['名称', '客户', '金额', '阶段', '负责人'];
        const csv = toCsv(
          headers,
          rows.map((r) => [
            // Written raw (not neutralised) so the text read back is the text given.
            r.name === '' ? { kind: 'empty' } : { kind: 'text', value: r.name },
            textCell(r.account),
            { kind: 'money', value: r.amountMinor / 100, digits: 2 },
            textCell(r.stage),
            textCell(r.owner),
          ]),
          chosen,
        );
        const result = checkDealImport(
          parseCsv(csv, chosen).rows,
          guessMapping(headers, 'deals'),
          CONTEXT,
        );
        // A name of blanks only (after trimming) is the only way a row can fail here.
        expect(result.errors).toEqual([]);
        expect(result.drafts.map((d) => d.value.amountMinor)).toEqual(
          rows.map((r) => r.amountMinor),
        );
        expect(result.drafts.map((d) => d.name)).toEqual(rows.map((r) => r.name.trim()));
      }),
      { numRuns: 300 },
    );
  });
});

describe('XLSX rows importer fuzz', () => {
  it('never throws on any cell value a workbook can hold', () => {
    fc.assert(
      fc.property(xlsxSheet, entity, ([headers, rows], kind) => {
        const sheet = [headers, ...rows.map((r) => r.map((value) => sheetCellOf(value)))];
        run(kind, sheet);
      }),
      { numRuns: 1_000 },
    );
  }, 120_000);

  it('refuses duplicate names and codes across any number of rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('A', 'B', 'a', ' A ', 'BID-2026-001'), {
          minLength: 1,
          maxLength: 20,
        }),
        (names) => {
          const accounts = checkAccountImport(
            [['名称'], ...names.map((n) => [n])],
            ['name'],
            CONTEXT,
          );
          const distinct = new Set(names.map((n) => n.trim().toLowerCase()));
          expect(accounts.drafts).toHaveLength(distinct.size);
          const deals = checkDealImport(
            [['编号', '名称', '客户', '金额'], ...names.map((n) => [n, 'x', '国家电网', 1])],
            ['code', 'name', 'account', 'value'],
            CONTEXT,
          );
          const codes = new Set(names.map((n) => n.trim()).filter((n) => n !== 'BID-2026-001'));
          expect(deals.drafts).toHaveLength(codes.size);
        },
      ),
      { numRuns: 200 },
    );
  });
});

it('never throws on huge and empty files', () => {
  for (const kind of ['accounts', 'deals'] as const) {
    run(kind, parseCsv('', 'comma').rows);
    run(kind, parseCsv('\uFEFF', 'comma').rows);
    run(kind, parseCsv('\r\n\r\n\n', 'comma').rows);
    run(kind, parseCsv(`名称,客户,金额\r\n${'x,国家电网,1\r\n'.repeat(10_001)}`, 'comma').rows);
    run(kind, [[`${'名'.repeat(1_000_000)}`], ['a']]);
  }
  const big = checkDealImport(
    parseCsv(`名称,客户,金额\r\n${'x,国家电网,1\r\n'.repeat(10_001)}`, 'comma').rows,
    ['name', 'account', 'value'],
    CONTEXT,
  );
  expect(big.fileErrors.map((e) => e.code)).toEqual(['tooManyRows']);
});
