import type { CommissionAssignment, CommissionPlan } from '@shared/domain/commission';
import type { CommissionAdjustmentRecord } from '@shared/domain/commission-adjustment';
import type {
  CommissionAdjustmentId,
  CommissionPlanId,
  PersonId,
  TargetId,
  TeamId,
} from '@shared/domain/ids';
import type { Money } from '@shared/domain/money';
import type { Period } from '@shared/domain/period';
import type { AllocationMethod, Target, TargetBasis } from '@shared/domain/target';
import { findPersonTarget } from '@shared/compensation/bases';
import { findTeamTarget } from '@shared/compensation/workspace';
import type { PursuitDatabase } from '@renderer/db/database';
import { runWrite } from '@renderer/db/write';
import type { NewRecord, WriteEnv } from '@renderer/db/write';

export interface TeamAllocationInput {
  readonly teamId: TeamId;
  /** Shown in the activity trail and undo history ("Team East FY2026 Q1"). */
  readonly label: string;
  readonly period: Period;
  readonly basis: TargetBasis;
  readonly total: Money;
  readonly method: AllocationMethod;
  readonly shares: readonly { readonly personId: PersonId; readonly amount: Money }[];
}

/** The shares do not add up to the team target (the caller must reconcile them first). */
export class AllocationMismatchError extends Error {
  constructor(
    readonly total: number,
    readonly shares: number,
  ) {
    super(`The shares total ${shares}, not the team target ${total}`);
    this.name = 'AllocationMismatchError';
  }
}

/**
 * Saves a team target for a period and its split among the team's people in one transaction:
 * the team target is created or updated, and each person's target for the same period and basis
 * is created or updated with the amount, the method and the team target it came from. Every
 * record change is in the activity trail; one Undo takes the whole allocation back.
 */
export async function saveTeamAllocation(
  db: PursuitDatabase,
  env: WriteEnv,
  input: TeamAllocationInput,
): Promise<Target> {
  const sum = input.shares.reduce((total, share) => total + share.amount.amountMinor, 0);
  if (sum !== input.total.amountMinor) {
    throw new AllocationMismatchError(input.total.amountMinor, sum);
  }
  return runWrite(
    db,
    env,
    ['targets'],
    async (writer) => {
      writer.subject = input.label;
      const existing = (await db.targets.toArray()).filter((t) => t.deletedAt === null);
      const currentTeam = findTeamTarget(existing, input.teamId, input.period, input.basis);
      const team: Target =
        currentTeam === null
          ? await writer.insert(
              'targets',
              {
                personId: null,
                teamId: input.teamId,
                period: input.period,
                basis: input.basis,
                amount: input.total,
                parentTargetId: null,
                allocationMethod: null,
                note: '',
              },
              input.label,
            )
          : await writer.update(
              'targets',
              currentTeam.id,
              currentTeam.rev,
              { amount: input.total },
              input.label,
            );
      for (const share of input.shares) {
        const current = findPersonTarget(existing, share.personId, input.period, input.basis);
        const fields = {
          amount: share.amount,
          parentTargetId: team.id as TargetId,
          allocationMethod: input.method,
        };
        if (current === null) {
          await writer.insert(
            'targets',
            {
              personId: share.personId,
              teamId: null,
              period: input.period,
              basis: input.basis,
              note: '',
              ...fields,
            },
            input.label,
          );
        } else {
          await writer.update('targets', current.id, current.rev, fields, input.label);
        }
      }
      return team;
    },
    { undoAction: 'update' },
  );
}

export type PlanInput = Omit<NewRecord<'commissionPlans'>, 'id'>;

export async function createPlan(
  db: PursuitDatabase,
  env: WriteEnv,
  input: PlanInput,
): Promise<CommissionPlan> {
  return runWrite(
    db,
    env,
    ['commissionPlans'],
    (writer) => {
      writer.subject = input.name;
      return writer.insert('commissionPlans', input, input.name);
    },
    { undoAction: 'create' },
  );
}

/** Saves an edit made on the copy at revision `expectedRev` (refused if changed since). */
export async function updatePlan(
  db: PursuitDatabase,
  env: WriteEnv,
  id: CommissionPlanId,
  expectedRev: number,
  input: PlanInput,
): Promise<CommissionPlan> {
  return runWrite(
    db,
    env,
    ['commissionPlans'],
    (writer) => {
      writer.subject = input.name;
      return writer.update('commissionPlans', id, expectedRev, input, input.name);
    },
    { undoAction: 'update' },
  );
}

