import Dexie, { RangeSet } from 'dexie';
import type { IntervalTree, ObservabilitySet } from 'dexie';
import type { EntityOf, TableName } from '@shared/domain/tables';
import type { PursuitDatabase } from '@renderer/db/database';
import { writesSettled } from '@renderer/db/write-gate';

/**
 * Keeps some tables of the database in memory, and after each write re-reads only the records the
 * write touched.
 *
 * A live query reads every table it names again after any write to it: on a large portfolio that
 * is tens of thousands of records per table (IndexedDB hands them over at a few tens of
 * microseconds each, so a second or more), and IndexedDB makes a read-write transaction wait for
 * the read transactions started before it on the same stores, so the user's next write queues
 * behind the re-read. Here Dexie's `storagemutated` event (fired in this context for its own writes
 * and, over a BroadcastChannel, for other windows' and the window's when this runs in a worker)
 * names the primary keys each committed write changed; those are fetched with `bulkGet` (a missing
 * one was deleted). A write that names a range instead of keys (a `clear()`, a bulk write of 50 or
 * more, a delete by range) has its table read whole again. Whole reads go in chunks of `CHUNK`
 * records by primary key, each its own short transaction, and a chunk waits while a user's write
 * is in progress in any of the app's contexts (`db/write-gate.ts`), so a write waits for one
 * chunk at most, never for a table.
 *
 * The mirror is not a snapshot: writes committed while it reads are recorded by the event and
 * fetched in the next round, so after the last write the records match the database. A record
 * that did not change keeps its object, so code that compares records by identity sees only what
 * changed. Each round that changed something is reported once, with the tables it changed.
 */

/** Records per transaction when a table is read whole. */
export const CHUNK = 1_000;

interface Stored {
  readonly id: string;
}

/** What a round must read per table: every record, or these primary keys. */
type Wanted = 'all' | Set<string>;

/** The mirrored tables' records: each table's list stays the same array until the table changes. */
export interface MirroredTables<N extends TableName> {
  list<T extends N>(name: T): readonly EntityOf<T>[];
  get<T extends N>(name: T, id: string): EntityOf<T> | undefined;
}

/**
 * The primary keys a write named in `tree`, or `'all'` when it names a range (or keys that are not
 * strings: every id here is a string, so anything else is read whole to be safe).
 */
function keysOf(tree: IntervalTree): Wanted {
  const keys = new Set<string>();
  for (const node of RangeSet(tree)) {
    if (typeof node.from !== 'string' || node.from !== node.to) return 'all';
    keys.add(node.from);
  }
  return keys;
}

async function readWhole(db: PursuitDatabase, name: string, chunkSize: number): Promise<Stored[]> {
  const table = db.table<Stored, string>(name);
  const all: Stored[] = [];
  await writesSettled();
  let chunk = await table.orderBy(':id').limit(chunkSize).toArray();
  for (;;) {
    all.push(...chunk);
    const last = chunk.at(-1);
    if (chunk.length < chunkSize || last === undefined) return all;
    await writesSettled();
    chunk = await table.where(':id').above(last.id).limit(chunkSize).toArray();
  }
}

/**
 * Mirrors `tables` of `db`: `onChange` receives the records after the first full read and after
 * each round of changes, with the tables that round changed. Returns the function that stops
 * watching. A failed read is reported to `onError`, and the next write tries again. `chunkSize`
 * is the number of records per transaction when a table is read whole.
 */
export function watchTables<N extends TableName>(
  db: PursuitDatabase,
  tables: readonly N[],
  onChange: (records: MirroredTables<N>, changed: ReadonlySet<N>) => void,
  onError: (error: unknown) => void,
  chunkSize = CHUNK,
): () => void {
  const prefix = `idb://${db.name}/`;
  const rows = new Map<N, Map<string, Stored>>(tables.map((n) => [n, new Map()]));
  const lists = new Map<N, readonly Stored[]>();
  const wanted = new Map<N, Wanted>(tables.map((n) => [n, 'all']));
  const changedSince = new Set<N>();
  let reading = false;
  let stopped = false;

  const records: MirroredTables<N> = {
    list<T extends N>(name: T) {
      let found = lists.get(name);
      if (found === undefined) {
        found = [...(rows.get(name)?.values() ?? [])];
        lists.set(name, found);
      }
      return found as readonly EntityOf<T>[];
    },
    get<T extends N>(name: T, id: string) {
      return rows.get(name)?.get(id) as EntityOf<T> | undefined;
    },
  };

  function want(name: N, keys: Wanted): void {
    const before = wanted.get(name);
    if (before === 'all') return;
    if (keys === 'all' || before === undefined) {
      wanted.set(name, keys);
      return;
    }
    for (const key of keys) before.add(key);
  }

  function onMutated(parts: ObservabilitySet): void {
    let any = false;
    for (const [part, tree] of Object.entries(parts)) {
      if (!part.startsWith(prefix) || !part.endsWith('/')) continue;
      // `idb://<db>/<table>/` with no index name: the primary keys of the records written.
      const name = part.slice(prefix.length, -1) as N;
      if (!rows.has(name)) continue;
      want(name, keysOf(tree));
      any = true;
    }
    if (any) void drain();
  }

  async function readInto(name: N, keys: Wanted): Promise<void> {
    const table = rows.get(name);
    if (table === undefined) return;
    if (keys === 'all') {
      const all = await readWhole(db, name, chunkSize);
      table.clear();
      for (const record of all) table.set(record.id, record);
    } else {
      const ids = [...keys];
      const found = await db.table<Stored, string>(name).bulkGet(ids);
      ids.forEach((id, i) => {
        const record = found[i];
        if (record === undefined) table.delete(id);
        else table.set(id, record);
      });
    }
    lists.delete(name);
    changedSince.add(name);
  }

  /**
   * Reads what the writes so far named: the records of single keys side by side, tables read
   * whole one after another. IndexedDB makes a write wait for every read transaction started
   * before it on its stores; with one chunk of one table in flight at a time, a user's write
   * waits for one chunk, not for a chunk of every table (measured on the large portfolio: a
   * board drop made while the health worker read its tables took 150–670 ms instead of 40).
   */
  async function readRound(): Promise<void> {
    const some = [...wanted].filter(([, keys]) => keys !== 'all');
    const whole = [...wanted].filter(([, keys]) => keys === 'all');
    const round = [...some, ...whole];
    wanted.clear();
    const results = await Promise.allSettled(some.map(([name, keys]) => readInto(name, keys)));
    for (const [name, keys] of whole) {
      results.push(...(await Promise.allSettled([readInto(name, keys)])));
    }
    const failed = results.findIndex((result) => result.status === 'rejected');
    if (failed === -1) return;
    // What failed to read waits for the next round.
    results.forEach((result, i) => {
      const entry = round[i];
      if (result.status === 'rejected' && entry !== undefined) want(entry[0], entry[1]);
    });
    throw (results[failed] as PromiseRejectedResult).reason;
  }

  async function drain(): Promise<void> {
    if (reading || stopped) return;
    reading = true;
    try {
      while (wanted.size > 0 && !stopped) await readRound();
      if (changedSince.size > 0 && !stopped) {
        const changed = new Set(changedSince);
        changedSince.clear();
        onChange(records, changed);
      }
    } catch (error) {
      // Not tried again at once (it would likely fail again): the next write starts a round.
      if (!stopped) onError(error);
    } finally {
      reading = false;
    }
  }

  Dexie.on.storagemutated.subscribe(onMutated);
  void drain();
  return () => {
    stopped = true;
    Dexie.on.storagemutated.unsubscribe(onMutated);
  };
}
