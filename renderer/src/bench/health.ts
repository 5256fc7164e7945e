import { planDateFromUtcMs } from '@shared/domain/dates';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import type { HealthRecords } from '@shared/health/portfolio';
import { createHealthRater, healthOfRecords } from '@shared/health/portfolio';

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * `health.2000`: deal health of a 2,000-deal portfolio (the `large` preset; its open deals are
 * rated) from its stored records: the quarter's load and over-allocation, every open deal's facts
 * (schedule slack, slips, cost rollup, risk exposure, Pwin trail, last activity) and the rating.
 * This is the work the health worker does after each write.
 *
 * - `warm` (what a user waits for after an edit): the worker's rater has rated the portfolio once;
 *   then one deal changes (its Pwin, at a new revision, as a save writes it) and the whole
 *   portfolio is rated again. Each repeat changes another deal.
 * - `cold` (the first rating after the worker starts): every deal's facts worked out, with a new
 *   rater each time.
 *
 * Medians of `repeats` runs after one warm-up, in ms.
 */
export function timeHealth(repeats: number): { cold: number; warm: number; deals: number } {
  const now = Date.UTC(2026, 10, 26, 9);
  const portfolio = generatePortfolio({ seed: 2026, locale: 'zh-CN', now, preset: 'large' });
  const settings = portfolio.settings[0];
  if (settings === undefined) throw new Error('the generated portfolio has no settings');
  const today = planDateFromUtcMs(now);
  let records: HealthRecords = {
    ...portfolio,
    load: { people: null, assignments: portfolio.assignments, tasks: portfolio.tasks },
  };
  const zone = 'Asia/Shanghai';
  const deals = healthOfRecords(records, settings, today, zone).size;

  const cold: number[] = [];
  for (let r = 0; r < repeats; r += 1) {
    const start = performance.now();
    createHealthRater().rate(records, settings, today, zone);
    cold.push(performance.now() - start);
  }

  const rater = createHealthRater();
  rater.rate(records, settings, today, zone);
  const open = records.deals.filter((d) => d.status === 'open' && d.deletedAt === null);
  const warm: number[] = [];
  for (let r = 0; r <= repeats; r += 1) {
    const changed = open[(r * 97) % open.length];
    if (changed === undefined) throw new Error('the portfolio has no open deal');
    records = {
      ...records,
      deals: records.deals.map((d) =>
        d.id === changed.id
          ? { ...d, pwin: (d.pwin + 30) % 100, rev: d.rev + 1, updatedAt: now + r + 1 }
          : d,
      ),
    };
    const start = performance.now();
    rater.rate(records, settings, today, zone);
    const ms = performance.now() - start;
    if (rater.last.computed !== 1)
      throw new Error(`${rater.last.computed} deals recomputed, not 1`);
    if (r > 0) warm.push(ms);
  }
  return { cold: median(cold), warm: median(warm), deals };
}
