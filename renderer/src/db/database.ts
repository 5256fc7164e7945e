import Dexie from 'dexie';
import type { Table } from 'dexie';
import { TABLE_NAMES } from '@shared/domain/tables';
import type { EntityOf, TableName } from '@shared/domain/tables';
import { DATABASE_NAME, STORES_V1, STORES_V3, STORES_V4, STORES_V5 } from '@renderer/db/schema';

export type PursuitTables = { [T in TableName]: Table<EntityOf<T>, string> };

/**
 * The one Dexie database of the app. Repositories (`renderer/src/db/repositories/`) are the only
 * code that touches it; components read through the live-query hooks in `renderer/src/db/hooks/`.
 */
export class PursuitDatabase extends Dexie {
  declare readonly settings: PursuitTables['settings'];
  declare readonly roles: PursuitTables['roles'];
  declare readonly teams: PursuitTables['teams'];
  declare readonly people: PursuitTables['people'];
  declare readonly accounts: PursuitTables['accounts'];
  declare readonly contacts: PursuitTables['contacts'];
  declare readonly salesProcesses: PursuitTables['salesProcesses'];
  declare readonly stages: PursuitTables['stages'];
  declare readonly deals: PursuitTables['deals'];
  declare readonly gates: PursuitTables['gates'];
  declare readonly tasks: PursuitTables['tasks'];
  declare readonly milestones: PursuitTables['milestones'];
  declare readonly dependencies: PursuitTables['dependencies'];
  declare readonly baselines: PursuitTables['baselines'];
  declare readonly deliverables: PursuitTables['deliverables'];
  declare readonly reviewRounds: PursuitTables['reviewRounds'];
  declare readonly assignments: PursuitTables['assignments'];
  declare readonly risks: PursuitTables['risks'];
  declare readonly budgetLines: PursuitTables['budgetLines'];
  declare readonly costEntries: PursuitTables['costEntries'];
  declare readonly timeEntries: PursuitTables['timeEntries'];
  declare readonly activities: PursuitTables['activities'];
  declare readonly targets: PursuitTables['targets'];
  declare readonly commissionPlans: PursuitTables['commissionPlans'];
  declare readonly commissionAssignments: PursuitTables['commissionAssignments'];
  declare readonly reviewSnapshots: PursuitTables['reviewSnapshots'];
  declare readonly commissionAdjustments: PursuitTables['commissionAdjustments'];
  declare readonly priceBookItems: PursuitTables['priceBookItems'];
  declare readonly quotes: PursuitTables['quotes'];
  declare readonly priceToWin: PursuitTables['priceToWin'];
  declare readonly contracts: PursuitTables['contracts'];
  declare readonly contractFiles: PursuitTables['contractFiles'];

  constructor(name: string = DATABASE_NAME) {
    // Strict durability: a write is reported done only once it is on disk, so an edit the user
    // saw succeed survives a crash or power loss.
    // No query cache: Dexie's default cache deep-copies every live-query result it hands out,
    // and the views here read whole tables (2,000 deals) and re-read them after each write; the
    // copying cost more than the reads. The app shows pending edits itself (the board's moves).
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled' });
    this.version(1).stores(STORES_V1);
    // Version 2: the settings record gains `planTemplates` (saved plan templates), none at first.
    this.version(2)
      .stores(STORES_V1)
      .upgrade((tx) =>
        tx
          .table('settings')
          .toCollection()
          .modify((settings: Record<string, unknown>) => {
            if (!Array.isArray(settings['planTemplates'])) settings['planTemplates'] = [];
          }),
      );
    // Version 3: tables of new features, empty on an existing database.
    this.version(3).stores(STORES_V3);
    // Version 4: price-to-win, contracts and their files, empty on an existing database.
    this.version(4).stores(STORES_V4);
    // Version 5: indexes only (the trail's stage moves by `system.action`).
    this.version(5).stores(STORES_V5);
  }

  /** The typed table for a domain table name. */
  tableOf<T extends TableName>(name: T): PursuitTables[T] {
    return this.table(name) as PursuitTables[T];
  }

  /** Every domain table, for transactions that span the whole database (imports, trash). */
  allTables(): Table[] {
    return TABLE_NAMES.map((name) => this.table(name));
  }
}

let instance: PursuitDatabase | null = null;

/**
 * Opens the app's database once. When another window opens a newer schema version, this window
 * closes its connection and reloads (`onVersionChange`) instead of writing with old code.
 */
export function getDatabase(
  onVersionChange: () => void = () => window.location.reload(),
): PursuitDatabase {
  if (instance) return instance;
  const db = new PursuitDatabase();
  db.on('versionchange', () => {
    db.close();
    onVersionChange();
    return false;
  });
  instance = db;
  return db;
}

/** Replaces the singleton (tests open a fresh database per case). */
export function setDatabaseForTesting(db: PursuitDatabase | null): void {
  instance = db;
}
