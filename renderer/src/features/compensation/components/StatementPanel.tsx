import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { FilePdfOutlined, FileExcelOutlined } from '@ant-design/icons';
import type { PersonId } from '@shared/domain/ids';
import type { Money } from '@shared/domain/money';
import type { Period } from '@shared/domain/period';
import { parsePlanDate } from '@shared/domain/dates';
import type { CreditResult } from '@shared/compensation/credit';
import { periodBounds, periodKey } from '@shared/compensation/periods';
import { diffStatements } from '@shared/compensation/statement';
import type { StatementWarning } from '@shared/compensation/statement';
import { personStatement, planFor } from '@shared/compensation/workspace';
import { exportFileName } from '@shared/export/milestone-calendar';
import { statementSheet } from '@shared/export/statement-sheet';
import type { StatementSheetLabel } from '@shared/export/statement-sheet';
import type { CompensationRecords } from '@renderer/db/hooks/compensation';
import { useFormat } from '@renderer/i18n/useFormat';
import { getPlatform } from '@renderer/platform/getPlatform';
import { AdjustmentsCard } from '@renderer/features/compensation/components/AdjustmentsCard';
import { bpRatio, periodLabel } from '@renderer/features/compensation/utils/labels';
import { statementWorkbook } from '@renderer/features/compensation/utils/statementXlsx';
import { lastViewed, rememberViewed } from '@renderer/features/compensation/utils/viewedStatements';
import '@renderer/features/compensation/components/Statement.css';

/** The XLSX export's labels: the statement's own, plus two the view shows differently. */
function sheetLabel(t: TFunction<'compensation'>, key: StatementSheetLabel): string {
  if (key === 'multiplier') return t('planForm.accelerators');
  if (key === 'warnings') return t('statement.warningsTitle');
  if (key === 'adjustments') return t('adjustments.title');
  if (key === 'adjustmentKind') return t('adjustments.kind');
  if (key === 'reason') return t('adjustments.reason');
  return t(`statement.${key}`);
}

interface Props {
  readonly records: CompensationRecords;
  readonly credit: CreditResult;
  readonly period: Period;
  /** The person chosen, as the address has it (none, or one not there: the first with a plan). */
  readonly personId: string | null;
  readonly onPersonChange: (personId: PersonId) => void;
}

/**
 * A person's commission statement for the period: credited deals and splits, attainment, each
 * band's computation step by step, payout and warnings; what changed since it was last viewed;
 * export to XLSX and print to PDF.
 */