/** Moves a plan to the trash; its assignments stop paying (see `planFor`). */
export async function deletePlan(
  db: PursuitDatabase,
  env: WriteEnv,
  plan: CommissionPlan,
): Promise<void> {
  await runWrite(
    db,
    env,
    ['commissionPlans'],
    (writer) => {
      writer.subject = plan.name;
      return writer.update(
        'commissionPlans',
        plan.id,
        plan.rev,
        { deletedAt: writer.at },
        plan.name,
        'delete',
      );
    },
    { undoAction: 'delete' },
  );
}

/**
 * Sets the plan that pays a person in a fiscal year (null: none). The person's live assignment
 * for that year is updated, or created, or moved to the trash.
 */
export async function assignPlan(
  db: PursuitDatabase,
  env: WriteEnv,
  input: {
    readonly personId: PersonId;
    readonly personName: string;
    readonly fiscalYear: number;
    readonly planId: CommissionPlanId | null;
  },
): Promise<CommissionAssignment | null> {
  return runWrite(
    db,
    env,
    ['commissionAssignments'],
    async (writer) => {
      writer.subject = input.personName;
      const current = (
        await db.commissionAssignments.where('personId').equals(input.personId).toArray()
      )
        .filter((a) => a.deletedAt === null && a.fiscalYear === input.fiscalYear)
        .sort((a, b) => b.updatedAt - a.updatedAt);
      const [first, ...rest] = current;
      for (const extra of rest) {
        await writer.update(
          'commissionAssignments',
          extra.id,
          extra.rev,
          { deletedAt: writer.at },
          input.personName,
          'delete',
        );
      }
      if (input.planId === null) {
        if (first !== undefined) {
          await writer.update(
            'commissionAssignments',
            first.id,
            first.rev,
            { deletedAt: writer.at },
            input.personName,
            'delete',
          );
        }
        return null;
      }
      if (first === undefined) {
        return writer.insert(
          'commissionAssignments',
          { personId: input.personId, planId: input.planId, fiscalYear: input.fiscalYear },
          input.personName,
        );
      }
      return writer.update(
        'commissionAssignments',
        first.id,
        first.rev,
        { planId: input.planId },
        input.personName,
      );
    },
    { undoAction: 'update' },
  );
}

export type AdjustmentInput = Omit<NewRecord<'commissionAdjustments'>, 'id'>;

/**
 * Adds a credit or payout adjustment to a person's statement for a period. `label` names it in
 * the activity trail and the undo history ("Li Wei FY2026 Q3").
 */
export async function createAdjustment(
  db: PursuitDatabase,
  env: WriteEnv,
  input: AdjustmentInput,
  label: string,
): Promise<CommissionAdjustmentRecord> {
  return runWrite(
    db,
    env,
    ['commissionAdjustments'],
    (writer) => {
      writer.subject = label;
      return writer.insert('commissionAdjustments', input, label);
    },
    { undoAction: 'create' },
  );
}

/** Saves an edit made on the copy at revision `expectedRev` (refused if changed since). */
export async function updateAdjustment(
  db: PursuitDatabase,
  env: WriteEnv,
  id: CommissionAdjustmentId,
  expectedRev: number,
  input: AdjustmentInput,
  label: string,
): Promise<CommissionAdjustmentRecord> {
  return runWrite(
    db,
    env,
    ['commissionAdjustments'],
    (writer) => {
      writer.subject = label;
      return writer.update('commissionAdjustments', id, expectedRev, input, label);
    },
    { undoAction: 'update' },
  );
}

/** Moves an adjustment to the trash: the statement no longer counts it. */
export async function deleteAdjustment(
  db: PursuitDatabase,
  env: WriteEnv,
  adjustment: CommissionAdjustmentRecord,
  label: string,
): Promise<void> {
  await runWrite(
    db,
    env,
    ['commissionAdjustments'],
    (writer) => {
      writer.subject = label;
      return writer.update(
        'commissionAdjustments',
        adjustment.id,
        adjustment.rev,
        { deletedAt: writer.at },
        label,
        'delete',
      );
    },
    { undoAction: 'delete' },
  );
}
