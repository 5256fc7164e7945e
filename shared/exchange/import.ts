import type { z } from 'zod';
import {
  ACCOUNT_TIERS,
  INDUSTRIES,
  INDUSTRY_NAMES,
  TIER_NAMES,
  accountFieldsSchema,
} from '@shared/domain/account';
import type { AccountTier, Industry } from '@shared/domain/account';
import { dealFieldsSchema } from '@shared/domain/deal';
import { fromDayNumber, isPlanDate, planDateFromParts } from '@shared/domain/dates';
import type { PlanDate } from '@shared/domain/dates';
import { tagsSchema } from '@shared/domain/fields';
import type { AccountId, PersonId, StageId } from '@shared/domain/ids';
import { currencyCodeSchema, moneyFromMajor, nonNegativeMoneySchema } from '@shared/domain/money';
import type { Money } from '@shared/domain/money';
import type { StageKind } from '@shared/domain/sales-process';
import type { LocalizedText } from '@shared/domain/fields';

/** What a sheet is imported as. */
export const IMPORT_ENTITIES = ['accounts', 'deals'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const ACCOUNT_FIELDS = [
  'name',
  'shortName',
  'industry',
  'tier',
  'owner',
  'potential',
  'currency',
  'region',
  'website',
  'notes',
  'tags',
] as const;
export const DEAL_FIELDS = [
  'code',
  'name',
  'account',
  'value',
  'currency',
  'stage',
  'owner',
  'pwin',
  'submissionDue',
  'expectedAward',
  'description',
  'tags',
] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];
export type DealField = (typeof DEAL_FIELDS)[number];
export type ImportField = AccountField | DealField;

export const IMPORT_FIELDS: Readonly<Record<ImportEntity, readonly ImportField[]>> = {
  accounts: ACCOUNT_FIELDS,
  deals: DEAL_FIELDS,
};

/** Fields a sheet must have a column for. */
export const REQUIRED_FIELDS: Readonly<Record<ImportEntity, readonly ImportField[]>> = {
  accounts: ['name'],
  deals: ['name', 'account', 'value'],
};

/** A column's field, or null for a column left out of the import. */
export type ImportMapping = readonly (ImportField | null)[];

/** Most rows one import takes (a larger sheet is refused whole rather than cut). */
export const MAX_IMPORT_ROWS = 10_000;
/** Most columns read from a sheet. */
export const MAX_IMPORT_COLUMNS = 200;

