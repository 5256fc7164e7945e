/**
 * The stored tables of Pursuit and the schema of each, in one place. The database declares one
 * Dexie table per name, backup/restore and imports validate each table's rows with its schema, and
 * the sample generator produces a `Portfolio` keyed the same way.
 *
 * Domain conventions every table follows (see the schema files next to this one):
 * - Every record has `id` (a lower-case UUID, branded per entity in TypeScript), `createdAt`,
 *   `updatedAt` (epoch ms), `rev` (1 on create, +1 on every write; a write carrying a stale `rev`
 *   is refused) and `deletedAt` (null, or when it was soft-deleted into the trash).
 * - Money is `{ amountMinor, currency }` with an integer amount of minor units (`money.ts`).
 * - Plan dates are `YYYY-MM-DD` strings without time zone (`dates.ts`); working days come from the
 *   calendar built from settings (`calendar.ts`). Timestamps are epoch ms.
 * - Derived figures (risk score, weighted value, schedule, load) are computed, never stored.
 * - Records of a deal carry `dealId` (`DEAL_SCOPED_TABLES`), so a deal moves to and from the trash
 *   with everything under it. Activities with a null `dealId` belong to the whole portfolio.
 * - Schemas strip unknown keys, reject bad values with a path and a readable message, and check
 *   cross-field rules (finish ≥ start, a gate decision needs who and when…). References between
 *   tables are checked separately, on a whole portfolio, by `references.ts`.
 */
import { z } from 'zod';
import { accountSchema } from '@shared/domain/account';
import { activitySchema } from '@shared/domain/activity';
import { assignmentSchema } from '@shared/domain/assignment';
import { baselineSchema } from '@shared/domain/baseline';
import { commissionAssignmentSchema, commissionPlanSchema } from '@shared/domain/commission';
import { commissionAdjustmentSchema } from '@shared/domain/commission-adjustment';
import { contactSchema } from '@shared/domain/contact';
import { budgetLineSchema, costEntrySchema } from '@shared/domain/cost';
import { dealSchema } from '@shared/domain/deal';
import { deliverableSchema, reviewRoundSchema } from '@shared/domain/deliverable';
import { dependencySchema } from '@shared/domain/dependency';
import { gateSchema } from '@shared/domain/gate';
import { milestoneSchema } from '@shared/domain/milestone';
import { personSchema } from '@shared/domain/person';
import { reviewSnapshotSchema } from '@shared/domain/review-snapshot';
import { priceBookItemSchema } from '@shared/domain/price-book';
import { quoteSchema } from '@shared/domain/quote';
import { contractFileSchema, contractSchema, priceToWinSchema } from '@shared/domain/commercial';
import { riskSchema } from '@shared/domain/risk';
import { roleSchema } from '@shared/domain/role';
import { salesProcessSchema, stageSchema } from '@shared/domain/sales-process';
import { settingsSchema } from '@shared/domain/settings';
import { targetSchema } from '@shared/domain/target';
import { taskSchema } from '@shared/domain/task';
import { teamSchema } from '@shared/domain/team';
import { timeEntrySchema } from '@shared/domain/time-entry';

