import { z } from 'zod';

/**
 * Branded identifiers. Every stored record is keyed by a UUID string; the brand stops a `TaskId`
 * from being passed where a `DealId` is expected, at no runtime cost. Records arrive as plain JSON
 * (IndexedDB, backups, imports), so the schemas below are the only way to obtain a branded id
 * from untrusted data: they check the UUID shape and then carry the brand in the inferred type.
 */
export type Id<B extends string> = string & { readonly __brand: B };

export type AccountId = Id<'AccountId'>;
export type ContactId = Id<'ContactId'>;
export type DealId = Id<'DealId'>;
export type SalesProcessId = Id<'SalesProcessId'>;
export type StageId = Id<'StageId'>;
export type GateId = Id<'GateId'>;
export type MilestoneId = Id<'MilestoneId'>;
export type TaskId = Id<'TaskId'>;
export type DependencyId = Id<'DependencyId'>;
export type BaselineId = Id<'BaselineId'>;
export type DeliverableId = Id<'DeliverableId'>;
export type ReviewRoundId = Id<'ReviewRoundId'>;
export type ReviewCommentId = Id<'ReviewCommentId'>;
export type PersonId = Id<'PersonId'>;
export type TeamId = Id<'TeamId'>;
export type RoleId = Id<'RoleId'>;
export type AssignmentId = Id<'AssignmentId'>;
export type RiskId = Id<'RiskId'>;
export type BudgetLineId = Id<'BudgetLineId'>;
export type CostEntryId = Id<'CostEntryId'>;
export type TimeEntryId = Id<'TimeEntryId'>;
export type ActivityId = Id<'ActivityId'>;
export type TargetId = Id<'TargetId'>;
export type CommissionPlanId = Id<'CommissionPlanId'>;
export type CommissionAssignmentId = Id<'CommissionAssignmentId'>;
export type CommissionAdjustmentId = Id<'CommissionAdjustmentId'>;
export type SettingsId = Id<'SettingsId'>;
export type ReviewSnapshotId = Id<'ReviewSnapshotId'>;

/**
 * Either end of a plan dependency: the scheduling engine treats a milestone as a zero-duration
 * task, so a dependency may link tasks and milestones freely.
 */
export type PlanItemId = TaskId | MilestoneId;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Lower-case RFC 9562 UUID (versions 1–8); upper case is refused so ids compare as plain strings. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/**
 * A zod schema for one kind of id: checks the UUID shape, yields the branded type. The brand is
 * only a type, so it is a cast: a `.pipe(z.custom<T>())` checked nothing more, yet ran a second
 * parser on every id of every record (a restore of 270,000 records checks about a million ids).
 */
export function idSchema<T extends Id<string>>(): z.ZodType<T, string> {
  const uuid = z
    .string({ error: 'must be an id (a UUID string)' })
    .regex(UUID_PATTERN, { error: 'must be an id (a lower-case UUID)' });
  return uuid as z.ZodType<string, string> as z.ZodType<T, string>;
}

export const accountIdSchema = idSchema<AccountId>();
export const contactIdSchema = idSchema<ContactId>();
export const dealIdSchema = idSchema<DealId>();
export const salesProcessIdSchema = idSchema<SalesProcessId>();
export const stageIdSchema = idSchema<StageId>();
export const gateIdSchema = idSchema<GateId>();
export const milestoneIdSchema = idSchema<MilestoneId>();
export const taskIdSchema = idSchema<TaskId>();
export const dependencyIdSchema = idSchema<DependencyId>();
export const baselineIdSchema = idSchema<BaselineId>();
export const deliverableIdSchema = idSchema<DeliverableId>();
export const reviewRoundIdSchema = idSchema<ReviewRoundId>();
export const reviewCommentIdSchema = idSchema<ReviewCommentId>();
export const personIdSchema = idSchema<PersonId>();
export const teamIdSchema = idSchema<TeamId>();
export const roleIdSchema = idSchema<RoleId>();
export const assignmentIdSchema = idSchema<AssignmentId>();
export const riskIdSchema = idSchema<RiskId>();
export const budgetLineIdSchema = idSchema<BudgetLineId>();
export const costEntryIdSchema = idSchema<CostEntryId>();
export const timeEntryIdSchema = idSchema<TimeEntryId>();
export const activityIdSchema = idSchema<ActivityId>();
export const targetIdSchema = idSchema<TargetId>();
export const commissionPlanIdSchema = idSchema<CommissionPlanId>();
export const commissionAssignmentIdSchema = idSchema<CommissionAssignmentId>();
export const commissionAdjustmentIdSchema = idSchema<CommissionAdjustmentId>();
export const settingsIdSchema = idSchema<SettingsId>();
export const reviewSnapshotIdSchema = idSchema<ReviewSnapshotId>();
export const planItemIdSchema = idSchema<PlanItemId>();

/**
 * Formats 16 random bytes as a version-4 UUID. Randomness is a parameter so the seeded generator
 * and the app (which passes `crypto.getRandomValues` output) share one formatter.
 */
export function uuidFromBytes(bytes: ArrayLike<number>): string {
  if (bytes.length < 16) throw new RangeError('uuidFromBytes needs 16 bytes');
  let out = '';
  for (let i = 0; i < 16; i += 1) {
    let byte = (bytes[i] ?? 0) & 0xff;
    if (i === 6) byte = (byte & 0x0f) | 0x40;
    if (i === 8) byte = (byte & 0x3f) | 0x80;
    out += HEX[byte];
    if (i === 3 || i === 5 || i === 7 || i === 9) out += '-';
  }
  return out;
}

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
);
