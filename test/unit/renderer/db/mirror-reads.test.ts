import { describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { watchTables } from '@renderer/db/mirror';
import { databaseWith } from './helpers';

const NOW = Date.UTC(2026, 10, 26, 9);
const portfolio = generatePortfolio({
  seed: 3,
  locale: 'en',
  now: NOW,
  deals: 6,
  people: 10,
  accounts: 5,
});

describe('a table mirror’s first read', () => {
  it('reads whole tables one chunk at a time, so a write waits for one chunk at most', async () => {
    const db = await databaseWith(portfolio);
    db.close();
    let reading = 0;
    let most = 0;
    let reads = 0;
    // Counts the reads in flight (IndexedDB requests of a read transaction).
    const counted = <T>(read: Promise<T>): Promise<T> => {
      reading += 1;
      reads += 1;
      most = Math.max(most, reading);
      return read.finally(() => {
        reading -= 1;
      });
    };
    db.use({
      stack: 'dbcore',
      name: 'count-reads',
      create: (down: DBCore): DBCore => ({
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            query: (request) => counted(table.query(request)),
            getMany: (request) => counted(table.getMany(request)),
          };
        },
      }),
    });
    await db.open();

    const tables = ['tasks', 'assignments', 'activities', 'milestones'] as const;
    const first = await new Promise<number>((resolve, reject) => {
      const stop = watchTables(
        db,
        tables,
        (records) => {
          stop();
          resolve(tables.reduce((sum, name) => sum + records.list(name).length, 0));
        },
        reject,
        5,
      );
    });

    expect(first).toBe(tables.reduce((sum, name) => sum + portfolio[name].length, 0));
    // Many chunks, never two at once.
    expect(reads).toBeGreaterThan(tables.length * 2);
    expect(most).toBe(1);
  });
});
