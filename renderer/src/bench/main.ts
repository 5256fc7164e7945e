/**
 * The benchmark's in-page harness, built only for `npm run bench` (PURSUIT_BENCH=1): it exposes
 * the app's own code paths (generator, import path) and a bare Dexie baseline to the driver, so
 * both run in the same browser, on the same rows, in the same run.
 */
import Dexie from 'dexie';
import { creditsByPerson } from '@shared/compensation/credit';
import { monthlyCredit, planFor, yearStatements } from '@shared/compensation/workspace';
import { parsePlanDate } from '@shared/domain/dates';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import type { PresetName } from '@shared/domain/generator/portfolio';
import { TABLE_NAMES } from '@shared/domain/tables';
import type { Portfolio } from '@shared/domain/tables';
import { PursuitDatabase } from '@renderer/db/database';
import type { ExportLabels } from '@shared/exchange/portfolio';
import { buildPortfolioRows, SORT_KEYS } from '@shared/portfolio/rows';
import { writeBackupOffThread } from '@renderer/db/backup/export';
import { openRestoreSession } from '@renderer/features/backup/utils/restoreSession';
import { replaceAllData } from '@renderer/db/repositories/portfolio-load';
import { portfolioXlsx } from '@renderer/features/exchange/utils/writeSheets';
import { STORES_V5 } from '@renderer/db/schema';
import { timeHealth } from '@renderer/bench/health';
import { addPlanDeal, timeSchedule } from '@renderer/bench/plan';
import { timeQuoteRecalc } from '@renderer/bench/quote';

let portfolio: Portfolio | null = null;
let backupText: string | null = null;

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
  /**
   * The same rows with a bare `bulkAdd` per table into a fresh database of the app's current
   * schema (the same tables and indexes, so the same work per row for IndexedDB); ms.
   */
  async loadBare(): Promise<number> {
    const rows = portfolio;
    if (!rows) throw new Error('generate() first');
    await Dexie.delete('pursuit-bench-bare');
    const db = new Dexie('pursuit-bench-bare', { chromeTransactionDurability: 'strict' });
    db.version(1).stores(STORES_V5);
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
  /**
   * A backup of the app's database (loaded with `loadThroughApp` first) through the app's export
   * path (written in a worker, the text handed to the page); ms, and the longest the page went
   * without running a task meanwhile (a timer asks every 10 ms: the window's responsiveness while
   * a user exports). Keeps the text.
   */
  async timeBackupExport(): Promise<{ ms: number; longestPauseMs: number }> {
    const db = new PursuitDatabase();
    await db.open();
    let last = performance.now();
    let longestPauseMs = 0;
    const probe = setInterval(() => {
      const now = performance.now();
      longestPauseMs = Math.max(longestPauseMs, now - last);
      last = now;
    }, 10);
    const start = performance.now();
    try {
      const written = await writeBackupOffThread(db, {
        appVersion: 'bench',
        createdAt: Date.UTC(2026, 10, 26),
      });
      backupText = written.text;
    } finally {
      clearInterval(probe);
    }
    const end = performance.now();
    longestPauseMs = Math.max(longestPauseMs, end - last);
    db.close();
    return { ms: end - start, longestPauseMs };
  },
  /** Size of the last backup's text, in MB (UTF-16 code units as a rough byte count). */
  backupMB(): number {
    return backupText === null ? 0 : backupText.length / 1_000_000;
  },
  /**
   * A restore of the last backup as the app does it: the file's bytes checked whole in the
   * restore worker (decoded, parsed, every record against its schema, references, format version),
   * then, as on the user's confirmation, every table replaced in one transaction by that worker
   * from the records it checked; ms, from the bytes to the restore committed.
   */
  async timeRestore(): Promise<number> {
    if (backupText === null) throw new Error('timeBackupExport() first');
    const bytes = new TextEncoder().encode(backupText);
    const db = new PursuitDatabase();
    await db.open();
    const start = performance.now();
    const session = await openRestoreSession(bytes);
    try {
      if (session.check.kind !== 'ready') {
        throw new Error(`the backup was refused: ${JSON.stringify(session.check)}`);
      }
      await session.restore(db);
    } finally {
      session.close();
    }
    const elapsed = performance.now() - start;
    db.close();
    return elapsed;
  },
  /** The generated portfolio's deals, every column, as an XLSX workbook through the app's writer; ms. */
  async timeXlsxExport(): Promise<number> {
    if (!portfolio) throw new Error('generate() first');
    const start = performance.now();
    const rows = buildPortfolioRows({
      deals: portfolio.deals,
      accounts: portfolio.accounts,
      people: portfolio.people,
      stages: portfolio.stages,
      upcomingMilestones: portfolio.milestones.filter((m) => m.date >= '2026-11-26'),
      today: parsePlanDate('2026-11-26'),
    });
    const labels: ExportLabels = {
      columns: new Proxy({} as ExportLabels['columns'], { get: (_, key) => String(key) }),
      status: {
        open: '进行中',
        won: '赢单',
        lost: '丢单',
        no_bid: '放弃投标',
        cancelled: '已取消',
      },
      stageLanguage: 'zh',
    };
    const bytes = await portfolioXlsx({
      rows,
      columns: SORT_KEYS,
      labels,
      sheetName: '商机组合',
      onProgress: () => {},
    });
    const elapsed = performance.now() - start;
    if (bytes.byteLength < 1_000) throw new Error('the workbook is empty');
    return elapsed;
  },
  /**
   * A year of commission statements for every person of the generated portfolio (150 in
   * `large`): the month-by-month credit of every won deal, then each person's statements for
   * every period of the fiscal year under their plan (people without one are given the first
   * plan, so every person is computed). Median of `repeats` runs after a warm-up; ms.
   */
  timeStatements(repeats = 9): { ms: number; people: number; statements: number } {
    if (!portfolio) throw new Error('generate() first');
    const p = portfolio;
    const settings = p.settings[0];
    const fallback = p.commissionPlans[0];
    if (settings === undefined || fallback === undefined) throw new Error('no settings or plan');
    const fiscalYear = Math.max(...p.commissionAssignments.map((a) => a.fiscalYear));
    let statements = 0;
    const once = () => {
      statements = 0;
      const credit = monthlyCredit(p.deals, settings.fiscalYearStartMonth, settings.roundingMode);
      const byPerson = creditsByPerson(credit.lines);
      for (const person of p.people) {
        const plan =
          planFor(p.commissionAssignments, p.commissionPlans, person.id, fiscalYear)?.plan ??
          fallback;
        statements += yearStatements({
          plan,
          personId: person.id,
          fiscalYear,
          credits: byPerson.get(person.id) ?? [],
          targets: p.targets,
          roundingMode: settings.roundingMode,
          adjustments: p.commissionAdjustments,
        }).length;
      }
    };
    once();
    const times: number[] = [];
    for (let i = 0; i < repeats; i += 1) {
      const start = performance.now();
      once();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)] ?? 0, people: p.people.length, statements };
  },
  /**
   * Median ms of deriving and rating the health of the large portfolio, cold and after one deal
   * changed (see `bench/health.ts`).
   */
  timeHealth(repeats = 9): { cold: number; warm: number } {
    const { cold, warm } = timeHealth(repeats);
    return { cold, warm };
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
