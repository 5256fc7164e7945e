import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import type { Portfolio } from '@shared/domain/tables';
import { PursuitDatabase } from '@renderer/db/database';
import { replaceAllData } from '@renderer/db/repositories/portfolio-load';
import type { LoadProgress } from '@renderer/db/repositories/portfolio-load';

const NOW = Date.UTC(2026, 10, 26, 9);
const sample = generatePortfolio({ seed: 7, locale: 'en', now: NOW, preset: 'sample' });

/** The sample with its activities repeated (fresh ids) until there are more than two chunks. */
function withManyActivities(extra: number): Portfolio {
  const base = sample.activities;
  const activities = [...base];
  for (let i = 0; activities.length < base.length + extra; i += 1) {
    const source = base[i % base.length]!;
    activities.push({
      ...source,
      id: `0000${String(i).padStart(4, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}` as typeof source.id,
    });
  }
  return { ...sample, activities };
}

describe('replaceAllData', () => {
  it('writes every table across several chunks and reports progress up to the total', async () => {
    const portfolio = withManyActivities(11_000);
    const db = new PursuitDatabase('portfolio-load-chunks');
    const progress: LoadProgress[] = [];
    await replaceAllData(db, portfolio, (p) => progress.push(p));
    expect(await db.activities.count()).toBe(portfolio.activities.length);
    expect(await db.deals.count()).toBe(portfolio.deals.length);
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
    db.close();
  });

  it('changes nothing when a later chunk fails: the earlier data stays as it was', async () => {
    const db = new PursuitDatabase('portfolio-load-atomic');
    await replaceAllData(db, sample);
    const broken = withManyActivities(11_000);
    // A duplicate primary key in the third chunk of activities makes that bulkAdd fail.
    const activities = [...broken.activities];
    activities[10_500] = { ...activities[10_500]!, id: activities[3]!.id };
    await expect(replaceAllData(db, { ...broken, activities })).rejects.toThrow();
    expect(await db.activities.count()).toBe(sample.activities.length);
    expect(await db.deals.count()).toBe(sample.deals.length);
    db.close();
  });
});
