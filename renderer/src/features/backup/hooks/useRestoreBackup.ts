import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import type { BackupError, BackupSummary } from '@shared/backup/format';
import type { Portfolio, TableName } from '@shared/domain/tables';
import { MAX_OPEN_BYTES } from '@shared/ipc/contract';
import { useDatabaseContext } from '@renderer/db/context';
import { isQuotaError } from '@renderer/db/errors';
import { countAllData, restoreBackup } from '@renderer/db/repositories/backup';
import { useFormat } from '@renderer/i18n/useFormat';
import { getPlatform } from '@renderer/platform/getPlatform';
import { checkBackupFile } from '@renderer/features/backup/utils/checkBackupFile';
import { formatBytes } from '@shared/format/bytes';

/** Where a restore stands: the dialog shows one of these at a time. */
export type RestoreState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking'; readonly fileName: string }
  | {
      readonly kind: 'invalid';
      readonly fileName: string;
      readonly errors: readonly BackupError[];
      readonly truncated: boolean;
    }
  | {
      readonly kind: 'ready';
      readonly fileName: string;
      readonly portfolio: Portfolio;
      readonly summary: BackupSummary;
      /** Records per table in the database now, to compare with the backup's. */
      readonly current: Readonly<Record<TableName, number>>;
    }
  | {
      readonly kind: 'restoring';
      readonly fileName: string;
      readonly summary: BackupSummary;
      readonly percent: number;
    }
  | {
      readonly kind: 'failed';
      readonly fileName: string;
      readonly reason: 'quota' | 'other';
      readonly detail: string;
    };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Restore from a backup file: choose it, check all of it (off the UI thread), show what it holds
 * next to what is here now, and only on confirmation replace all data in one transaction. Any
 * failure — a bad file, a full disk — leaves the data as it was and says so.
 */
export function useRestoreBackup() {
  const { db } = useDatabaseContext();
  const { t } = useTranslation('backup');
  const { message } = App.useApp();
  const format = useFormat();
  const [state, setState] = useState<RestoreState>({ kind: 'idle' });
  /** Bumped when the dialog is closed, so a check still running for it is ignored. */
  const attempt = useRef(0);

  const choose = useCallback(async () => {
    try {
      const file = await getPlatform().openFile({
        filters: [{ name: t('fileType'), extensions: ['json'] }],
        maxBytes: MAX_OPEN_BYTES,
      });
      if (file.status === 'cancelled') return;
      if (file.status === 'tooLarge') {
        message.error(
          t('restore.tooLarge', {
            file: file.name,
            size: formatBytes(file.sizeBytes, format.number),
            max: formatBytes(file.maxBytes, format.number),
          }),
        );
        return;
      }
      const fileName = file.name;
      const mine = ++attempt.current;
      setState({ kind: 'checking', fileName });
      const check = await checkBackupFile(file.content);
      if (mine !== attempt.current) return;
      if (check.kind === 'notText') {
        setState({ kind: 'idle' });
        message.error(t('restore.notText', { file: fileName }));
        return;
      }
      const { result } = check;
      if (!result.ok) {
        setState({ kind: 'invalid', fileName, errors: result.errors, truncated: result.truncated });
        return;
      }
      const current = await countAllData(db);
      if (mine !== attempt.current) return;
      setState({
        kind: 'ready',
        fileName,
        portfolio: result.portfolio,
        summary: result.summary,
        current,
      });
    } catch (error) {
      setState({ kind: 'idle' });
      message.error(t('restore.failed', { message: describe(error) }));
    }
  }, [db, format.number, message, t]);

  const confirm = useCallback(async () => {
    if (state.kind !== 'ready') return;
    const { fileName, portfolio, summary } = state;
    setState({ kind: 'restoring', fileName, summary, percent: 0 });
    try {
      await restoreBackup(db, portfolio, ({ done, total }) => {
        const percent = Math.floor((done / Math.max(total, 1)) * 100);
        setState((now) => (now.kind === 'restoring' ? { ...now, percent } : now));
      });
      setState({ kind: 'idle' });
      message.success(
        t('restore.done', {
          records: format.number(summary.total),
          date: format.dateTime(summary.createdAt),
        }),
      );
    } catch (error) {
      setState({
        kind: 'failed',
        fileName,
        reason: isQuotaError(error) ? 'quota' : 'other',
        detail: describe(error),
      });
    }
  }, [db, format, message, state, t]);

  /** Closes the dialog; not while a restore is writing (it cannot be stopped halfway). */
  const close = useCallback(() => {
    attempt.current += 1;
    setState((now) => (now.kind === 'restoring' ? now : { kind: 'idle' }));
  }, []);

  return { state, choose, confirm, close };
}