/** Header spellings (normalised by `normaliseHeader`) that name each field, English and Chinese. */
const ALIASES: Readonly<Record<ImportEntity, Partial<Record<ImportField, readonly string[]>>>> = {
  accounts: {
    name: [
      'name',
      'account',
      'accountname',
      'customer',
      'customername',
      'company',
      '名称',
      '客户',
      '客户名称',
      '单位',
      '单位名称',
      '公司',
      '公司名称',
    ],
    shortName: ['shortname', 'short', 'abbreviation', '简称', '客户简称'],
    industry: ['industry', 'sector', 'vertical', '行业', '所属行业', '行业类别'],
    tier: [
      'tier',
      'accounttier',
      'segment',
      'level',
      '客户分级',
      '分级',
      '客户等级',
      '等级',
      '级别',
    ],
    owner: [
      'owner',
      'accountowner',
      'accountmanager',
      'manager',
      '负责人',
      '客户经理',
      '客户负责人',
    ],
    potential: [
      'potential',
      'accountpotential',
      'annualpotential',
      'walletsize',
      '潜力',
      '客户潜力',
      '年度潜力',
      '潜在金额',
    ],
    currency: ['currency', 'curr', 'ccy', '币种', '货币'],
    region: ['region', 'area', 'territory', 'province', '区域', '地区', '省份'],
    website: ['website', 'web', 'url', 'site', '网站', '网址', '官网'],
    notes: ['notes', 'note', 'comments', 'remarks', 'description', '备注', '说明', '描述'],
    tags: ['tags', 'tag', 'labels', '标签'],
  },
  deals: {
    code: [
      'code',
      'dealcode',
      'bidcode',
      'reference',
      'ref',
      'id',
      'dealid',
      '编号',
      '商机编号',
      '项目编号',
      '代码',
    ],
    name: [
      'name',
      'deal',
      'dealname',
      'opportunity',
      'opportunityname',
      'project',
      'projectname',
      'title',
      '名称',
      '商机',
      '商机名称',
      '项目',
      '项目名称',
    ],
    account: [
      'account',
      'accountname',
      'customer',
      'customername',
      'client',
      'company',
      '客户',
      '客户名称',
      '招标人',
      '采购人',
      '单位',
    ],
    value: [
      'value',
      'amount',
      'dealvalue',
      'contractvalue',
      'budget',
      '金额',
      '商机金额',
      '合同金额',
      '预算',
      '预计金额',
    ],
    currency: ['currency', 'curr', 'ccy', '币种', '货币'],
    stage: ['stage', 'salesstage', 'phase', '阶段', '销售阶段'],
    owner: [
      'owner',
      'dealowner',
      'salesperson',
      'accountmanager',
      'manager',
      '负责人',
      '销售',
      '客户经理',
      '销售负责人',
    ],
    pwin: [
      'pwin',
      'pwin%',
      'probability',
      'winprobability',
      'win%',
      'chance',
      '赢率',
      '赢单率',
      '中标概率',
      '成功率',
    ],
    submissionDue: [
      'submissiondate',
      'submissiondue',
      'submission',
      'bidduedate',
      'duedate',
      'deadline',
      '提交日期',
      '投标截止',
      '投标截止日期',
      '投标日期',
      '递交日期',
    ],
    expectedAward: [
      'expectedaward',
      'awarddate',
      'expectedawarddate',
      'closedate',
      'expectedclose',
      '预计授标',
      '预计授标日期',
      '授标日期',
      '预计中标日期',
      '预计签约',
    ],
    description: ['description', 'notes', 'note', 'details', 'remarks', '描述', '说明', '备注'],
    tags: ['tags', 'tag', 'labels', '标签'],
  },
};

/** Lower-cased header without spaces, punctuation or a BOM, so "Submission date" meets "submissiondate". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-.:：*()（）[\]【】/\\'"]/g, '');
}

/**
 * The field each header names, guessed from English or Chinese spellings; each field is taken
 * by the first column that names it, unknown headers map to nothing.
 */
export function guessMapping(headers: readonly string[], entity: ImportEntity): ImportField[] {
  const aliases = ALIASES[entity];
  const taken = new Set<ImportField>();
  const mapping: (ImportField | null)[] = headers.map((header) => {
    const key = normaliseHeader(header);
    for (const field of IMPORT_FIELDS[entity]) {
      if (!taken.has(field) && (aliases[field] ?? []).includes(key)) {
        taken.add(field);
        return field;
      }
    }
    return null;
  });
  return mapping as ImportField[];
}

/** The localStorage key a mapping is remembered under: the entity and the set of headers. */
export function mappingMemoryKey(entity: ImportEntity, headers: readonly string[]): string {
  const parts = headers.slice(0, MAX_IMPORT_COLUMNS).map((h) => normaliseHeader(h).slice(0, 40));
  return `pursuit.import.mapping.${entity}.${parts.join('|')}`;
}

/** Reads a remembered mapping back, keeping only fields that exist for the entity. */
export function restoreMapping(
  stored: unknown,
  entity: ImportEntity,
  columns: number,
): ImportMapping | null {
  if (!Array.isArray(stored) || stored.length !== columns) return null;
  const fields = IMPORT_FIELDS[entity] as readonly unknown[];
  if (!stored.every((field) => field === null || fields.includes(field))) return null;
  return stored as ImportMapping;
}

/** A cell as read from a file: text, a number, nothing, or a spreadsheet error (`#N/A`). */
export type SheetCell = string | number | null | { readonly error: string };

