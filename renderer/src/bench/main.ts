/**
 * The benchmark's in-page harness, built only for `npm run bench` (PURSUIT_BENCH=1): it exposes
 * the app's own code paths (generator, import path) and a bare Dexie baseline to the driver, so
 * both run in the same browser, on the same rows, in the same run.
 */
import Dexie from 'dexie';
import { parsePlanDate } from '@shared/domain/dates';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import type { PresetName } from '@shared/domain/generator/portfolio';
import { TABLE_NAMES } from '@shared/domain/tables';
import type { Portfolio } from '@shared/domain/tables';
import { PursuitDatabase } from '@renderer/db/database';
import { replaceAllData } from '@renderer/db/repositories/portfolio-load';
import { STORES_V1 } from '@renderer/db/schema';
import { addPlanDeal, timeSchedule } from '@renderer/bench/plan';
import { timeQuoteRecalc } from '@renderer/bench/quote';

let portfolio: Portfolio | null = null;

function rowCount(p: Portfolio): number {
  return TABLE_NAMES.reduce((sum, name) => sum + p[name].length, 0);
}

const harness = {
  /**
   * Generates a portfolio in the page (kept for the loads that follow): a preset, or a number of
   * deals at the `large` preset's proportions. Returns its row count.
   */
  generate(size: PresetName | number, locale: 'zh-CN' | 'en' = 'zh-CN'): number {
    const now = Date.UTC(2026, 10, 26, 9);
    portfolio =
      typeof size === 'number'
        ? generatePortfolio({
            seed: 2026,
            locale,
            now,
            preset: 'large',
            deals: size,
            people: Math.max(12, Math.round(size * 0.075)),
            accounts: Math.max(8, Math.round(size * 0.15)),
          })
        : generatePortfolio({ seed: 2026, locale, now, preset: size });
    return rowCount(portfolio);
  },
  /** Loads the generated portfolio into the app's database through the app's import path; ms. */
  async loadThroughApp(): Promise<number> {
    if (!portfolio) throw new Error('generate() first');
    const db = new PursuitDatabase();
    await db.open();
    const start = performance.now();
    await replaceAllData(db, portfolio);
    const elapsed = performance.now() - start;
    db.close();
    return elapsed;
  },
  /** The same rows with a bare `bulkAdd` per table into a fresh database of the same schema; ms. */
  async loadBare(): Promise<number> {
    const rows = portfolio;
    if (!rows) throw new Error('generate() first');
    await Dexie.delete('pursuit-bench-bare');
    const db = new Dexie('pursuit-bench-bare', { chromeTransactionDurability: 'strict' });
    db.version(1).stores(STORES_V1);
    await db.open();
    const start = performance.now();
    await db.transaction(
      'rw',
      TABLE_NAMES.map((name) => db.table(name)),
      async () => {
        for (const name of TABLE_NAMES) await db.table(name).bulkAdd(rows[name]);
      },
    );
    const elapsed = performance.now() - start;
    db.close();
    await Dexie.delete('pursuit-bench-bare');
    return elapsed;
  },
  /** Adds an open deal with an `n`-task plan to the generated portfolio; returns its id. */
  addPlanDeal(tasks: number, start: string): string {
    if (!portfolio) throw new Error('generate() first');
    return addPlanDeal(portfolio, tasks, parsePlanDate(start));
  },
  /** Median ms of scheduling an `n`-task plan backward from a deadline. */
  timeSchedule(tasks: number, repeats = 9): number {
    return timeSchedule(tasks, repeats);
  },
  /** Median ms of recomputing a `lines`-line quote after editing one line. */
  timeQuoteRecalc(lines: number, repeats = 9): number {
    return timeQuoteRecalc(lines, repeats);
  },
  rows(): number {
    return portfolio ? rowCount(portfolio) : 0;
  },
};

declare global {
  interface Window {
    pursuitBench?: typeof harness;
  }
}

window.pursuitBench = harness;
document.body.dataset.ready = 'true';
