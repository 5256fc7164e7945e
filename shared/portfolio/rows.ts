import type { Account } from '@shared/domain/account';
import type { Deal, DealStatus } from '@shared/domain/deal';
import { weightedValue } from '@shared/domain/deal';
import type { PlanDate } from '@shared/domain/dates';
import type { LocalizedText } from '@shared/domain/fields';
import type { AccountId, DealId, PersonId, StageId } from '@shared/domain/ids';
import type { Milestone } from '@shared/domain/milestone';
import type { Money } from '@shared/domain/money';
import type { Person } from '@shared/domain/person';
import type { Stage } from '@shared/domain/sales-process';
import type { DealHealth, HealthLevel } from '@shared/health/health';
import { compareHealthLevels } from '@shared/health/health';
import { cached } from '@shared/format/cache';

/** One line of the deal portfolio: the deal plus the names and figures the table shows. */
export interface PortfolioRow {
  readonly id: DealId;
  readonly rev: number;
  readonly code: string;
  readonly name: string;
  readonly accountId: AccountId;
  readonly accountName: string;
  readonly ownerId: PersonId;
  readonly ownerName: string;
  readonly stageId: StageId;
  readonly stageName: LocalizedText | null;
  readonly stageOrder: number;
  readonly status: DealStatus;
  readonly value: Money;
  readonly pwin: number;
  readonly weighted: Money;
  readonly submissionDue: PlanDate | null;
  readonly expectedAward: PlanDate | null;
  readonly nextMilestone: { readonly name: string; readonly date: PlanDate } | null;
  readonly tags: readonly string[];
  /** Health of an open deal (`shared/health`), joined in by the view; null when not rated. */
  readonly health: DealHealth | null;
}

export interface PortfolioSources {
  readonly deals: readonly Deal[];
  readonly accounts: readonly Account[];
  readonly people: readonly Person[];
  readonly stages: readonly Stage[];
  /** Milestones dated today or later (the caller queries that index range). */
  readonly upcomingMilestones: readonly Milestone[];
  readonly today: PlanDate;
}

/**
 * Joins deals with their account, owner, stage and next milestone. Deals in the trash are left
 * out; a missing account or owner shows as an empty name rather than hiding the deal. The next
 * milestone is the earliest one not yet done that is due today or later.
 */
export function buildPortfolioRows(sources: PortfolioSources): PortfolioRow[] {
  const accounts = new Map(sources.accounts.map((a) => [a.id, a.name]));
  const people = new Map(sources.people.map((p) => [p.id, p.name]));
  const stages = new Map(sources.stages.map((s) => [s.id, s]));
  const next = new Map<string, Milestone>();
  for (const milestone of sources.upcomingMilestones) {
    if (milestone.deletedAt !== null || milestone.actualDate !== null) continue;
    if (milestone.date < sources.today) continue;
    const current = next.get(milestone.dealId);
    if (!current || milestone.date < current.date) next.set(milestone.dealId, milestone);
  }
  const rows: PortfolioRow[] = [];
  for (const deal of sources.deals) {
    if (deal.deletedAt !== null) continue;
    const stage = stages.get(deal.stageId);
    const milestone = next.get(deal.id);
    rows.push({
      id: deal.id,
      rev: deal.rev,
      code: deal.code,
      name: deal.name,
      accountId: deal.accountId,
      accountName: accounts.get(deal.accountId) ?? '',
      ownerId: deal.ownerId,
      ownerName: people.get(deal.ownerId) ?? '',
      stageId: deal.stageId,
      stageName: stage?.name ?? null,
      stageOrder: stage?.order ?? Number.MAX_SAFE_INTEGER,
      status: deal.status,
      value: deal.value,
      pwin: deal.pwin,
      weighted: weightedValue(deal),
      submissionDue: deal.keyDates.submissionDue,
      expectedAward: deal.keyDates.expectedAward,
      nextMilestone: milestone ? { name: milestone.name, date: milestone.date } : null,
      tags: deal.tags,
      health: null,
    });
  }
  return rows;
}

export interface PortfolioFilter {
  readonly stageIds?: readonly StageId[];
  readonly ownerIds?: readonly PersonId[];
  readonly accountIds?: readonly AccountId[];
  readonly statuses?: readonly DealStatus[];
  /** Only deals rated at one of these levels (deals not rated are left out). */
  readonly healthLevels?: readonly HealthLevel[];
  /** Matched, case-insensitively, against code, name, account, owner and tags. */
  readonly text?: string;
}

