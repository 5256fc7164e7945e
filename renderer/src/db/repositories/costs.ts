import Dexie from 'dexie';
import type { BudgetLine, CostCategory, CostEntry } from '@shared/domain/cost';
import type { Deal } from '@shared/domain/deal';
import type { CostEntryId, DealId, PersonId, TaskId, TimeEntryId } from '@shared/domain/ids';
import type { Money } from '@shared/domain/money';
import { toMajor } from '@shared/domain/money';
import type { TimeEntry } from '@shared/domain/time-entry';
import type { PursuitDatabase } from '@renderer/db/database';
import { NotFoundError, StaleRevisionError } from '@renderer/db/errors';
import { DealInTrashError } from '@renderer/db/repositories/deliverables';
import { runWrite } from '@renderer/db/write';
import type { RecordPatch, WriteEnv, Writer } from '@renderer/db/write';

/**
 * Pursuit cost records of a deal: budget lines, cost entries and the time log. Every write is one
 * transaction, in the deal's trail, undoable; amounts must be in the deal's currency (the figures
 * never add currencies), and a deal in the trash cannot change.
 */

export type CostEntryInput = Pick<CostEntry, 'date' | 'category' | 'amount' | 'note'> & {
  readonly personId?: PersonId | null;
};
export type TimeEntryInput = Pick<TimeEntry, 'personId' | 'taskId' | 'date' | 'hours' | 'note'>;

/** An amount in another currency than the deal's; nothing was written. */
export class CostCurrencyError extends Error {
  override readonly name = 'CostCurrencyError';
  constructor(
    readonly currency: string,
    readonly dealCurrency: string,
  ) {
    super(`Amount in ${currency}; this deal is in ${dealCurrency}`);
  }
}

/** The task named on a time entry is not a live task of the entry's deal. */
export class ForeignTimeTaskError extends Error {
  override readonly name = 'ForeignTimeTaskError';
  constructor(readonly taskId: string) {
    super(`Task ${taskId} is not a task of this deal`);
  }
}

function unwrapNotFound(error: unknown): never {
  if (error instanceof Dexie.DexieError && error.inner instanceof NotFoundError) throw error.inner;
  throw error;
}

function requireLiveDeal(writer: Writer, dealId: DealId) {
  return writer.require('deals', dealId).then((deal) => {
    if (deal.deletedAt !== null) throw new DealInTrashError(deal.code);
    writer.subject = deal.code;
    return deal;
  });
}

function checkCurrency(deal: Deal, amount: Money | undefined): void {
  if (amount !== undefined && amount.currency !== deal.value.currency)
    throw new CostCurrencyError(amount.currency, deal.value.currency);
}

function requireCurrent<T extends { id: string; rev: number; deletedAt: number | null }>(
  table: 'budgetLines' | 'costEntries' | 'timeEntries',
  record: T,
  expectedRev: number,
): T {
  if (record.deletedAt !== null) throw new StaleRevisionError(table, record.id, expectedRev, null);
  if (record.rev !== expectedRev)
    throw new StaleRevisionError(table, record.id, expectedRev, record.rev);
  return record;
}

const moneyText = (amount: Money) => `${toMajor(amount)} ${amount.currency}`;
const withNote = (text: string, note: string) => (note === '' ? text : `${text} · ${note}`);
const budgetSummary = (category: CostCategory, amount: Money) =>
  `budget ${category} · ${moneyText(amount)}`;
const costSummary = (entry: Pick<CostEntry, 'date' | 'category' | 'amount' | 'note'>) =>
  withNote(`${entry.date} · ${entry.category} · ${moneyText(entry.amount)}`, entry.note);

/**
 * Sets a deal's budget for one category: the category's line takes the amount and note (one is
 * created when there is none); any further lines of the same category (an import can bring
 * several) go to the trash in the same write, so the category's budget is exactly what was typed.
 * A null amount removes the category's budget.
 */
export async function setCategoryBudget(
  db: PursuitDatabase,
  env: WriteEnv,
  dealId: DealId,
  category: CostCategory,
  lines: readonly Pick<BudgetLine, 'id' | 'rev'>[],
  value: { readonly amount: Money; readonly note: string } | null,
): Promise<void> {
  await runWrite(
    db,
    env,
    ['deals', 'budgetLines'],
    async (writer) => {
      const deal = await requireLiveDeal(writer, dealId);
      if (value !== null) checkCurrency(deal, value.amount);
      const [first, ...rest] = lines;
      const keep = value === null ? undefined : first;
      for (const line of value === null ? lines : rest) {
        const current = requireCurrent(
          'budgetLines',
          await writer.require('budgetLines', line.id),
          line.rev,
        );
        await writer.update(
          'budgetLines',
          line.id,
          line.rev,
          { deletedAt: writer.at },
          budgetSummary(current.category, current.amount),
          'delete',
        );
      }
      if (value === null) return;
      if (keep === undefined) {
        await writer.insert(
          'budgetLines',
          { dealId, category, amount: value.amount, note: value.note },
          budgetSummary(category, value.amount),
        );
        return;
      }
      requireCurrent('budgetLines', await writer.require('budgetLines', keep.id), keep.rev);
      await writer.update(
        'budgetLines',
        keep.id,
        keep.rev,
        { amount: value.amount, note: value.note } satisfies RecordPatch<'budgetLines'>,
        budgetSummary(category, value.amount),
      );
    },
    { undoAction: value === null ? 'delete' : 'update' },
  ).catch(unwrapNotFound);
}

