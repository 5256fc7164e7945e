import { describe, expect, it } from 'vitest';
import type { PlanDate } from '@shared/domain/dates';
import type { AccountId, DealId, PersonId, StageId } from '@shared/domain/ids';
import type { PortfolioRow } from '@shared/portfolio/rows';
import { cellAsText, neutraliseText, textCell } from '@shared/exchange/cells';
import { parseCsv, toCsv } from '@shared/exchange/csv';
import { exportColumns, portfolioExportTable } from '@shared/exchange/portfolio';
import type { ExportLabels } from '@shared/exchange/portfolio';
import {
  checkAccountImport,
  checkDealImport,
  guessMapping,
  mappingMemoryKey,
  restoreMapping,
  sheetCellOf,
} from '@shared/exchange/import';
import {
  ACCOUNT_A,
  CONTEXT,
  PERSON_ANN,
  PERSON_LI,
  STAGE_PROPOSAL,
  STAGE_QUALIFY,
} from './context';

describe('neutraliseText', () => {
  it('prefixes text a spreadsheet would read as a formula', () => {
    for (const text of ['=HYPERLINK("x")', '+1', '-5', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseText(text)).toBe(`'${text}`);
    }
    expect(neutraliseText('国家电网')).toBe('国家电网');
    expect(neutraliseText('a=b')).toBe('a=b');
  });
  it('leaves numbers as numbers', () => {
    expect(cellAsText({ kind: 'number', value: -5 })).toBe('-5');
    expect(textCell('-5')).toEqual({ kind: 'text', value: "'-5" });
  });
});

