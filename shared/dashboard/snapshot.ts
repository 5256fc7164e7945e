/**
 * Review snapshots: "Start review" freezes every live deal's key figures; the dashboard then
 * compares the figures of now with the chosen snapshot. Both sides are made by `snapshotDeals`,
 * so the comparison is between like and like.
 */
import type { Activity } from '@shared/domain/activity';
import type { Deal } from '@shared/domain/deal';
import type { DealId, RiskId, StageId } from '@shared/domain/ids';
import type { Money } from '@shared/domain/money';
import type { Risk } from '@shared/domain/risk';
import { isActiveRisk } from '@shared/domain/risk';
import type { SnapshotDeal } from '@shared/domain/review-snapshot';
import type { DealSpend, StageMoveFact } from '@shared/dashboard/figures';

export type SnapshotSourceDeal = Pick<
  Deal,
  'id' | 'code' | 'name' | 'value' | 'pwin' | 'stageId' | 'status' | 'keyDates' | 'deletedAt'
>;

export type SnapshotRisk = Pick<Risk, 'id' | 'dealId' | 'status' | 'exposure' | 'deletedAt'>;

export interface SnapshotSources {
  readonly deals: readonly SnapshotSourceDeal[];
  readonly risks: readonly SnapshotRisk[];
  readonly spend: ReadonlyMap<string, DealSpend>;
  /** Health level per deal id, when known. */
  readonly health?: ReadonlyMap<string, string>;
}