function isoDay(date: Date): string | null {
  const ms = date.getTime();
  return Number.isNaN(ms) ? null : date.toISOString().slice(0, 10);
}

/**
 * One XLSX cell value (as a spreadsheet library reads it: text, number, boolean, Date, rich
 * text, hyperlink, formula with its result, error) as a `SheetCell`. Never throws.
 */
export function sheetCellOf(value: unknown, depth = 0): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { error: String(value) };
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return isoDay(value) ?? { error: 'invalid date' };
  if (typeof value !== 'object' || depth > 3) return { error: 'unreadable cell' };
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.richText)) {
    return record.richText
      .map((part: unknown) =>
        typeof part === 'object' &&
        part !== null &&
        typeof (part as { text?: unknown }).text === 'string'
          ? (part as { text: string }).text
          : '',
      )
      .join('');
  }
  if (typeof record.error === 'string') return { error: record.error };
  if ('result' in record) return sheetCellOf(record.result, depth + 1);
  if (typeof record.formula === 'string' || typeof record.sharedFormula === 'string') {
    return { error: 'formula without a value' };
  }
  if (typeof record.text === 'string') return record.text;
  return { error: 'unreadable cell' };
}

export const IMPORT_ERROR_CODES = [
  'required',
  'tooLong',
  'invalid',
  'notNumber',
  'negative',
  'notPercent',
  'notDate',
  'dateOrder',
  'unknownCurrency',
  'unknownStage',
  'closedStage',
  'unknownOwner',
  'noOwner',
  'unknownIndustry',
  'unknownTier',
  'duplicateInFile',
  'exists',
  'cellError',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** What is wrong with one cell of one row. */
export interface RowError {
  /** The row's number in the sheet, counting the header as row 1. */
  readonly row: number;
  /** The header of the column, or null when the problem is not one column's. */
  readonly column: string | null;
  readonly field: ImportField | null;
  readonly code: ImportErrorCode;
  /** The cell's text as read (cut to 80 characters), to show next to the message. */
  readonly value: string;
  /** An English detail (a limit, the other field); the UI translates `code`. */
  readonly detail: string;
}

export const FILE_ERROR_CODES = [
  'empty',
  'noRows',
  'tooManyRows',
  'tooManyColumns',
  'unterminatedQuote',
  'missingColumn',
  'mappedTwice',
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

/** A problem with the file as a whole: nothing in it is imported. */
export interface FileError {
  readonly code: FileErrorCode;
  readonly field?: ImportField;
  readonly detail: string;
}

export interface AccountDraft {
  readonly row: number;
  readonly name: string;
  readonly shortName: string;
  readonly industry: Industry;
  readonly tier: AccountTier;
  readonly ownerId: PersonId | null;
  readonly potential: Money | null;
  readonly region: string;
  readonly website: string;
  readonly notes: string;
  readonly tags: string[];
}

export type AccountRef =
  | { readonly kind: 'existing'; readonly id: AccountId; readonly name: string }
  | { readonly kind: 'new'; readonly name: string };

export interface DealDraft {
  readonly row: number;
  readonly code: string;
  readonly name: string;
  readonly account: AccountRef;
  readonly ownerId: PersonId;
  readonly stageId: StageId;
  readonly value: Money;
  readonly pwin: number;
  readonly submissionDue: PlanDate | null;
  readonly expectedAward: PlanDate | null;
  readonly description: string;
  readonly tags: string[];
}

/** What the importer needs to know of the database to resolve names. */
export interface ImportContext {
  readonly accounts: readonly { id: AccountId; name: string; deletedAt: number | null }[];
  readonly people: readonly { id: PersonId; name: string; deletedAt: number | null }[];
  readonly stages: readonly {
    id: StageId;
    key: string;
    name: LocalizedText;
    order: number;
    kind: StageKind;
    defaultPwin: number;
    deletedAt: number | null;
  }[];
  readonly dealCodes: readonly string[];
  readonly baseCurrency: string;
  /** Owner of deals whose sheet gives none (the user's own person), or null to require one. */
  readonly defaultOwnerId: PersonId | null;
  /** A free deal code for a row without one, given the codes taken so far. */
  readonly suggestCode: (taken: readonly string[]) => string;
}

export interface ImportCheck<D> {
  readonly fileErrors: FileError[];
  readonly drafts: D[];
  readonly errors: RowError[];
  /** Data rows read (blank rows are skipped and not counted). */
  readonly rowCount: number;
  /** Rows with at least one error. */
  readonly invalidRows: number;
  /** Accounts the import creates because a deal names them (deals only). */
  readonly newAccounts: string[];
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Collects one row's problems; each field's reader reports at most one. */
class RowReader {
  readonly errors: RowError[] = [];
  constructor(
    readonly rowNumber: number,
    private readonly cells: readonly SheetCell[],
    private readonly columns: ReadonlyMap<ImportField, { index: number; header: string }>,
  ) {}

  private cell(field: ImportField): SheetCell {
    const column = this.columns.get(field);
    return column === undefined ? null : (this.cells[column.index] ?? null);
  }

  fail(field: ImportField | null, code: ImportErrorCode, value: string, detail = ''): null {
    const column = field === null ? undefined : this.columns.get(field);
    this.errors.push({
      row: this.rowNumber,
      column: column?.header ?? null,
      field,
      code,
      value: clip(value),
      detail,
    });
    return null;
  }

  /** The raw cell, or null after reporting a spreadsheet error cell. */
  raw(field: ImportField): string | number | null {
    const cell = this.cell(field);
    if (cell !== null && typeof cell === 'object') {
      this.fail(field, 'cellError', cell.error, cell.error);
      return null;
    }
    return cell;
  }

  /** Trimmed text of the cell ('' when empty or an error was reported). */
  text(field: ImportField): string {
    const raw = this.raw(field);
    return raw === null ? '' : String(raw).trim();
  }

  /** Checks a value with a domain schema, reporting the first issue; returns the parsed value. */
  check<T>(field: ImportField, schema: z.ZodType<T>, value: unknown, shown: string): T | null {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    if (issue?.code === 'too_big' && 'maximum' in issue) {
      return this.fail(field, 'tooLong', shown, String(issue.maximum));
    }
    return this.fail(field, 'invalid', shown, issue?.message ?? 'is not valid');
  }

  requiredText(field: ImportField, schema: z.ZodType<string>): string | null {
    const text = this.text(field);
    if (text === '') {
      if (this.errors.some((e) => e.field === field)) return null;
      return this.fail(field, 'required', '');
    }
    return this.check(field, schema, text, text);
  }

  optionalText(field: ImportField, schema: z.ZodType<string>): string | null {
    const text = this.text(field);
    return this.check(field, schema, text, text);
  }

  tags(field: ImportField): string[] | null {
    const text = this.text(field);
    const tags = [
      ...new Set(
        text
          .split(/[,;，；、|]/)
          .map((tag) => tag.trim())
          .filter((tag) => tag !== ''),
      ),
    ];
    return this.check(field, tagsSchema, tags, text);
  }
}

const AMOUNT_SYMBOLS = /[\s¥￥$€£]|元|CNY|RMB|USD|EUR/gi;
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^-?\d+(\.\d+)?$/;

/** A decimal number from a cell: numbers as they are, text with optional symbols and grouping. */
function numberText(raw: string | number): string | number | null {
  if (typeof raw === 'number') return raw;
  const text = raw.replace(AMOUNT_SYMBOLS, '');
  if (GROUPED.test(text)) return text.replaceAll(',', '');
  return PLAIN.test(text) ? text : null;
}

const CURRENCY_ALIASES: Readonly<Record<string, string>> = {
  RMB: 'CNY',
  人民币: 'CNY',
  元: 'CNY',
  美元: 'USD',
  欧元: 'EUR',
  港币: 'HKD',
  港元: 'HKD',
  英镑: 'GBP',
  日元: 'JPY',
};

const DATE_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
];
/** Day 0 of Excel's date serial numbers (1899-12-30) as a day number from 1970-01-01. */
const EXCEL_EPOCH_DAY = -25_569;

function readDate(raw: string | number): PlanDate | null {
  if (typeof raw === 'number') {
    // An Excel date serial (a date column saved as a number); 1 = 1900-01-01, 2958465 = 9999-12-31.
    return Number.isInteger(raw) && raw >= 1 && raw <= 2_958_465
      ? fromDayNumber(EXCEL_EPOCH_DAY + raw)
      : null;
  }
  const text = raw.trim().replace(/[T\s].*$/, '');
  for (const form of DATE_FORMS) {
    const match = form.exec(text);
    if (match === null) continue;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return isPlanDate(iso) ? planDateFromParts(year, month, day) : null;
  }
  return null;
}

function dateField(reader: RowReader, field: DealField): PlanDate | null | undefined {
  const raw = reader.raw(field);
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return null;
  const date = readDate(raw);
  if (date === null) {
    reader.fail(field, 'notDate', String(raw));
    return undefined;
  }
  return date;
}

const fold = (text: string) => text.trim().toLocaleLowerCase();

interface Prepared {
  readonly headers: string[];
  readonly dataRows: { readonly number: number; readonly cells: readonly SheetCell[] }[];
  readonly columns: Map<ImportField, { index: number; header: string }>;
  readonly fileErrors: FileError[];
}

function isBlank(cells: readonly SheetCell[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

function headerText(cell: SheetCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.error;
  return String(cell).trim();
}

/** Splits the header from the data and checks the file as a whole and the mapping. */
function prepare(
  sheet: readonly (readonly SheetCell[])[],
  mapping: ImportMapping,
  entity: ImportEntity,
): Prepared {
  const fileErrors: FileError[] = [];
  const headerIndex = sheet.findIndex((row) => !isBlank(row));
  const headers = headerIndex < 0 ? [] : (sheet[headerIndex] ?? []).map(headerText);
  const columns = new Map<ImportField, { index: number; header: string }>();
  const dataRows: { number: number; cells: readonly SheetCell[] }[] = [];
  if (headerIndex < 0) {
    fileErrors.push({ code: 'empty', detail: 'the file has no rows' });
    return { headers, dataRows, columns, fileErrors };
  }
  if (headers.length > MAX_IMPORT_COLUMNS) {
    fileErrors.push({ code: 'tooManyColumns', detail: String(MAX_IMPORT_COLUMNS) });
  }
  for (let i = headerIndex + 1; i < sheet.length; i += 1) {
    const cells = sheet[i] ?? [];
    if (!isBlank(cells)) dataRows.push({ number: i + 1, cells });
  }
  if (dataRows.length === 0) fileErrors.push({ code: 'noRows', detail: 'only a header row' });
  if (dataRows.length > MAX_IMPORT_ROWS) {
    fileErrors.push({ code: 'tooManyRows', detail: String(MAX_IMPORT_ROWS) });
  }
  const allowed = IMPORT_FIELDS[entity];
  mapping.forEach((field, index) => {
    if (field === null || index >= headers.length || !allowed.includes(field)) return;
    if (columns.has(field)) {
      fileErrors.push({ code: 'mappedTwice', field, detail: headers[index] ?? '' });
      return;
    }
    columns.set(field, { index, header: headers[index] || `#${index + 1}` });
  });
  for (const field of REQUIRED_FIELDS[entity]) {
    if (!columns.has(field)) fileErrors.push({ code: 'missingColumn', field, detail: field });
  }
  return { headers, dataRows, columns, fileErrors };
}

function emptyCheck<D>(fileErrors: FileError[], rowCount: number): ImportCheck<D> {
  return { fileErrors, drafts: [], errors: [], rowCount, invalidRows: 0, newAccounts: [] };
}

/** Runs `read` for a row, turning anything unexpected into an error on the row. */
function guarded<D>(reader: RowReader, read: () => D | null): D | null {
  try {
    return read();
  } catch (error) {
    return reader.fail(null, 'invalid', '', error instanceof Error ? error.message : String(error));
  }
}

/**
 * A money amount from its cell in `currency`: grouping and currency symbols allowed, never
 * negative. Null with an error on the row when it is bad, or when it is empty and `required`;
 * null without one when it is empty and optional (or the currency is already wrong).
 */
function readMoney(
  reader: RowReader,
  field: 'value' | 'potential',
  currency: string | null,
  required: boolean,
): Money | null {
  const raw = reader.raw(field);
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    if (required && !reader.errors.some((e) => e.field === field)) {
      reader.fail(field, 'required', '');
    }
    return null;
  }
  const amount = numberText(raw);
  if (amount === null) return reader.fail(field, 'notNumber', String(raw));
  if (Number(amount) < 0) return reader.fail(field, 'negative', String(raw));
  if (currency === null) return null;
  try {
    return reader.check(
      field,
      nonNegativeMoneySchema,
      moneyFromMajor(amount, currency),
      String(raw),
    );
  } catch {
    return reader.fail(field, 'notNumber', String(raw));
  }
}

/** The currency of a row: its cell (ISO code or a common alias), else the base currency. */
function readCurrency(reader: RowReader, baseCurrency: string): string | null {
  const text = reader.text('currency').toUpperCase();
  const code = text === '' ? baseCurrency : (CURRENCY_ALIASES[text] ?? text);
  return reader.check('currency', currencyCodeSchema, code, text);
}

/** A choice from a closed list by any of its names (`INDUSTRY_NAMES`…), or its key; no case. */
function readChoice<K extends string>(
  reader: RowReader,
  field: 'industry' | 'tier',
  keys: readonly K[],
  names: Readonly<Record<K, readonly string[]>>,
  fallback: K,
  code: ImportErrorCode,
): K | null {
  const text = reader.text(field);
  if (text === '') return fallback;
  const wanted = fold(text);
  const found = keys.find((key) => key === wanted || names[key].some((n) => fold(n) === wanted));
  return found ?? reader.fail(field, code, text);
}

/** Live people by their name without case (the first of two with the same name wins). */
function peopleByName(people: ImportContext['people']): Map<string, PersonId> {
  const byName = new Map<string, PersonId>();
  for (const person of people) {
    if (person.deletedAt === null && !byName.has(fold(person.name))) {
      byName.set(fold(person.name), person.id);
    }
  }
  return byName;
}

const accountShape = accountFieldsSchema.shape;
const dealShape = dealFieldsSchema.shape;

/**
 * Checks every row of a sheet of accounts. Names must be new (to the file and to the database,
 * compared without case); each field is checked with the account schema. Never throws.
 */
export function checkAccountImport(
  sheet: readonly (readonly SheetCell[])[],
  mapping: ImportMapping,
  context: Pick<ImportContext, 'accounts' | 'people' | 'baseCurrency'>,
): ImportCheck<AccountDraft> {
  const prepared = prepare(sheet, mapping, 'accounts');
  if (prepared.fileErrors.length > 0) {
    return emptyCheck(prepared.fileErrors, prepared.dataRows.length);
  }
  const existing = new Set(
    context.accounts.filter((a) => a.deletedAt === null).map((a) => fold(a.name)),
  );
  const people = peopleByName(context.people);
  const seen = new Map<string, number>();
  const drafts: AccountDraft[] = [];
  const errors: RowError[] = [];
  let invalidRows = 0;
  for (const { number, cells } of prepared.dataRows) {
    const reader = new RowReader(number, cells, prepared.columns);
    const draft = guarded(reader, () => {
      const name = reader.requiredText('name', accountShape.name);
      if (name !== null) {
        const key = fold(name);
        const first = seen.get(key);
        if (first !== undefined) reader.fail('name', 'duplicateInFile', name, String(first));
        else if (existing.has(key)) reader.fail('name', 'exists', name);
        else seen.set(key, number);
      }
      const shortName = reader.optionalText('shortName', accountShape.shortName);
      const industry = readChoice(
        reader,
        'industry',
        INDUSTRIES,
        INDUSTRY_NAMES,
        'other',
        'unknownIndustry',
      );
      const tier = readChoice(reader, 'tier', ACCOUNT_TIERS, TIER_NAMES, 'standard', 'unknownTier');
      const ownerText = reader.text('owner');
      const ownerId = ownerText === '' ? null : (people.get(fold(ownerText)) ?? null);
      if (ownerText !== '' && ownerId === null) reader.fail('owner', 'unknownOwner', ownerText);
      const potential = readMoney(
        reader,
        'potential',
        readCurrency(reader, context.baseCurrency),
        false,
      );
      const region = reader.optionalText('region', accountShape.region);
      const website = reader.optionalText('website', accountShape.website);
      const notes = reader.optionalText('notes', accountShape.notes);
      const tags = reader.tags('tags');
      if (reader.errors.length > 0 || name === null || industry === null || tier === null) {
        return null;
      }
      return {
        row: number,
        name,
        shortName: shortName ?? '',
        industry,
        tier,
        ownerId,
        potential,
        region: region ?? '',
        website: website ?? '',
        notes: notes ?? '',
        tags: tags ?? [],
      };
    });
    if (draft !== null && reader.errors.length === 0) drafts.push(draft);
    else {
      invalidRows += 1;
      errors.push(...reader.errors);
    }
  }
  return {
    fileErrors: [],
    drafts,
    errors,
    rowCount: prepared.dataRows.length,
    invalidRows,
    newAccounts: [],
  };
}

/**
 * Checks every row of a sheet of deals and resolves its names: the account by name (a name not
 * in the database becomes a new account, once however many rows name it), the stage by its
 * English or Chinese name or key (an open stage; the first one when empty), the owner by name
 * (the default owner when empty). Codes must be free; an empty code gets the next free one.
 * Pwin defaults to the stage's; the currency to the base currency. Never throws.
 */
export function checkDealImport(
  sheet: readonly (readonly SheetCell[])[],
  mapping: ImportMapping,
  context: ImportContext,
): ImportCheck<DealDraft> {
  const prepared = prepare(sheet, mapping, 'deals');
  if (prepared.fileErrors.length > 0) {
    return emptyCheck(prepared.fileErrors, prepared.dataRows.length);
  }
  const accounts = new Map<string, { id: AccountId; name: string }>();
  for (const account of context.accounts) {
    if (account.deletedAt === null && !accounts.has(fold(account.name))) {
      accounts.set(fold(account.name), account);
    }
  }
  const people = peopleByName(context.people);
  const stages = context.stages
    .filter((s) => s.deletedAt === null)
    .sort((a, b) => a.order - b.order);
  const stageByName = new Map<string, (typeof stages)[number]>();
  for (const stage of stages) {
    for (const name of [stage.key, stage.name.en, stage.name.zh]) {
      if (!stageByName.has(fold(name))) stageByName.set(fold(name), stage);
    }
  }
  const firstOpen = stages.find((s) => s.kind === 'open') ?? null;
  const existingCodes = new Set(context.dealCodes);
  const fileCodes = new Map<string, number>();
  // Every code the file names is taken before any is generated, so a generated code never
  // collides with a code a later row gives.
  const codeColumn = prepared.columns.get('code');
  const taken = [...context.dealCodes];
  if (codeColumn !== undefined) {
    for (const { cells } of prepared.dataRows) {
      const cell = cells[codeColumn.index];
      if (typeof cell === 'string' || typeof cell === 'number') taken.push(String(cell).trim());
    }
  }
  const newAccounts = new Map<string, string>();
  const drafts: DealDraft[] = [];
  const errors: RowError[] = [];
  let invalidRows = 0;

  for (const { number, cells } of prepared.dataRows) {
    const reader = new RowReader(number, cells, prepared.columns);
    const draft = guarded(reader, (): DealDraft | null => {
      const name = reader.requiredText('name', dealShape.name);
      const codeText = reader.text('code');
      let code = codeText === '' ? '' : reader.check('code', dealShape.code, codeText, codeText);
      if (code !== null && code !== '') {
        const first = fileCodes.get(code);
        if (first !== undefined) reader.fail('code', 'duplicateInFile', code, String(first));
        else if (existingCodes.has(code)) reader.fail('code', 'exists', code);
        else fileCodes.set(code, number);
      }

      const accountName = reader.requiredText('account', accountShape.name);
      let account: AccountRef | null = null;
      if (accountName !== null) {
        const found = accounts.get(fold(accountName));
        account = found
          ? { kind: 'existing', id: found.id, name: found.name }
          : { kind: 'new', name: newAccounts.get(fold(accountName)) ?? accountName };
      }

      const currency = readCurrency(reader, context.baseCurrency);

      const value = readMoney(reader, 'value', currency, true);

      const stageText = reader.text('stage');
      const stage = stageText === '' ? firstOpen : (stageByName.get(fold(stageText)) ?? null);
      if (stage === null) reader.fail('stage', 'unknownStage', stageText);
      else if (stage.kind !== 'open') reader.fail('stage', 'closedStage', stageText);

      const ownerText = reader.text('owner');
      const ownerId: PersonId | null =
        ownerText === '' ? context.defaultOwnerId : (people.get(fold(ownerText)) ?? null);
      if (ownerId === null) {
        reader.fail('owner', ownerText === '' ? 'noOwner' : 'unknownOwner', ownerText);
      }

      let pwin: number | null = stage?.defaultPwin ?? null;
      const rawPwin = reader.raw('pwin');
      if (rawPwin !== null && String(rawPwin).trim() !== '') {
        const text = typeof rawPwin === 'number' ? rawPwin : rawPwin.trim().replace(/%$/, '');
        const number = numberText(text);
        // A percent-formatted cell reads as a fraction (0.35 for 35 %).
        const asNumber = number === null ? Number.NaN : Number(number);
        const percent =
          typeof rawPwin === 'number' && asNumber > 0 && asNumber < 1 ? asNumber * 100 : asNumber;
        const rounded = Math.round(percent * 1e6) / 1e6;
        pwin =
          Number.isInteger(rounded) && rounded >= 0 && rounded <= 100
            ? rounded
            : reader.fail('pwin', 'notPercent', String(rawPwin));
      }

      const submissionDue = dateField(reader, 'submissionDue');
      const expectedAward = dateField(reader, 'expectedAward');
      if (submissionDue && expectedAward && expectedAward < submissionDue) {
        reader.fail('expectedAward', 'dateOrder', expectedAward, submissionDue);
      }
      const description = reader.optionalText('description', dealShape.description);
      const tags = reader.tags('tags');

      if (
        reader.errors.length > 0 ||
        name === null ||
        account === null ||
        value === null ||
        stage === null ||
        ownerId === null ||
        pwin === null ||
        submissionDue === undefined ||
        expectedAward === undefined
      ) {
        return null;
      }
      if (code === null || code === '') code = context.suggestCode(taken);
      taken.push(code);
      if (account.kind === 'new' && !newAccounts.has(fold(account.name))) {
        newAccounts.set(fold(account.name), account.name);
      }
      return {
        row: number,
        code,
        name,
        account,
        ownerId,
        stageId: stage.id,
        value,
        pwin,
        submissionDue,
        expectedAward,
        description: description ?? '',
        tags: tags ?? [],
      };
    });
    if (draft !== null && reader.errors.length === 0) drafts.push(draft);
    else {
      invalidRows += 1;
      errors.push(...reader.errors);
    }
  }
  return {
    fileErrors: [],
    drafts,
    errors,
    rowCount: prepared.dataRows.length,
    invalidRows,
    newAccounts: [...newAccounts.values()],
  };
}
