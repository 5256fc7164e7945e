import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import type { AppLocale } from '@shared/format/locale';
import { DatabaseProvider } from '@renderer/db/context';
import { getDatabase } from '@renderer/db/database';
import type { PursuitDatabase } from '@renderer/db/database';
import { ensureDefaults } from '@renderer/db/repositories/setup';
import { isQuotaError } from '@renderer/db/errors';
import { requestPersistentStorage } from '@renderer/db/storage';
import { browserWriteEnv } from '@renderer/db/write';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { pagesPreloaded } from '@renderer/app/lazyPage';
import { backUpBeforeUpgrade } from '@renderer/features/backup/utils/runAutoBackup';

let opening: Promise<PursuitDatabase> | null = null;

/** `public/open-early.js` opens the database before the app's code loads; ours replaces it. */
function closeEarlyConnection() {
  const early = window as { __pursuitEarlyDb?: IDBDatabase };
  early.__pursuitEarlyDb?.close();
  delete early.__pursuitEarlyDb;
}

/**
 * Opens the database and gives a new one its defaults, once per window. The app calls it before
 * its first render so the database opens while the shell is still being drawn.
 */
export function openAppDatabase(language: AppLocale): Promise<PursuitDatabase> {
  opening ??= (async () => {
    const db = getDatabase();
    // A schema upgrade is for good: the data as stored is backed up before it (if needed).
    await backUpBeforeUpgrade(db, browserWriteEnv);
    await ensureDefaults(db, browserWriteEnv.now(), language);
    closeEarlyConnection();
    return db;
  })();
  return opening;
}

type State =
  { kind: 'opening' } | { kind: 'ready'; db: PursuitDatabase } | { kind: 'failed'; error: unknown };

/**
 * Opens the database (and gives a new one its defaults) before the app below it renders, and asks
 * the browser to keep the data persistently. If the database cannot be opened the user is told
 * so, with the details, instead of seeing an empty app that silently saves nothing.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('data');
  const [language] = useLanguage();
  const [state, setState] = useState<State>({ kind: 'opening' });

  useEffect(() => {
    let live = true;
    // The start page's code is waited for too: the page then appears in one step.
    Promise.all([openAppDatabase(language), pagesPreloaded()])
      .then(([db]) => live && setState({ kind: 'ready', db }))
      .catch((error: unknown) => live && setState({ kind: 'failed', error }));
    void requestPersistentStorage().catch(() => null);
    return () => {
      live = false;
    };
    // Opened once per window; a language switch later does not reopen the database.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (state.kind === 'ready') {
    return (
      <DatabaseProvider db={state.db} env={browserWriteEnv}>
        {children}
      </DatabaseProvider>
    );
  }
  if (state.kind === 'opening') {
    return (
      <Flex style={{ height: '100vh' }} align="center" justify="center">
        <Spin tip={t('opening')} />
      </Flex>
    );
  }
  // Dexie reports a database of a newer schema version than this code knows as a VersionError.
  const newer = state.error instanceof Error && state.error.name === 'VersionError';
  const details =
    state.error instanceof Error
      ? `${state.error.name}: ${state.error.message}`
      : String(state.error);
  return (
    <Flex style={{ height: '100vh', padding: 48 }} align="center" justify="center">
      <Alert
        type="error"
        showIcon
        title={
          newer
            ? t('newerVersion')
            : isQuotaError(state.error)
              ? t('quotaBeforeUpgrade')
              : t('openFailed')
        }
        description={
          <Flex vertical gap={8}>
            <Typography.Text>{t('openFailedHint')}</Typography.Text>
            <Typography.Text code copyable>
              {details}
            </Typography.Text>
            <Button onClick={() => window.location.reload()}>{t('reload')}</Button>
          </Flex>
        }
      />
    </Flex>
  );
}
