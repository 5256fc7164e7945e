import {
  createDefaultRoles,
  createDefaultSalesProcess,
  createDefaultSettings,
} from '@shared/domain/defaults';
import { SETTINGS_ID } from '@shared/domain/settings';
import type { Locale } from '@shared/domain/settings';
import type { PursuitDatabase } from '@renderer/db/database';

/**
 * Gives a new database what every install starts with — settings for the user's language, the
 * default sales process and the pursuit roles — once. An existing database is left untouched.
 * Returns true when the defaults were written.
 */
export async function ensureDefaults(
  db: PursuitDatabase,
  now: number,
  locale: Locale,
): Promise<boolean> {
  return db.transaction('rw', [db.settings, db.salesProcesses, db.stages, db.roles], async () => {
    if (await db.settings.get(SETTINGS_ID)) return false;
    const settings = createDefaultSettings(now, locale);
    const { process, stages } = createDefaultSalesProcess(now);
    await db.settings.add(settings);
    await db.salesProcesses.put(process);
    await db.stages.bulkPut(stages);
    await db.roles.bulkPut(createDefaultRoles(now, settings.baseCurrency));
    return true;
  });
}
