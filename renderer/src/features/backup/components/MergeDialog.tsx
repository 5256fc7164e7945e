import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Descriptions,
  Flex,
  List,
  Modal,
  Progress,
  Radio,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { BackupError } from '@shared/backup/format';
import { conflictKey, recordLabel, resolveMerge, sideOf } from '@shared/backup/merge';
import type { MergeConflict, MergeSide } from '@shared/backup/merge';
import type { FieldChange } from '@shared/domain/activity';
import { TABLE_NAMES, isTableName } from '@shared/domain/tables';
import type { TableName } from '@shared/domain/tables';
import type { MergeState } from '@renderer/features/backup/hooks/useMergeBackup';
import { BackupProblems } from '@renderer/features/backup/components/BackupProblems';
import { ReadingProgress } from '@renderer/features/backup/components/ReadingProgress';
import { useFormat } from '@renderer/i18n/useFormat';

interface MergeDialogProps {
  state: MergeState;
  onChoose: (key: string | null, side: MergeSide) => void;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * A stored value as plain text (always rendered as text, never as markup); a timestamp field
 * (`deletedAt`, `decidedAt`…) as a date and time.
 */
function valueText(
  field: string,
  value: FieldChange['old'],
  dateTime: (epochMs: number) => string,
): string {
  if (value === null) return '—';
  if (typeof value === 'number' && /At$/.test(field) && Number.isFinite(value)) {
    return dateTime(value);
  }
  if (typeof value === 'string') return value === '' ? '—' : value;
  return JSON.stringify(value);
}

const CELL: React.CSSProperties = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' };

function ConflictItem({
  conflict,
  side,
  onChoose,
}: {
  conflict: MergeConflict;
  side: MergeSide;
  onChoose: (key: string, side: MergeSide) => void;
}) {
  const { t } = useTranslation('backup');
  const format = useFormat();
  const key = conflictKey(conflict.table, conflict.id);
  const name = t('merge.recordName', {
    table: t(`tables.${conflict.table}`),
    name: recordLabel(conflict.mine),
  });
  const newer = (which: MergeSide) =>
    conflict.preselected === which &&
    conflict.theirs.updatedAt !== conflict.mine.updatedAt && (
      <Tag color="blue" style={{ marginInlineStart: 4 }}>
        {t('merge.newer')}
      </Tag>
    );
  return (
    <Flex vertical gap={6} style={{ width: '100%' }} data-testid="merge-conflict">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text strong style={CELL}>
          {name}
        </Typography.Text>
        <Radio.Group
          size="small"
          optionType="button"
          aria-label={t('merge.choiceFor', { name })}
          value={side}
          onChange={(event) => onChoose(key, event.target.value as MergeSide)}
          options={[
            { value: 'mine', label: t('merge.keepMine') },
            { value: 'theirs', label: t('merge.takeTheirs') },
          ]}
        />
      </Flex>
      <Table<FieldChange>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={[...conflict.fields]}
        aria-label={t('merge.fieldsOf', { name })}
        columns={[
          {
            key: 'field',
            title: t('merge.field'),
            dataIndex: 'field',
            width: '24%',
            render: (field: string) => <Typography.Text code>{field}</Typography.Text>,
          },
          {
            key: 'mine',
            title: (
              <>
                {t('merge.mine', { date: format.dateTime(conflict.mine.updatedAt) })}
                {newer('mine')}
              </>
            ),
            render: (_, change) => (
              <span style={{ ...CELL, fontWeight: side === 'mine' ? 600 : undefined }}>
                {valueText(change.field, change.old, format.dateTime)}
              </span>
            ),
          },
          {
            key: 'theirs',
            title: (
              <>
                {t('merge.theirs', { date: format.dateTime(conflict.theirs.updatedAt) })}
                {newer('theirs')}
              </>
            ),
            render: (_, change) => (
              <span style={{ ...CELL, fontWeight: side === 'theirs' ? 600 : undefined }}>
                {valueText(change.field, change.new, format.dateTime)}
              </span>
            ),
          },
        ]}
      />
    </Flex>
  );
}

interface CountRow {
  readonly key: TableName;
  readonly label: string;
  readonly added: number;
  readonly identical: number;
  readonly conflicts: number;
}

/**
 * The merge, step by step: checking the file, then its problems or the plan (what is added,
 * skipped and in conflict, with both versions of each conflict field by field and the choice of
 * mine or theirs), then progress, then what was done. Cannot be dismissed while writing.
 */
export function MergeDialog({ state, onChoose, onConfirm, onClose }: MergeDialogProps) {
  const { t } = useTranslation('backup');
  const format = useFormat();
  const ready = state.kind === 'ready' ? state : null;
  const result = useMemo(
    () => (ready === null ? null : resolveMerge(ready.mine, ready.plan, ready.choices)),
    [ready],
  );
  /** What would break, in the words and layout of a backup's own problems. */
  const problems = useMemo<BackupError[]>(() => {
    if (result === null) return [];
    return result.problems.map((issue) => {
      const [table, index, ...field] = issue.path;
      const record =
        typeof table === 'string' && isTableName(table) && typeof index === 'number'
          ? result.merged[table][index]
          : undefined;
      return {
        code: 'invalidReference',
        message: issue.message,
        ...(typeof table === 'string' ? { table } : {}),
        ...(typeof index === 'number' ? { index } : {}),
        ...(record === undefined ? {} : { recordId: record.id }),
        ...(field.length === 0 ? {} : { field: field.join('.') }),
      };
    });
  }, [result]);

  const merging = state.kind === 'merging';
  const progressText =
    state.kind !== 'merging'
      ? ''
      : state.phase === 'safeguard'
        ? t('auto.safeguard', { percent: state.percent })
        : t('merge.progress', { percent: state.percent });

  const footer =
    state.kind === 'ready'
      ? [
          <Button key="cancel" onClick={onClose}>
            {t('restore.cancel')}
          </Button>,
          <Button key="confirm" type="primary" disabled={problems.length > 0} onClick={onConfirm}>
            {t('merge.confirm')}
          </Button>,
        ]
      : state.kind === 'checking' || state.kind === 'reading'
        ? [
            <Button key="cancel" onClick={onClose}>
              {t('restore.cancel')}
            </Button>,
          ]
        : merging
          ? null
          : [
              <Button key="close" onClick={onClose}>
                {t('restore.close')}
              </Button>,
            ];

  const rows: CountRow[] =
    ready === null
      ? []
      : TABLE_NAMES.filter((name) => {
          const c = ready.plan.counts[name];
          return c.added + c.identical + c.conflicts > 0;
        }).map((name) => ({
          key: name,
          label: t(`tables.${name}`),
          ...ready.plan.counts[name],
        }));

  return (
    <Modal
      open={state.kind !== 'idle'}
      title={t('merge.title')}
      onCancel={onClose}
      footer={footer}
      closable={!merging}
      keyboard={!merging}
      mask={{ closable: false }}
      width={920}
      destroyOnHidden
    >
      {state.kind === 'reading' && (
        <ReadingProgress fileName={state.fileName} percent={state.percent} />
      )}
      {state.kind === 'checking' && (
        <Flex align="center" gap={12} style={{ padding: '16px 0' }}>
          <Spin />
          <Typography.Text>{t('restore.checking', { file: state.fileName })}</Typography.Text>
        </Flex>
      )}
      {state.kind === 'invalid' && (
        <Flex vertical gap={12}>
          <Alert type="error" showIcon title={t('merge.invalid')} description={state.fileName} />
          <BackupProblems errors={state.errors} truncated={state.truncated} />
        </Flex>
      )}
      {ready !== null && result !== null && (
        <Flex vertical gap={12}>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'file', label: t('restore.file'), children: ready.fileName },
              {
                key: 'created',
                label: t('restore.created'),
                children: format.dateTime(ready.summary.createdAt),
              },
              {
                key: 'plan',
                label: t('merge.planLabel'),
                children: t('merge.planValue', {
                  added: format.number(ready.plan.totals.added),
                  identical: format.number(ready.plan.totals.identical),
                  conflicts: format.number(ready.plan.totals.conflicts),
                  onlyMine: format.number(ready.plan.totals.onlyMine),
                }),
              },
            ]}
          />
          <Table<CountRow>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rows}
            scroll={{ y: 200 }}
            aria-label={t('merge.countsLabel')}
            columns={[
              { key: 'label', title: t('restore.data'), dataIndex: 'label' },
              ...(['added', 'identical', 'conflicts'] as const).map((column) => ({
                key: column,
                title: t(`merge.columns.${column}`),
                dataIndex: column,
                align: 'right' as const,
                width: 130,
                render: (value: number) => format.number(value),
              })),
            ]}
          />
          {result.renamedDeals.length > 0 && (
            <Alert
              type="info"
              showIcon
              title={t('merge.renamed', { count: result.renamedDeals.length })}
              description={
                <ul
                  style={{ margin: 0, paddingInlineStart: 20, maxHeight: 120, overflowY: 'auto' }}
                >
                  {result.renamedDeals.map((deal) => (
                    <li key={deal.id}>
                      {t('merge.renamedItem', { from: deal.from, to: deal.to })}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {ready.plan.conflicts.length > 0 && (
            <Flex vertical gap={8}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('merge.conflicts', { count: ready.plan.conflicts.length })}
                </Typography.Title>
                <Flex gap={8}>
                  <Button size="small" onClick={() => onChoose(null, 'mine')}>
                    {t('merge.allMine')}
                  </Button>
                  <Button size="small" onClick={() => onChoose(null, 'theirs')}>
                    {t('merge.allTheirs')}
                  </Button>
                </Flex>
              </Flex>
              <Typography.Text type="secondary">{t('merge.conflictsHelp')}</Typography.Text>
              <List<MergeConflict>
                dataSource={[...ready.plan.conflicts]}
                rowKey={(conflict) => conflictKey(conflict.table, conflict.id)}
                pagination={
                  ready.plan.conflicts.length > 10 ? { pageSize: 10, size: 'small' } : false
                }
                renderItem={(conflict) => (
                  <List.Item>
                    <ConflictItem
                      conflict={conflict}
                      side={sideOf(conflict, ready.choices)}
                      onChoose={onChoose}
                    />
                  </List.Item>
                )}
              />
            </Flex>
          )}
          {problems.length > 0 ? (
            <Flex vertical gap={8}>
              <Alert type="error" showIcon title={t('merge.problems')} />
              <BackupProblems errors={problems} truncated={false} />
            </Flex>
          ) : (
            <Alert type="info" showIcon title={t('merge.safeguardNote')} />
          )}
        </Flex>
      )}
      {state.kind === 'merging' && (
        <Flex vertical gap={12} style={{ padding: '8px 0' }}>
          <Typography.Text>{progressText}</Typography.Text>
          <Progress percent={state.percent} aria-label={progressText} />
          <Typography.Text type="secondary">{t('merge.progressHint')}</Typography.Text>
        </Flex>
      )}
      {state.kind === 'done' && (
        <Flex vertical gap={12}>
          <Alert
            type="success"
            showIcon
            title={t('merge.done', { file: state.fileName })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label={t('merge.summary')}>
                <li>{t('merge.doneAdded', { records: format.number(state.counts.added) })}</li>
                <li>
                  {t('merge.doneReplaced', { records: format.number(state.counts.replaced) })}
                </li>
                <li>{t('merge.doneKept', { records: format.number(state.keptMine) })}</li>
                <li>{t('merge.doneIdentical', { records: format.number(state.identical) })}</li>
                {state.renamedDeals.length > 0 && (
                  <li>
                    {t('merge.doneRenamed', { records: format.number(state.renamedDeals.length) })}
                  </li>
                )}
              </ul>
            }
          />
          <Typography.Text type="secondary">{t('merge.doneTrail')}</Typography.Text>
        </Flex>
      )}
      {state.kind === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={
            state.reason === 'quota'
              ? t('merge.quota')
              : state.reason === 'safeguard'
                ? t('merge.safeguardFailed', { message: state.detail })
                : state.reason === 'stale'
                  ? t('merge.stale')
                  : t('merge.failed', { message: state.detail })
          }
        />
      )}
    </Modal>
  );
}
