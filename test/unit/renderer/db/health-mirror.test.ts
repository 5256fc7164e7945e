import { describe, expect, it } from 'vitest';
import type { ActivityId, RiskId } from '@shared/domain/ids';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import type { PursuitDatabase } from '@renderer/db/database';
import { watchHealthInput } from '@renderer/db/health/mirror';
import type { HealthInput } from '@renderer/db/health/read';
import { HEALTH_TABLES, readHealthInput } from '@renderer/db/health/read';
import { databaseWith } from './helpers';

const NOW = Date.UTC(2026, 10, 26, 9);
const portfolio = generatePortfolio({
  seed: 7,
  locale: 'en',
  now: NOW,
  deals: 6,
  people: 10,
  accounts: 5,
});

const databaseWithSample = () => databaseWith(portfolio);

/** Each table's records sorted by id, so two reads compare regardless of order. */
function normalised(input: HealthInput | null | undefined) {
  if (!input) return input;
  const sorted = (list: readonly { readonly id: string }[]) =>
    [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    settings: input.settings,
    deals: sorted(input.records.deals),
    ...Object.fromEntries(HEALTH_TABLES.map((name) => [name, sorted(input.records[name])])),
    load: {
      people: input.records.load.people,
      assignments: sorted(input.records.load.assignments),
      tasks: sorted(input.records.load.tasks),
    },
  };
}

/**
 * Watches `db` and resolves with the first input reported after `act` that equals a full read of
 * the database, so each step checks that the mirror caught up with exactly what was written.
 */
function watcher(db: PursuitDatabase, chunkSize?: number) {
  let latest: HealthInput | undefined;
  let waiting: (() => void) | null = null;
  let reports = 0;
  const stop = watchHealthInput(
    db,
    (input) => {
      latest = input;
      reports += 1;
      waiting?.();
    },
    (error) => {
      throw error;
    },
    chunkSize,
  );
  async function matches(): Promise<void> {
    const expected = normalised(await readHealthInput(db, 'portfolio'));
    for (;;) {
      if (latest !== undefined && JSON.stringify(normalised(latest)) === JSON.stringify(expected))
        return;
      await new Promise<void>((resolve) => (waiting = resolve));
    }
  }
  return { stop, matches, reports: () => reports };
}

describe('the health records mirror', () => {
  it('starts from a full read and follows single writes, bulk writes, deletes and clears', async () => {
    const db = await databaseWithSample();
    const watch = watcher(db);
    await watch.matches();

    // One record changed, one added, one deleted.
    const task = (await db.tasks.toCollection().first())!;
    await db.tasks.put({ ...task, name: 'Renamed', rev: task.rev + 1 });
    await watch.matches();
    const risk = (await db.risks.toCollection().first())!;
    await db.risks.add({ ...risk, id: '00000000-0000-4000-8000-00000000abcd' as RiskId });
    await db.risks.delete(risk.id);
    await watch.matches();

    // A bulk write of 50 or more names a range, not keys: the table is read whole again.
    const activities = await db.activities.limit(60).toArray();
    await db.activities.bulkPut(activities.map((a) => ({ ...a, rev: a.rev + 1 })));
    await watch.matches();

    // A deal closed leaves the open deals; settings changed are seen.
    const deal = (await db.deals.where('status').equals('open').first())!;
    await db.deals.put({ ...deal, status: 'lost' });
    const settings = (await db.settings.toCollection().first())!;
    await db.settings.put({ ...settings, rev: settings.rev + 1 });
    await watch.matches();

    await db.costEntries.clear();
    await watch.matches();
    watch.stop();
    db.close();
  });

  it('catches up with writes committed while it reads, and reads large tables in chunks', async () => {
    const db = await databaseWithSample();
    const activity = (await db.activities.toCollection().first())!;
    const chunk = 40;
    const many = Array.from({ length: chunk * 2 + 17 }, (_, i) => ({
      ...activity,
      id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}` as ActivityId,
    }));
    await db.activities.bulkAdd(many);
    expect(await db.activities.count()).toBeGreaterThan(chunk * 3);
    const watch = watcher(db, chunk);
    // Written before the first full read has finished.
    await db.activities.delete(many[3]!.id);
    await db.tasks.bulkDelete((await db.tasks.limit(3).primaryKeys()) as string[]);
    await watch.matches();
    watch.stop();
    db.close();
  });

  it('reports nothing once stopped', async () => {
    const db = await databaseWithSample();
    const stopped = watcher(db);
    await stopped.matches();
    stopped.stop();
    const before = stopped.reports();
    const task = (await db.tasks.toCollection().first())!;
    await db.tasks.put({ ...task, rev: task.rev + 1 });
    // A watcher still running has seen the write by the time it matches it.
    const running = watcher(db);
    await running.matches();
    await db.tasks.put({ ...task, rev: task.rev + 2 });
    await running.matches();
    expect(stopped.reports()).toBe(before);
    running.stop();
    db.close();
  });
});
