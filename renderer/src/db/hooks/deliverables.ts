import { useLiveQuery } from 'dexie-react-hooks';
import type { Deal } from '@shared/domain/deal';
import type { Deliverable, ReviewRound } from '@shared/domain/deliverable';
import type { DealId, PersonId, TaskId } from '@shared/domain/ids';
import { compareByDue } from '@shared/deliverables/progress';
import { useDatabaseContext } from '@renderer/db/context';

/**
 * Reads for deliverables: one deal's documents and reviews (its range of the `dealId` index), and
 * one person's documents across deals (their range of the `ownerId` index). `undefined` while
 * loading.
 */

const live = <T extends { deletedAt: number | null }>(rows: T[]): T[] =>
  rows.filter((row) => row.deletedAt === null);

export interface DealDeliverables {
  /** Earliest due first. */
  readonly deliverables: readonly Deliverable[];
  readonly rounds: readonly ReviewRound[];
}

export function useDealDeliverables(dealId: DealId): DealDeliverables | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const [deliverables, rounds] = await Promise.all([
      db.deliverables.where('dealId').equals(dealId).toArray(),
      db.reviewRounds.where('dealId').equals(dealId).toArray(),
    ]);
    return { deliverables: live(deliverables).sort(compareByDue), rounds: live(rounds) };
  }, [db, dealId]);
}

export interface TaskOption {
  readonly id: TaskId;
  readonly name: string;
}

/** The deal's plan tasks a deliverable can be linked to, in plan order. */
export function useDealTaskOptions(dealId: DealId): TaskOption[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    const tasks = live(await db.tasks.where('dealId').equals(dealId).toArray());
    return tasks
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.sortIndex - b.sortIndex))
      .map((task) => ({ id: task.id, name: task.name }));
  }, [db, dealId]);
}

export interface PersonDeliverable {
  readonly deliverable: Deliverable;
  readonly deal: Pick<Deal, 'id' | 'code' | 'name' | 'status'>;
  readonly rounds: readonly ReviewRound[];
}

/**
 * Everything one person owns across deals not in the trash, earliest due first, each with its
 * deal and review rounds.
 */
export function usePersonDeliverables(personId: PersonId | null): PersonDeliverable[] | undefined {
  const { db } = useDatabaseContext();
  return useLiveQuery(async () => {
    if (personId === null) return [];
    const deliverables = live(await db.deliverables.where('ownerId').equals(personId).toArray());
    const dealIds = [...new Set(deliverables.map((d) => d.dealId))];
    const [deals, rounds] = await Promise.all([
      db.deals.bulkGet(dealIds),
      db.reviewRounds
        .where('deliverableId')
        .anyOf(deliverables.map((d) => d.id))
        .toArray(),
    ]);
    const dealById = new Map<string, Deal>();
    for (const deal of deals) if (deal && deal.deletedAt === null) dealById.set(deal.id, deal);
    const roundsOf = new Map<string, ReviewRound[]>();
    for (const round of live(rounds)) {
      const list = roundsOf.get(round.deliverableId);
      if (list) list.push(round);
      else roundsOf.set(round.deliverableId, [round]);
    }
    const rows: PersonDeliverable[] = [];
    for (const deliverable of deliverables.sort(compareByDue)) {
      const deal = dealById.get(deliverable.dealId);
      if (!deal) continue;
      rows.push({
        deliverable,
        deal: { id: deal.id, code: deal.code, name: deal.name, status: deal.status },
        rounds: roundsOf.get(deliverable.id) ?? [],
      });
    }
    return rows;
  }, [db, personId]);
}

/** The person this session acts as, when the app knows one (null: ask the user). */
export function useCurrentActorId(): PersonId | null {
  return useDatabaseContext().env.actorId;
}
