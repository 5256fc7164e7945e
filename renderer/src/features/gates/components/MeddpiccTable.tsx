import { useTranslation } from 'react-i18next';
import { Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Gate, MeddpiccElement, MeddpiccStatus } from '@shared/domain/gate';
import { MEDDPICC_ELEMENTS, MEDDPICC_STATUSES } from '@shared/domain/gate';
import type { MeddpiccSummary, QualificationLevel } from '@shared/pipeline/scoring';
import { BlurSaveText } from '@renderer/features/gates/components/BlurSaveText';
import { useGateActions } from '@renderer/features/gates/hooks/useGateActions';

const STATUS_COLORS: Readonly<Record<MeddpiccStatus, string>> = {
  unknown: 'default',
  gap: 'red',
  partial: 'gold',
  confirmed: 'green',
};

export const LEVEL_COLORS: Readonly<Record<QualificationLevel, string>> = {
  not_assessed: 'default',
  unqualified: 'red',
  partially_qualified: 'gold',
  qualified: 'green',
};

interface Row {
  element: MeddpiccElement;
  status: MeddpiccStatus;
  evidence: string;
}

/** MEDDPICC: the eight elements, each with a status and the evidence for it. */
export function MeddpiccTable({ gate, summary }: { gate: Gate; summary: MeddpiccSummary }) {
  const { t } = useTranslation('gates');
  const actions = useGateActions();
  const rows: Row[] = MEDDPICC_ELEMENTS.map((element) => ({
    element,
    status: summary.byElement[element],
    evidence: gate.meddpicc.find((item) => item.element === element)?.evidence ?? '',
  }));

  const columns: TableColumnsType<Row> = [
    {
      key: 'element',
      title: t('meddpicc.element'),
      width: 260,
      render: (_, row) => (
        <Flex vertical>
          <Typography.Text>{t(`meddpicc.elements.${row.element}`)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`meddpicc.hints.${row.element}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('meddpicc.status'),
      width: 150,
      render: (_, row) => (
        <Select<MeddpiccStatus>
          size="small"
          style={{ width: '100%' }}
          aria-label={t('meddpicc.statusOf', { element: t(`meddpicc.elements.${row.element}`) })}
          value={row.status}
          onChange={(status) =>
            void actions.editMeddpicc(gate, { element: row.element, status }).catch(() => undefined)
          }
          options={MEDDPICC_STATUSES.map((status) => ({
            value: status,
            label: (
              <Tag color={STATUS_COLORS[status]} variant="filled" style={{ marginInlineEnd: 0 }}>
                {t(`meddpicc.statuses.${status}`)}
              </Tag>
            ),
          }))}
        />
      ),
    },
    {
      key: 'evidence',
      title: t('meddpicc.evidence'),
      render: (_, row) => (
        <BlurSaveText
          multiline
          value={row.evidence}
          maxLength={5_000}
          ariaLabel={t('meddpicc.evidenceOf', { element: t(`meddpicc.elements.${row.element}`) })}
          placeholder={t('meddpicc.evidencePlaceholder')}
          onSave={(evidence) =>
            void actions
              .editMeddpicc(gate, { element: row.element, evidence })
              .catch(() => undefined)
          }
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Flex gap={12} align="center" wrap>
        <Tag color={LEVEL_COLORS[summary.level]}>{t(`meddpicc.levels.${summary.level}`)}</Tag>
        <Typography.Text type="secondary">
          {t('meddpicc.summary', {
            points: summary.points,
            max: summary.maxPoints,
            confirmed: summary.confirmed,
            partial: summary.partial,
          })}
        </Typography.Text>
      </Flex>
      <Table<Row>
        size="small"
        rowKey="element"
        columns={columns}
        dataSource={rows}
        pagination={false}
      />
    </Flex>
  );
}