/** The rows that pass every filter given (an empty or missing filter passes everything). */
export function filterRows(rows: readonly PortfolioRow[], filter: PortfolioFilter): PortfolioRow[] {
  const stageIds = filter.stageIds?.length ? new Set<string>(filter.stageIds) : null;
  const ownerIds = filter.ownerIds?.length ? new Set<string>(filter.ownerIds) : null;
  const accountIds = filter.accountIds?.length ? new Set<string>(filter.accountIds) : null;
  const statuses = filter.statuses?.length ? new Set<string>(filter.statuses) : null;
  const levels = filter.healthLevels?.length ? new Set<string>(filter.healthLevels) : null;
  const needle = filter.text?.trim().toLocaleLowerCase() ?? '';
  return rows.filter(
    (row) =>
      (!stageIds || stageIds.has(row.stageId)) &&
      (!ownerIds || ownerIds.has(row.ownerId)) &&
      (!accountIds || accountIds.has(row.accountId)) &&
      (!statuses || statuses.has(row.status)) &&
      (!levels || (row.health !== null && levels.has(row.health.level))) &&
      (needle === '' || searchTextOf(row).includes(needle)),
  );
}

/**
 * Whether two rows show the same thing apart from health: every field compared by identity. A
 * row joined with its health (`{ ...row, health }`) shares every other field with the row it was
 * made from, so what was derived from one (search text, formatted cells) holds for the other;
 * a row built again from the database has new objects and is derived again.
 */
export function sameRowContent(a: PortfolioRow, b: PortfolioRow): boolean {
  return (
    a.id === b.id &&
    a.rev === b.rev &&
    a.code === b.code &&
    a.name === b.name &&
    a.accountId === b.accountId &&
    a.accountName === b.accountName &&
    a.ownerId === b.ownerId &&
    a.ownerName === b.ownerName &&
    a.stageId === b.stageId &&
    a.stageName === b.stageName &&
    a.stageOrder === b.stageOrder &&
    a.status === b.status &&
    a.value === b.value &&
    a.pwin === b.pwin &&
    a.weighted === b.weighted &&
    a.submissionDue === b.submissionDue &&
    a.expectedAward === b.expectedAward &&
    a.nextMilestone === b.nextMilestone &&
    a.tags === b.tags
  );
}

/** Separates the searched fields, so a search never matches across two of them. */
const FIELD_SEPARATOR = '\u0000';
/** By deal id: the row the text was made from, and the text. */
const searchTexts = new Map<string, { readonly row: PortfolioRow; readonly text: string }>();

/**
 * The text a search looks in (code, name, account, owner, tags), lower-cased once per deal: kept
 * while the row's content is the same (`sameRowContent`), so health arriving does not redo it.
 */
function searchTextOf(row: PortfolioRow): string {
  const cached = searchTexts.get(row.id);
  if (cached !== undefined && (cached.row === row || sameRowContent(cached.row, row))) {
    return cached.text;
  }
  const text = [row.code, row.name, row.accountName, row.ownerName, ...row.tags]
    .map((part) => part.toLocaleLowerCase())
    .join(FIELD_SEPARATOR);
  searchTexts.set(row.id, { row, text });
  return text;
}

