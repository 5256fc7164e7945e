import { DEAL_SCOPED_TABLES } from '@shared/domain/tables';
import type { Deal } from '@shared/domain/deal';
import type { PlanDate } from '@shared/domain/dates';
import type { DealId } from '@shared/domain/ids';
import { SETTINGS_ID } from '@shared/domain/settings';
import { planStageEntry } from '@shared/pipeline/stage-entry';
import type { PursuitDatabase } from '@renderer/db/database';
import { NotFoundError, StaleRevisionError } from '@renderer/db/errors';
import { runWrite } from '@renderer/db/write';
import type { NewRecord, RecordPatch, WriteEnv, Writer } from '@renderer/db/write';
import type { TableName } from '@shared/domain/tables';

/** The fields a user edits on the deal form; everything else starts empty. */
export type DealInput = Pick<
  Deal,
  | 'code'
  | 'name'
  | 'description'
  | 'accountId'
  | 'ownerId'
  | 'value'
  | 'expectedMarginPct'
  | 'stageId'
  | 'pwin'
  | 'keyDates'
  | 'tags'
>;

/** Another deal already uses this code (codes are how people refer to bids). */
export class DuplicateDealCodeError extends Error {
  override readonly name = 'DuplicateDealCodeError';
  constructor(readonly code: string) {
    super(`Another deal already has the code ${code}`);
  }
}

function assertCodeFree(db: PursuitDatabase, code: string, exceptId: string | null) {
  return db.deals
    .where('code')
    .equals(code)
    .toArray()
    .then((sameCode) => {
      if (sameCode.some((deal) => deal.id !== exceptId)) throw new DuplicateDealCodeError(code);
    });
}

const trashTables = DEAL_SCOPED_TABLES.filter((table) => table !== 'activities');

/** A deal as stored now (for opening the edit form on a fresh copy). */
export async function getDeal(db: PursuitDatabase, id: DealId): Promise<Deal | undefined> {
  return db.deals.get(id);
}

/**
 * Creates a deal in an open stage, with what entering that stage brings: the stage's milestones
 * (dated on the working-day calendar from `today` or from the submission date) and its gates
 * (a deal created in Qualify gets its bid/no-bid gate).
 */
export async function createDeal(
  db: PursuitDatabase,
  env: WriteEnv,
  input: DealInput,
  today: PlanDate,
): Promise<Deal> {
  return runWrite(
    db,
    env,
    DEAL_CREATE_TABLES,
    (writer) => {
      writer.subject = input.code;
      return insertDeal(db, writer, input, today);
    },
    { undoAction: 'create' },
  );
}

/** The tables a deal's creation writes (the deal, its stage's milestones and gates). */
export const DEAL_CREATE_TABLES: readonly TableName[] = [
  'deals',
  'stages',
  'settings',
  'milestones',
  'gates',
];

/**
 * Inserts a new deal inside a write over `DEAL_CREATE_TABLES` (see `createDeal`); an import
 * inserts many in one transaction through it.
 */
export async function insertDeal(
  db: PursuitDatabase,
  writer: Writer,
  input: DealInput,
  today: PlanDate,
): Promise<Deal> {
  await assertCodeFree(db, input.code, null);
  const stage = await writer.require('stages', input.stageId);
  const values: NewRecord<'deals'> = {
    ...input,
    status: 'open',
    stageEnteredAt: writer.at,
    competitors: [],
    winThemes: [],
    discriminators: [],
    buyingCentre: [],
    checkedExitCriteria: [],
    creditSplits: [],
    outcomeReason: null,
    outcomeNote: '',
    outcomeDate: null,
  };
  if (stage.kind !== 'open')
    throw new Error(`A new deal must start in an open stage, not ${stage.key}`);
  const settings = await writer.require('settings', SETTINGS_ID);
  const deal = await writer.insert('deals', values, `${input.code} ${input.name}`);
  const entry = planStageEntry({
    deal,
    stage,
    settings,
    today,
    existingMilestones: [],
    existingGates: [],
  });
  for (const milestone of entry.milestones) {
    await writer.insert('milestones', milestone, milestone.name);
  }
  for (const gate of entry.gates) await writer.insert('gates', gate, gate.name);
  return deal;
}

