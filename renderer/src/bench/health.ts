import { planDateFromUtcMs } from '@shared/domain/dates';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { healthOfRecords } from '@shared/health/portfolio';

/**
 * `health.2000`: deal health of a 2,000-deal portfolio (the `large` preset; its open deals are
 * rated) from its stored records: the quarter's load and over-allocation, every open deal's facts
 * (schedule slack, slips, cost rollup, risk exposure, Pwin trail, last activity) and the rating.
 * This is the work the health worker does after each write. The median of `repeats` runs after
 * one warm-up, in ms.
 */
export function timeHealth(repeats: number): { ms: number; deals: number } {
  const now = Date.UTC(2026, 10, 26, 9);
  const portfolio = generatePortfolio({ seed: 2026, locale: 'zh-CN', now, preset: 'large' });
  const settings = portfolio.settings[0];
  if (settings === undefined) throw new Error('the generated portfolio has no settings');
  const today = planDateFromUtcMs(now);
  const records = {
    ...portfolio,
    load: { people: null, assignments: portfolio.assignments, tasks: portfolio.tasks },
  };
  const rate = () => healthOfRecords(records, settings, today, 'Asia/Shanghai');
  const deals = rate().size;
  const times: number[] = [];
  for (let r = 0; r < repeats; r += 1) {
    const start = performance.now();
    rate();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? 0, deals };
}
