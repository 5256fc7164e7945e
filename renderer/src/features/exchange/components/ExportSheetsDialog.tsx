import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Checkbox, Flex, Form, Modal, Progress, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import type { AnySheet } from '@shared/exchange/sheet';
import { exportFile, useSaveExport } from '@renderer/features/exchange/hooks/useSaveExport';
import type { ExportFormat } from '@renderer/features/exchange/utils/writeSheets';
import { DELIMITER_OF, tableCsv, tablesXlsx } from '@renderer/features/exchange/utils/writeSheets';

const FORMATS: readonly {
  key: ExportFormat;
  label: 'xlsx' | 'csvComma' | 'csvSemicolon' | 'csvTab';
}[] = [
  { key: 'xlsx', label: 'xlsx' },
  { key: 'csv-comma', label: 'csvComma' },
  { key: 'csv-semicolon', label: 'csvSemicolon' },
  { key: 'csv-tab', label: 'csvTab' },
];

/** What the dialog remembers per kind of export (format, sheets and columns chosen). */
interface Choice {
  format: ExportFormat;
  /** Sheets in the workbook (XLSX), by key. */
  sheets: string[];
  /** The sheet a CSV file holds. */
  csvSheet: string;
  /** Columns chosen per sheet; a sheet not listed exports every column. */
  columns: Record<string, string[]>;
}

const STORAGE_PREFIX = 'pursuit.export.';

function remembered(storageKey: string, sheets: readonly AnySheet[]): Choice {
  const fallback: Choice = {
    format: 'xlsx',
    sheets: sheets.map((sheet) => sheet.key),
    csvSheet: sheets[0]?.key ?? '',
    columns: {},
  };
  try {
    const raw = localStorage.getItem(STORAGE_PREFIX + storageKey);
    if (raw === null) return fallback;
    const stored = JSON.parse(raw) as Partial<Choice>;
    const keys = new Set(sheets.map((sheet) => sheet.key));
    const chosenSheets = (stored.sheets ?? []).filter((key) => keys.has(key));
    return {
      format: FORMATS.find((f) => f.key === stored.format)?.key ?? fallback.format,
      sheets: chosenSheets.length > 0 ? chosenSheets : fallback.sheets,
      csvSheet:
        typeof stored.csvSheet === 'string' && keys.has(stored.csvSheet)
          ? stored.csvSheet
          : fallback.csvSheet,
      columns: typeof stored.columns === 'object' && stored.columns !== null ? stored.columns : {},
    };
  } catch {
    return fallback;
  }
}

export interface ExportSheetsDialogProps {
  /** Dialog title ("Export the plan"). */
  title: string;
  /** File name before the date and extension (`D-2026-014-plan`). */
  fileStem: string;
  /** Where the choice is remembered (`plan`, `risks`…). */
  storageKey: string;
  sheets: readonly AnySheet[];
  /**
   * Sheets whose columns are not offered for choice (the heatmap's weeks: the range chosen on
   * the page is the choice).
   */
  fixedColumns?: readonly string[];
  onClose: () => void;
}

/**
 * Export as XLSX (every chosen sheet in one workbook) or CSV (one chosen sheet), with the columns
 * the user ticks, remembered for next time. Headers and words are in the UI language; numbers,
 * money and dates stay typed; text that a spreadsheet would run as a formula is neutralised.
 */
