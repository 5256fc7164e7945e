import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import { isActiveRisk } from '@shared/domain/risk';
import { stageMovesOf } from '@shared/dashboard/snapshot';
import { PursuitDatabase } from '@renderer/db/database';
import { readDashboardRecords } from '@renderer/db/hooks/dashboard';
import { replaceAllData } from '@renderer/db/repositories/portfolio-load';
import { STORES_V4 } from '@renderer/db/schema';

const NOW = Date.UTC(2026, 10, 26, 9);
const sample = generatePortfolio({ seed: 7, locale: 'en', now: NOW, preset: 'sample' });
let counter = 0;

const byId = <T extends { id: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('the dashboard read', () => {
  it('reads exactly the stage moves of the trail and the active risks through indexes', async () => {
    const db = new PursuitDatabase(`pursuit-dashboard-test-${++counter}`);
    await replaceAllData(db, sample);
    const records = await readDashboardRecords(db);
    // The trail holds far more than its stage moves; the read keeps all of them and only them.
    const moves = stageMovesOf(sample.activities);
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.length).toBeLessThan(sample.activities.length);
    expect(byId(records.moves.map((m) => ({ ...m, id: `${m.dealId}${m.at}${m.to}` })))).toEqual(
      byId(moves.map((m) => ({ ...m, id: `${m.dealId}${m.at}${m.to}` }))),
    );
    const active = sample.risks.filter((r) => r.deletedAt === null && isActiveRisk(r));
    expect(active.length).toBeLessThan(sample.risks.length);
    expect(byId(records.risks)).toEqual(byId(active));
    db.close();
  });

  it('finds the stage moves of a database written before version 5', async () => {
    const name = `pursuit-dashboard-test-${++counter}`;
    const old = new Dexie(name);
    old.version(4).stores(STORES_V4);
    await old.open();
    const deal = sample.deals[0]!;
    const moves = sample.activities.filter(
      (a) => a.dealId === deal.id && a.system?.action === 'stage_move',
    );
    await old.table('activities').bulkAdd(sample.activities.filter((a) => a.dealId === deal.id));
    old.close();

    const db = new PursuitDatabase(name);
    const found = await db.activities.where('system.action').equals('stage_move').toArray();
    expect(byId(found)).toEqual(byId(moves));
    db.close();
  });
});
