import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Empty, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { CommissionPlan } from '@shared/domain/commission';
import type { CommissionPlanId } from '@shared/domain/ids';
import { planFor } from '@shared/compensation/workspace';
import type { CompensationRecords } from '@renderer/db/hooks/compensation';
import { useFormat } from '@renderer/i18n/useFormat';
import { PlanDrawer } from '@renderer/features/compensation/components/PlanDrawer';
import type { PlanEditing } from '@renderer/features/compensation/components/PlanDrawer';
import { useCompensationActions } from '@renderer/features/compensation/hooks/useCompensationActions';

interface Props {
  readonly records: CompensationRecords;
  readonly fiscalYear: number;
}

/** The commission plans side by side, and which plan pays each person in the fiscal year. */
export function PlansPanel({ records, fiscalYear }: Props) {
  const { t } = useTranslation('compensation');
  const format = useFormat();
  const actions = useCompensationActions();
  const [editing, setEditing] = useState<PlanEditing>({ mode: 'closed' });
  const pct = (bp: number) => format.percent(bp / 10_000, 2);

  const rates = (plan: CommissionPlan) => {
    if (plan.kind === 'flat') {
      return t('plans.flatRate', { rate: plan.flatRateBp === null ? '—' : pct(plan.flatRateBp) });
    }
    return (
      <Flex vertical>
        {plan.tiers.map((tier) => (
          <span key={tier.fromAttainmentPct}>
            {t('plans.tierSummary', {
              from: format.percent(tier.fromAttainmentPct / 100),
              rate: pct(tier.rateBp),
            })}
          </span>
        ))}
        <Typography.Text type="secondary">{t(`plans.modes.${plan.tierMode}`)}</Typography.Text>
      </Flex>
    );
  };

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('tabs.plans')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ mode: 'create' })}
          >
            {t('plans.add')}
          </Button>
        }
      >
        {records.plans.length === 0 ? (
          <Empty description={t('plans.empty')} />
        ) : (
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            scroll={{ x: true }}
            dataSource={[...records.plans]}
            columns={[
              { key: 'name', title: t('plans.name'), render: (_: unknown, plan) => plan.name },
              {
                key: 'kind',
                title: t('plans.kind'),
                render: (_: unknown, plan) => t(`plans.kinds.${plan.kind}`),
              },
              {
                key: 'basis',
                title: t('plans.basis'),
                render: (_: unknown, plan) => t(`basis.${plan.basis}`),
              },
              {
                key: 'period',
                title: t('plans.periodKind'),
                render: (_: unknown, plan) => t(`period.kinds.${plan.periodKind}`),
              },
              { key: 'rates', title: t('plans.rates'), render: (_: unknown, plan) => rates(plan) },
              {
                key: 'accelerators',
                title: t('planForm.accelerators'),
                render: (_: unknown, plan) =>
                  plan.accelerators.length === 0
                    ? t('plans.none')
                    : plan.accelerators.map((a) => (
                        <Tag key={a.aboveAttainmentPct}>
                          {t('plans.accelerator', {
                            above: format.percent(a.aboveAttainmentPct / 100),
                            multiplier: format.number(a.multiplierPct / 100),
                          })}
                        </Tag>
                      )),
              },
              {
                key: 'cap',
                title: t('plans.cap'),
                align: 'right',
                render: (_: unknown, plan) =>
                  plan.cap === null
                    ? t('plans.none')
                    : format.money(plan.cap.amountMinor, plan.cap.currency),
              },
              {
                key: 'draw',
                title: t('plans.draw'),
                render: (_: unknown, plan) =>
                  plan.draw === null
                    ? t('plans.none')
                    : `${t(`plans.drawKinds.${plan.draw.kind}`)} ${format.money(
                        plan.draw.amountPerPeriod.amountMinor,
                        plan.draw.amountPerPeriod.currency,
                      )}`,
              },
              {
                key: 'actions',
                title: '',
                render: (_: unknown, plan) => (
                  <Flex gap={4}>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={`${t('plans.edit')} ${plan.name}`}
                      onClick={() => setEditing({ mode: 'edit', plan })}
                    />
                    <Popconfirm
                      title={t('plans.deleteConfirm', { name: plan.name })}
                      onConfirm={() => actions.deletePlan(plan).catch(() => undefined)}
                    >
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('plans.delete')} ${plan.name}`}
                      />
                    </Popconfirm>
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('plans.assignments', { year: fiscalYear })}>
        <Typography.Paragraph type="secondary">{t('plans.assignmentsHelp')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={records.people.filter((p) => p.active)}
          columns={[
            {
              key: 'person',
              title: t('plans.person'),
              render: (_: unknown, person) => person.name,
            },
            {
              key: 'plan',
              title: t('plans.plan'),
              render: (_: unknown, person) => (
                <Select<CommissionPlanId | 'none'>
                  aria-label={`${t('plans.plan')} ${person.name}`}
                  style={{ width: 260 }}
                  value={
                    planFor(records.assignments, records.plans, person.id, fiscalYear)?.plan.id ??
                    'none'
                  }
                  onChange={(planId) =>
                    void actions
                      .assignPlan({
                        personId: person.id,
                        personName: person.name,
                        fiscalYear,
                        planId: planId === 'none' ? null : planId,
                      })
                      .catch(() => undefined)
                  }
                  options={[
                    { value: 'none', label: t('plans.noPlan') },
                    ...records.plans.map((plan) => ({ value: plan.id, label: plan.name })),
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      <PlanDrawer
        editing={editing}
        currency={records.settings.baseCurrency}
        onClose={() => setEditing({ mode: 'closed' })}
      />
    </Flex>
  );
}
