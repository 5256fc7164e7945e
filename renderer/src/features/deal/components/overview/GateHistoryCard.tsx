import { useTranslation } from 'react-i18next';
import { Card, Table, Tag, Typography } from 'antd';
import type { Deal } from '@shared/domain/deal';
import type { Gate, GateDecision } from '@shared/domain/gate';
import { useDealGates } from '@renderer/db/hooks/gates';
import { usePeople } from '@renderer/db/hooks/queries';
import { useFormat } from '@renderer/i18n/useFormat';

const DECISION_COLORS: Record<GateDecision, string> = {
  go: 'success',
  no_go: 'error',
  reshape: 'warning',
};

/** Every gate and colour-team review of the deal with its decision, who made it and when. */
export function GateHistoryCard({ deal }: { deal: Deal }) {
  const { t } = useTranslation('deal');
  const format = useFormat();
  const gates = useDealGates(deal.id);
  const people = usePeople();
  const personName = (id: string | null) =>
    id === null ? '' : (people?.find((person) => person.id === id)?.name ?? '');

  return (
    <Card title={t('gates.title')}>
      <Table<Gate>
        rowKey="id"
        size="small"
        pagination={false}
        loading={gates === undefined}
        dataSource={gates ?? []}
        locale={{ emptyText: t('gates.empty') }}
        scroll={{ x: 720 }}
        columns={[
          {
            key: 'kind',
            title: t('gates.kind'),
            width: 150,
            render: (_: unknown, gate) => <Tag>{t(`gates.kinds.${gate.kind}`)}</Tag>,
          },
          {
            key: 'name',
            title: t('gates.name'),
            ellipsis: true,
            render: (_: unknown, gate) => gate.name,
          },
          {
            key: 'scheduled',
            title: t('gates.scheduled'),
            width: 130,
            render: (_: unknown, gate) =>
              gate.scheduledDate ? format.date(gate.scheduledDate) : '',
          },
          {
            key: 'decision',
            title: t('gates.decision'),
            width: 120,
            render: (_: unknown, gate) =>
              gate.decision ? (
                <Tag color={DECISION_COLORS[gate.decision]}>
                  {t(`gates.decisions.${gate.decision}`)}
                </Tag>
              ) : (
                <Typography.Text type="secondary">{t('gates.pending')}</Typography.Text>
              ),
          },
          {
            key: 'decidedBy',
            title: t('gates.decidedBy'),
            width: 130,
            ellipsis: true,
            render: (_: unknown, gate) => personName(gate.decidedBy),
          },
          {
            key: 'decidedAt',
            title: t('gates.decidedAt'),
            width: 170,
            render: (_: unknown, gate) => (gate.decidedAt ? format.dateTime(gate.decidedAt) : ''),
          },
        ]}
      />
    </Card>
  );
}
