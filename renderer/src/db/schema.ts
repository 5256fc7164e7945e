import type { TableName } from '@shared/domain/tables';

/**
 * Dexie store definitions, one entry per domain table. Primary keys are UUID strings from the
 * start (Dexie cannot change a primary key later); the secondary indexes are the ones the views
 * query by: deals by stage, owner, account, status and key dates; plan records by deal;
 * assignments by person and task; risks and costs by deal; activities by deal and time.
 *
 * `deletedAt` is indexed on deals only: IndexedDB leaves records whose key is null out of an
 * index, so `where('deletedAt').above(0)` lists exactly the deals in the trash.
 */
export const STORES_V1 = {
  settings: 'id',
  roles: 'id',
  teams: 'id',
  people: 'id, name, teamId',
  accounts: 'id, name',
  contacts: 'id, accountId',
  salesProcesses: 'id',
  stages: 'id, processId, order',
  deals:
    'id, code, stageId, ownerId, accountId, status, keyDates.submissionDue, keyDates.expectedAward, updatedAt, deletedAt',
  gates: 'id, dealId',
  tasks: 'id, dealId, parentId',
  milestones: 'id, dealId, date',
  dependencies: 'id, dealId, predecessorId, successorId',
  baselines: 'id, dealId',
  deliverables: 'id, dealId, ownerId, dueDate',
  reviewRounds: 'id, dealId, deliverableId',
  assignments: 'id, dealId, personId, taskId',
  risks: 'id, dealId, ownerId, nextReviewDate',
  budgetLines: 'id, dealId',
  costEntries: 'id, dealId, date',
  timeEntries: 'id, dealId, personId, taskId, date',
  activities: 'id, dealId, at, [dealId+at]',
  targets: 'id, personId, teamId',
  commissionPlans: 'id',
  commissionAssignments: 'id, personId, planId',
} as const satisfies Partial<Record<TableName, string>>;

/**
 * Version 3 adds the tables of new features, empty on an existing database: review snapshots,
 * commission adjustments (credit and payout corrections, clawbacks), price book items and quote
 * versions (sections and lines inline).
 */
export const STORES_V3 = {
  ...STORES_V1,
  reviewSnapshots: 'id, takenAt',
  commissionAdjustments: 'id, dealId, personId',
  priceBookItems: 'id, code',
  quotes: 'id, dealId',
} as const satisfies Partial<Record<TableName, string>>;

/**
 * Version 4 adds the commercial tables, empty on an existing database: price-to-win (one record
 * per deal), contracts (by renewal date for the dashboard) and their attached files.
 */
export const STORES_V4 = {
  ...STORES_V3,
  priceToWin: 'id, dealId',
  contracts: 'id, dealId, renewalDate',
  contractFiles: 'id, dealId, contractId',
} as const satisfies Record<TableName, string>;

/**
 * Version 5 changes indexes only, for the dashboard: activities gain `system.action`, so the stage
 * moves its funnel and time in stage are read from come out of the trail without reading the rest
 * of it (IndexedDB leaves a record whose key path does not resolve, a logged activity with no
 * `system`, out of the index); risks gain `status`, so it reads only the active ones.
 */
export const STORES_V5 = {
  ...STORES_V4,
  activities: 'id, dealId, at, [dealId+at], system.action',
  risks: 'id, dealId, ownerId, nextReviewDate, status',
} as const satisfies Record<TableName, string>;

export const DATABASE_NAME = 'pursuit';
