import { recordLabel } from '@shared/backup/merge';
import type { MergeResult } from '@shared/backup/merge';
import type { Activity, FieldChange, SystemAction } from '@shared/domain/activity';
import type { ActivityId, DealId } from '@shared/domain/ids';
import { TABLE_NAMES } from '@shared/domain/tables';
import type { TableName } from '@shared/domain/tables';
import type { PursuitDatabase } from '@renderer/db/database';
import { StaleRevisionError } from '@renderer/db/errors';
import type { WriteEnv } from '@renderer/db/write';

export interface MergeProgress {
  readonly done: number;
  readonly total: number;
}

/** What a merge wrote, for the summary at its end. */
export interface MergeCounts {
  readonly added: number;
  readonly replaced: number;
  /** Entries written to the activity trail about the merge. */
  readonly logged: number;
}

/** Records written per `bulkAdd` (progress is reported after each). */
const CHUNK = 2_000;

function dealOf(table: TableName, record: Readonly<Record<string, unknown>>): DealId | null {
  if (table === 'deals') return record.id as DealId;
  return typeof record.dealId === 'string' ? (record.dealId as DealId) : null;
}

/**
 * Writes a merge (`shared/backup/merge.ts`) in one transaction with strict durability: their
 * records added, the conflicts resolved to theirs overwritten, and the activity trail told — one
 * entry per replaced record with the fields it changed (old values included, so nothing is lost
 * from the history), and one per added record except activities themselves and records of a deal
 * that is added with them (the deal's entry covers them). If anything changed since the plan was
 * made (a record edited or added in another window), nothing is written and the error says so.
 */
export async function applyMerge(
  db: PursuitDatabase,
  env: WriteEnv,
  merge: Pick<MergeResult, 'inserts' | 'replacements'>,
  source: string,
  onProgress: (progress: MergeProgress) => void = () => {},
): Promise<MergeCounts> {
  const at = env.now();
  const details = `Merged from ${source}`.slice(0, 20_000);
  const activity = (
    table: TableName,
    record: Readonly<Record<string, unknown>>,
    action: SystemAction,
    changes: readonly FieldChange[],
  ): Activity => ({
    id: env.newId() as ActivityId,
    createdAt: at,
    updatedAt: at,
    rev: 1,
    deletedAt: null,
    dealId: dealOf(table, record),
    type: 'system',
    at,
    actorId: env.actorId,
    summary: recordLabel(record).slice(0, 500),
    details,
    contactIds: [],
    system: { table, entityId: String(record.id), action, changes: changes.slice(0, 500) },
  });

  const addedDeals = new Set(merge.inserts.deals.map((deal) => deal.id as string));
  const trail: Activity[] = [];
  for (const { table, record, fields } of merge.replacements) {
    if (table !== 'activities') trail.push(activity(table, record, 'import', fields));
  }
  for (const table of TABLE_NAMES) {
    if (table === 'activities') continue;
    for (const record of merge.inserts[table] as readonly Record<string, unknown>[]) {
      const dealId = table === 'deals' ? null : dealOf(table, record);
      if (dealId !== null && addedDeals.has(dealId)) continue;
      trail.push(activity(table, record, 'import', []));
    }
  }

  const inserted = TABLE_NAMES.reduce((sum, name) => sum + merge.inserts[name].length, 0);
  const total = inserted + merge.replacements.length + trail.length;
  let done = 0;
  const step = (count: number) => {
    done += count;
    onProgress({ done, total });
  };
  await db.transaction('rw!', db.allTables(), async () => {
    for (const { table, record, expectedRev } of merge.replacements) {
      const current = (await db.table(table).get(record.id)) as { rev: number } | undefined;
      if (current === undefined || current.rev !== expectedRev) {
        throw new StaleRevisionError(table, record.id, expectedRev, current?.rev ?? null);
      }
      await db.table(table).put(record);
    }
    step(merge.replacements.length);
    for (const name of TABLE_NAMES) {
      const rows = merge.inserts[name] as readonly { id: string }[];
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        // An id that exists now was added elsewhere since the plan: refuse the whole merge.
        const existing = await db.table(name).bulkGet(chunk.map((row) => row.id));
        const clash = existing.findIndex((row) => row !== undefined);
        if (clash >= 0) throw new StaleRevisionError(name, chunk[clash]?.id ?? '', 0, 1);
        await db.table(name).bulkAdd(chunk);
        step(chunk.length);
      }
    }
    for (let start = 0; start < trail.length; start += CHUNK) {
      const chunk = trail.slice(start, start + CHUNK);
      await db.activities.bulkAdd(chunk);
      step(chunk.length);
    }
  });
  return { added: inserted, replaced: merge.replacements.length, logged: trail.length };
}
