import Dexie from 'dexie';
import type { PromiseExtended } from 'dexie';
import { diffFields } from '@shared/audit/diff';
import type { Activity, SystemAction } from '@shared/domain/activity';
import type { ActivityId, DealId, PersonId } from '@shared/domain/ids';
import { formatIssues } from '@shared/domain/issues';
import { ENTITY_SCHEMAS } from '@shared/domain/tables';
import type { EntityOf, TableName } from '@shared/domain/tables';
import type { PursuitDatabase } from '@renderer/db/database';
import { NotFoundError, RecordValidationError, StaleRevisionError } from '@renderer/db/errors';
import { undoStack } from '@renderer/db/undo';
import { announceWrite } from '@renderer/db/write-gate';
import type { RecordChange, UndoLabel } from '@renderer/db/undo';

/** Who makes the change and when; injected so tests can pin time and actor. */
export interface WriteEnv {
  now: () => number;
  newId: () => string;
  actorId: PersonId | null;
}

export const browserWriteEnv: WriteEnv = {
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
  actorId: null,
};

type BaseKeys = 'id' | 'createdAt' | 'updatedAt' | 'rev' | 'deletedAt';
/** What a caller supplies to create a record: everything but the bookkeeping fields. */
export type NewRecord<T extends TableName> = Omit<EntityOf<T>, BaseKeys> & { id?: string };
/** A change to a record's own fields (and `deletedAt`, for the trash). */
export type RecordPatch<T extends TableName> = Partial<
  Omit<EntityOf<T>, Exclude<BaseKeys, 'deletedAt'>>
>;

type AnyRecord = Record<string, unknown> & { id: string; rev: number; deletedAt: number | null };

/** The deal a record belongs to, for its activity entry (null: the portfolio as a whole). */
function dealOf(table: TableName, record: Readonly<Record<string, unknown>>): DealId | null {
  if (table === 'deals') return record.id as DealId;
  const dealId = record.dealId;
  return typeof dealId === 'string' ? (dealId as DealId) : null;
}

/**
 * One unit of work: every write inside it lands in one Dexie transaction together with the
 * system activity records describing it, or nothing lands at all. Only Dexie calls are awaited
 * inside (awaiting anything else would commit the transaction early).
 */
export class Writer {
  readonly changes: RecordChange[] = [];
  /** What the write acts on, as the user knows it (a deal code), for the undo history. */
  subject = '';

  constructor(
    private readonly db: PursuitDatabase,
    readonly env: WriteEnv,
    readonly at: number,
  ) {}

  private validate<T extends TableName>(table: T, record: unknown): EntityOf<T> {
    const result = ENTITY_SCHEMAS[table].safeParse(record);
    if (!result.success) throw new RecordValidationError(table, formatIssues(result.error));
    return result.data as EntityOf<T>;
  }

  /** Reads a record inside the transaction (including soft-deleted ones). */
  get<T extends TableName>(table: T, id: string): PromiseExtended<EntityOf<T> | undefined> {
    return this.db.tableOf(table).get(id) as PromiseExtended<EntityOf<T> | undefined>;
  }

  insert<T extends TableName>(
    table: T,
    values: NewRecord<T>,
    summary: string,
  ): PromiseExtended<EntityOf<T>> {
    const record = this.validate(table, {
      ...values,
      id: values.id ?? this.env.newId(),
      createdAt: this.at,
      updatedAt: this.at,
      rev: 1,
      deletedAt: null,
    });
    return this.db
      .tableOf(table)
      .add(record as never)
      .then(() => this.record(table, null, record as unknown as AnyRecord, 'create', summary))
      .then(() => record);
  }

  /**
   * Applies `patch` to the record, refusing when the stored revision is not `expectedRev` (the
   * record was changed in another window since the caller read it).
   */
  update<T extends TableName>(
    table: T,
    id: string,
    expectedRev: number,
    patch: RecordPatch<T>,
    summary: string,
    action: SystemAction = 'update',
    details = '',
  ): PromiseExtended<EntityOf<T>> {
    return this.db
      .tableOf(table)
      .get(id)
      .then((found) => {
        const current = found as AnyRecord | undefined;
        if (!current) throw new StaleRevisionError(table, id, expectedRev, null);
        if (current.rev !== expectedRev) {
          throw new StaleRevisionError(table, id, expectedRev, current.rev);
        }
        return this.replace(table, current, { ...current, ...patch }, summary, action, details);
      });
  }

  /** Writes `next` over `current` (already read in this transaction), bumping the revision. */
  replace<T extends TableName>(
    table: T,
    current: Readonly<AnyRecord>,
    next: Readonly<Record<string, unknown>>,
    summary: string,
    action: SystemAction,
    /** Extra text for the activity entry (what was skipped, why), shown with the change. */
    details = '',
  ): PromiseExtended<EntityOf<T>> {
    const record = this.validate(table, {
      ...next,
      id: current.id,
      createdAt: current.createdAt,
      updatedAt: Math.max(this.at, Number(current.updatedAt)),
      rev: current.rev + 1,
    });
    return this.db
      .tableOf(table)
      .put(record as never)
      .then(() =>
        this.record(table, current, record as unknown as AnyRecord, action, summary, details),
      )
      .then(() => record);
  }

