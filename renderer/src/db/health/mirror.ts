import type { Settings } from '@shared/domain/settings';
import { SETTINGS_ID } from '@shared/domain/settings';
import type { EntityOf } from '@shared/domain/tables';
import type { PursuitDatabase } from '@renderer/db/database';
import { CHUNK, watchTables } from '@renderer/db/mirror';
import type { HealthInput, HealthTable } from '@renderer/db/health/read';
import { HEALTH_TABLES } from '@renderer/db/health/read';

/** Every table health is rated from: the settings, the deals and the deals' records. */
const MIRRORED = ['settings', 'deals', ...HEALTH_TABLES] as const;

/**
 * Watches `db`'s health records in memory (`watchTables`: after a write only the records it
 * touched are read again): `onInput` receives them after the first full read and after each round
 * of changes (`undefined` while the database holds no settings). Returns the function that stops
 * watching. A failed read is reported to `onError`, and the next write tries again.
 */
export function watchHealthInput(
  db: PursuitDatabase,
  onInput: (input: HealthInput | undefined) => void,
  onError: (error: unknown) => void,
  chunkSize = CHUNK,
): () => void {
  return watchTables(
    db,
    MIRRORED,
    (mirror) => {
      const settings = mirror.get('settings', SETTINGS_ID) as Settings | undefined;
      if (settings === undefined) {
        onInput(undefined);
        return;
      }
      // Each table's records under its name, as `HealthRecords` names them.
      const tables = Object.fromEntries(HEALTH_TABLES.map((name) => [name, mirror.list(name)])) as {
        [K in HealthTable]: EntityOf<K>[];
      };
      const records = {
        deals: mirror.list('deals').filter((deal) => deal.status === 'open'),
        ...tables,
      };
      onInput({
        settings,
        records: {
          ...records,
          load: { people: null, assignments: records.assignments, tasks: records.tasks },
        },
      });
    },
    onError,
    chunkSize,
  );
}