export function ExportSheetsDialog({
  title,
  fileStem,
  storageKey,
  sheets,
  fixedColumns = [],
  onClose,
}: ExportSheetsDialogProps) {
  const { t } = useTranslation('exchange');
  const { message } = App.useApp();
  const save = useSaveExport();
  const [choice, setChoice] = useState<Choice>(() => remembered(storageKey, sheets));
  const [percent, setPercent] = useState<number | null>(null);
  const csv = choice.format !== 'xlsx';

  const columnsOf = (sheet: AnySheet): string[] =>
    fixedColumns.includes(sheet.key)
      ? sheet.columns.map((c) => c.key)
      : (choice.columns[sheet.key] ?? sheet.columns.map((c) => c.key));

  const shownSheets = useMemo(
    () => (csv ? sheets.filter((sheet) => sheet.key === choice.csvSheet) : sheets),
    [choice.csvSheet, csv, sheets],
  );
  const included = csv ? shownSheets : sheets.filter((sheet) => choice.sheets.includes(sheet.key));
  const problem =
    included.length === 0
      ? t('sheets.noSheet')
      : included.find((sheet) => columnsOf(sheet).length === 0) !== undefined
        ? t('sheets.noColumn')
        : null;

  const run = async () => {
    if (problem !== null) return;
    setPercent(0);
    try {
      localStorage.setItem(STORAGE_PREFIX + storageKey, JSON.stringify(choice));
      const day = dayjs().format('YYYY-MM-DD');
      const named = included.map((sheet) => ({
        name: sheet.name,
        table: sheet.table(columnsOf(sheet)),
      }));
      const file = exportFile(
        choice.format,
        csv && sheets.length > 1 ? `${fileStem}-${choice.csvSheet}` : fileStem,
        day,
        (type) => t(`export.${type}`),
      );
      const first = named[0];
      if (first === undefined) return;
      const content =
        choice.format === 'xlsx'
          ? await tablesXlsx(named, (share) => setPercent(Math.floor(share * 100)))
          : tableCsv(first.table, DELIMITER_OF[choice.format]);
      await save(
        { ...file, content },
        {
          saved: (name) => t('sheets.saved', { file: name }),
          downloaded: (name) => t('sheets.downloaded', { file: name }),
        },
      );
      onClose();
    } catch (error) {
      message.error(
        t('sheets.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setPercent(null);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={t('export.button')}
      onOk={() => void run()}
      okButtonProps={{ disabled: problem !== null, loading: percent !== null }}
      onCancel={onClose}
      cancelButtonProps={{ disabled: percent !== null }}
      // Not closed mid-export: the file is still being written.
      closable={percent === null}
      maskClosable={percent === null}
      keyboard={percent === null}
      width={640}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('sheets.format')}>
          <Radio.Group
            value={choice.format}
            onChange={(e) => setChoice({ ...choice, format: e.target.value as ExportFormat })}
            options={FORMATS.map((f) => ({ value: f.key, label: t(`export.${f.label}`) }))}
          />
        </Form.Item>
        {sheets.length > 1 && (
          <Form.Item label={csv ? t('sheets.csvSheet') : t('sheets.sheets')}>
            {csv ? (
              <Radio.Group
                value={choice.csvSheet}
                onChange={(e) => setChoice({ ...choice, csvSheet: String(e.target.value) })}
                options={sheets.map((sheet) => ({ value: sheet.key, label: sheet.name }))}
              />
            ) : (
              <Checkbox.Group
                value={choice.sheets}
                onChange={(values) => setChoice({ ...choice, sheets: values.map(String) })}
                options={sheets.map((sheet) => ({
                  value: sheet.key,
                  label: t('sheets.sheetRows', { name: sheet.name, count: sheet.rowCount }),
                }))}
              />
            )}
          </Form.Item>
        )}
        {shownSheets
          .filter((sheet) => !fixedColumns.includes(sheet.key))
          .filter((sheet) => csv || choice.sheets.includes(sheet.key))
          .map((sheet) => (
            <Form.Item
              key={sheet.key}
              label={
                sheets.length > 1
                  ? t('sheets.columnsOf', { name: sheet.name })
                  : t('sheets.columns')
              }
            >
              <div role="group" aria-label={t('sheets.columnsOf', { name: sheet.name })}>
                <Checkbox.Group
                  value={columnsOf(sheet)}
                  onChange={(values) =>
                    setChoice({
                      ...choice,
                      columns: { ...choice.columns, [sheet.key]: values.map(String) },
                    })
                  }
                  options={sheet.columns.map((column) => ({
                    value: column.key,
                    label: column.header,
                  }))}
                />
              </div>
            </Form.Item>
          ))}
        {problem !== null && <Typography.Text type="danger">{problem}</Typography.Text>}
        {percent !== null && (
          <Flex align="center" gap={8}>
            <Progress percent={percent} size="small" aria-label={t('sheets.progress')} />
          </Flex>
        )}
      </Form>
    </Modal>
  );
}