  /**
   * Writes a cascaded change (children following their deal into or out of the trash): undoable
   * with the rest of the write, but without an activity entry of its own — the parent's entry
   * tells the story.
   */
  cascade<T extends TableName>(
    table: T,
    current: Readonly<AnyRecord>,
    next: Readonly<Record<string, unknown>>,
  ): PromiseExtended<AnyRecord> {
    const record = { ...current, ...next, updatedAt: this.at, rev: current.rev + 1 } as AnyRecord;
    this.changes.push({ table, id: record.id, before: current, after: record });
    return this.db
      .tableOf(table)
      .put(record as never)
      .then(() => record);
  }

  /** Reads a record that must exist (soft-deleted ones included). */
  require<T extends TableName>(table: T, id: string): PromiseExtended<EntityOf<T>> {
    return this.get(table, id).then((record) => {
      if (!record) throw new NotFoundError(table, id);
      return record;
    });
  }

  /**
   * Removes a record for good (undo of a create, emptying the trash). Removing a deal also
   * removes its own activity trail, which would otherwise point at nothing.
   */
  hardDelete(table: TableName, id: string, summary: string): PromiseExtended<unknown> {
    return this.db
      .tableOf(table)
      .get(id)
      .then((found) => {
        const current = found as AnyRecord | undefined;
        if (!current) return undefined;
        return this.db
          .tableOf(table)
          .delete(id)
          .then(() =>
            table === 'deals'
              ? this.db.activities.where('dealId').equals(id).delete()
              : this.record(table, current, { ...current, deletedAt: this.at }, 'delete', summary),
          );
      });
  }

  /** Adds a logged (non-system) activity: a call, meeting, visit or note. */
  logActivity(activity: Omit<NewRecord<'activities'>, 'system'>): PromiseExtended<Activity> {
    const record = this.validate('activities', {
      ...activity,
      id: activity.id ?? this.env.newId(),
      system: null,
      createdAt: this.at,
      updatedAt: this.at,
      rev: 1,
      deletedAt: null,
    });
    this.changes.push({
      table: 'activities',
      id: record.id,
      before: null,
      after: record as unknown as AnyRecord,
    });
    return this.db.activities.add(record).then(() => record);
  }

  private record(
    table: TableName,
    before: Readonly<AnyRecord> | null,
    after: Readonly<AnyRecord>,
    action: SystemAction,
    summary: string,
    details = '',
  ): PromiseExtended<unknown> {
    this.changes.push({ table, id: after.id, before, after });
    if (table === 'activities') return Dexie.Promise.resolve(undefined);
    const activity: Activity = {
      id: this.env.newId() as ActivityId,
      createdAt: this.at,
      updatedAt: this.at,
      rev: 1,
      deletedAt: null,
      dealId: dealOf(table, after),
      type: 'system',
      at: this.at,
      actorId: this.env.actorId,
      summary: summary.slice(0, 500),
      details: details.slice(0, 20_000),
      contactIds: [],
      system: {
        table,
        entityId: after.id,
        action,
        changes: action === 'create' ? [] : diffFields(before, after).slice(0, 500),
      },
    };
    return this.db.activities.add(activity);
  }
}

/**
 * Dexie re-wraps a rejection whose name is one of its own error names (`NotFoundError`) in a
 * DexieError of that name; callers get the repository's own error back, so the UI's `instanceof`
 * checks see it.
 */
function ownError(error: unknown): unknown {
  const inner =
    typeof error === 'object' && error !== null && 'inner' in error ? error.inner : null;
  return inner instanceof NotFoundError ? inner : error;
}

export interface RunWriteOptions {
  /** Makes the write undoable; the history shows this action on `writer.subject`. */
  undoAction?: UndoLabel['action'];
}

/**
 * Runs `work` as one transaction over `tables` (plus `activities`), with strict durability, and
 * records it on the session's undo stack when it commits. Background whole-table reads pause
 * while it runs (`announceWrite`).
 */
export async function runWrite<R>(
  db: PursuitDatabase,
  env: WriteEnv,
  tables: readonly TableName[],
  work: (writer: Writer) => Promise<R>,
  options: RunWriteOptions = {},
): Promise<R> {
  const names = [...new Set<TableName>([...tables, 'activities'])];
  const writer = new Writer(db, env, env.now());
  let result: R;
  const ended = announceWrite();
  try {
    result = await db.transaction(
      'rw!',
      names.map((name) => db.table(name)),
      () => work(writer),
    );
  } catch (error) {
    // Rethrown outside Dexie's promise chain, which would wrap it again.
    throw ownError(error);
  } finally {
    ended();
  }
  if (options.undoAction && writer.changes.length > 0) {
    undoStack.push({
      label: { action: options.undoAction, subject: writer.subject },
      changes: writer.changes,
    });
  }
  return result;
}