export function StatementPanel({ records, credit, period, personId, onPersonChange }: Props) {
  const { t } = useTranslation('compensation');
  const format = useFormat();
  const { message } = App.useApp();
  const withPlan = records.people.filter(
    (p) => planFor(records.assignments, records.plans, p.id, period.fiscalYear) !== null,
  );
  const person =
    records.people.find((p) => p.id === personId) ?? withPlan[0] ?? records.people[0] ?? null;
  const assigned =
    person === null
      ? null
      : planFor(records.assignments, records.plans, person.id, period.fiscalYear);
  const statement = useMemo(
    () =>
      person === null || assigned === null
        ? null
        : personStatement({
            plan: assigned.plan,
            personId: person.id,
            period,
            credit,
            targets: records.targets,
            roundingMode: records.settings.roundingMode,
            adjustments: records.adjustments,
          }),
    [
      person,
      assigned,
      period,
      credit,
      records.targets,
      records.settings.roundingMode,
      records.adjustments,
    ],
  );
  const viewKey = person === null ? '' : `${person.id}|${periodKey(period)}`;
  const [viewedVersion, setViewedVersion] = useState(0);
  // The statement as last viewed; read again when the statement is recomputed or marked viewed.
  const previous = useMemo(
    () => (viewKey === '' ? null : lastViewed(viewKey)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [viewKey, statement, viewedVersion],
  );
  // The first view of a statement is what later recomputations are compared with.
  useEffect(() => {
    if (statement !== null && viewKey !== '' && lastViewed(viewKey) === null) {
      rememberViewed(viewKey, statement);
    }
  }, [viewKey, statement]);
  const diff = useMemo(() => {
    if (previous === null || statement === null) return null;
    try {
      const result = diffStatements(previous, statement);
      return result.changed ? result : null;
    } catch {
      return null;
    }
  }, [previous, statement]);

  const money = (amount: Money | null) =>
    amount === null ? '—' : format.money(amount.amountMinor, amount.currency);
  const pct = (bp: number | null, digits = 2) =>
    bp === null ? '—' : format.percent(bpRatio(bp), digits);
  const dealById = new Map(records.deals.map((d) => [d.id, d]));
  const dealLabel = (id: string) => {
    const deal = dealById.get(id as never);
    return deal === undefined ? id : `${deal.code} ${deal.name}`;
  };
  const monthLabel = (row: { period: Period }) => {
    const { start } = periodBounds(row.period, records.settings.fiscalYearStartMonth);
    return `${periodLabel(t, row.period)} (${start.slice(0, 7)})`;
  };
  const bandLabel = (fromPct: number, toPct: number | null) =>
    toPct === null
      ? t('statement.bandFrom', { from: format.percent(fromPct / 100) })
      : t('statement.bandRange', {
          from: format.percent(fromPct / 100),
          to: format.percent(toPct / 100),
        });
  const warningText = (warning: StatementWarning) => {
    switch (warning.code) {
      case 'target_basis_mismatch':
        return t('statement.warnings.target_basis_mismatch', {
          basis: t(`basis.${warning.targetBasis}`),
        });
      case 'target_currency_mismatch':
        return t('statement.warnings.target_currency_mismatch', {
          currency: warning.targetCurrency,
        });
      case 'period_kind_mismatch':
        return t('statement.warnings.period_kind_mismatch', {
          kind: t(`period.kinds.${warning.planPeriodKind}`),
        });
      default:
        return t(`statement.warnings.${warning.code}`);
    }
  };

  const fileStem = () => `${person?.name ?? 'statement'}-${periodKey(period)}`;
  const exportXlsx = async () => {
    if (statement === null || person === null || assigned === null) return;
    try {
      const rows = statementSheet({
        statement,
        label: (key) => sheetLabel(t, key),
        personName: person.name,
        planName: assigned.plan.name,
        periodLabel: periodLabel(t, period),
        basisLabel: t(`basis.${statement.basis}`),
        dealLabel,
        kindLabel: (kind) => t(`statement.kinds.${kind}`),
        adjustmentKindLabel: (kind) => t(`adjustments.kinds.${kind}`),
        monthLabel,
        bandLabel,
        warnings: statement.warnings.map(warningText),
      });
      const content = await statementWorkbook(t('statement.sheet'), rows);
      const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
      const outcome = await getPlatform().saveFile({
        suggestedName: exportFileName(fileStem(), 'statement', today, 'xlsx'),
        content,
        filters: [{ name: t('statement.fileType'), extensions: ['xlsx'] }],
      });
      if (outcome.status === 'saved')
        message.success(t('statement.exported', { file: outcome.fileName }));
      if (outcome.status === 'downloaded') {
        message.success(t('statement.downloaded', { file: outcome.fileName }));
      }
    } catch (error) {
      message.error(
        t('statement.exportFailed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  };
  const print = async () => {
    document.body.classList.add('printing-statement');
    try {
      const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
      const outcome = await getPlatform().printToPdf({
        suggestedName: exportFileName(fileStem(), 'statement', today, 'pdf'),
        // US Letter where the system's region uses it, A4 elsewhere; the sheet fits both.
        pageSize: /-(US|CA)$/i.test(navigator.language) ? 'Letter' : 'A4',
        landscape: false,
      });
      if (outcome.status === 'saved')
        message.success(t('statement.exported', { file: outcome.fileName }));
    } catch (error) {
      message.error(
        t('statement.printFailed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    } finally {
      window.setTimeout(() => document.body.classList.remove('printing-statement'), 1_000);
    }
  };

  if (records.people.length === 0) return <Empty />;

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong id="statement-person">
          {t('statement.person')}
        </Typography.Text>
        <Select
          aria-labelledby="statement-person"
          showSearch
          optionFilterProp="label"
          style={{ width: 240 }}
          placeholder={t('statement.choosePerson')}
          value={person?.id ?? null}
          onChange={onPersonChange}
          options={records.people.map((p) => ({ value: p.id, label: p.name }))}
        />
        <Flex flex={1} />
        <Button
          icon={<FileExcelOutlined />}
          disabled={statement === null}
          onClick={() => void exportXlsx()}
        >
          {t('statement.export')}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          disabled={statement === null}
          onClick={() => void print()}
        >
          {t('statement.print')}
        </Button>
      </Flex>
      {person !== null && assigned === null && (
        <Alert
          type="info"
          showIcon
          message={t('statement.noPlan', { name: person.name, year: period.fiscalYear })}
        />
      )}
      {diff !== null && statement !== null && (
        <Alert
          type="warning"
          showIcon
          message={t('statement.changed')}
          description={
            <Flex vertical gap={4}>
              <Typography.Text type="secondary">{t('statement.changedHelp')}</Typography.Text>
              {diff.attainment.previousBp !== diff.attainment.currentBp && (
                <span>
                  {t('statement.attainmentChange', {
                    before: pct(diff.attainment.previousBp),
                    after: pct(diff.attainment.currentBp),
                  })}
                </span>
              )}
              {diff.figures.map((figure) => (
                <span key={figure.figure}>
                  {t(`statement.${figure.figure}`)}: {money(figure.previous)} →{' '}
                  {money(figure.current)} ({figure.delta.amountMinor > 0 ? '+' : ''}
                  {money(figure.delta)})
                </span>
              ))}
              {diff.credits.map((change, index) => (
                <span key={index}>
                  {change.change === 'added'
                    ? t('statement.creditAdded', {
                        deal: dealLabel(change.current.dealId),
                        amount: money(change.current.amount),
                      })
                    : change.change === 'removed'
                      ? t('statement.creditRemoved', {
                          deal: dealLabel(change.previous.dealId),
                          amount: money(change.previous.amount),
                        })
                      : t('statement.creditChanged', {
                          deal: dealLabel(change.current.dealId),
                          before: money(change.previous.amount),
                          after: money(change.current.amount),
                        })}
                </span>
              ))}
              {diff.adjustments.map((change, index) => (
                <span key={`adjustment-${index}`}>
                  {t(
                    change.change === 'added' ? 'adjustments.diffAdded' : 'adjustments.diffRemoved',
                    {
                      kind: t(`adjustments.kinds.${change.adjustment.kind}`),
                      reason: change.adjustment.reason,
                      amount: money(change.adjustment.amount),
                    },
                  )}
                </span>
              ))}
              <Button
                size="small"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => {
                  rememberViewed(viewKey, statement);
                  setViewedVersion((version) => version + 1);
                }}
              >
                {t('statement.acknowledge')}
              </Button>
            </Flex>
          }
        />
      )}
      {statement !== null && person !== null && assigned !== null && (
        <div className="statement-sheet" data-testid="statement">
          <Flex vertical gap={12}>
            {statement.warnings.map((warning) => (
              <Alert key={warning.code} type="warning" showIcon message={warningText(warning)} />
            ))}
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                { key: 'person', label: t('statement.person'), children: person.name },
                { key: 'plan', label: t('statement.plan'), children: assigned.plan.name },
                { key: 'period', label: t('statement.period'), children: periodLabel(t, period) },
                {
                  key: 'basis',
                  label: t('statement.basis'),
                  children: t(`basis.${statement.basis}`),
                },
                { key: 'target', label: t('statement.target'), children: money(statement.target) },
                ...(statement.creditAdjustments.length === 0
                  ? []
                  : [
                      {
                        key: 'fromDeals',
                        label: t('statement.creditedFromDeals'),
                        children: money(statement.creditedFromDeals),
                      },
                    ]),
                {
                  key: 'credited',
                  label: t('statement.credited'),
                  children: (
                    <span data-testid="statement-credited">{money(statement.credited)}</span>
                  ),
                },
                {
                  key: 'attainment',
                  label: t('statement.attainment'),
                  children: (
                    <span data-testid="statement-attainment">{pct(statement.attainmentBp)}</span>
                  ),
                },
                {
                  key: 'gross',
                  label: t('statement.grossEarnings'),
                  children: money(statement.grossEarnings),
                },
                ...(statement.cap === null
                  ? []
                  : [
                      { key: 'cap', label: t('statement.cap'), children: money(statement.cap) },
                      {
                        key: 'withheld',
                        label: t('statement.capWithheld'),
                        children: money(statement.capWithheld),
                      },
                    ]),
                {
                  key: 'earnings',
                  label: t('statement.earnings'),
                  children: money(statement.earnings),
                },
                ...(statement.payoutAdjustments.length === 0
                  ? []
                  : [
                      {
                        key: 'net',
                        label: t('statement.netEarnings'),
                        children: money(statement.netEarnings),
                      },
                    ]),
                ...(statement.draw === null
                  ? []
                  : [
                      {
                        key: 'topUp',
                        label: t('statement.drawTopUp', {
                          kind: t(`plans.drawKinds.${statement.draw.kind}`),
                        }),
                        children: money(statement.draw.topUp),
                      },
                      {
                        key: 'recovered',
                        label: t('statement.drawRecovered'),
                        children: money(statement.draw.recovered),
                      },
                      {
                        key: 'balance',
                        label: t('statement.drawBalance'),
                        children: money(statement.draw.balanceAfter),
                      },
                    ]),
                {
                  key: 'payout',
                  label: t('statement.payout'),
                  children: (
                    <Typography.Text strong data-testid="statement-payout">
                      {money(statement.payout)}
                    </Typography.Text>
                  ),
                },
              ]}
            />
            <Card size="small" title={t('statement.credits')}>
              <Table
                size="small"
                pagination={false}
                rowKey={(row) => `${row.dealId}|${row.kind}|${periodKey(row.period)}`}
                locale={{ emptyText: t('statement.noCredits') }}
                dataSource={[...statement.credits]}
                columns={[
                  {
                    key: 'deal',
                    title: t('statement.deal'),
                    render: (_: unknown, row) => dealLabel(row.dealId),
                  },
                  {
                    key: 'kind',
                    title: t('statement.kind'),
                    render: (_: unknown, row) => (
                      <Tag color={row.kind === 'revenue' ? 'blue' : 'purple'}>
                        {t(`statement.kinds.${row.kind}`)}
                      </Tag>
                    ),
                  },
                  {
                    key: 'split',
                    title: t('statement.split'),
                    align: 'right',
                    render: (_: unknown, row) => pct(row.shareBp),
                  },
                  {
                    key: 'installment',
                    title: t('statement.installment'),
                    render: (_: unknown, row) =>
                      t('statement.installmentOf', { n: row.installment, count: row.installments }),
                  },
                  {
                    key: 'month',
                    title: t('statement.month'),
                    render: (_: unknown, row) => monthLabel(row),
                  },
                  {
                    key: 'amount',
                    title: t('statement.amount'),
                    align: 'right',
                    render: (_: unknown, row) => money(row.amount),
                  },
                ]}
              />
            </Card>
            <AdjustmentsCard
              records={records}
              personId={person.id}
              personName={person.name}
              plan={assigned.plan}
              period={period}
              money={money}
              dealLabel={dealLabel}
            />
            <Card size="small" title={t('statement.bands')}>
              <Table
                size="small"
                pagination={false}
                rowKey="fromPct"
                dataSource={[...statement.bands]}
                columns={[
                  {
                    key: 'band',
                    title: t('statement.band'),
                    render: (_: unknown, b) => bandLabel(b.fromPct, b.toPct),
                  },
                  {
                    key: 'limits',
                    title: t('statement.bandLimits'),
                    render: (_: unknown, b) =>
                      b.from === null
                        ? '—'
                        : `${money(b.from)} – ${b.to === null ? '' : money(b.to)}`,
                  },
                  {
                    key: 'rate',
                    title: t('statement.rate'),
                    align: 'right',
                    render: (_: unknown, b) => pct(b.rateBp),
                  },
                  {
                    key: 'inBand',
                    title: t('statement.inBand'),
                    align: 'right',
                    render: (_: unknown, b) => money(b.amountInBand),
                  },
                  {
                    key: 'reached',
                    title: t('statement.reached'),
                    render: (_: unknown, b) => (b.reached ? t('statement.yes') : t('statement.no')),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('statement.steps')}>
              {statement.planKind === 'tiered' && (
                <Typography.Paragraph type="secondary">
                  {t(`statement.stepMode.${statement.tierMode}`)}
                </Typography.Paragraph>
              )}
              <Flex vertical gap={4} data-testid="statement-steps">
                {statement.steps.map((step, index) => (
                  <Flex key={index} gap={12} wrap>
                    <Typography.Text type="secondary" style={{ minWidth: 120 }}>
                      {bandLabel(step.fromPct, step.toPct)}
                    </Typography.Text>
                    <Typography.Text>
                      {t('statement.step', {
                        amount: money(step.amount),
                        rate: pct(step.rateBp),
                        multiplier:
                          step.multiplierPct === 100
                            ? ''
                            : t('statement.multiplier', {
                                value: format.number(step.multiplierPct / 100),
                              }),
                        earnings: money(step.earnings),
                      })}
                    </Typography.Text>
                  </Flex>
                ))}
              </Flex>
            </Card>
          </Flex>
        </div>
      )}
    </Flex>
  );
}
