import { useTranslation } from 'react-i18next';
import { Flex, Typography } from 'antd';
import type { BackupError } from '@shared/backup/format';
import { isTableName } from '@shared/domain/tables';

/** Codes whose detail message adds to the title (the others say everything in the title). */
const SHOW_DETAIL = new Set<BackupError['code']>([
  'invalidJson',
  'notBackup',
  'unsupportedVersion',
  'invalidHeader',
  'migrationFailed',
  'internal',
]);

function Problem({ error }: { error: BackupError }) {
  const { t } = useTranslation('backup');
  const table = error.table ?? '';
  const label = isTableName(table) ? t(`tables.${table}`) : table;

  if (
    (error.code === 'invalidRecord' || error.code === 'invalidReference') &&
    error.index !== undefined
  ) {
    return (
      <Flex vertical gap={2}>
        <Typography.Text strong>
          {t('problem.record', { label, table, number: error.index + 1 })}
          {error.recordId !== undefined && (
            <Typography.Text
              type="secondary"
              style={{ fontWeight: 'normal', marginInlineStart: 8 }}
            >
              {t('problem.id', { id: error.recordId })}
            </Typography.Text>
          )}
        </Typography.Text>
        <Typography.Text>
          {error.field !== undefined && (
            <>
              {t('problem.field')} <Typography.Text code>{error.field}</Typography.Text>{' '}
            </>
          )}
          {error.message}
        </Typography.Text>
      </Flex>
    );
  }

  const title =
    error.code === 'invalidJson' && error.line !== undefined
      ? t('problem.invalidJsonAt', { line: error.line, column: error.column ?? 1 })
      : error.code === 'newerVersion'
        ? t('problem.newerVersion', { version: error.version ?? '?' })
        : error.code === 'unknownTable'
          ? t('problem.unknownTable', { table })
          : error.code === 'missingTable'
            ? t('problem.missingTable', { label, table })
            : error.code === 'invalidTable'
              ? t('problem.invalidTable', { label, table })
              : t(`problem.${error.code}`);
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>{title}</Typography.Text>
      {SHOW_DETAIL.has(error.code) && (
        <Typography.Text type="secondary">
          {error.field !== undefined && error.code === 'invalidHeader' && (
            <Typography.Text code>{error.field}</Typography.Text>
          )}{' '}
          {error.message}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** What is wrong with a backup file, one problem per item, in the order found. */
export function BackupProblems({
  errors,
  truncated,
}: {
  errors: readonly BackupError[];
  truncated: boolean;
}) {
  const { t } = useTranslation('backup');
  return (
    <Flex vertical gap={8}>
      <ol
        aria-label={t('restore.invalid')}
        style={{ margin: 0, paddingInlineStart: 20, maxHeight: 320, overflowY: 'auto' }}
      >
        {errors.map((error, i) => (
          <li key={i} style={{ marginBottom: 6 }}>
            <Problem error={error} />
          </li>
        ))}
      </ol>
      {truncated && (
        <Typography.Text type="secondary">
          {t('restore.more', { count: errors.length })}
        </Typography.Text>
      )}
    </Flex>
  );
}
