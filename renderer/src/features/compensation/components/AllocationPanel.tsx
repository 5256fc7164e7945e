import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  InputNumber,
  Radio,
  Select,
  Table,
  Typography,
} from 'antd';
import type { PersonId, TeamId } from '@shared/domain/ids';
import { moneyFromMajor, zeroMoney } from '@shared/domain/money';
import type { Money } from '@shared/domain/money';
import type { Period } from '@shared/domain/period';
import { ALLOCATION_METHODS, TARGET_BASES } from '@shared/domain/target';
import type { AllocationMethod, TargetBasis } from '@shared/domain/target';
import { compareAllocations, fairnessView } from '@shared/compensation/allocation';
import { findPersonTarget, weightedPipelineByPerson } from '@shared/compensation/bases';
import type { CreditResult } from '@shared/compensation/credit';
import { periodKey } from '@shared/compensation/periods';
import { allocationCandidates, findTeamTarget } from '@shared/compensation/workspace';
import type { CompensationRecords } from '@renderer/db/hooks/compensation';
import { useFormat } from '@renderer/i18n/useFormat';
import { useCompensationActions } from '@renderer/features/compensation/hooks/useCompensationActions';
import {
  bpRatio,
  inputPrecision,
  majorOf,
  periodLabel,
} from '@renderer/features/compensation/utils/labels';

interface Props {
  readonly records: CompensationRecords;
  readonly credit: CreditResult;
  readonly period: Period;
}

/**
 * Quota allocation for a team and period: the team target, every method's split side by side,
 * the chosen split's fairness view, amounts by hand, and Save (in the trail, with Undo).
 */
