import dayjs from 'dayjs';
import { serializeBackup } from '@shared/backup/format';
import { parsePlanDate } from '@shared/domain/dates';
import { TABLE_NAMES } from '@shared/domain/tables';
import type { PursuitDatabase } from '@renderer/db/database';
import type { AutoBackupInfo, AutoBackupReason } from '@renderer/db/auto-backups';
import { saveAutoBackup } from '@renderer/db/auto-backups';
import { backupBeforeUpgrade } from '@renderer/db/upgrade-backup';
import type { ExportProgress } from '@renderer/db/repositories/backup';
import type { WriteEnv } from '@renderer/db/write';
import { getPlatform } from '@renderer/platform/getPlatform';

/** Makes an automatic backup of all data now, stamped with the user's local day. */
export async function runAutoBackup(
  db: PursuitDatabase,
  env: WriteEnv,
  reason: AutoBackupReason,
  onProgress?: (progress: ExportProgress) => void,
): Promise<AutoBackupInfo> {
  const platform = getPlatform();
  const { version } = await platform.getAppInfo();
  const createdAt = env.now();
  return saveAutoBackup(db, platform.autoBackups, {
    id: env.newId(),
    reason,
    createdAt,
    day: parsePlanDate(dayjs(createdAt).format('YYYY-MM-DD')),
    appVersion: version,
    ...(onProgress ? { onProgress } : {}),
  });
}

/**
 * Keeps the data as it is stored as an automatic backup (reason `before_upgrade`) when the code
 * is about to open `db` with a newer schema than the one on disk; does nothing otherwise. Called
 * before the database is opened: if the backup cannot be made, the error is thrown and the
 * database stays unopened (and not upgraded).
 */
export async function backUpBeforeUpgrade(db: PursuitDatabase, env: WriteEnv): Promise<void> {
  await backupBeforeUpgrade(db.name, Math.round(db.verno * 10), async ({ portfolio }) => {
    const platform = getPlatform();
    const { version } = await platform.getAppInfo();
    const createdAt = env.now();
    const text = serializeBackup(portfolio, { appVersion: version, createdAt });
    const records = TABLE_NAMES.reduce((sum, name) => sum + portfolio[name].length, 0);
    await platform.autoBackups.store(
      {
        id: env.newId(),
        reason: 'before_upgrade',
        createdAt,
        day: parsePlanDate(dayjs(createdAt).format('YYYY-MM-DD')),
        appVersion: version,
        records,
      },
      text,
    );
  });
}
