import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import dayjs from 'dayjs';
import { parsePlanDate } from '@shared/domain/dates';
import type { PersonId } from '@shared/domain/ids';
import type { CsvDelimiter } from '@shared/exchange/csv';
import {
  checkAccountImport,
  checkDealImport,
  guessMapping,
  mappingMemoryKey,
  restoreMapping,
} from '@shared/exchange/import';
import type {
  AccountDraft,
  DealDraft,
  FileError,
  ImportCheck,
  ImportEntity,
  ImportMapping,
  SheetCell,
} from '@shared/exchange/import';
import { formatBytes } from '@shared/format/bytes';
import { MAX_OPEN_BYTES } from '@shared/ipc/contract';
import { useDatabaseContext } from '@renderer/db/context';
import { noticeStorageFull } from '@renderer/db/storage-full';
import { runAutoBackup } from '@renderer/features/backup/utils/runAutoBackup';
import { importAccounts, importDeals, loadImportContext } from '@renderer/db/repositories/exchange';
import { useFormat } from '@renderer/i18n/useFormat';
import { getPlatform } from '@renderer/platform/getPlatform';
import { suggestDealCode } from '@renderer/features/deals/utils/dealForm';
import type { SheetKind } from '@renderer/features/exchange/utils/readSheet';
import { readCsv, readXlsx, sheetKindOf } from '@renderer/features/exchange/utils/readSheet';

type Context = Awaited<ReturnType<typeof loadImportContext>>;

interface ChosenFile {
  readonly name: string;
  readonly kind: SheetKind;
  readonly bytes: Uint8Array;
}

interface LoadedSheet {
  readonly rows: SheetCell[][];
  readonly unterminatedQuote: boolean;
}

export type SheetCheck = ImportCheck<AccountDraft> | ImportCheck<DealDraft>;

function headersOf(rows: readonly (readonly SheetCell[])[]): string[] {
  const first = rows.find((row) => row.some((cell) => cell !== null && String(cell).trim() !== ''));
  return (first ?? []).map((cell) =>
    cell === null ? '' : typeof cell === 'object' ? cell.error : String(cell).trim(),
  );
}

function rememberedMapping(entity: ImportEntity, headers: readonly string[]): ImportMapping {
  try {
    const stored: unknown = JSON.parse(
      localStorage.getItem(mappingMemoryKey(entity, headers)) ?? 'null',
    );
    return restoreMapping(stored, entity, headers.length) ?? guessMapping(headers, entity);
  } catch {
    return guessMapping(headers, entity);
  }
}

/**
 * The import wizard's state: the chosen file read as rows (CSV with the chosen delimiter, or the
 * first sheet of a workbook), the column mapping (remembered per set of headers), every row
 * checked against the data now, and the import of the valid rows in one transaction.
 */
