import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import type { PresetName } from '@shared/domain/generator/portfolio';
import { useDatabaseContext } from '@renderer/db/context';
import { noticeStorageFull } from '@renderer/db/storage-full';
import { countAllData } from '@renderer/db/repositories/backup';
import { replaceAllData } from '@renderer/db/repositories/portfolio-load';
import { runAutoBackup } from '@renderer/features/backup/utils/runAutoBackup';
import { useLanguage } from '@renderer/i18n/useLanguage';

/** A fixed seed: everyone who loads the sample sees the same portfolio, which helps support. */
const SAMPLE_SEED = 2026;

/**
 * Loads a generated portfolio (the sample, or the 2,000-deal `large` one for trying Pursuit at
 * scale) in the user's language, replacing all data in one transaction, with progress. Data
 * already there is kept as an automatic backup first (Settings → Backup and restore).
 */
export function useLoadSample() {
  const { db, env } = useDatabaseContext();
  const [language] = useLanguage();
  const { t } = useTranslation('deals');
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);

  const load = useCallback(
    async (preset: PresetName = 'sample') => {
      setProgress(0);
      try {
        // Demo data replaces everything: what is there now is backed up first.
        const current = await countAllData(db);
        if (current.deals > 0 || current.people > 0 || current.accounts > 0) {
          await runAutoBackup(db, env, 'before_demo');
        }
        performance.mark('pursuit:sample-load-start');
        const portfolio = generatePortfolio({
          seed: SAMPLE_SEED,
          locale: language,
          now: env.now(),
          preset,
        });
        await replaceAllData(db, portfolio, ({ done, total }) =>
          setProgress(Math.floor((done / Math.max(total, 1)) * 100)),
        );
        performance.mark('pursuit:sample-load-end');
        message.success(t('sample.loaded', { count: portfolio.deals.length }));
      } catch (error) {
        message.error(
          noticeStorageFull(error)
            ? t('errors.quota')
            : t('errors.generic', {
                message: error instanceof Error ? error.message : String(error),
              }),
        );
      } finally {
        setProgress(null);
      }
    },
    [db, env, language, message, t],
  );

  return { load, progress };
}
