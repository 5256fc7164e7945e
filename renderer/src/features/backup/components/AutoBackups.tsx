import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { onDataChanged } from '@renderer/db/auto-backups';
import { useDatabaseContext } from '@renderer/db/context';
import { isQuotaError } from '@renderer/db/errors';
import { BackupScheduler } from '@renderer/features/backup/utils/scheduler';
import { runAutoBackup } from '@renderer/features/backup/utils/runAutoBackup';
import { getPlatform } from '@renderer/platform/getPlatform';

/** How often the window checks whether a backup is due. */
const CHECK_EVERY_MS = 60_000;

/**
 * Automatic backups while the app is open: every 15 minutes while the data has changed since the
 * last one (`BackupScheduler`), kept by the retention rule. Draws nothing; a failure is said once
 * until a backup succeeds again.
 */
export function AutoBackups() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('backup');
  const { message } = App.useApp();

  useEffect(() => {
    let warned = false;
    const scheduler = new BackupScheduler({
      now: env.now,
      save: async () => {
        const info = await runAutoBackup(db, env, 'scheduled');
        warned = false;
        return info.createdAt;
      },
      onError: (error) => {
        if (warned) return;
        warned = true;
        message.warning({
          content: isQuotaError(error)
            ? t('auto.quota')
            : t('auto.failed', { message: error instanceof Error ? error.message : String(error) }),
          duration: 10,
        });
      },
    });
    const platform = getPlatform();
    void platform.autoBackups
      .list()
      .then((list) => scheduler.backedUpAt(list[0]?.createdAt ?? 0))
      .catch(() => null);
    const unsubscribe = onDataChanged(db, () => scheduler.markChanged());
    const timer = window.setInterval(() => void scheduler.check(), CHECK_EVERY_MS);
    // Closing the desktop app: changes not yet in a backup get one, with reason "on quit".
    const stopQuit = platform.onBeforeQuit(async () => {
      await scheduler.flush(async () => (await runAutoBackup(db, env, 'on_quit')).createdAt);
    });
    return () => {
      window.clearInterval(timer);
      unsubscribe();
      stopQuit();
    };
  }, [db, env, message, t]);

  return null;
}
