import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { onDataChanged } from '@renderer/db/auto-backups';
import { useDatabaseContext } from '@renderer/db/context';
import { isQuotaError } from '@renderer/db/errors';
import { BackupScheduler } from '@renderer/features/backup/utils/scheduler';
import { runAutoBackup } from '@renderer/features/backup/utils/runAutoBackup';
import { getPlatform } from '@renderer/platform/getPlatform';

/**
 * How often the window checks whether a backup is due (cheap: nothing is read unless it is), so a
 * due backup starts within seconds of the pause it waits for.
 */
const CHECK_EVERY_MS = 5_000;
/** A due backup waits for the user to leave keyboard and mouse alone this long. */
const QUIET_MS = 20_000;

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
      quietMs: QUIET_MS,
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
    const active = () => scheduler.userActive();
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const type of events)
      window.addEventListener(type, active, { capture: true, passive: true });
    // Closing the desktop app: changes not yet in a backup get one, with reason "on quit".
    const stopQuit = platform.onBeforeQuit(async () => {
      await scheduler.flush(async () => (await runAutoBackup(db, env, 'on_quit')).createdAt);
    });
    return () => {
      window.clearInterval(timer);
      for (const type of events) window.removeEventListener(type, active, { capture: true });
      unsubscribe();
      stopQuit();
    };
  }, [db, env, message, t]);

  return null;
}
