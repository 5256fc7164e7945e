import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import type { BackupError, BackupSummary } from '@shared/backup/format';
import { chooseAll, conflictKey, planMerge, resolveMerge } from '@shared/backup/merge';
import type { MergePlan, MergeSide, RenamedDeal } from '@shared/backup/merge';
import type { Portfolio } from '@shared/domain/tables';
import { useDatabaseContext } from '@renderer/db/context';
import { StaleRevisionError } from '@renderer/db/errors';
import { noticeStorageFull } from '@renderer/db/storage-full';
import { readAllData } from '@renderer/db/repositories/backup';
import { applyMerge } from '@renderer/db/repositories/merge';
import type { MergeCounts } from '@renderer/db/repositories/merge';
import { useChooseBackupFile } from '@renderer/features/backup/hooks/useChooseBackupFile';
import { percentOf } from '@renderer/features/backup/hooks/useExportBackup';
import { checkBackupFile } from '@renderer/features/backup/utils/checkBackupFile';
import { runAutoBackup } from '@renderer/features/backup/utils/runAutoBackup';

/** Where a merge stands: the dialog shows one of these at a time. */
export type MergeState =
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
      readonly summary: BackupSummary;
      /** The data here when the file was checked: the merge is planned against it. */
      readonly mine: Portfolio;
      readonly plan: MergePlan;
      /** The side chosen per conflict (by `conflictKey`); starts at each one's preselection. */
      readonly choices: ReadonlyMap<string, MergeSide>;
    }
  | {
      readonly kind: 'merging';
      readonly fileName: string;
      /** First the current data is backed up (`safeguard`), then the merge is written. */
      readonly phase: 'safeguard' | 'writing';
      readonly percent: number;
    }
  | {
      readonly kind: 'done';
      readonly fileName: string;
      readonly counts: MergeCounts;
      readonly identical: number;
      readonly keptMine: number;
      readonly renamedDeals: readonly RenamedDeal[];
    }
  | {
      readonly kind: 'failed';
      readonly fileName: string;
      /** `stale`: the data changed after the file was checked; `safeguard`: the backup first failed. */
      readonly reason: 'quota' | 'safeguard' | 'stale' | 'other';
      readonly detail: string;
    };

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Merge import: choose another person's backup, check all of it as a restore does, match its
 * records with the data here, let the user settle each conflict, then — after an automatic
 * backup of the data as it is — write the merge in one transaction and say what it did.
 */
export function useMergeBackup() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('backup');
  const { message } = App.useApp();
  const chooseFile = useChooseBackupFile();
  const [state, setState] = useState<MergeState>({ kind: 'idle' });
  /** Bumped when the dialog is closed, so a check still running for it is ignored. */
  const attempt = useRef(0);

  const choose = useCallback(async () => {
    const mine = ++attempt.current;
    try {
      const file = await chooseFile((fileName, percent) => {
        if (mine === attempt.current) setState({ kind: 'reading', fileName, percent });
      });
      // Closed while the file was read: nothing more to do with it.
      if (file === null || mine !== attempt.current) return;
      const fileName = file.name;
      setState({ kind: 'checking', fileName });
      const checked = await checkBackupFile(file.content);
      if (mine !== attempt.current) return;
      if (checked.kind === 'notText') {
        setState({ kind: 'idle' });
        message.error(t('restore.notText', { file: fileName }));
        return;
      }
      const { result } = checked;
      if (!result.ok) {
        setState({ kind: 'invalid', fileName, errors: result.errors, truncated: result.truncated });
        return;
      }
      const current = await readAllData(db);
      if (mine !== attempt.current) return;
      const plan = planMerge(current, result.portfolio);
      setState({
        kind: 'ready',
        fileName,
        summary: result.summary,
        mine: current,
        plan,
        choices: new Map(plan.conflicts.map((c) => [conflictKey(c.table, c.id), c.preselected])),
      });
    } catch (error) {
      if (mine !== attempt.current) return;
      setState({ kind: 'idle' });
      message.error(t('merge.failed', { message: describe(error) }));
    }
  }, [chooseFile, db, message, t]);

  /** Sets one conflict's side (`key` from `conflictKey`), or every conflict's when `key` is null. */
  const setChoice = useCallback((key: string | null, side: MergeSide) => {
    setState((now) => {
      if (now.kind !== 'ready') return now;
      if (key === null) return { ...now, choices: chooseAll(now.plan, side) };
      const choices = new Map(now.choices);
      choices.set(key, side);
      return { ...now, choices };
    });
  }, []);

  const confirm = useCallback(async () => {
    if (state.kind !== 'ready') return;
    const { fileName, mine, plan, choices } = state;
    const result = resolveMerge(mine, plan, choices);
    if (result.problems.length > 0) return;
    const progress = (phase: 'safeguard' | 'writing', percent: number) =>
      setState((now) => (now.kind === 'merging' ? { ...now, phase, percent } : now));
    setState({ kind: 'merging', fileName, phase: 'safeguard', percent: 0 });
    // The data as it is now is backed up first; if that fails, nothing is merged.
    try {
      await runAutoBackup(db, env, 'before_import', (p) => progress('safeguard', percentOf(p)));
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
      const counts = await applyMerge(db, env, result, fileName, ({ done, total }) =>
        progress('writing', Math.floor((done / Math.max(total, 1)) * 100)),
      );
      setState({
        kind: 'done',
        fileName,
        counts,
        identical: plan.totals.identical,
        keptMine: plan.conflicts.length - result.replacements.length,
        renamedDeals: result.renamedDeals,
      });
    } catch (error) {
      setState({
        kind: 'failed',
        fileName,
        reason: noticeStorageFull(error)
          ? 'quota'
          : error instanceof StaleRevisionError
            ? 'stale'
            : 'other',
        detail: describe(error),
      });
    }
  }, [db, env, state]);

  /** Closes the dialog; not while a merge is writing (it cannot be stopped halfway). */
  const close = useCallback(() => {
    attempt.current += 1;
    setState((now) => (now.kind === 'merging' ? now : { kind: 'idle' }));
  }, []);

  return { state, choose, setChoice, confirm, close };
}
