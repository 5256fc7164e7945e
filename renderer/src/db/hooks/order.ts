/**
 * Live queries that want most of a table read it whole (`toArray()`) and filter or sort in
 * memory. Dexie observes a read of the primary key as one range, but a read through another index
 * key by key: every primary key of the result goes into a range tree, which for a thousand deals
 * costs more than the read itself, again after every write that touches the table.
 */

/** Code-unit order of `name`, the order an IndexedDB index on `name` would give. */
export function byName<T extends { readonly name: string }>(a: T, b: T): number {
  if (a.name < b.name) return -1;
  return a.name > b.name ? 1 : 0;
}
