import type { PlanDate } from '@shared/domain/dates';
import type { DealId } from '@shared/domain/ids';
import type { Money } from '@shared/domain/money';
import type { Settings } from '@shared/domain/settings';
import type { DealHealth, HealthReasonCode } from '@shared/health/health';
import { compareHealthLevels } from '@shared/health/health';
import type { HealthRecords } from '@shared/health/portfolio';
import { healthOfRecords } from '@shared/health/portfolio';

/**
 * What a scenario would do to the deal's health: the deal is rated by the same rule as
 * everywhere else (`healthOfRecords`), with its value and expected margin replaced by the
 * scenario's, and nothing is written. Compared with the deal's health as it stands.
 */

/** The deal figures a quote (or a scenario of it) would give the deal (`dealFiguresOf`). */
export interface DealFigures {
  readonly value: Money;
  readonly expectedMarginPct: number;
}

/** The records a deal's health is rated from (one deal's, as `readHealthInput` reads them). */
export interface ScenarioHealthInput {
  readonly records: HealthRecords;
  readonly settings: Settings;
  readonly today: PlanDate;
  readonly timeZone: string;
}

/**
 * The deal's health if its value and expected margin were `figures` (null: the deal is not
 * open or not in `records`). A figure in another currency than the deal's is not substituted:
 * the deal keeps its own, as when such a quote version is current (`dealFiguresOf`).
 */
export function healthWithFigures(
  input: ScenarioHealthInput,
  dealId: DealId,
  figures: DealFigures | null,
): DealHealth | null {
  const records: HealthRecords =
    figures === null
      ? input.records
      : {
          ...input.records,
          deals: input.records.deals.map((deal) =>
            deal.id === dealId && deal.value.currency === figures.value.currency
              ? { ...deal, value: figures.value, expectedMarginPct: figures.expectedMarginPct }
              : deal,
          ),
        };
  return healthOfRecords(records, input.settings, input.today, input.timeZone).get(dealId) ?? null;
}

export interface HealthChange {
  /** 'worse' when the level goes red-ward, 'better' when green-ward, else 'same'. */
  readonly direction: 'better' | 'worse' | 'same';
  /** Reasons the scenario adds, and those it clears, in the rating's order. */
  readonly added: readonly HealthReasonCode[];
  readonly removed: readonly HealthReasonCode[];
}

/** How `after` differs from `before` (same level and the same reasons: no change). */
export function healthChange(before: DealHealth, after: DealHealth): HealthChange {
  const order = compareHealthLevels(after.level, before.level);
  const had = new Set(before.reasons.map((r) => r.code));
  const has = new Set(after.reasons.map((r) => r.code));
  return {
    direction: order > 0 ? 'worse' : order < 0 ? 'better' : 'same',
    added: after.reasons.map((r) => r.code).filter((code) => !had.has(code)),
    removed: before.reasons.map((r) => r.code).filter((code) => !has.has(code)),
  };
}