/** Saves an edit made on a copy at revision `expectedRev`; refuses if the deal changed since. */
export async function updateDeal(
  db: PursuitDatabase,
  env: WriteEnv,
  id: DealId,
  expectedRev: number,
  patch: RecordPatch<'deals'>,
): Promise<Deal> {
  return runWrite(
    db,
    env,
    ['deals'],
    async (writer) => {
      if (patch.code !== undefined) await assertCodeFree(db, patch.code, id);
      const current = await writer.require('deals', id);
      writer.subject = patch.code ?? current.code;
      const stageChanged = patch.stageId !== undefined && patch.stageId !== current.stageId;
      return writer.update(
        'deals',
        id,
        expectedRev,
        stageChanged ? { ...patch, stageEnteredAt: writer.at } : patch,
        `${current.code} ${patch.name ?? current.name}`,
      );
    },
    { undoAction: 'update' },
  );
}

/**
 * Moves a deal, with its plan, risks, costs and everything else under it, to the trash. The
 * children are stamped with the same `deletedAt` as the deal, so a restore brings back exactly
 * what the delete took (and not records that were deleted on their own before).
 */
export async function deleteDeal(
  db: PursuitDatabase,
  env: WriteEnv,
  id: DealId,
  expectedRev: number,
): Promise<void> {
  await runWrite(
    db,
    env,
    ['deals', ...trashTables],
    async (writer) => {
      const deal = await writer.get('deals', id);
      if (!deal || deal.deletedAt !== null)
        throw new StaleRevisionError('deals', id, expectedRev, null);
      writer.subject = deal.code;
      await writer.update(
        'deals',
        id,
        expectedRev,
        { deletedAt: writer.at },
        `${deal.code} ${deal.name}`,
        'delete',
      );
      for (const table of trashTables) {
        const children = await db.tableOf(table).where('dealId').equals(id).toArray();
        for (const child of children) {
          if (child.deletedAt === null)
            await writer.cascade(table, child, { deletedAt: writer.at });
        }
      }
    },
    { undoAction: 'delete' },
  );
}

/** Brings a deal back from the trash with everything its delete took along. */
export async function restoreDeal(db: PursuitDatabase, env: WriteEnv, id: DealId): Promise<void> {
  await runWrite(
    db,
    env,
    ['deals', ...trashTables],
    async (writer) => {
      const deal = await writer.get('deals', id);
      if (!deal) throw new NotFoundError('deals', id);
      if (deal.deletedAt === null) return;
      writer.subject = deal.code;
      const deletedAt = deal.deletedAt;
      await writer.update(
        'deals',
        id,
        deal.rev,
        { deletedAt: null },
        `${deal.code} ${deal.name}`,
        'restore',
      );
      for (const table of trashTables) {
        const children = await db.tableOf(table).where('dealId').equals(id).toArray();
        for (const child of children) {
          if (child.deletedAt === deletedAt)
            await writer.cascade(table, child, { deletedAt: null });
        }
      }
    },
    { undoAction: 'restore' },
  );
}

/** Purges every deal in the trash and everything under it, for good. Returns how many deals. */
export async function emptyTrash(db: PursuitDatabase, env: WriteEnv): Promise<number> {
  return runWrite(db, env, ['deals', ...DEAL_SCOPED_TABLES], async () => {
    const trashed = await db.deals.where('deletedAt').above(0).primaryKeys();
    for (const id of trashed) {
      for (const table of DEAL_SCOPED_TABLES) {
        await db.tableOf(table).where('dealId').equals(id).delete();
      }
    }
    await db.deals.bulkDelete(trashed);
    return trashed.length;
  });
}
