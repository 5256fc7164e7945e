import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Input, InputNumber, Skeleton, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { CriterionDraft, CriterionIssue } from '@shared/pipeline/gate-edit';
import {
  checkScorecardCriteria,
  criterionShares,
  MAX_CRITERIA,
  MAX_CRITERION_LABEL,
  MAX_CRITERION_WEIGHT,
} from '@shared/pipeline/gate-edit';
import { useSettings } from '@renderer/db/hooks/queries';
import { useFormat } from '@renderer/i18n/useFormat';
import { useGateActions } from '@renderer/features/gates/hooks/useGateActions';

/** A row of the editor: the draft plus a key for React that survives reordering. */
interface Row extends CriterionDraft {
  readonly rowId: string;
}

type Field = 'zh' | 'en' | 'weight';

/**
 * Settings → Bid/no-bid scorecard: the criteria new bid/no-bid gates copy, with both names, a
 * weight, and their order. Edits stay local until saved, so a half-made list never reaches a gate.
 */
export default function BidScorecardSection() {
  const { t } = useTranslation('gates');
  const fmt = useFormat();
  const settings = useSettings();
  const actions = useGateActions();
  /** The edited list; null while it shows what is stored. */
  const [edited, setEdited] = useState<Row[] | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);
  const [nextRowId, setNextRowId] = useState(0);

  if (settings === undefined) return <Skeleton active paragraph={{ rows: 4 }} />;

  const rows: Row[] =
    edited ??
    settings.bidScorecard.map((criterion) => ({
      rowId: criterion.key,
      key: criterion.key,
      label: criterion.label,
      weight: criterion.weight,
    }));
  const issues = checkScorecardCriteria(rows);
  const visible = showProblems ? issues : [];
  const { total, shares } = criterionShares(rows.map((row) => row.weight));

  const change = (next: Row[]) => setEdited(next);
  const update = (index: number, patch: Partial<CriterionDraft>) =>
    change(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: -1 | 1) => {
    const next = rows.slice();
    const [row] = next.splice(index, 1);
    if (row) next.splice(index + by, 0, row);
    change(next);
  };
  const problemText = (issue: CriterionIssue) =>
    t(`criteria.problems.${issue.problem}`, {
      max:
        issue.problem === 'too_long'
          ? MAX_CRITERION_LABEL
          : issue.problem === 'too_many'
            ? MAX_CRITERIA
            : MAX_CRITERION_WEIGHT,
    });
  const problemOf = (index: number, field: Field) =>
    visible.find((issue) => issue.index === index && issue.field === field);
  const errorId = (index: number, field: Field) => `criterion-${index}-${field}-error`;
  const withProblem = (index: number, field: Field, control: ReactNode) => {
    const problem = problemOf(index, field);
    return (
      <Flex vertical>
        {control}
        {problem !== undefined && (
          <Typography.Text type="danger" id={errorId(index, field)} style={{ fontSize: 12 }}>
            {problemText(problem)}
          </Typography.Text>
        )}
      </Flex>
    );
  };

  const save = async () => {
    setShowProblems(true);
    if (issues.length > 0) return;
    setSaving(true);
    try {
      await actions.saveScorecard(settings.rev, rows);
      setEdited(null);
      setShowProblems(false);
    } catch {
      // Reported by the action; the edited list stays as it is.
    } finally {
      setSaving(false);
    }
  };

  const labelInput = (row: Row, index: number, field: 'zh' | 'en') =>
    withProblem(
      index,
      field,
      <Input
        value={row.label[field]}
        maxLength={MAX_CRITERION_LABEL}
        status={problemOf(index, field) ? 'error' : undefined}
        aria-invalid={problemOf(index, field) !== undefined}
        aria-describedby={problemOf(index, field) ? errorId(index, field) : undefined}
        aria-label={t(field === 'zh' ? 'criteria.labelZhOf' : 'criteria.labelEnOf', {
          index: index + 1,
        })}
        onChange={(event) =>
          update(index, { label: { ...row.label, [field]: event.target.value } })
        }
      />,
    );

  const columns: TableColumnsType<Row> = [
    {
      key: 'index',
      width: 40,
      render: (_, __, index) => <Typography.Text type="secondary">{index + 1}</Typography.Text>,
    },
    {
      key: 'zh',
      title: t('criteria.labelZh'),
      render: (_, row, index) => labelInput(row, index, 'zh'),
    },
    {
      key: 'en',
      title: t('criteria.labelEn'),
      render: (_, row, index) => labelInput(row, index, 'en'),
    },
    {
      key: 'weight',
      title: t('criteria.weight'),
      width: 100,
      render: (_, row, index) =>
        withProblem(
          index,
          'weight',
          <InputNumber<number>
            value={row.weight}
            min={0}
            max={MAX_CRITERION_WEIGHT}
            precision={0}
            style={{ width: '100%' }}
            status={problemOf(index, 'weight') ? 'error' : undefined}
            aria-invalid={problemOf(index, 'weight') !== undefined}
            aria-describedby={problemOf(index, 'weight') ? errorId(index, 'weight') : undefined}
            aria-label={t('criteria.weightOf', { index: index + 1 })}
            onChange={(weight) => update(index, { weight })}
          />,
        ),
    },
    {
      key: 'share',
      title: t('criteria.share'),
      width: 80,
      align: 'right',
      render: (_, __, index) => {
        const share = shares[index];
        return share === null || share === undefined ? '—' : fmt.percent(share, 1);
      },
    },
    {
      key: 'actions',
      title: t('criteria.actions'),
      width: 120,
      render: (_, __, index) => (
        <Flex gap={2}>
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            aria-label={t('criteria.moveUp', { index: index + 1 })}
            onClick={() => move(index, -1)}
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            disabled={index === rows.length - 1}
            aria-label={t('criteria.moveDown', { index: index + 1 })}
            onClick={() => move(index, 1)}
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('criteria.remove', { index: index + 1 })}
            onClick={() => change(rows.filter((_, i) => i !== index))}
          />
        </Flex>
      ),
    },
  ];

  const listProblems = visible.filter((issue) => issue.index === null);
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('criteria.intro')}</Typography.Text>
      <Table<Row>
        size="small"
        rowKey="rowId"
        columns={columns}
        dataSource={rows}
        pagination={false}
      />
      <Flex vertical gap={4}>
        <Typography.Text strong>
          {t('criteria.total', { total: fmt.number(total) })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('criteria.normalisation')}
        </Typography.Text>
        {listProblems.map((issue) => (
          <Typography.Text key={issue.problem} type="danger" role="alert">
            {problemText(issue)}
          </Typography.Text>
        ))}
      </Flex>
      <Flex gap={8} align="center" wrap>
        <Button
          icon={<PlusOutlined />}
          disabled={rows.length >= MAX_CRITERIA}
          onClick={() => {
            change([
              ...rows,
              { rowId: `new-${nextRowId}`, key: null, label: { zh: '', en: '' }, weight: 10 },
            ]);
            setNextRowId(nextRowId + 1);
          }}
        >
          {t('criteria.add')}
        </Button>
        <Button
          type="primary"
          disabled={edited === null}
          loading={saving}
          onClick={() => void save()}
        >
          {t('criteria.save')}
        </Button>
        <Button
          disabled={edited === null}
          onClick={() => {
            setEdited(null);
            setShowProblems(false);
          }}
        >
          {t('criteria.discard')}
        </Button>
        {edited !== null && (
          <Typography.Text type="warning">{t('criteria.unsaved')}</Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
