/**
 * Numbered migrations of the backup format. A backup written by an older Pursuit carries an
 * older `formatVersion`; before its records are validated against today's schemas, its tables are
 * carried forward one version at a time (v1 → v2 → …) by the migrations below, so every backup a
 * user ever made stays restorable.
 *
 * The rule that keeps this honest: the set of tables and the shape of every record of a format
 * version never change. Adding a table, or a field without a default, to the domain needs a new
 * `BACKUP_FORMAT_VERSION` and a migration from the previous version (for a new table: add it,
 * empty). The tables of each version are listed here, and a unit test compares the newest list
 * with the domain's `TABLE_NAMES`.
 *
 * Migrations run on the raw JSON of a file nobody has checked yet: they must not assume any
 * shape, should change only what they recognise and leave the rest for validation to reject.
 * A migration that throws is reported as a failed migration, never as a crash.
 */

/** The raw tables of a backup: table name → whatever the file holds there. */
export type RawTables = Readonly<Record<string, unknown>>;

export interface BackupMigration {
  /** The format version this migration reads; it produces version `from + 1`. */
  readonly from: number;
  /** What changed, for the reader of the code and of a failure message. */
  readonly description: string;
  readonly migrate: (tables: RawTables) => Record<string, unknown>;
}

/** Tables of format version 1, in the order they are written. */
export const FORMAT_V1_TABLES = [
  'settings',
  'roles',
  'teams',
  'people',
  'accounts',
  'contacts',
  'salesProcesses',
  'stages',
  'deals',
  'gates',
  'tasks',
  'milestones',
  'dependencies',
  'baselines',
  'deliverables',
  'reviewRounds',
  'assignments',
  'risks',
  'budgetLines',
  'costEntries',
  'timeEntries',
  'activities',
  'targets',
  'commissionPlans',
  'commissionAssignments',
] as const;

/** Tables format version 2 adds to version 1 (each empty in a migrated version 1 backup). */
export const FORMAT_V2_NEW_TABLES = [
  'reviewSnapshots',
  'commissionAdjustments',
  'priceBookItems',
  'quotes',
] as const;

/** Tables of format version 2, in the order they are written. */
export const FORMAT_V2_TABLES = [...FORMAT_V1_TABLES, ...FORMAT_V2_NEW_TABLES] as const;

/** Tables format version 3 adds to version 2 (each empty in a migrated version 2 backup). */
export const FORMAT_V3_NEW_TABLES = ['priceToWin', 'contracts', 'contractFiles'] as const;

/** Tables of format version 3, in the order they are written. */
export const FORMAT_V3_TABLES = [...FORMAT_V2_TABLES, ...FORMAT_V3_NEW_TABLES] as const;

/** The format version this build writes, and the newest it reads. */
export const BACKUP_FORMAT_VERSION = 3;

/** A migration that adds `names` as empty tables (a file that has them keeps its own). */
function addsEmptyTables(from: number, names: readonly string[]): BackupMigration {
  return {
    from,
    description: `adds empty tables: ${names.join(', ')}`,
    migrate: (tables) => {
      const next: Record<string, unknown> = { ...tables };
      for (const name of names) {
        if (!(name in next)) next[name] = [];
      }
      return next;
    },
  };
}

/** Every migration, by `from` version. */
export const BACKUP_MIGRATIONS: readonly BackupMigration[] = [
  addsEmptyTables(1, FORMAT_V2_NEW_TABLES),
  addsEmptyTables(2, FORMAT_V3_NEW_TABLES),
];

export type MigrationOutcome =
  | { readonly ok: true; readonly tables: Record<string, unknown> }
  | { readonly ok: false; readonly reason: 'noPath'; readonly message: string }
  | {
      readonly ok: false;
      readonly reason: 'failed';
      readonly from: number;
      readonly message: string;
    };

/**
 * Carries `tables` from format version `from` up to `to`, one migration per step. Fails when a
 * step has no migration (a version this build never knew) or when a migration throws.
 */
export function migrateTables(
  tables: RawTables,
  from: number,
  to: number = BACKUP_FORMAT_VERSION,
  migrations: readonly BackupMigration[] = BACKUP_MIGRATIONS,
): MigrationOutcome {
  let current: Record<string, unknown> = { ...tables };
  for (let version = from; version < to; version++) {
    const step = migrations.find((migration) => migration.from === version);
    if (step === undefined) {
      return {
        ok: false,
        reason: 'noPath',
        message: `format version ${from} cannot be read by this version of Pursuit (there is no migration from version ${version} to ${version + 1})`,
      };
    }
    try {
      current = step.migrate(current);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        reason: 'failed',
        from: version,
        message: `the migration from format version ${version} to ${version + 1} (${step.description}) failed: ${detail}`,
      };
    }
  }
  return { ok: true, tables: current };
}

/** True when a file of format version `version` can be brought up to `to`. */
export function canMigrate(
  version: number,
  to: number = BACKUP_FORMAT_VERSION,
  migrations: readonly BackupMigration[] = BACKUP_MIGRATIONS,
): boolean {
  if (!Number.isSafeInteger(version) || version > to) return false;
  // Older than the oldest migration: there is no path, and no need to walk there.
  const oldest = migrations.reduce((min, migration) => Math.min(min, migration.from), to);
  if (version < oldest) return false;
  for (let v = version; v < to; v++) {
    if (!migrations.some((migration) => migration.from === v)) return false;
  }
  return true;
}
