import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import type { BackupError, BackupSummary } from '@shared/backup/format';
import type { TableName } from '@shared/domain/tables';
import { useDatabaseContext } from '@renderer/db/context';
import { noticeStorageFull } from '@renderer/db/storage-full';
import { countAllData } from '@renderer/db/repositories/backup';
import { percentOf } from '@renderer/features/backup/hooks/useExportBackup';
import { runAutoBackup } from '@renderer/features/backup/utils/runAutoBackup';
import { getPlatform } from '@renderer/platform/getPlatform';
import { useFormat } from '@renderer/i18n/useFormat';
import { openRestoreSession } from '@renderer/features/backup/utils/restoreSession';
import type { RestoreSession } from '@renderer/features/backup/utils/restoreSession';
import { useChooseBackupFile } from '@renderer/features/backup/hooks/useChooseBackupFile';

/** Where a restore stands: the dialog shows one of these at a time. */
export type RestoreState =
  | { readonly kind: 'idle' }
  /** The chosen file is being read (in pieces on the desktop). */
  | { readonly kind: 'reading'; readonly fileName: string; readonly percent: number }
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
      /** The checked file, ready to be written (its records stay in the worker that checked it). */
      readonly session: RestoreSession;
      readonly summary: BackupSummary;
      /** Records per table in the database now, to compare with the backup's. */
      readonly current: Readonly<Record<TableName, number>>;
    }
  | {
      readonly kind: 'restoring';
      readonly fileName: string;
      readonly summary: BackupSummary;
      /** First the current data is backed up (`safeguard`), then the backup is written. */
      readonly phase: 'safeguard' | 'writing';
      readonly percent: number;
    }
  | {
      readonly kind: 'failed';
      readonly fileName: string;
      /** `safeguard`: the backup of the current data failed, so the restore did not start. */
      readonly reason: 'quota' | 'safeguard' | 'other';
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
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('backup');
  const { message } = App.useApp();
  const format = useFormat();
  const [state, setState] = useState<RestoreState>({ kind: 'idle' });
  /** Bumped when the dialog is closed, so a check still running for it is ignored. */
  const attempt = useRef(0);

  /** The session of the file on screen, let go when another is chosen or the dialog closes. */
  const session = useRef<RestoreSession | null>(null);
  const letGo = useCallback(() => {
    session.current?.close();
    session.current = null;
  }, []);

  const check = useCallback(
    async (fileName: string, content: Uint8Array) => {
      const mine = ++attempt.current;
      letGo();
      setState({ kind: 'checking', fileName });
      const opened = await openRestoreSession(content);
      if (mine !== attempt.current) {
        opened.close();
        return;
      }
      const checked = opened.check;
      if (checked.kind === 'notText') {
        opened.close();
        setState({ kind: 'idle' });
        message.error(t('restore.notText', { file: fileName }));
        return;
      }
      if (checked.kind === 'invalid') {
        opened.close();
        setState({
          kind: 'invalid',
          fileName,
          errors: checked.errors,
          truncated: checked.truncated,
        });
        return;
      }
      session.current = opened;
      const current = await countAllData(db);
      if (mine !== attempt.current) return;
      setState({
        kind: 'ready',
        fileName,
        session: opened,
        summary: checked.summary,
        current,
      });
    },
    [db, letGo, message, t],
  );

  const chooseFile = useChooseBackupFile();
  const choose = useCallback(async () => {
    const mine = ++attempt.current;
    try {
      const file = await chooseFile((fileName, percent) => {
        if (mine === attempt.current) setState({ kind: 'reading', fileName, percent });
      });
      // Closed while the file was read: nothing more to do with it.
      if (file === null || mine !== attempt.current) return;
      await check(file.name, file.content);
    } catch (error) {
      if (mine !== attempt.current) return;
      setState({ kind: 'idle' });
      message.error(t('restore.failed', { message: describe(error) }));
    }
  }, [check, chooseFile, message, t]);

  /** Offers an automatic backup for restore, through the same checks as a file. */
  const chooseStored = useCallback(
    async (id: string, label: string) => {
      try {
        const text = await getPlatform().autoBackups.read(id);
        if (text === null) {
          message.warning(t('auto.missing'));
          return;
        }
        await check(label, new TextEncoder().encode(text));
      } catch (error) {
        setState({ kind: 'idle' });
        message.error(t('restore.failed', { message: describe(error) }));
      }
    },
    [check, message, t],
  );

  const confirm = useCallback(async () => {
    if (state.kind !== 'ready') return;
    const { fileName, session: checked, summary } = state;
    const progress = (phase: 'safeguard' | 'writing', percent: number) =>
      setState((now) => (now.kind === 'restoring' ? { ...now, phase, percent } : now));
    setState({ kind: 'restoring', fileName, summary, phase: 'safeguard', percent: 0 });
    // The data about to be replaced is backed up first; if that fails, nothing is restored.
    try {
      await runAutoBackup(db, env, 'before_restore', (p) => progress('safeguard', percentOf(p)));
    } catch (error) {
      setState({
        kind: 'failed',
        fileName,
        reason: noticeStorageFull(error) ? 'quota' : 'safeguard',
        detail: describe(error),
      });
      return;
    }
    try {
      await checked.restore(db, ({ done, total }) =>
        progress('writing', Math.floor((done / Math.max(total, 1)) * 100)),
      );
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
        reason: noticeStorageFull(error) ? 'quota' : 'other',
        detail: describe(error),
      });
    }
  }, [db, env, format, message, state, t]);

  /** Closes the dialog; not while a restore is writing (it cannot be stopped halfway). */
  const close = useCallback(() => {
    attempt.current += 1;
    setState((now) => {
      if (now.kind === 'restoring') return now;
      letGo();
      return { kind: 'idle' };
    });
  }, [letGo]);

  // The checked records are let go when the settings page goes.
  useEffect(() => letGo, [letGo]);

  return { state, choose, chooseStored, confirm, close };
}
