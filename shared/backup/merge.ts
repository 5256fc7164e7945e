/**
 * Merge import: bringing another person's backup into this database without replacing it (a
 * director consolidating several account managers' portfolios). Records are matched by id across
 * every table:
 * - a record only in their backup is **added**;
 * - a record in both with the same content is **identical** and skipped (bookkeeping fields —
 *   `rev`, `createdAt`, `updatedAt` — do not count as content);
 * - a record in both with different content is a **conflict**: the user keeps mine or takes
 *   theirs, per record or for all; the newer `updatedAt` is preselected (mine on a tie).
 * A record only in this database is always kept, so nothing is lost: every id of either side is
 * in the result. Both sides are whole, checked portfolios (`parseBackup` and the database's own
 * schemas), so every reference of either side resolves in the result; what a mix of versions
 * can still break (two deals with one code, a task moved to another deal than its links) is found
 * by `checkReferences` on the result and listed before anything is written. A deal of theirs whose
 * code another deal already has gets the next free code (`P-001` → `P-001-2`), and the summary
 * says so.
 *
 * Pure: no clock, no database. The renderer applies the result in one transaction.
 */
import { diffFields } from '@shared/audit/diff';
import type { FieldChange } from '@shared/domain/activity';
import { checkReferences } from '@shared/domain/references';
import type { ReferenceIssue } from '@shared/domain/references';
import { TABLE_NAMES, emptyPortfolio } from '@shared/domain/tables';
import type { EntityOf, Portfolio, TableName } from '@shared/domain/tables';
import { perTable } from '@shared/backup/format';

export type MergeSide = 'mine' | 'theirs';

type AnyRecord = EntityOf<TableName>;

/** One record present on both sides with different content. */
export interface MergeConflict {
  readonly table: TableName;
  readonly id: string;
  readonly mine: AnyRecord;
  readonly theirs: AnyRecord;
  /** The fields that differ: `old` is mine, `new` is theirs (nested paths, as the trail shows them). */
  readonly fields: readonly FieldChange[];
  /** The side with the newer `updatedAt`; mine when they are equal. */
  readonly preselected: MergeSide;
}

export interface MergeTableCounts {
  readonly added: number;
  readonly identical: number;
  readonly conflicts: number;
  /** Records only in this database (kept as they are). */
  readonly onlyMine: number;
}

/** What merging `theirs` into `mine` would do, before any choice is made. */
export interface MergePlan {
  /** Records only in their backup, per table, in their order. */
  readonly added: Portfolio;
  readonly conflicts: readonly MergeConflict[];
  readonly counts: Readonly<Record<TableName, MergeTableCounts>>;
  readonly totals: MergeTableCounts;
}