describe('CSV', () => {
  it('writes a BOM, CRLF and quotes where needed, and reads back what it wrote', () => {
    const csv = toCsv(
      ['名称', 'Value'],
      [
        [textCell('a,b "c"'), { kind: 'money', value: 1234.5, digits: 2 }],
        [textCell('line\nbreak'), { kind: 'empty' }],
      ],
      'comma',
    );
    expect(csv.startsWith('\uFEFF名称,Value\r\n')).toBe(true);
    expect(csv).toContain('"a,b ""c""",1234.50');
    expect(parseCsv(csv, 'comma').rows).toEqual([
      ['名称', 'Value'],
      ['a,b "c"', '1234.50'],
      ['line\nbreak', ''],
    ]);
  });
  it('uses only the chosen delimiter', () => {
    expect(parseCsv('a;b,c\r\n1;2,3', 'semicolon').rows).toEqual([
      ['a', 'b,c'],
      ['1', '2,3'],
    ]);
    expect(parseCsv('a\tb\n1\t2', 'tab').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('reads mixed line ends, keeps blank lines for row numbers, reports an open quote', () => {
    expect(parseCsv('a\rb\n\r\nc', 'comma').rows).toEqual([['a'], ['b'], [''], ['c']]);
    expect(parseCsv('"open', 'comma')).toEqual({ rows: [['open']], unterminatedQuote: true });
    expect(parseCsv('', 'comma').rows).toEqual([]);
  });
});

const LABELS: ExportLabels = {
  columns: {
    code: '编号',
    name: '商机',
    account: '客户',
    owner: '负责人',
    stage: '阶段',
    status: '状态',
    health: '健康度',
    value: '金额',
    currency: '币种',
    pwin: '赢率',
    weighted: '加权金额',
    submissionDue: '投标截止',
    expectedAward: '预计授标',
    nextMilestone: '下一里程碑',
    nextMilestoneDate: '下一里程碑日期',
  },
  status: { open: '进行中', won: '赢单', lost: '丢单', no_bid: '放弃', cancelled: '取消' },
  stageLanguage: 'zh',
};

const ROW: PortfolioRow = {
  id: '00000000-0000-4000-8000-000000000301' as DealId,
  rev: 1,
  code: 'BID-1',
  name: '=HYPERLINK("x")',
  accountId: ACCOUNT_A as AccountId,
  accountName: '国家电网',
  ownerId: PERSON_LI as PersonId,
  ownerName: '李明',
  stageId: STAGE_PROPOSAL as StageId,
  stageName: { en: 'Proposal', zh: '方案' },
  stageOrder: 2,
  status: 'open',
  value: { amountMinor: 123_456, currency: 'CNY' },
  pwin: 40,
  weighted: { amountMinor: 49_382, currency: 'CNY' },
  submissionDue: '2026-03-01' as PlanDate,
  expectedAward: null,
  nextMilestone: null,
  tags: [],
  health: null,
};

describe('portfolio export', () => {
  it('follows the chosen columns, adds currency and milestone date', () => {
    expect(exportColumns(['code', 'name', 'value', 'weighted', 'nextMilestone'])).toEqual([
      'code',
      'name',
      'value',
      'currency',
      'weighted',
      'nextMilestone',
      'nextMilestoneDate',
    ]);
    expect(exportColumns(['code', 'name'])).toEqual(['code', 'name']);
  });
  it('types cells and neutralises text', () => {
    const table = portfolioExportTable(
      [ROW],
      ['code', 'name', 'stage', 'value', 'pwin', 'submissionDue', 'expectedAward'],
      LABELS,
    );
    expect(table.headers).toEqual([
      '编号',
      '商机',
      '阶段',
      '金额',
      '币种',
      '赢率',
      '投标截止',
      '预计授标',
    ]);
    expect(table.rows[0]).toEqual([
      { kind: 'text', value: 'BID-1' },
      { kind: 'text', value: `'=HYPERLINK("x")` },
      { kind: 'text', value: '方案' },
      { kind: 'money', value: 1234.56, digits: 2 },
      { kind: 'text', value: 'CNY' },
      { kind: 'number', value: 40 },
      { kind: 'date', value: '2026-03-01' },
      { kind: 'empty' },
    ]);
  });
});

describe('header mapping', () => {
  it('guesses Chinese and English headers', () => {
    expect(
      guessMapping(
        ['客户', '名称', '金额', '币种', '阶段', '负责人', '赢率', '提交日期', '预计授标', '其他'],
        'deals',
      ),
    ).toEqual([
      'account',
      'name',
      'value',
      'currency',
      'stage',
      'owner',
      'pwin',
      'submissionDue',
      'expectedAward',
      null,
    ]);
    expect(
      guessMapping(
        ['Account', 'Name', 'Value', 'Submission date', 'Expected award', 'Pwin'],
        'deals',
      ),
    ).toEqual(['account', 'name', 'value', 'submissionDue', 'expectedAward', 'pwin']);
    expect(guessMapping(['客户名称', 'Region', '客户'], 'accounts')).toEqual([
      'name',
      'region',
      null,
    ]);
  });
  it('re-reads its own export headers', () => {
    const headers = Object.values(LABELS.columns);
    const mapping = guessMapping(headers, 'deals');
    expect(mapping).toContain('code');
    expect(mapping).toContain('submissionDue');
    expect(mapping).toContain('expectedAward');
  });
  it('remembers by header set and refuses a stale mapping', () => {
    expect(mappingMemoryKey('deals', ['客户 ', 'Name'])).toBe(
      mappingMemoryKey('deals', ['客户', 'name']),
    );
    expect(restoreMapping(['name', null], 'accounts', 2)).toEqual(['name', null]);
    expect(restoreMapping(['stage'], 'accounts', 1)).toBeNull();
    expect(restoreMapping(['name'], 'accounts', 2)).toBeNull();
    expect(restoreMapping('x', 'accounts', 1)).toBeNull();
  });
});

describe('sheetCellOf', () => {
  it('reads the shapes a spreadsheet library gives', () => {
    expect(sheetCellOf(new Date(Date.UTC(2026, 2, 5)))).toBe('2026-03-05');
    expect(sheetCellOf(new Date(Number.NaN))).toEqual({ error: 'invalid date' });
    expect(sheetCellOf({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(sheetCellOf({ formula: 'A1*2', result: 4 })).toBe(4);
    expect(sheetCellOf({ formula: 'A1*2' })).toEqual({ error: 'formula without a value' });
    expect(sheetCellOf({ text: 'link', hyperlink: 'https://x' })).toBe('link');
    expect(sheetCellOf({ error: '#N/A' })).toEqual({ error: '#N/A' });
    expect(sheetCellOf(true)).toBe('TRUE');
    expect(sheetCellOf(Number.POSITIVE_INFINITY)).toEqual({ error: 'Infinity' });
  });
});

const DEAL_HEADERS = [
  '客户',
  '名称',
  '金额',
  '币种',
  '阶段',
  '负责人',
  '赢率',
  '提交日期',
  '预计授标',
];
const dealMapping = guessMapping(DEAL_HEADERS, 'deals');

describe('deal import', () => {
  it('resolves names and fills defaults', () => {
    const result = checkDealImport(
      [
        DEAL_HEADERS,
        [
          '国家电网',
          '配网改造',
          '1,234,567.5',
          '',
          '方案',
          '李明',
          '35%',
          '2026/3/5',
          '2026年4月1日',
        ],
        ['New Co', 'Grid', 1000, 'usd', 'qualify', 'ann lee', 0.35, '', ''],
        ['new co', 'Grid 2', '¥2000', 'RMB', '', '', '', 46_000, ''],
      ],
      dealMapping,
      CONTEXT,
    );
    expect(result.errors).toEqual([]);
    expect(result.newAccounts).toEqual(['New Co']);
    expect(result.drafts).toHaveLength(3);
    const [first, second, third] = result.drafts;
    expect(first).toMatchObject({
      row: 2,
      code: 'IMP-1',
      account: { kind: 'existing', id: ACCOUNT_A },
      value: { amountMinor: 123_456_750, currency: 'CNY' },
      stageId: STAGE_PROPOSAL,
      ownerId: PERSON_LI,
      pwin: 35,
      submissionDue: '2026-03-05',
      expectedAward: '2026-04-01',
    });
    expect(second).toMatchObject({
      code: 'IMP-2',
      account: { kind: 'new', name: 'New Co' },
      value: { amountMinor: 100_000, currency: 'USD' },
      stageId: STAGE_QUALIFY,
      ownerId: PERSON_ANN,
      pwin: 35,
    });
    // The first open stage and its Pwin; the Excel serial 46000 is 2025-12-09.
    expect(third).toMatchObject({
      account: { kind: 'new', name: 'New Co' },
      stageId: STAGE_QUALIFY,
      pwin: 10,
      value: { amountMinor: 200_000, currency: 'CNY' },
      submissionDue: '2025-12-09',
    });
  });

  it('names row, column and problem for each bad cell', () => {
    const result = checkDealImport(
      [
        ['编号', ...DEAL_HEADERS],
        ['BID-2026-001', '国家电网', '', 'lots', 'XXX', '赢单', '王五', '120', '2026-02-30', ''],
        ['A', '国家电网', 'x', '-5', '', '', '', '', '2026-05-01', '2026-04-01'],
        ['A', '国家电网', 'y', '5', '', '', '', '', '', ''],
      ],
      guessMapping(['编号', ...DEAL_HEADERS], 'deals'),
      CONTEXT,
    );
    expect(result.drafts).toEqual([]);
    expect(result.invalidRows).toBe(3);
    const codes = result.errors.map((e) => `${e.row}:${e.column}:${e.code}`);
    expect(codes).toEqual([
      '2:名称:required',
      '2:编号:exists',
      '2:币种:invalid',
      '2:金额:notNumber',
      '2:阶段:closedStage',
      '2:负责人:unknownOwner',
      '2:赢率:notPercent',
      '2:提交日期:notDate',
      '3:金额:negative',
      '3:预计授标:dateOrder',
      '4:编号:duplicateInFile',
    ]);
  });

  it('refuses the file as a whole when it cannot be read', () => {
    expect(checkDealImport([], [], CONTEXT).fileErrors.map((e) => e.code)).toEqual(['empty']);
    expect(checkDealImport([['名称']], ['name'], CONTEXT).fileErrors.map((e) => e.code)).toEqual([
      'noRows',
      'missingColumn',
      'missingColumn',
    ]);
    const twice = checkDealImport(
      [
        ['a', 'b', 'c', 'd'],
        ['x', 'y', 'z', '1'],
      ],
      ['name', 'name', 'account', 'value'],
      CONTEXT,
    );
    expect(twice.fileErrors.map((e) => e.code)).toEqual(['mappedTwice']);
    expect(twice.drafts).toEqual([]);
  });

  it('reports a cell error and a cell too long', () => {
    const result = checkDealImport(
      [DEAL_HEADERS, ['国家电网', 'x'.repeat(300), { error: '#N/A' }]],
      dealMapping,
      CONTEXT,
    );
    expect(result.errors.map((e) => [e.code, e.detail])).toEqual([
      ['tooLong', '200'],
      ['cellError', '#N/A'],
    ]);
    expect(result.errors[0]?.value.length).toBeLessThanOrEqual(80);
  });
});

describe('account import', () => {
  it('imports new names and refuses existing and repeated ones', () => {
    const headers = ['客户名称', '区域', '标签'];
    const result = checkAccountImport(
      [
        headers,
        ['南方电网', '广东', '电力, 重点；电力'],
        ['国家电网 ', '', ''],
        ['南方电网', '', ''],
        ['Gone Ltd', '', ''],
      ],
      guessMapping(headers, 'accounts'),
      CONTEXT,
    );
    expect(result.drafts).toEqual([
      {
        row: 2,
        name: '南方电网',
        shortName: '',
        industry: 'other',
        tier: 'standard',
        ownerId: null,
        potential: null,
        region: '广东',
        website: '',
        notes: '',
        tags: ['电力', '重点'],
      },
      {
        row: 5,
        name: 'Gone Ltd',
        shortName: '',
        industry: 'other',
        tier: 'standard',
        ownerId: null,
        potential: null,
        region: '',
        website: '',
        notes: '',
        tags: [],
      },
    ]);
    expect(result.errors.map((e) => `${e.row}:${e.code}:${e.detail}`)).toEqual([
      '3:exists:',
      '4:duplicateInFile:2',
    ]);
  });

  it('reads industry and tier by either language, the owner by name and the potential as money', () => {
    const headers = ['Account', 'Industry', '客户分级', 'Owner', 'Potential', 'Currency'];
    const result = checkAccountImport(
      [
        headers,
        ['Metro Water', 'utilities', 'Key', 'ann lee', '1,250,000.5', 'usd'],
        ['浙江移动', '电信', '战略', '李明', '¥3,000,000', ''],
        ['Nowhere Co', 'Mining', 'Gold', 'Bob', '-5', ''],
        ['Blank Co', '', '', '', '', ''],
      ],
      guessMapping(headers, 'accounts'),
      CONTEXT,
    );
    expect(guessMapping(headers, 'accounts')).toEqual([
      'name',
      'industry',
      'tier',
      'owner',
      'potential',
      'currency',
    ]);
    expect(result.drafts.map((d) => [d.name, d.industry, d.tier, d.ownerId, d.potential])).toEqual([
      [
        'Metro Water',
        'utilities',
        'key',
        PERSON_ANN,
        { amountMinor: 125_000_050, currency: 'USD' },
      ],
      [
        '浙江移动',
        'telecom',
        'strategic',
        PERSON_LI,
        { amountMinor: 300_000_000, currency: 'CNY' },
      ],
      ['Blank Co', 'other', 'standard', null, null],
    ]);
    expect(result.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '4:industry:unknownIndustry',
      '4:tier:unknownTier',
      '4:owner:unknownOwner',
      '4:potential:negative',
    ]);
  });
});
