import { useTranslation } from 'react-i18next';
import { Alert, Button, Flex, Modal, Radio, Select, Spin, Table, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import type { PersonId } from '@shared/domain/ids';
import { CSV_DELIMITERS } from '@shared/exchange/csv';
import type { CsvDelimiter } from '@shared/exchange/csv';
import { IMPORT_ENTITIES, IMPORT_FIELDS } from '@shared/exchange/import';
import type { ImportEntity, ImportField, RowError, SheetCell } from '@shared/exchange/import';
import { usePeople } from '@renderer/db/hooks/queries';
import { useImportSheet } from '@renderer/features/exchange/hooks/useImportSheet';

const PREVIEW_ROWS = 5;
const LISTED_PROBLEMS = 200;

function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'object' ? cell.error : String(cell);
}

/** Import wizard: file, entity, delimiter, mapping, preview, problems; writes only on confirm. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('exchange');
  const people = usePeople();
  const wizard = useImportSheet(onClose);
  const { check, sheet, headers, mapping } = wizard;
  const fieldLabel = (field: ImportField) => t(`fields.${field}`);
  const describe = (error: RowError) =>
    `${error.field ? `${fieldLabel(error.field)} ` : ''}${t(`errors.${error.code}`, {
      value: error.value,
      detail: error.detail,
    })}`;

  const dataRows = sheet
    ? sheet.rows
        .slice(sheet.rows.findIndex((row) => row.some((cell) => cellText(cell).trim() !== '')) + 1)
        .filter((row) => row.some((cell) => cellText(cell).trim() !== ''))
        .slice(0, PREVIEW_ROWS)
    : [];

  return (
    <Modal
      open
      title={t('import.title')}
      width={960}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Flex gap={8} justify="end">
          <Button onClick={onClose} disabled={wizard.busy === 'importing'}>
            {t('import.cancel')}
          </Button>
          <Button
            type="primary"
            disabled={wizard.importable === 0 || wizard.busy !== null}
            loading={wizard.busy === 'importing'}
            onClick={() => void wizard.confirm()}
          >
            {t('import.confirm', { count: wizard.importable })}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('help')}</Typography.Text>
        <Flex gap={16} wrap align="center">
          <Flex gap={8} align="center">
            <Typography.Text id="import-entity">{t('import.entity')}</Typography.Text>
            <Radio.Group
              aria-labelledby="import-entity"
              value={wizard.entity}
              onChange={(event) => wizard.setEntity(event.target.value as ImportEntity)}
              optionType="button"
              options={IMPORT_ENTITIES.map((entity) => ({
                value: entity,
                label: t(`import.entities.${entity}`),
              }))}
            />
          </Flex>
          <Flex gap={8} align="center">
            <Typography.Text id="import-delimiter">{t('import.delimiter')}</Typography.Text>
            <Select<CsvDelimiter>
              aria-labelledby="import-delimiter"
              style={{ width: 150 }}
              value={wizard.delimiter}
              disabled={wizard.file?.kind === 'xlsx'}
              onChange={wizard.setDelimiter}
              options={CSV_DELIMITERS.map((d) => ({
                value: d,
                label: t(`import.delimiters.${d}`),
              }))}
            />
          </Flex>
          {wizard.entity === 'deals' && (
            <Flex gap={8} align="center">
              <Typography.Text id="import-owner">{t('import.defaultOwner')}</Typography.Text>
              <Select<PersonId | ''>
                aria-labelledby="import-owner"
                style={{ width: 200 }}
                value={wizard.defaultOwnerId ?? ''}
                onChange={(value) => wizard.setDefaultOwnerId(value === '' ? null : value)}
                showSearch={{ optionFilterProp: 'label' }}
                options={[
                  { value: '', label: t('import.defaultOwnerNone') },
                  ...(people ?? [])
                    .filter((p) => p.deletedAt === null && p.active)
                    .map((p) => ({ value: p.id, label: p.name })),
                ]}
              />
            </Flex>
          )}
        </Flex>
        <Flex gap={8} align="center" wrap>
          <Button
            icon={<FolderOpenOutlined aria-hidden />}
            onClick={() => void wizard.choose()}
            disabled={wizard.busy !== null}
          >
            {t('import.choose')}
          </Button>
          <Typography.Text>
            {wizard.file ? t('import.file', { file: wizard.file.name }) : t('import.noFile')}
          </Typography.Text>
          {wizard.busy === 'reading' && <Spin size="small" />}
        </Flex>

        {sheet && headers.length > 0 && (
          <>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('import.mapping')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('import.mappingHelp')}</Typography.Text>
            <Flex gap={8} wrap>
              {headers.map((header, index) => (
                <Flex key={index} vertical gap={2} style={{ width: 170 }}>
                  <Typography.Text ellipsis={{ tooltip: header }} strong id={`import-col-${index}`}>
                    {header || `#${index + 1}`}
                  </Typography.Text>
                  <Select<ImportField | ''>
                    aria-labelledby={`import-col-${index}`}
                    size="small"
                    value={mapping[index] ?? ''}
                    onChange={(value) => {
                      const next = headers.map((_, i) => mapping[i] ?? null);
                      next[index] = value === '' ? null : value;
                      wizard.setMapping(next);
                    }}
                    options={[
                      { value: '', label: t('import.skip') },
                      ...IMPORT_FIELDS[wizard.entity].map((field) => ({
                        value: field,
                        label: fieldLabel(field),
                      })),
                    ]}
                  />
                </Flex>
              ))}
            </Flex>

            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('import.preview')}
            </Typography.Title>
            <Table
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              rowKey={(_, index) => String(index)}
              dataSource={dataRows.map((row) => ({ row }))}
              columns={headers.map((header, index) => ({
                key: String(index),
                title: header || `#${index + 1}`,
                ellipsis: true,
                width: 150,
                render: (_: unknown, record: { row: SheetCell[] }) => cellText(record.row[index]),
              }))}
            />
          </>
        )}

        {wizard.fileErrors.length > 0 && (
          <Alert
            type="error"
            showIcon
            message={
              <Flex vertical>
                {wizard.fileErrors.map((error, index) => (
                  <span key={index}>
                    {t(`fileErrors.${error.code}`, {
                      detail: error.detail,
                      field: error.field ? fieldLabel(error.field) : '',
                    })}
                  </span>
                ))}
              </Flex>
            }
          />
        )}

        {check && wizard.fileErrors.length === 0 && (
          <>
            <Alert
              type={check.invalidRows > 0 ? 'warning' : 'success'}
              showIcon
              message={t('import.summary', {
                valid: check.drafts.length,
                total: check.rowCount,
                invalid: check.invalidRows,
              })}
              description={
                check.newAccounts.length > 0
                  ? t('import.newAccounts', { names: check.newAccounts.join('、') })
                  : undefined
              }
            />
            {check.errors.length > 0 && (
              <>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('import.problems')}
                </Typography.Title>
                <Table
                  size="small"
                  aria-label={t('import.problems')}
                  pagination={false}
                  scroll={{ y: 240 }}
                  rowKey={(_, index) => String(index)}
                  dataSource={check.errors.slice(0, LISTED_PROBLEMS)}
                  columns={[
                    { key: 'row', title: t('import.row'), width: 70, dataIndex: 'row' },
                    {
                      key: 'column',
                      title: t('import.column'),
                      width: 160,
                      ellipsis: true,
                      render: (_: unknown, error: RowError) => error.column ?? '',
                    },
                    {
                      key: 'problem',
                      title: t('import.problem'),
                      render: (_: unknown, error: RowError) => describe(error),
                    },
                  ]}
                />
                {check.errors.length > LISTED_PROBLEMS && (
                  <Typography.Text type="secondary">
                    {t('import.moreProblems', { count: check.errors.length - LISTED_PROBLEMS })}
                  </Typography.Text>
                )}
              </>
            )}
          </>
        )}
      </Flex>
    </Modal>
  );
}
