import { useMemo, useState } from 'react';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Button, Drawer, Flex, Select, Spin, Table, Tooltip, Typography } from 'antd';
import type { TableColumnType } from 'antd';
import { parsePlanDate } from '@shared/domain/dates';
import type { PersonId, TeamId } from '@shared/domain/ids';
import type { Period } from '@shared/domain/period';
import type { CreditResult } from '@shared/compensation/credit';
import { periodBounds } from '@shared/compensation/periods';
import {
  computeScorecard,
  figureValue,
  scorecardMedians,
  SCORECARD_FIGURES,
  sortScorecard,
} from '@shared/compensation/scorecard';
import type { ScorecardFigure, ScorecardRow } from '@shared/compensation/scorecard';
import type { CompensationRecords } from '@renderer/db/hooks/compensation';
import { useScorecardRecords } from '@renderer/db/hooks/compensation';
import { useFormat } from '@renderer/i18n/useFormat';
import { bpRatio, periodLabel } from '@renderer/features/compensation/utils/labels';

interface Props {
  readonly records: CompensationRecords;
  readonly credit: CreditResult;
  readonly period: Period;
}

const RESULTS: readonly ScorecardFigure[] = [
  'bookings',
  'target',
  'attainment',
  'winRate',
  'averageDealSize',
  'cycleDays',
];
const ACTIVITY: readonly ScorecardFigure[] = SCORECARD_FIGURES.filter((f) => !RESULTS.includes(f));

const MONEY_FIGURES = new Set<ScorecardFigure>(['bookings', 'target', 'averageDealSize']);
const RATE_FIGURES = new Set<ScorecardFigure>([
  'attainment',
  'winRate',
  'milestonesOnTime',
  'deliverablesOnTime',
]);

function localDay(epochMs: number) {
  return parsePlanDate(dayjs(epochMs).format('YYYY-MM-DD'));
}

type MedianRow = { readonly median: true };
type Row = ScorecardRow | MedianRow;
const isMedian = (row: Row): row is MedianRow => 'median' in row;

/**
 * The manager's view of the team's performance in a period: one row per person with results and
 * activity, the team's median in the first row, sortable by any column; a person's detail in a
 * drawer, each figure beside the median.
 */
