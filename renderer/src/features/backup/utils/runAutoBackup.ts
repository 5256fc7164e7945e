import dayjs from 'dayjs';
import { parsePlanDate } from '@shared/domain/dates';
import type { PursuitDatabase } from '@renderer/db/database';
import type { AutoBackupInfo, AutoBackupReason } from '@renderer/db/auto-backups';
import { getAutoBackupStore, saveAutoBackup } from '@renderer/db/auto-backups';
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
  const { version } = await getPlatform().getAppInfo();
  const createdAt = env.now();
  return saveAutoBackup(db, getAutoBackupStore(), {
    id: env.newId(),
    reason,
    createdAt,
    day: parsePlanDate(dayjs(createdAt).format('YYYY-MM-DD')),
    appVersion: version,
    ...(onProgress ? { onProgress } : {}),
  });
}