/** Every table, in an order where referenced tables come before the tables that point at them. */
export const TABLE_NAMES = [
  'settings',
  'roles',
  'teams',
  'people',
  'accounts',
  'contacts',
  'salesProcesses',
  'stages',
  'deals',
  'gates',
  'tasks',
  'milestones',
  'dependencies',
  'baselines',
  'deliverables',
  'reviewRounds',
  'assignments',
  'risks',
  'budgetLines',
  'costEntries',
  'timeEntries',
  'activities',
  'targets',
  'commissionPlans',
  'commissionAssignments',
  'reviewSnapshots',
  'commissionAdjustments',
  'priceBookItems',
  'quotes',
  'priceToWin',
  'contracts',
  'contractFiles',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const ENTITY_SCHEMAS = {
  settings: settingsSchema,
  roles: roleSchema,
  teams: teamSchema,
  people: personSchema,
  accounts: accountSchema,
  contacts: contactSchema,
  salesProcesses: salesProcessSchema,
  stages: stageSchema,
  deals: dealSchema,
  gates: gateSchema,
  tasks: taskSchema,
  milestones: milestoneSchema,
  dependencies: dependencySchema,
  baselines: baselineSchema,
  deliverables: deliverableSchema,
  reviewRounds: reviewRoundSchema,
  assignments: assignmentSchema,
  risks: riskSchema,
  budgetLines: budgetLineSchema,
  costEntries: costEntrySchema,
  timeEntries: timeEntrySchema,
  activities: activitySchema,
  targets: targetSchema,
  commissionPlans: commissionPlanSchema,
  commissionAssignments: commissionAssignmentSchema,
  reviewSnapshots: reviewSnapshotSchema,
  commissionAdjustments: commissionAdjustmentSchema,
  priceBookItems: priceBookItemSchema,
  quotes: quoteSchema,
  priceToWin: priceToWinSchema,
  contracts: contractSchema,
  contractFiles: contractFileSchema,
} as const satisfies Record<TableName, z.ZodType>;

/** The record type stored in a table: `EntityOf<'deals'>` is `Deal`. */
export type EntityOf<T extends TableName> = z.infer<(typeof ENTITY_SCHEMAS)[T]>;

/** Tables whose records belong to one deal through `dealId` (nullable only for activities). */
export const DEAL_SCOPED_TABLES = [
  'gates',
  'tasks',
  'milestones',
  'dependencies',
  'baselines',
  'deliverables',
  'reviewRounds',
  'assignments',
  'risks',
  'budgetLines',
  'costEntries',
  'timeEntries',
  'activities',
  'commissionAdjustments',
  'quotes',
  'priceToWin',
  'contracts',
  'contractFiles',
] as const satisfies readonly TableName[];
export type DealScopedTable = (typeof DEAL_SCOPED_TABLES)[number];

export function isTableName(value: unknown): value is TableName {
  return typeof value === 'string' && (TABLE_NAMES as readonly string[]).includes(value);
}

/**
 * Every table as an array of records: the shape of a backup's data, of an import and of a
 * generated portfolio. Validating with it yields paths such as `deals[3].value.amountMinor`.
 */
export const portfolioSchema = z.object({
  settings: z.array(settingsSchema),
  roles: z.array(roleSchema),
  teams: z.array(teamSchema),
  people: z.array(personSchema),
  accounts: z.array(accountSchema),
  contacts: z.array(contactSchema),
  salesProcesses: z.array(salesProcessSchema),
  stages: z.array(stageSchema),
  deals: z.array(dealSchema),
  gates: z.array(gateSchema),
  tasks: z.array(taskSchema),
  milestones: z.array(milestoneSchema),
  dependencies: z.array(dependencySchema),
  baselines: z.array(baselineSchema),
  deliverables: z.array(deliverableSchema),
  reviewRounds: z.array(reviewRoundSchema),
  assignments: z.array(assignmentSchema),
  risks: z.array(riskSchema),
  budgetLines: z.array(budgetLineSchema),
  costEntries: z.array(costEntrySchema),
  timeEntries: z.array(timeEntrySchema),
  activities: z.array(activitySchema),
  targets: z.array(targetSchema),
  commissionPlans: z.array(commissionPlanSchema),
  commissionAssignments: z.array(commissionAssignmentSchema),
  reviewSnapshots: z.array(reviewSnapshotSchema),
  commissionAdjustments: z.array(commissionAdjustmentSchema),
  priceBookItems: z.array(priceBookItemSchema),
  quotes: z.array(quoteSchema),
  priceToWin: z.array(priceToWinSchema),
  contracts: z.array(contractSchema),
  contractFiles: z.array(contractFileSchema),
} satisfies Record<TableName, z.ZodArray>);
export type Portfolio = z.infer<typeof portfolioSchema>;

/** A portfolio with every table present and empty. */
export function emptyPortfolio(): Portfolio {
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, []])) as unknown as Portfolio;
}