export function useImportSheet(onDone: () => void) {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('exchange');
  const { message } = App.useApp();
  const format = useFormat();
  const [entity, setEntity] = useState<ImportEntity>('deals');
  const [delimiter, setDelimiter] = useState<CsvDelimiter>('comma');
  const [defaultOwnerId, setDefaultOwnerId] = useState<PersonId | null>(null);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [sheet, setSheet] = useState<LoadedSheet | null>(null);
  const [context, setContext] = useState<Context | null>(null);
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);

  const headers = useMemo(() => (sheet ? headersOf(sheet.rows) : []), [sheet]);

  /** Bumped per read, so a slower earlier read never replaces a later one. */
  const attempt = useRef(0);
  const load = useCallback(
    async (chosen: ChosenFile, chosenDelimiter: CsvDelimiter) => {
      const mine = ++attempt.current;
      setBusy('reading');
      const read =
        chosen.kind === 'xlsx'
          ? await readXlsx(chosen.bytes)
          : readCsv(chosen.bytes, chosenDelimiter);
      if (mine !== attempt.current) return;
      setBusy(null);
      if (!read.ok) {
        setSheet(null);
        message.error(
          read.reason === 'notText'
            ? t('import.notText', { file: chosen.name })
            : t('import.unreadable', { file: chosen.name, message: read.detail }),
        );
        return;
      }
      setSheet({ rows: read.rows, unterminatedQuote: read.unterminatedQuote });
    },
    [message, t],
  );

  const changeDelimiter = useCallback(
    (next: CsvDelimiter) => {
      setDelimiter(next);
      if (file !== null) void load(file, next);
    },
    [file, load],
  );

  // The user's own choice for these headers, else the remembered one, else the guess.
  const memoryKey = mappingMemoryKey(entity, headers);
  const [chosenMapping, setChosenMapping] = useState<{
    key: string;
    mapping: ImportMapping;
  } | null>(null);
  const mapping = useMemo(
    () =>
      chosenMapping?.key === memoryKey ? chosenMapping.mapping : rememberedMapping(entity, headers),
    [chosenMapping, memoryKey, entity, headers],
  );

  const setMapping = useCallback(
    (next: ImportMapping) => {
      setChosenMapping({ key: memoryKey, mapping: next });
      try {
        localStorage.setItem(memoryKey, JSON.stringify(next));
      } catch {
        // Storage full or off: the mapping still applies to this import.
      }
    },
    [memoryKey],
  );

  const check: SheetCheck | null = useMemo(() => {
    if (sheet === null || context === null) return null;
    if (entity === 'accounts') return checkAccountImport(sheet.rows, mapping, context);
    return checkDealImport(sheet.rows, mapping, {
      ...context,
      defaultOwnerId,
      suggestCode: (taken) => suggestDealCode(taken, dayjs().year()),
    });
  }, [sheet, context, entity, mapping, defaultOwnerId]);

  const fileErrors: FileError[] = useMemo(
    () => [
      ...(sheet?.unterminatedQuote
        ? [{ code: 'unterminatedQuote', detail: '' } satisfies FileError]
        : []),
      ...(check?.fileErrors ?? []),
    ],
    [sheet, check],
  );
  const importable = fileErrors.length > 0 || check === null ? 0 : check.drafts.length;

  const choose = useCallback(async () => {
    try {
      const chosen = await getPlatform().openFile({
        filters: [{ name: t('import.fileType'), extensions: ['csv', 'tsv', 'txt', 'xlsx'] }],
        maxBytes: MAX_OPEN_BYTES,
      });
      if (chosen.status === 'cancelled') return;
      if (chosen.status === 'tooLarge') {
        message.error(
          t('import.tooLarge', {
            file: chosen.name,
            size: formatBytes(chosen.sizeBytes, format.number),
            max: formatBytes(chosen.maxBytes, format.number),
          }),
        );
        return;
      }
      const kind = sheetKindOf(chosen.name);
      const chosenDelimiter = kind === 'csv' && /\.tsv$/i.test(chosen.name) ? 'tab' : delimiter;
      setDelimiter(chosenDelimiter);
      setContext(await loadImportContext(db));
      const next = { name: chosen.name, kind, bytes: chosen.content };
      setFile(next);
      await load(next, chosenDelimiter);
    } catch (error) {
      message.error(
        t('import.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
    }
  }, [db, delimiter, format.number, load, message, t]);

  const confirm = useCallback(async () => {
    if (check === null || file === null || importable === 0) return;
    setBusy('importing');
    try {
      // The data as it is before the import is kept among the automatic backups.
      await runAutoBackup(db, env, 'before_import');
      const count =
        entity === 'accounts'
          ? await importAccounts(db, env, check.drafts as AccountDraft[], file.name)
          : await importDeals(
              db,
              env,
              check.drafts as DealDraft[],
              check.newAccounts,
              parsePlanDate(dayjs().format('YYYY-MM-DD')),
              file.name,
            );
      message.success(t('import.done', { count, file: file.name }));
      onDone();
    } catch (error) {
      message.error(
        noticeStorageFull(error)
          ? { content: t('import.quota'), duration: 10 }
          : t('import.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
      // The data may have changed under the check (another window): check again.
      setContext(await loadImportContext(db));
    } finally {
      setBusy(null);
    }
  }, [check, db, entity, env, file, importable, message, onDone, t]);

  return {
    entity,
    setEntity,
    delimiter,
    setDelimiter: changeDelimiter,
    defaultOwnerId,
    setDefaultOwnerId,
    file,
    sheet,
    headers,
    mapping,
    setMapping,
    check,
    fileErrors,
    importable,
    busy,
    choose,
    confirm,
  };
}
