import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, Progress } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { PortfolioRow, SortKey } from '@shared/portfolio/rows';
import { ImportDialog } from '@renderer/features/exchange/components/ImportDialog';
import { useExportPortfolio } from '@renderer/features/exchange/hooks/useExportPortfolio';
import type { ExportFormat } from '@renderer/features/exchange/utils/writeSheets';

const FORMATS: readonly {
  key: ExportFormat;
  label: 'csvComma' | 'csvSemicolon' | 'csvTab' | 'xlsx';
}[] = [
  { key: 'xlsx', label: 'xlsx' },
  { key: 'csv-comma', label: 'csvComma' },
  { key: 'csv-semicolon', label: 'csvSemicolon' },
  { key: 'csv-tab', label: 'csvTab' },
];

/** The portfolio toolbar's "Export" menu (the rows and columns shown) and "Import…" button. */
export function PortfolioExchange({
  rows,
  columns,
}: {
  rows: readonly PortfolioRow[];
  columns: readonly SortKey[];
}) {
  const { t } = useTranslation('exchange');
  const exporter = useExportPortfolio();
  const [importing, setImporting] = useState(false);
  const progress = exporter.progress;
  return (
    <>
      {progress !== null && (
        <Progress
          type="circle"
          size={28}
          percent={progress.percent}
          aria-label={t('export.progress', { count: progress.count, percent: progress.percent })}
        />
      )}
      <Dropdown
        trigger={['click']}
        disabled={progress !== null}
        menu={{
          items: FORMATS.map((f) => ({ key: f.key, label: t(`export.${f.label}`) })),
          onClick: ({ key }) => void exporter.run(key as ExportFormat, rows, columns),
        }}
      >
        <Button icon={<DownloadOutlined aria-hidden />} loading={progress !== null}>
          {t('export.button')}
        </Button>
      </Dropdown>
      <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
        {t('import.button')}
      </Button>
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </>
  );
}