export function ScorecardPanel({ records, credit, period }: Props) {
  const { t } = useTranslation('compensation');
  const format = useFormat();
  const extra = useScorecardRecords();
  const [teamId, setTeamId] = useState<TeamId | 'all'>('all');
  const [sort, setSort] = useState<{ figure: ScorecardFigure; dir: 'ascend' | 'descend' } | null>(
    null,
  );
  const [detail, setDetail] = useState<PersonId | null>(null);
  const currency = records.settings.baseCurrency;
  const people = useMemo(
    () => records.people.filter((p) => teamId === 'all' || p.teamId === teamId),
    [records.people, teamId],
  );
  const rows = useMemo(() => {
    if (extra === undefined) return null;
    return computeScorecard({
      people,
      period,
      bounds: periodBounds(period, records.settings.fiscalYearStartMonth),
      currency,
      credit: credit.lines,
      targets: records.targets,
      deals: records.deals,
      activities: extra.activities,
      milestones: extra.milestones,
      deliverables: extra.deliverables,
      risks: extra.risks,
      stageOrder: new Map(extra.stages.map((stage) => [stage.id as string, stage.order])),
      dateOf: localDay,
    });
  }, [extra, people, period, records, currency, credit]);

  if (rows === null) {
    return (
      <Flex justify="center" style={{ padding: 24 }}>
        <Spin />
      </Flex>
    );
  }
  const medians = scorecardMedians(rows);
  const sorted = sort === null ? rows : sortScorecard(rows, sort.figure, sort.dir);
  const nameOf = new Map(records.people.map((p) => [p.id, p.name]));

  const show = (figure: ScorecardFigure, value: number | null): string => {
    if (value === null) return '—';
    if (MONEY_FIGURES.has(figure)) return format.money(Math.round(value), currency);
    if (RATE_FIGURES.has(figure)) return format.percent(bpRatio(value), 1);
    return format.number(value);
  };
  const cell = (row: ScorecardRow, figure: ScorecardFigure) => {
    const text = show(figure, figureValue(row, figure));
    const sub =
      figure === 'winRate'
        ? t('scorecard.wonLost', { won: row.won, lost: row.lost })
        : figure === 'milestonesOnTime'
          ? t('scorecard.ofTotal', { onTime: row.milestones.onTime, total: row.milestones.total })
          : figure === 'deliverablesOnTime'
            ? t('scorecard.ofTotal', {
                onTime: row.deliverables.onTime,
                total: row.deliverables.total,
              })
            : null;
    return sub === null ? (
      text
    ) : (
      <Tooltip title={sub}>
        <span>{text}</span>
      </Tooltip>
    );
  };

  const column = (figure: ScorecardFigure): TableColumnType<Row> => ({
    key: figure,
    title: (
      <Tooltip title={t(`scorecard.help.${figure}`)}>
        <span>{t(`scorecard.figures.${figure}`)}</span>
      </Tooltip>
    ),
    align: 'right',
    sorter: true,
    sortOrder: sort?.figure === figure ? sort.dir : null,
    sortDirections: ['descend', 'ascend'],
    onCell: () => ({ 'data-figure': figure }) as HTMLAttributes<HTMLElement>,
    render: (_: unknown, row) =>
      isMedian(row) ? (
        <Typography.Text type="secondary">{show(figure, medians[figure])}</Typography.Text>
      ) : (
        cell(row, figure)
      ),
  });

  const person = detail === null ? null : (rows.find((row) => row.personId === detail) ?? null);
  const data: Row[] = [{ median: true }, ...sorted];

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('scorecard.intro')}</Typography.Text>
      <Flex gap={8} align="center">
        <Typography.Text strong id="scorecard-team">
          {t('scorecard.team')}
        </Typography.Text>
        <Select
          aria-labelledby="scorecard-team"
          style={{ width: 220 }}
          value={teamId}
          onChange={setTeamId}
          options={[
            { value: 'all' as const, label: t('scorecard.allTeams') },
            ...records.teams.map((team) => ({ value: team.id, label: team.name })),
          ]}
        />
      </Flex>
      <Table<Row>
        data-testid="scorecard"
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey={(row) => (isMedian(row) ? 'median' : row.personId)}
        rowClassName={(row) => (isMedian(row) ? 'scorecard-median' : '')}
        locale={{ emptyText: t('scorecard.empty') }}
        dataSource={rows.length === 0 ? [] : data}
        onChange={(_, __, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          if (one?.order === undefined || one.order === null || one.columnKey === undefined) {
            setSort(null);
          } else {
            setSort({ figure: one.columnKey as ScorecardFigure, dir: one.order });
          }
        }}
        columns={[
          {
            key: 'person',
            title: t('scorecard.person'),
            fixed: 'left',
            render: (_: unknown, row) =>
              isMedian(row) ? (
                <Typography.Text type="secondary" strong>
                  {t('scorecard.median')}
                </Typography.Text>
              ) : (
                <Button type="link" size="small" onClick={() => setDetail(row.personId)}>
                  {nameOf.get(row.personId) ?? row.personId}
                </Button>
              ),
          },
          { key: 'results', title: t('scorecard.results'), children: RESULTS.map(column) },
          { key: 'activity', title: t('scorecard.activity'), children: ACTIVITY.map(column) },
        ]}
      />
      <Drawer
        open={person !== null}
        onClose={() => setDetail(null)}
        width={560}
        title={
          person === null
            ? ''
            : t('scorecard.detailTitle', {
                name: nameOf.get(person.personId) ?? '',
                period: periodLabel(t, period),
              })
        }
      >
        {person !== null && (
          <Table
            data-testid="scorecard-detail"
            size="small"
            pagination={false}
            rowKey="figure"
            dataSource={SCORECARD_FIGURES.map((figure) => ({ figure }))}
            columns={[
              {
                key: 'figure',
                title: t('scorecard.figure'),
                render: (_: unknown, { figure }) => (
                  <Flex vertical>
                    <span>{t(`scorecard.figures.${figure}`)}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`scorecard.help.${figure}`)}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                key: 'value',
                title: t('scorecard.value'),
                align: 'right',
                render: (_: unknown, { figure }) => cell(person, figure),
              },
              {
                key: 'median',
                title: t('scorecard.median'),
                align: 'right',
                render: (_: unknown, { figure }) => show(figure, medians[figure]),
              },
              {
                key: 'vs',
                title: t('scorecard.vsMedian'),
                render: (_: unknown, { figure }) => {
                  const value = figureValue(person, figure);
                  const middle = medians[figure];
                  if (value === null || middle === null) return '—';
                  return value > middle
                    ? t('scorecard.above')
                    : value < middle
                      ? t('scorecard.below')
                      : t('scorecard.equal');
                },
              },
            ]}
          />
        )}
      </Drawer>
    </Flex>
  );
}
