/**
 * Live queries that want all of a table read it whole (`toArray()`) and sort in memory rather
 * than `orderBy()` an index. Dexie observes a read of the primary key as one range, but a read
 * through another index key by key: every primary key of the result goes into a range tree, again
 * after every write that touches the table. (When an index range skips a good part of the table,
 * as the open deals do, reading less still wins: measured on the board.)
 */

/** Code-unit order of `name`, the order an IndexedDB index on `name` would give. */
export function byName<T extends { readonly name: string }>(a: T, b: T): number {
  if (a.name < b.name) return -1;
  return a.name > b.name ? 1 : 0;
}
