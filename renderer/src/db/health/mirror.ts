import Dexie, { RangeSet } from 'dexie';
import type { IntervalTree, ObservabilitySet } from 'dexie';
import type { Settings } from '@shared/domain/settings';
import type { EntityOf } from '@shared/domain/tables';
import { SETTINGS_ID } from '@shared/domain/settings';
import type { PursuitDatabase } from '@renderer/db/database';
import type { HealthInput } from '@renderer/db/health/read';
import { HEALTH_TABLES } from '@renderer/db/health/read';
import type { HealthTable } from '@renderer/db/health/read';

/**
 * Keeps the records portfolio health is rated from in memory, and after each write re-reads only
 * the records the write touched.
 *
 * A live query that reads every table again after each write reads about 250,000 records on a
 * large portfolio. Worse, IndexedDB makes a read-write transaction wait for the read transactions
 * started before it on the same stores: a board drop queued behind that re-read for seconds. Here
 * Dexie's `storagemutated` event (fired in this context for its own writes and, over a
 * BroadcastChannel, for the window's writes when this runs in a worker) names the primary keys
 * each committed write changed; those are fetched with `bulkGet` (a missing one was deleted). A
 * write that names a range instead of keys (a `clear()`, a bulk write of 50 or more, a delete by
 * range) has its table read whole again. Whole reads go in chunks of `CHUNK` records by primary key,
 * each its own short transaction, so a user's write waits for one chunk at most, never for a table.
 *
 * The mirror is not a snapshot: writes committed while it reads are recorded by the event and
 * fetched in the next round, so after the last write the records match the database. Each round
 * that changed something is reported once.
 */

/** Every table the mirror keeps: the settings, the deals and the tables health reads. */
type MirroredTable = 'settings' | 'deals' | HealthTable;
const MIRRORED: readonly MirroredTable[] = ['settings', 'deals', ...HEALTH_TABLES];

/** Records per transaction when a table is read whole. */
export const CHUNK = 5_000;

interface Stored {
  readonly id: string;
}

/** What a round must read per table: every record, or these primary keys. */
type Wanted = 'all' | Set<string>;

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

async function readWhole(
  db: PursuitDatabase,
  name: MirroredTable,
  chunkSize: number,
): Promise<Stored[]> {
  const table = db.table<Stored, string>(name);
  const all: Stored[] = [];
  let chunk = await table.orderBy(':id').limit(chunkSize).toArray();
  for (;;) {
    all.push(...chunk);
    const last = chunk.at(-1);
    if (chunk.length < chunkSize || last === undefined) return all;
    chunk = await table.where(':id').above(last.id).limit(chunkSize).toArray();
  }
}

/**
 * Watches `db`'s health records: `onInput` receives them after the first full read and after each
 * round of changes (`undefined` while the database holds no settings). Returns the function that
 * stops watching. A failed read is reported to `onError`, and the next write tries again.
 * `chunkSize` is the number of records per transaction when a table is read whole.
 */
export function watchHealthInput(
  db: PursuitDatabase,
  onInput: (input: HealthInput | undefined) => void,
  onError: (error: unknown) => void,
  chunkSize = CHUNK,
): () => void {
  const prefix = `idb://${db.name}/`;
  const rows = new Map<MirroredTable, Map<string, Stored>>(MIRRORED.map((n) => [n, new Map()]));
  /** Each table's records as a list, built again only when the table changed. */
  const lists = new Map<MirroredTable, readonly Stored[]>();
  const wanted = new Map<MirroredTable, Wanted>(MIRRORED.map((n) => [n, 'all']));
  const mirrored = new Set<string>(MIRRORED);
  let reading = false;
  let stopped = false;

  function want(name: MirroredTable, keys: Wanted): void {
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
      const name = part.slice(prefix.length, -1);
      if (!mirrored.has(name)) continue;
      want(name as MirroredTable, keysOf(tree));
      any = true;
    }
    if (any) void drain();
  }

  function list<T>(name: MirroredTable): T[] {
    let found = lists.get(name);
    if (found === undefined) {
      found = [...(rows.get(name)?.values() ?? [])];
      lists.set(name, found);
    }
    return found as T[];
  }

  function input(): HealthInput | undefined {
    const settings = rows.get('settings')?.get(SETTINGS_ID) as Settings | undefined;
    if (settings === undefined) return undefined;
    // Each table's records under its name, as `HealthRecords` names them.
    const tables = Object.fromEntries(HEALTH_TABLES.map((name) => [name, list(name)])) as {
      [K in HealthTable]: EntityOf<K>[];
    };
    const records = {
      deals: list<EntityOf<'deals'>>('deals').filter((deal) => deal.status === 'open'),
      ...tables,
    };
    return {
      settings,
      records: {
        ...records,
        load: { people: null, assignments: records.assignments, tasks: records.tasks },
      },
    };
  }

  async function readRound(): Promise<boolean> {
    const round = [...wanted];
    wanted.clear();
    for (const [i, [name, keys]] of round.entries()) {
      const table = rows.get(name);
      if (table === undefined) continue;
      try {
        await readInto(table, name, keys);
      } catch (error) {
        // What this round had still to read waits for the next round.
        for (const [unread, keysOfIt] of round.slice(i)) want(unread, keysOfIt);
        throw error;
      }
      lists.delete(name);
    }
    return round.length > 0;
  }

  async function readInto(
    table: Map<string, Stored>,
    name: MirroredTable,
    keys: Wanted,
  ): Promise<void> {
    if (keys === 'all') {
      const all = await readWhole(db, name, chunkSize);
      table.clear();
      for (const record of all) table.set(record.id, record);
      return;
    }
    const ids = [...keys];
    const found = await db.table<Stored, string>(name).bulkGet(ids);
    ids.forEach((id, i) => {
      const record = found[i];
      if (record === undefined) table.delete(id);
      else table.set(id, record);
    });
  }

  async function drain(): Promise<void> {
    if (reading || stopped) return;
    reading = true;
    try {
      let changed = false;
      while (wanted.size > 0 && !stopped) changed = (await readRound()) || changed;
      if (changed && !stopped) onInput(input());
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
