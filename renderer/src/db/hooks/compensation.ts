import { useLiveQuery } from 'dexie-react-hooks';
import type { Account } from '@shared/domain/account';
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