export const SORT_KEYS = [
  'code',
  'name',
  'account',
  'owner',
  'stage',
  'status',
  'health',
  'value',
  'pwin',
  'weighted',
  'submissionDue',
  'expectedAward',
  'nextMilestone',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface PortfolioSort {
  readonly key: SortKey;
  readonly direction: 'asc' | 'desc';
}

type Comparable = string | number | null;

/** Text columns, compared with the locale's collation (through `collationRanks`). */
type TextField = 'code' | 'name' | 'accountName' | 'ownerName' | 'status';

const TEXT_FIELDS: Partial<Record<SortKey, TextField>> = {
  code: 'code',
  name: 'name',
  account: 'accountName',
  owner: 'ownerName',
  status: 'status',
};

function sortValue(row: PortfolioRow, key: SortKey): Comparable {
  switch (key) {
    case 'code':
      return row.code;
    case 'name':
      return row.name;
    case 'account':
      return row.accountName;
    case 'owner':
      return row.ownerName;
    case 'stage':
      return row.stageOrder;
    case 'status':
      return row.status;
    case 'health':
      // Worse first within a level: more reasons.
      return row.health === null
        ? null
        : compareHealthLevels(row.health.level, 'green') * 100 + row.health.reasons.length;
    case 'value':
      return row.value.amountMinor;
    case 'pwin':
      return row.pwin;
    case 'weighted':
      return row.weighted.amountMinor;
    // ISO dates: their character order is their date order.
    case 'submissionDue':
      return row.submissionDue;
    case 'expectedAward':
      return row.expectedAward;
    case 'nextMilestone':
      return row.nextMilestone?.date ?? null;
  }
}

/**
 * Collation ranks of a text column per locale: each distinct value's position in the locale's
 * order. A sort then compares integers; the collator (slow for Chinese, which collates by pinyin)
 * runs once per distinct value and column, not at every comparison of every sort. The ranks are
 * kept while every value of the rows being sorted has one: a new list of the same deals (health
 * joined in, an edit that renames nothing) sorts without collating again. Ranks of values no
 * longer listed do no harm, since the order among the others is the same.
 */
const rankCache = new Map<string, ReadonlyMap<string, number>>();
const collators = new Map<string, Intl.Collator>();

function collationRanks(
  rows: readonly PortfolioRow[],
  field: TextField,
  locale: string,
  collator: Intl.Collator,
): ReadonlyMap<string, number> {
  const key = `${locale}|${field}`;
  const cached = rankCache.get(key);
  if (cached !== undefined && rows.every((row) => cached.has(row[field]))) return cached;
  const distinct = [...new Set(rows.map((row) => row[field]))].sort(collator.compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < distinct.length; i += 1) {
    const value = distinct[i] as string;
    // Values the collator calls equal ("a" and "A" at base sensitivity) share a rank.
    if (i > 0 && collator.compare(distinct[i - 1] as string, value) !== 0) rank += 1;
    ranks.set(value, rank);
  }
  rankCache.set(key, ranks);
  return ranks;
}

/**
 * Sorts rows by one column. Text compares with the locale's collation (pinyin order for Chinese
 * names under zh-CN), empty values always go last whatever the direction, and ties keep the deal
 * code order so the table never jitters. Money compares by amount in minor units within the list
 * (a portfolio mixing currencies sorts by face value; there is no exchange rate to apply).
 * Sort the whole list and filter the result (filtering keeps the order): the collation work is
 * then cached for the list and a new search does not sort again.
 */
export function sortRows(
  rows: readonly PortfolioRow[],
  sort: PortfolioSort,
  locale: string,
): PortfolioRow[] {
  const collator = cached(
    collators,
    locale,
    () => new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }),
  );
  const sign = sort.direction === 'asc' ? 1 : -1;
  const codeRanks = collationRanks(rows, 'code', locale, collator);
  const field = TEXT_FIELDS[sort.key];
  const ranks = field === undefined ? null : collationRanks(rows, field, locale, collator);
  const keyed = rows.map((row) => {
    const raw = sortValue(row, sort.key);
    const value =
      raw === null || raw === '' ? null : ranks === null ? raw : (ranks.get(String(raw)) ?? 0);
    return { row, value, code: codeRanks.get(row.code) ?? 0 };
  });
  keyed.sort((a, b) => {
    if (a.value === null) return b.value === null ? a.code - b.code : 1;
    if (b.value === null) return -1;
    const order =
      typeof a.value === 'number' && typeof b.value === 'number'
        ? a.value - b.value
        : a.value < b.value
          ? -1
          : a.value > b.value
            ? 1
            : 0;
    return order !== 0 ? sign * order : a.code - b.code;
  });
  return keyed.map((entry) => entry.row);
}

export interface CurrencyTotal {
  readonly currency: string;
  readonly value: number;
  readonly weighted: number;
}

/** Totals of the rows shown, per currency (amounts in minor units), for the table's totals row. */
export function totalRows(rows: readonly PortfolioRow[]): CurrencyTotal[] {
  const totals = new Map<string, { value: number; weighted: number }>();
  for (const row of rows) {
    const total = totals.get(row.value.currency) ?? { value: 0, weighted: 0 };
    total.value += row.value.amountMinor;
    total.weighted += row.weighted.amountMinor;
    totals.set(row.value.currency, total);
  }
  return [...totals.entries()]
    .map(([currency, total]) => ({ currency, ...total }))
    .sort((a, b) => b.value - a.value);
}
