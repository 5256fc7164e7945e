import { useTranslation } from 'react-i18next';
import { Descriptions, Flex, Table } from 'antd';
import type { BackupSummary } from '@shared/backup/format';
import { BACKUP_FORMAT_VERSION } from '@shared/backup/migrations';
import { TABLE_NAMES } from '@shared/domain/tables';
import type { TableName } from '@shared/domain/tables';
import { useFormat } from '@renderer/i18n/useFormat';

interface Row {
  readonly key: TableName | 'total';
  readonly label: string;
  readonly inBackup: number;
  readonly now: number;
}

/** What a backup holds (when, by which version, how many records of each kind) next to now. */
export function BackupSummaryView({
  fileName,
  summary,
  current,
}: {
  fileName: string;
  summary: BackupSummary;
  current: Readonly<Record<TableName, number>>;
}) {
  const { t } = useTranslation('backup');
  const format = useFormat();
  const rows: Row[] = TABLE_NAMES.filter(
    (name) => summary.counts[name] > 0 || current[name] > 0,
  ).map((name) => ({
    key: name,
    label: t(`tables.${name}`),
    inBackup: summary.counts[name],
    now: current[name],
  }));
  rows.push({
    key: 'total',
    label: t('restore.total'),
    inBackup: summary.total,
    now: TABLE_NAMES.reduce((sum, name) => sum + current[name], 0),
  });
  const version = { version: summary.formatVersion };

  return (
    <Flex vertical gap={12}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'file', label: t('restore.file'), children: fileName },
          {
            key: 'created',
            label: t('restore.created'),
            children: format.dateTime(summary.createdAt),
          },
          { key: 'app', label: t('restore.appVersion'), children: summary.appVersion },
          {
            key: 'contents',
            label: t('restore.contents'),
            children: t('restore.contentsValue', {
              deals: format.number(summary.counts.deals),
              people: format.number(summary.counts.people),
              accounts: format.number(summary.counts.accounts),
              records: format.number(summary.total),
            }),
          },
          {
            key: 'format',
            label: t('restore.format'),
            children:
              summary.formatVersion < BACKUP_FORMAT_VERSION
                ? t('restore.formatMigrated', version)
                : t('restore.formatCurrent', version),
          },
        ]}
      />
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        scroll={{ y: 260 }}
        aria-label={t('restore.data')}
        columns={[
          {
            key: 'label',
            title: t('restore.data'),
            dataIndex: 'label',
            render: (label: string, row) =>
              row.key === 'total' ? <strong>{label}</strong> : label,
          },
          {
            key: 'inBackup',
            title: t('restore.inBackup'),
            dataIndex: 'inBackup',
            align: 'right',
            width: 130,
            render: (value: number) => format.number(value),
          },
          {
            key: 'now',
            title: t('restore.now'),
            dataIndex: 'now',
            align: 'right',
            width: 110,
            render: (value: number) => format.number(value),
          },
        ]}
      />
    </Flex>
  );
}