/** Logs money spent on the pursuit (negative: a refund, such as a returned bid bond). */
export async function addCostEntry(
  db: PursuitDatabase,
  env: WriteEnv,
  dealId: DealId,
  input: CostEntryInput,
): Promise<CostEntry> {
  return runWrite(
    db,
    env,
    ['deals', 'people', 'costEntries'],
    async (writer) => {
      const deal = await requireLiveDeal(writer, dealId);
      checkCurrency(deal, input.amount);
      const personId = input.personId ?? null;
      if (personId !== null) await writer.require('people', personId);
      return writer.insert('costEntries', { ...input, personId, dealId }, costSummary(input));
    },
    { undoAction: 'create' },
  ).catch(unwrapNotFound);
}

export async function updateCostEntry(
  db: PursuitDatabase,
  env: WriteEnv,
  id: CostEntryId,
  expectedRev: number,
  patch: Partial<CostEntryInput>,
): Promise<CostEntry> {
  return runWrite(
    db,
    env,
    ['deals', 'people', 'costEntries'],
    async (writer) => {
      const current = requireCurrent(
        'costEntries',
        await writer.require('costEntries', id),
        expectedRev,
      );
      const deal = await requireLiveDeal(writer, current.dealId);
      checkCurrency(deal, patch.amount);
      if (patch.personId !== undefined && patch.personId !== null)
        await writer.require('people', patch.personId);
      return writer.update(
        'costEntries',
        id,
        expectedRev,
        patch satisfies RecordPatch<'costEntries'>,
        costSummary({ ...current, ...patch }),
      );
    },
    { undoAction: 'update' },
  ).catch(unwrapNotFound);
}

export async function deleteCostEntry(
  db: PursuitDatabase,
  env: WriteEnv,
  id: CostEntryId,
  expectedRev: number,
): Promise<void> {
  await runWrite(
    db,
    env,
    ['deals', 'costEntries'],
    async (writer) => {
      const current = requireCurrent(
        'costEntries',
        await writer.require('costEntries', id),
        expectedRev,
      );
      await requireLiveDeal(writer, current.dealId);
      await writer.update(
        'costEntries',
        id,
        expectedRev,
        { deletedAt: writer.at },
        costSummary(current),
        'delete',
      );
    },
    { undoAction: 'delete' },
  ).catch(unwrapNotFound);
}

function checkTimeRefs(writer: Writer, dealId: DealId, personId: PersonId, taskId: TaskId | null) {
  return writer.require('people', personId).then((person) => {
    if (person.deletedAt !== null) throw new NotFoundError('people', personId);
    if (taskId === null) return person.name;
    return writer.get('tasks', taskId).then((task) => {
      if (!task || task.dealId !== dealId || task.deletedAt !== null)
        throw new ForeignTimeTaskError(taskId);
      return `${person.name} · ${task.name}`;
    });
  });
}

const timeSummary = (who: string, entry: Pick<TimeEntry, 'date' | 'hours' | 'note'>) =>
  withNote(`${entry.date} · ${who} · ${entry.hours} h`, entry.note);

/** Logs hours a person worked on the deal (optionally on one of its tasks) on a day. */
export async function addTimeEntry(
  db: PursuitDatabase,
  env: WriteEnv,
  dealId: DealId,
  input: TimeEntryInput,
): Promise<TimeEntry> {
  return runWrite(
    db,
    env,
    ['deals', 'people', 'tasks', 'timeEntries'],
    async (writer) => {
      await requireLiveDeal(writer, dealId);
      const who = await checkTimeRefs(writer, dealId, input.personId, input.taskId);
      return writer.insert('timeEntries', { ...input, dealId }, timeSummary(who, input));
    },
    { undoAction: 'create' },
  ).catch(unwrapNotFound);
}

export async function updateTimeEntry(
  db: PursuitDatabase,
  env: WriteEnv,
  id: TimeEntryId,
  expectedRev: number,
  patch: Partial<TimeEntryInput>,
): Promise<TimeEntry> {
  return runWrite(
    db,
    env,
    ['deals', 'people', 'tasks', 'timeEntries'],
    async (writer) => {
      const current = requireCurrent(
        'timeEntries',
        await writer.require('timeEntries', id),
        expectedRev,
      );
      await requireLiveDeal(writer, current.dealId);
      const next = { ...current, ...patch };
      const who = await checkTimeRefs(writer, current.dealId, next.personId, next.taskId);
      return writer.update(
        'timeEntries',
        id,
        expectedRev,
        patch satisfies RecordPatch<'timeEntries'>,
        timeSummary(who, next),
      );
    },
    { undoAction: 'update' },
  ).catch(unwrapNotFound);
}

export async function deleteTimeEntry(
  db: PursuitDatabase,
  env: WriteEnv,
  id: TimeEntryId,
  expectedRev: number,
): Promise<void> {
  await runWrite(
    db,
    env,
    ['deals', 'people', 'timeEntries'],
    async (writer) => {
      const current = requireCurrent(
        'timeEntries',
        await writer.require('timeEntries', id),
        expectedRev,
      );
      await requireLiveDeal(writer, current.dealId);
      const person = await writer.get('people', current.personId);
      await writer.update(
        'timeEntries',
        id,
        expectedRev,
        { deletedAt: writer.at },
        timeSummary(person?.name ?? '', current),
        'delete',
      );
    },
    { undoAction: 'delete' },
  ).catch(unwrapNotFound);
}