export function AllocationPanel({ records, credit, period }: Props) {
  const { t } = useTranslation('compensation');
  const format = useFormat();
  const actions = useCompensationActions();
  const currency = records.settings.baseCurrency;
  // Start with a team that has targets of its own (a sales team), else the first.
  const [teamId, setTeamId] = useState<TeamId | null>(
    () =>
      records.teams.find((x) => records.targets.some((target) => target.teamId === x.id))?.id ??
      records.teams[0]?.id ??
      null,
  );
  const [basis, setBasis] = useState<TargetBasis>('revenue');
  const [method, setMethod] = useState<AllocationMethod>('equal');
  const [total, setTotal] = useState<number | null>(null);
  const [manual, setManual] = useState<ReadonlyMap<PersonId, number>>(new Map());
  const [saving, setSaving] = useState(false);

  const team = records.teams.find((x) => x.id === teamId) ?? null;
  const members = useMemo(
    () => records.people.filter((p) => p.active && team !== null && p.teamId === team.id),
    [records.people, team],
  );
  const saved = team === null ? null : findTeamTarget(records.targets, team.id, period, basis);
  const savedKey = `${team?.id ?? ''}|${periodKey(period)}|${basis}|${saved?.id ?? ''}|${saved?.rev ?? 0}`;

  // A different team, period or basis (or a save) starts again from what is stored.
  const [seenKey, setSeenKey] = useState<string | null>(null);
  if (seenKey !== savedKey) {
    setSeenKey(savedKey);
    setTotal(saved === null ? null : majorOf(saved.amount));
    const storedMethod =
      saved === null
        ? null
        : (records.targets.find((x) => x.parentTargetId === saved.id)?.allocationMethod ?? null);
    if (storedMethod !== null) setMethod(storedMethod);
    // A split saved by hand comes back with its amounts, ready to adjust.
    setManual(
      new Map(
        storedMethod !== 'manual'
          ? []
          : members.flatMap((person) => {
              const stored = findPersonTarget(records.targets, person.id, period, basis);
              return stored === null ? [] : [[person.id, majorOf(stored.amount)] as const];
            }),
      ),
    );
  }

  const totalMoney: Money = useMemo(() => {
    try {
      return total === null ? zeroMoney(currency) : moneyFromMajor(total, currency);
    } catch {
      return zeroMoney(currency);
    }
  }, [total, currency]);

  const candidates = useMemo(
    () =>
      allocationCandidates({
        people: members,
        deals: records.deals,
        accounts: records.accounts,
        targets: records.targets,
        credit,
        period,
        basis,
        currency,
        manual: new Map(
          [...manual].map(([personId, major]) => [personId, moneyFromMajor(major, currency)]),
        ),
      }),
    [members, records, credit, period, basis, currency, manual],
  );
  const comparison = useMemo(
    () => (candidates.length === 0 ? null : compareAllocations(totalMoney, candidates)),
    [totalMoney, candidates],
  );
  const excluded = useMemo(
    () => weightedPipelineByPerson(records.deals, currency).excluded.length,
    [records.deals, currency],
  );

  if (records.teams.length === 0) return <Empty description={t('allocation.noTeams')} />;

  const money = (amount: Money | null) =>
    amount === null ? '—' : format.money(amount.amountMinor, amount.currency);
  const pct = (bp: number | null) => (bp === null ? '—' : format.percent(bpRatio(bp), 1));
  const times = (bp: number | null) =>
    bp === null
      ? '—'
      : t('allocation.times', { value: format.number(bp / 10_000, { maximumFractionDigits: 2 }) });
  const nameOf = new Map(records.people.map((p) => [p.id, p.name]));
  const label = team === null ? '' : `${team.name} ${periodLabel(t, period)}`;
  const chosen = comparison?.allocations[method] ?? null;
  const fairness = chosen === null ? null : fairnessView(chosen, candidates);

  const save = async () => {
    if (team === null || chosen === null) return;
    setSaving(true);
    try {
      await actions.saveAllocation({
        teamId: team.id,
        label,
        period,
        basis,
        total: chosen.total,
        method,
        shares: chosen.shares.map((share) => ({ personId: share.personId, amount: share.amount })),
      });
    } catch {
      // Reported by the action; the form keeps its values.
    } finally {
      setSaving(false);
    }
  };

  const methodColumns = ALLOCATION_METHODS.map((m) => ({
    key: m,
    title: (
      <span style={m === method ? { fontWeight: 700 } : undefined}>
        {t(`methods.${m}`)}
        {m === method ? ` · ${t('allocation.chosen')}` : ''}
      </span>
    ),
    align: 'right' as const,
    render: (_: unknown, row: { personId: PersonId }) => {
      const amount = comparison?.allocations[m].shares.find((s) => s.personId === row.personId);
      if (m === 'manual') {
        return (
          <InputNumber
            aria-label={`${t('methods.manual')} ${nameOf.get(row.personId) ?? ''}`}
            size="small"
            min={0}
            precision={inputPrecision(currency)}
            style={{ width: 140 }}
            placeholder={amount ? format.number(majorOf(amount.amount)) : ''}
            value={manual.get(row.personId) ?? null}
            onChange={(value) => {
              const next = new Map(manual);
              if (value === null) next.delete(row.personId);
              else next.set(row.personId, Number(value));
              setManual(next);
            }}
          />
        );
      }
      return (
        <span style={m === method ? { fontWeight: 600 } : undefined}>
          {money(amount?.amount ?? null)}
        </span>
      );
    },
  }));

  return (
    <Flex vertical gap={16}>
      <Form layout="vertical" component="div">
        <Flex gap={16} wrap align="flex-start">
          <Form.Item label={t('allocation.team')} style={{ margin: 0 }}>
            <Select
              aria-label={t('allocation.team')}
              style={{ width: 200 }}
              value={teamId}
              onChange={setTeamId}
              options={records.teams.map((x) => ({ value: x.id, label: x.name }))}
            />
          </Form.Item>
          <Form.Item label={t('allocation.basis')} style={{ margin: 0 }}>
            <Select
              aria-label={t('allocation.basis')}
              style={{ width: 120 }}
              value={basis}
              onChange={setBasis}
              options={TARGET_BASES.map((b) => ({ value: b, label: t(`basis.${b}`) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('allocation.teamTarget')}
            help={t('allocation.teamTargetHelp', { currency, period: periodLabel(t, period) })}
            style={{ margin: 0 }}
          >
            <InputNumber
              aria-label={t('allocation.teamTarget')}
              min={0}
              precision={inputPrecision(currency)}
              style={{ width: 200 }}
              value={total}
              onChange={(value) => setTotal(value === null ? null : Number(value))}
            />
          </Form.Item>
        </Flex>
      </Form>
      <Flex vertical gap={4}>
        <Typography.Text strong id="allocation-method">
          {t('allocation.method')}
        </Typography.Text>
        <Radio.Group
          aria-labelledby="allocation-method"
          value={method}
          onChange={(event) => setMethod(event.target.value as AllocationMethod)}
          options={ALLOCATION_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
        />
      </Flex>
      {members.length === 0 ? (
        <Empty description={t('allocation.noPeople')} />
      ) : (
        <>
          {chosen?.fellBackToEqual && (
            <Alert
              type="info"
              showIcon
              message={t('allocation.fellBack', {
                basis: t(`methods.${method}`),
              })}
            />
          )}
          {chosen?.manualScaled && chosen.manualEnteredTotal !== null && (
            <Alert
              type="warning"
              showIcon
              message={t('allocation.manualScaled', {
                entered: money(chosen.manualEnteredTotal),
                total: money(chosen.total),
              })}
            />
          )}
          {excluded > 0 && (
            <Alert type="info" showIcon message={t('allocation.excluded', { count: excluded })} />
          )}
          <Card size="small" title={t('allocation.compare')}>
            {method === 'manual' && (
              <Typography.Paragraph type="secondary">
                {t('allocation.manualHint')}
              </Typography.Paragraph>
            )}
            <Table
              size="small"
              pagination={false}
              rowKey="personId"
              scroll={{ x: true }}
              dataSource={candidates.map((c) => ({ personId: c.personId }))}
              columns={[
                {
                  key: 'person',
                  title: t('allocation.person'),
                  render: (_: unknown, row) => nameOf.get(row.personId) ?? '—',
                },
                ...methodColumns,
                {
                  key: 'saved',
                  title: t('allocation.saved'),
                  align: 'right' as const,
                  render: (_: unknown, row) =>
                    money(
                      findPersonTarget(records.targets, row.personId, period, basis)?.amount ??
                        null,
                    ),
                },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('allocation.total')}</Typography.Text>
                  </Table.Summary.Cell>
                  {ALLOCATION_METHODS.map((m, i) => (
                    <Table.Summary.Cell key={m} index={i + 1} align="right">
                      {money(
                        comparison === null
                          ? null
                          : {
                              amountMinor: comparison.allocations[m].shares.reduce(
                                (sum, s) => sum + s.amount.amountMinor,
                                0,
                              ),
                              currency,
                            },
                      )}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={ALLOCATION_METHODS.length + 1} />
                </Table.Summary.Row>
              )}
            />
          </Card>
          {fairness !== null && (
            <Card size="small" title={t('allocation.fairness')}>
              <Typography.Paragraph type="secondary">
                {t('allocation.fairnessHelp')}
              </Typography.Paragraph>
              <Table
                size="small"
                pagination={false}
                rowKey="personId"
                scroll={{ x: true }}
                dataSource={[...fairness.rows]}
                columns={[
                  {
                    key: 'person',
                    title: t('allocation.person'),
                    render: (_: unknown, row) => nameOf.get(row.personId) ?? '—',
                  },
                  {
                    key: 'target',
                    title: t('attainment.target'),
                    align: 'right' as const,
                    render: (_: unknown, row) => money(row.target),
                  },
                  {
                    key: 'share',
                    title: t('allocation.share'),
                    align: 'right' as const,
                    render: (_: unknown, row) => pct(row.targetShareBp),
                  },
                  {
                    key: 'pipeline',
                    title: t('allocation.pipeline'),
                    align: 'right' as const,
                    render: (_: unknown, row) => money(row.weightedPipeline),
                  },
                  {
                    key: 'pipelineShare',
                    title: t('allocation.pipelineShare'),
                    align: 'right' as const,
                    render: (_: unknown, row) => pct(row.pipelineShareBp),
                  },
                  {
                    key: 'coverage',
                    title: t('allocation.coverage'),
                    align: 'right' as const,
                    render: (_: unknown, row) => times(row.coverageBp),
                  },
                  {
                    key: 'vsTeam',
                    title: t('allocation.coverageVsTeam'),
                    align: 'right' as const,
                    render: (_: unknown, row) => (
                      <Typography.Text
                        type={
                          row.coverageVsTeamBp !== null && row.coverageVsTeamBp < 8_000
                            ? 'danger'
                            : undefined
                        }
                      >
                        {pct(row.coverageVsTeamBp)}
                      </Typography.Text>
                    ),
                  },
                  {
                    key: 'lastBookings',
                    title: t('allocation.lastBookings'),
                    align: 'right' as const,
                    render: (_: unknown, row) => money(row.lastPeriodBookings),
                  },
                  {
                    key: 'lastTarget',
                    title: t('allocation.lastTarget'),
                    align: 'right' as const,
                    render: (_: unknown, row) => money(row.lastPeriodTarget),
                  },
                  {
                    key: 'lastAttainment',
                    title: t('allocation.lastAttainment'),
                    align: 'right' as const,
                    render: (_: unknown, row) => (
                      <Typography.Text
                        type={
                          row.lastPeriodAttainmentBp !== null && row.lastPeriodAttainmentBp < 10_000
                            ? 'warning'
                            : undefined
                        }
                      >
                        {pct(row.lastPeriodAttainmentBp)}
                      </Typography.Text>
                    ),
                  },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{t('allocation.team_')}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      {money(fairness.teamTarget)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} />
                    <Table.Summary.Cell index={3} align="right">
                      {money(fairness.teamPipeline)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} />
                    <Table.Summary.Cell index={5} align="right">
                      {times(fairness.teamCoverageBp)}
                      <br />
                      <Typography.Text type="secondary">
                        {t('allocation.median')} {times(fairness.medianCoverageBp)}
                      </Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={6} />
                    <Table.Summary.Cell index={7} />
                    <Table.Summary.Cell index={8} />
                    <Table.Summary.Cell index={9} align="right">
                      <Typography.Text type="secondary">
                        {t('allocation.median')} {pct(fairness.medianLastPeriodAttainmentBp)}
                      </Typography.Text>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            </Card>
          )}
          <Flex gap={8} align="center">
            <Button
              type="primary"
              loading={saving}
              disabled={chosen === null || totalMoney.amountMinor <= 0}
              onClick={() => void save()}
            >
              {t('allocation.save')}
            </Button>
            {totalMoney.amountMinor <= 0 && (
              <Typography.Text type="secondary">{t('allocation.zeroTarget')}</Typography.Text>
            )}
          </Flex>
        </>
      )}
    </Flex>
  );
}
