import { calendarFromSettings } from '@shared/domain/calendar';
import { planDateFromUtcMs } from '@shared/domain/dates';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { healthFacts } from '@shared/health/facts';
import { portfolioHealth } from '@shared/health/health';

/**
 * `health.2000`: rating every deal of a 2,000-deal portfolio (the `large` preset; its open deals)
 * from their facts, the median of `repeats` runs after one warm-up, in ms. This is the step that
 * runs again when only thresholds change; the facts (schedules, cost rollups, trails) are derived
 * once beforehand and not timed here.
 */
export function timeHealth(repeats: number): { ms: number; deals: number } {
  const now = Date.UTC(2026, 10, 26, 9);
  const portfolio = generatePortfolio({ seed: 2026, locale: 'zh-CN', now, preset: 'large' });
  const settings = portfolio.settings[0];
  if (settings === undefined) throw new Error('the generated portfolio has no settings');
  const today = planDateFromUtcMs(now);
  const facts = healthFacts({
    ...portfolio,
    overAllocations: [],
    calendar: calendarFromSettings(settings),
    baseCurrency: settings.baseCurrency,
    roundingMode: settings.roundingMode,
    today,
    timeZone: 'Asia/Shanghai',
  });
  portfolioHealth(facts, settings.thresholds, today);
  const times: number[] = [];
  for (let r = 0; r < repeats; r += 1) {
    const start = performance.now();
    portfolioHealth(facts, settings.thresholds, today);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? 0, deals: facts.size };
}