/** Every live deal's key figures, ordered by code (the order a review reads them in). */
export function snapshotDeals(sources: SnapshotSources): SnapshotDeal[] {
  const risksOf = new Map<string, SnapshotRisk[]>();
  for (const risk of sources.risks) {
    if (risk.deletedAt !== null || !isActiveRisk(risk)) continue;
    const list = risksOf.get(risk.dealId);
    if (list) list.push(risk);
    else risksOf.set(risk.dealId, [risk]);
  }
  return sources.deals
    .filter((deal) => deal.deletedAt === null)
    .map((deal): SnapshotDeal => {
      const risks = (risksOf.get(deal.id) ?? []).sort((a, b) => (a.id < b.id ? -1 : 1));
      const exposureMinor = risks
        .filter((risk) => risk.exposure.currency === deal.value.currency)
        .reduce((sum, risk) => sum + risk.exposure.amountMinor, 0);
      return {
        dealId: deal.id,
        code: deal.code,
        name: deal.name,
        value: deal.value,
        pwin: deal.pwin,
        stageId: deal.stageId,
        status: deal.status,
        submissionDue: deal.keyDates.submissionDue,
        expectedAward: deal.keyDates.expectedAward,
        health: sources.health?.get(deal.id) ?? null,
        exposure: { amountMinor: exposureMinor, currency: deal.value.currency },
        costActual: {
          amountMinor: sources.spend.get(deal.id)?.actualMinor ?? 0,
          currency: deal.value.currency,
        },
        riskIds: risks.map((risk) => risk.id),
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.dealId < b.dealId ? -1 : 1));
}

export interface DealRef {
  readonly dealId: DealId;
  readonly code: string;
  readonly name: string;
}

export interface Change<T> extends DealRef {
  readonly before: T;
  readonly after: T;
}

export interface SlipChange extends DealRef {
  readonly field: 'submissionDue' | 'expectedAward';
  readonly before: string;
  readonly after: string;
}

export interface NewRisk extends DealRef {
  readonly riskId: RiskId;
}

export interface SnapshotDiff {
  /** Deals that exist now and were not in the snapshot. */
  readonly added: readonly DealRef[];
  /** Deals in the snapshot that are gone now (in the trash). */
  readonly removed: readonly DealRef[];
  /** Deals won since (not won in the snapshot, or not in it). */
  readonly won: readonly DealRef[];
  readonly lost: readonly DealRef[];
  /** No-bid or cancelled since. */
  readonly otherClosed: readonly Change<string>[];
  /** Submission or expected award date later than in the snapshot (one entry per date). */
  readonly slipped: readonly SlipChange[];
  readonly pwin: readonly Change<number>[];
  readonly value: readonly Change<Money>[];
  readonly stage: readonly Change<StageId>[];
  readonly health: readonly Change<string | null>[];
  /** Active risks now that were not active on their deal in the snapshot. */
  readonly newRisks: readonly NewRisk[];
}

const ref = (deal: SnapshotDeal): DealRef => ({
  dealId: deal.dealId,
  code: deal.code,
  name: deal.name,
});

/**
 * What changed between a snapshot and now (both as `snapshotDeals` makes them). Every list is in
 * the order of `now` (by code), removed deals in the snapshot's order.
 */
export function diffSnapshot(
  snapshot: readonly SnapshotDeal[],
  now: readonly SnapshotDeal[],
): SnapshotDiff {
  const before = new Map<string, SnapshotDeal>(snapshot.map((deal) => [deal.dealId, deal]));
  const nowIds = new Set<string>(now.map((deal) => deal.dealId));
  const added: DealRef[] = [];
  const won: DealRef[] = [];
  const lost: DealRef[] = [];
  const otherClosed: Change<string>[] = [];
  const slipped: SlipChange[] = [];
  const pwin: Change<number>[] = [];
  const value: Change<Money>[] = [];
  const stage: Change<StageId>[] = [];
  const health: Change<string | null>[] = [];
  const newRisks: NewRisk[] = [];
  for (const deal of now) {
    const old = before.get(deal.dealId);
    const r = ref(deal);
    if (old === undefined) added.push(r);
    const oldStatus = old?.status ?? 'open';
    if (deal.status !== oldStatus) {
      if (deal.status === 'won') won.push(r);
      else if (deal.status === 'lost') lost.push(r);
      else if (deal.status !== 'open')
        otherClosed.push({ ...r, before: oldStatus, after: deal.status });
    }
    const knownRisks = new Set<string>(old?.riskIds ?? []);
    for (const riskId of deal.riskIds) {
      if (!knownRisks.has(riskId)) newRisks.push({ ...r, riskId });
    }
    if (old === undefined) continue;
    for (const field of ['submissionDue', 'expectedAward'] as const) {
      const a = old[field];
      const b = deal[field];
      if (a !== null && b !== null && b > a) slipped.push({ ...r, field, before: a, after: b });
    }
    if (old.pwin !== deal.pwin) pwin.push({ ...r, before: old.pwin, after: deal.pwin });
    if (
      old.value.amountMinor !== deal.value.amountMinor ||
      old.value.currency !== deal.value.currency
    ) {
      value.push({ ...r, before: old.value, after: deal.value });
    }
    if (old.stageId !== deal.stageId)
      stage.push({ ...r, before: old.stageId, after: deal.stageId });
    if (old.health !== deal.health && old.health !== null && deal.health !== null) {
      health.push({ ...r, before: old.health, after: deal.health });
    }
  }
  const removed = snapshot.filter((deal) => !nowIds.has(deal.dealId)).map(ref);
  return { added, removed, won, lost, otherClosed, slipped, pwin, value, stage, health, newRisks };
}

/** True when nothing changed. */
export function isEmptyDiff(diff: SnapshotDiff): boolean {
  return Object.values(diff).every((list: readonly unknown[]) => list.length === 0);
}

/**
 * The stage moves of the activity trail: system activities of the `stage_move` action on a deal
 * whose changes name the old and new `stageId`. Anything else is ignored.
 */
export function stageMovesOf(
  activities: readonly Pick<Activity, 'dealId' | 'at' | 'system' | 'deletedAt'>[],
): StageMoveFact[] {
  const moves: StageMoveFact[] = [];
  for (const activity of activities) {
    const system = activity.system;
    if (system === null || system.action !== 'stage_move' || activity.dealId === null) continue;
    if (system.table !== 'deals') continue;
    const change = system.changes.find((c) => c.field === 'stageId');
    if (change === undefined || typeof change.old !== 'string' || typeof change.new !== 'string')
      continue;
    moves.push({
      dealId: activity.dealId,
      at: activity.at,
      from: change.old as StageId,
      to: change.new as StageId,
    });
  }
  return moves;
}
