import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button, Drawer, Empty, Flex, Table, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import type { Assignment } from '@shared/domain/assignment';
import type { PlanDate } from '@shared/domain/dates';
import type { PersonId } from '@shared/domain/ids';
import type { Contribution, LoadFigures } from '@shared/resources/load';
import type { LoadRecords } from '@renderer/db/hooks/resources';
import { useFormat } from '@renderer/i18n/useFormat';
import { hoursOf } from '@renderer/features/resources/utils/labels';
import type { nameMaps } from '@renderer/features/resources/utils/load';

/** What a cell drills down to: a person's week (its contributions) or a role's (its people). */
export type DrillDown =
  | {
      readonly kind: 'person';
      readonly name: string;
      readonly weekStart: PlanDate;
      readonly figures: LoadFigures;
      readonly contributions: readonly Contribution[];
    }
  | {
      readonly kind: 'role';
      readonly name: string;
      readonly weekStart: PlanDate;
      readonly figures: LoadFigures;
      readonly people: readonly { readonly personId: PersonId; readonly figures: LoadFigures }[];
    };

interface DrillDownDrawerProps {
  drill: DrillDown | null;
  records: LoadRecords;
  names: ReturnType<typeof nameMaps>;
  onReassign: (assignment: Assignment) => void;
  onClose: () => void;
}

/**
 * The deals and tasks that fill one cell of the heatmap, each with a way to reassign it.
 * Memoised: the load page draws again at every step of a reassignment (the dialog closing, the
 * message, the load read back), the drawer only when its cell's figures change.
 */
export const DrillDownDrawer = memo(function DrillDownDrawer({
  drill,
  records,
  names,
  onReassign,
  onClose,
}: DrillDownDrawerProps) {
  const { t } = useTranslation('resources');
  const format = useFormat();
  const hours = (minutes: number) => format.number(hoursOf(minutes));
  const contributions = drill?.kind === 'person' ? drill.contributions : null;
  // Only the cell's own assignments: the pool holds tens of thousands.
  const assignmentById = useMemo(() => {
    if (contributions === null) return new Map<string, Assignment>();
    const wanted = new Set<string>(contributions.map((c) => c.assignmentId));
    return new Map(
      records.assignments.filter((a) => wanted.has(a.id)).map((a) => [a.id, a] as const),
    );
  }, [contributions, records.assignments]);
  const byHours = useMemo(
    () => (contributions === null ? [] : [...contributions].sort((a, b) => b.minutes - a.minutes)),
    [contributions],
  );

  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      size={620}
      title={
        drill === null
          ? ''
          : t(drill.kind === 'person' ? 'drill.title' : 'drill.roleTitle', {
              name: drill.name,
              date: format.date(drill.weekStart),
            })
      }
    >
      {drill !== null && (
        <Flex vertical gap={12} data-testid="drill-down">
          <Typography.Text>
            {t('drill.summary', {
              hours: hours(drill.figures.assignedMinutes),
              capacity: hours(drill.figures.capacityMinutes),
            })}
            {drill.figures.utilization !== null &&
              ` (${format.percent(drill.figures.utilization)})`}
          </Typography.Text>
          {drill.kind === 'person' ? (
            drill.contributions.length === 0 ? (
              <Empty description={t('drill.empty')} />
            ) : (
              <Table<Contribution>
                size="small"
                pagination={false}
                rowKey="assignmentId"
                dataSource={byHours}
                columns={[
                  {
                    key: 'deal',
                    title: t('drill.deal'),
                    render: (_, c) => {
                      const deal = names.deal.get(c.dealId);
                      return (
                        <Link to={`/deals/${c.dealId}/team`}>
                          {deal ? `${deal.code} · ${deal.name}` : '—'}
                        </Link>
                      );
                    },
                  },
                  {
                    key: 'task',
                    title: t('drill.task'),
                    render: (_, c) => names.task.get(c.taskId)?.name ?? '—',
                  },
                  {
                    key: 'hours',
                    title: t('drill.hours'),
                    align: 'right',
                    render: (_, c) => hours(c.minutes),
                  },
                  {
                    key: 'total',
                    title: t('drill.total'),
                    align: 'right',
                    render: (_, c) => hours(c.totalMinutes),
                  },
                  {
                    key: 'reassign',
                    width: 48,
                    render: (_, c) => {
                      const assignment = assignmentById.get(c.assignmentId);
                      return assignment ? (
                        <Button
                          type="text"
                          size="small"
                          icon={<SwapOutlined />}
                          title={t('team.reassign')}
                          aria-label={`${t('team.reassign')} ${names.task.get(c.taskId)?.name ?? ''}`}
                          onClick={() => onReassign(assignment)}
                        />
                      ) : null;
                    },
                  },
                ]}
              />
            )
          ) : (
            <Table
              size="small"
              pagination={false}
              rowKey="personId"
              dataSource={[...drill.people]}
              columns={[
                {
                  key: 'person',
                  title: t('drill.members'),
                  render: (_, p) => names.person.get(p.personId)?.name ?? '—',
                },
                {
                  key: 'hours',
                  title: t('drill.hours'),
                  align: 'right',
                  render: (_, p) =>
                    `${hours(p.figures.assignedMinutes)} / ${hours(p.figures.capacityMinutes)}`,
                },
              ]}
            />
          )}
        </Flex>
      )}
    </Drawer>
  );
});
