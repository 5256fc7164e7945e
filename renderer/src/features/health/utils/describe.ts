import type { TFunction } from 'i18next';
import type { HealthReason } from '@shared/health/health';
import type { Formatters } from '@renderer/i18n/useFormat';

/** One reason in the user's language, with its figures formatted (user text stays text). */
export function describeReason(
  reason: HealthReason,
  t: TFunction<'health'>,
  format: Formatters,
): string {
  const money = (m: { amountMinor: number; currency: string }) =>
    format.money(m.amountMinor, m.currency);
  switch (reason.code) {
    case 'milestoneLate':
    case 'milestoneOverdue':
      return t(`reason.${reason.code}`, {
        count: reason.count,
        milestone: reason.milestone,
        days: reason.days,
      });
    case 'submissionAtRisk':
      return reason.slackDays < 0
        ? t('reason.submissionAtRiskLate', { days: -reason.slackDays })
        : t('reason.submissionAtRisk', { days: reason.slackDays });
    case 'overBudget':
      return t('reason.overBudget', {
        actual: money(reason.actual),
        budget: money(reason.budget),
        eac: money(reason.eac),
      });
    case 'costOfSale':
      return t('reason.costOfSale', {
        eac: money(reason.eac),
        value: money(reason.value),
        pct: format.percent(
          reason.eac.amountMinor / reason.value.amountMinor,
          reason.eac.amountMinor * 100 < reason.value.amountMinor ? 2 : 1,
        ),
        limit: format.percent(reason.limitPct / 100, Number.isInteger(reason.limitPct) ? 0 : 2),
      });
    case 'riskExposure':
      return t('reason.riskExposure', {
        exposure: money(reason.exposure),
        limit: money(reason.limit),
      });
    case 'highRisks':
      return t('reason.highRisks', {
        count: reason.count,
        title: reason.title,
        score: reason.score,
      });
    case 'overAllocated':
      return t('reason.overAllocated', { count: reason.people });
    case 'pwinDropped':
      return t('reason.pwinDropped', {
        from: format.percent(reason.from / 100),
        to: format.percent(reason.to / 100),
      });
    case 'stale':
      return t('reason.stale', { days: reason.days, since: format.date(reason.since) });
  }
}