/** A record's name as the user knows it: its code, name or title, else its id. */
export function recordLabel(record: Readonly<Record<string, unknown>>): string {
  for (const key of ['code', 'name', 'title', 'summary']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return String(record.id);
}

/** The key of a conflict in a choice map. */
export function conflictKey(table: TableName, id: string): string {
  return `${table}/${id}`;
}

/** Compares two versions of a record by content (bookkeeping fields left out). */
export function sameContent(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): boolean {
  return diffFields(a, b).length === 0;
}

/** Matches every record of `theirs` against `mine` by id. */
export function planMerge(mine: Portfolio, theirs: Portfolio): MergePlan {
  const added = emptyPortfolio();
  const conflicts: MergeConflict[] = [];
  const counts = perTable<MergeTableCounts>(() => ({
    added: 0,
    identical: 0,
    conflicts: 0,
    onlyMine: 0,
  }));
  for (const table of TABLE_NAMES) {
    const mineById = new Map<string, AnyRecord>();
    for (const record of mine[table] as readonly AnyRecord[]) mineById.set(record.id, record);
    const newRecords: AnyRecord[] = [];
    let identical = 0;
    let conflicting = 0;
    const matched = new Set<string>();
    for (const record of theirs[table] as readonly AnyRecord[]) {
      const own = mineById.get(record.id);
      if (own === undefined) {
        newRecords.push(record);
        continue;
      }
      matched.add(record.id);
      const fields = diffFields(own, record);
      if (fields.length === 0) {
        identical += 1;
        continue;
      }
      conflicting += 1;
      conflicts.push({
        table,
        id: record.id,
        mine: own,
        theirs: record,
        fields,
        preselected: record.updatedAt > own.updatedAt ? 'theirs' : 'mine',
      });
    }
    Object.assign(added, { [table]: newRecords });
    counts[table] = {
      added: newRecords.length,
      identical,
      conflicts: conflicting,
      onlyMine: mineById.size - matched.size,
    };
  }
  const totals = TABLE_NAMES.reduce<MergeTableCounts>(
    (sum, table) => ({
      added: sum.added + counts[table].added,
      identical: sum.identical + counts[table].identical,
      conflicts: sum.conflicts + counts[table].conflicts,
      onlyMine: sum.onlyMine + counts[table].onlyMine,
    }),
    { added: 0, identical: 0, conflicts: 0, onlyMine: 0 },
  );
  return { added, conflicts, counts, totals };
}

/** The side chosen for each conflict (by `conflictKey`); a conflict not in it takes its preselection. */
export type MergeChoices = ReadonlyMap<string, MergeSide>;

/** The side a conflict resolves to under `choices`. */
export function sideOf(conflict: MergeConflict, choices: MergeChoices): MergeSide {
  return choices.get(conflictKey(conflict.table, conflict.id)) ?? conflict.preselected;
}

/** Every conflict set to one side (the "all mine" / "all theirs" buttons). */
export function chooseAll(plan: MergePlan, side: MergeSide): Map<string, MergeSide> {
  return new Map(
    plan.conflicts.map((conflict) => [conflictKey(conflict.table, conflict.id), side]),
  );
}

/** A deal of theirs that came in under another code, because its own was taken. */
export interface RenamedDeal {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

/** A record of mine to overwrite with their version. */
export interface MergeReplacement {
  readonly table: TableName;
  /** Their version, with a revision above both sides'. */
  readonly record: AnyRecord;
  /** Mine as the plan saw it: the write is refused if it changed since. */
  readonly expectedRev: number;
  /** The fields that change (`old` mine, `new` theirs), for the activity trail. */
  readonly fields: readonly FieldChange[];
}

/** What the merge writes, and what would still be wrong with the result. */
export interface MergeResult {
  /** The whole database after the merge (mine, plus additions, with the chosen versions). */
  readonly merged: Portfolio;
  /** The records to insert (additions, deal codes already adjusted), per table. */
  readonly inserts: Portfolio;
  /** The records to overwrite with theirs (`rev` above mine's, so an edit open on mine is refused). */
  readonly replacements: readonly MergeReplacement[];
  readonly renamedDeals: readonly RenamedDeal[];
  /**
   * What would break (a dangling or cross-deal reference, a repeated code, a task loop), with the
   * path into `merged`. Non-empty: the merge must not be applied with these choices.
   */
  readonly problems: readonly ReferenceIssue[];
}

const CODE_MAX = 40;

/** `code` with the first free suffix `-2`, `-3`… (kept within the code's length limit). */
function freeCode(code: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${code.trim().slice(0, CODE_MAX - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Applies the choices to the plan: mine, plus every addition, with each conflict's chosen
 * version. Never drops a record of either side; a chosen "theirs" keeps their content and gets a
 * revision above both.
 */
export function resolveMerge(
  mine: Portfolio,
  plan: MergePlan,
  choices: MergeChoices,
  problemLimit = 50,
): MergeResult {
  const theirsById = new Map<string, AnyRecord>();
  const replacements: MergeReplacement[] = [];
  for (const conflict of plan.conflicts) {
    if (sideOf(conflict, choices) !== 'theirs') continue;
    const record = {
      ...conflict.theirs,
      rev: Math.max(conflict.mine.rev, conflict.theirs.rev) + 1,
    } as AnyRecord;
    theirsById.set(conflictKey(conflict.table, conflict.id), record);
    replacements.push({
      table: conflict.table,
      record,
      expectedRev: conflict.mine.rev,
      fields: conflict.fields,
    });
  }

  // Deal codes: the ones staying as they are (mine, and theirs chosen over mine) are taken first.
  const taken = new Set<string>();
  for (const deal of mine.deals) {
    const chosen = theirsById.get(conflictKey('deals', deal.id)) as typeof deal | undefined;
    taken.add((chosen ?? deal).code.trim().toLowerCase());
  }
  const renamedDeals: RenamedDeal[] = [];
  const addedDeals = plan.added.deals.map((deal) => {
    const key = deal.code.trim().toLowerCase();
    if (!taken.has(key)) {
      taken.add(key);
      return deal;
    }
    const code = freeCode(deal.code, taken);
    taken.add(code.toLowerCase());
    renamedDeals.push({ id: deal.id, from: deal.code, to: code });
    return { ...deal, code };
  });
  const inserts: Portfolio = { ...plan.added, deals: addedDeals };

  const merged = emptyPortfolio();
  for (const table of TABLE_NAMES) {
    const rows = (mine[table] as readonly AnyRecord[]).map(
      (record) => theirsById.get(conflictKey(table, record.id)) ?? record,
    );
    Object.assign(merged, { [table]: [...rows, ...(inserts[table] as readonly AnyRecord[])] });
  }
  return {
    merged,
    inserts,
    replacements,
    renamedDeals,
    problems: checkReferences(merged, problemLimit),
  };
}
