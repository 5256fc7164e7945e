import { useLiveQuery } from 'dexie-react-hooks';
import type { Account } from '@shared/domain/account';
import type { Activity } from '@shared/domain/activity';
import type { Deliverable } from '@shared/domain/deliverable';
import type { Milestone } from '@shared/domain/milestone';
import type { Risk } from '@shared/domain/risk';
import type { Stage } from '@shared/domain/sales-process';
import type { CommissionAssignment, CommissionPlan } from '@shared/domain/commission';
import type { CommissionAdjustmentRecord } from '@shared/domain/commission-adjustment';
import type { Deal } from '@shared/domain/deal';
import type { Person } from '@shared/domain/person';
import type { Settings } from '@shared/domain/settings';
import { SETTINGS_ID } from '@shared/domain/settings';
import type { Target } from '@shared/domain/target';
import type { Team } from '@shared/domain/team';
import { useDatabaseContext } from '@renderer/db/context';
import { byName } from '@renderer/db/hooks/order';

/** Everything the Targets area computes from: live records only. */
export interface CompensationRecords {
  readonly people: readonly Person[];
  readonly teams: readonly Team[];
  readonly deals: readonly Deal[];
  readonly accounts: readonly Account[];
  readonly targets: readonly Target[];
  readonly plans: readonly CommissionPlan[];
  readonly assignments: readonly CommissionAssignment[];
  readonly adjustments: readonly CommissionAdjustmentRecord[];
  readonly settings: Settings;
}

const live = <T extends { deletedAt: number | null }>(rows: readonly T[]): T[] =>
  rows.filter((row) => row.deletedAt === null);

/** The records of the Targets area (`undefined` while loading). */
export function useCompensationRecords(): CompensationRecords | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const [people, teams, deals, accounts, targets, plans, assignments, adjustments, settings] =
      await Promise.all([
        db.people.toArray(),
        db.teams.toArray(),
        db.deals.toArray(),
        db.accounts.toArray(),
        db.targets.toArray(),
        db.commissionPlans.toArray(),
        db.commissionAssignments.toArray(),
        db.commissionAdjustments.toArray(),
        db.settings.get(SETTINGS_ID),
      ]);
    if (settings === undefined) return undefined;
    return {
      people: live(people).sort(byName),
      teams: live(teams).sort((a, b) => a.name.localeCompare(b.name)),
      deals: live(deals),
      accounts: live(accounts),
      targets: live(targets),
      plans: live(plans).sort((a, b) => a.name.localeCompare(b.name)),
      assignments: live(assignments),
      adjustments: live(adjustments),
      settings,
    };
  }, [db]);
}

/** What the performance scorecard reads besides the Targets area's records. */
export interface ScorecardRecords {
  readonly activities: readonly Activity[];
  readonly milestones: readonly Milestone[];
  readonly deliverables: readonly Deliverable[];
  readonly risks: readonly Risk[];
  readonly stages: readonly Stage[];
}

/** The records of the scorecard (`undefined` while loading); trashed ones are left to `shared/`. */
export function useScorecardRecords(): ScorecardRecords | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const [activities, milestones, deliverables, risks, stages] = await Promise.all([
      db.activities.toArray(),
      db.milestones.toArray(),
      db.deliverables.toArray(),
      db.risks.toArray(),
      db.stages.toArray(),
    ]);
    return { activities, milestones, deliverables, risks, stages };
  }, [db]);
}

/** The trails of some deals (for finding a won deal that was later lost or cancelled). */
export function useDealTrails(dealIds: readonly string[]): readonly Activity[] | undefined {
  const { db } = useDatabaseContext();
  const key = dealIds.join(',');
  return useLiveQuery(
    () =>
      dealIds.length === 0
        ? []
        : db.activities
            .where('dealId')
            .anyOf([...dealIds])
            .toArray(),
    [db, key],
  );
}
