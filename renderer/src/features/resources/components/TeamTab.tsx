import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Button, Card, Empty, Flex, Popconfirm, Spin, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import type { Assignment } from '@shared/domain/assignment';
import { calendarForPerson } from '@shared/domain/calendar';
import { diffDays, parsePlanDate } from '@shared/domain/dates';
import type { PersonId, RoleId, TaskId } from '@shared/domain/ids';
import { inLocale } from '@shared/pipeline/labels';
import { dayShareOfHours } from '@shared/resources/spread';
import { dealTeam, type TeamMember } from '@shared/resources/team';
import type { DealTabProps } from '@renderer/features/deal/tabs';
import { CreditCard } from '@renderer/features/compensation/components/CreditCard';
import { usePlanRecords } from '@renderer/db/hooks/plan';
import { useDealStaffing, useLoadRecords } from '@renderer/db/hooks/resources';
import { useFormat } from '@renderer/i18n/useFormat';
import {
  AssignDialog,
  type AssignIntent,
} from '@renderer/features/resources/components/AssignDialog';
import { OverAllocationList } from '@renderer/features/resources/components/OverAllocationList';
import { useResourceActions } from '@renderer/features/resources/hooks/useResourceActions';
import { hoursOf } from '@renderer/features/resources/utils/labels';
import {
  computeLoad,
  overAllocationsWithSuggestions,
  slackOfPlan,
  weekStartOf,
} from '@renderer/features/resources/utils/load';

/**
 * The deal's team: who works on it in which role with planned hours and labour cost, every
 * assignment (reassign, change hours, remove), the work still needing someone, and warnings when
 * a member is over capacity in the weeks of this deal's plan.
 */
export default function TeamTab({ deal }: DealTabProps) {
  const { t } = useTranslation('resources');
  const format = useFormat();
  const staffing = useDealStaffing(deal.id);
  const records = useLoadRecords();
  const plan = usePlanRecords(deal.id);
  const [intent, setIntent] = useState<AssignIntent | null>(null);
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
  const actions = useResourceActions();

  const team = useMemo(
    () =>
      staffing && records
        ? dealTeam({
            assignments: staffing.assignments,
            tasks: staffing.tasks,
            people: records.people,
            roundingMode: records.settings.roundingMode,
          })
        : null,
    [staffing, records],
  );

  /** Over-allocations of this deal's people, in the weeks of its plan from this week on. */
  const overs = useMemo(() => {
    if (!staffing || !records || staffing.assignments.length === 0) return [];
    const first = staffing.tasks.reduce(
      (min, task) => (task.start < min ? task.start : min),
      today,
    );
    const last = staffing.tasks.reduce(
      (max, task) => (task.finish > max ? task.finish : max),
      today,
    );
    const start = weekStartOf(first < today ? today : first);
    const weeks = Math.ceil((diffDays(start, last) + 1) / 7);
    const load = computeLoad(records, start, weeks);
    const members = new Set<PersonId>(staffing.assignments.map((a) => a.personId));
    const slack =
      plan === undefined
        ? new Map<TaskId, number>()
        : slackOfPlan({
            plan,
            settings: records.settings,
            today,
            submissionDue: deal.keyDates.submissionDue,
          });
    return overAllocationsWithSuggestions(load, records, members, slack);
  }, [staffing, records, plan, today, deal.keyDates.submissionDue]);

  if (!staffing || !records || !team) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }

  const personById = new Map(records.people.map((p) => [p.id, p]));
  const roleById = new Map(records.roles.map((r) => [r.id, r]));
  const taskById = new Map(staffing.tasks.map((task) => [task.id, task]));
  const personName = (id: PersonId) => personById.get(id)?.name ?? '—';
  const roleName = (id: RoleId | null) => {
    const role = id === null ? undefined : roleById.get(id);
    return role ? inLocale(role.name, format.locale) : t('team.noRole');
  };
  const overTasks = new Set(overs.flatMap((o) => o.over.tasks.map((task) => task.taskId)));
  const overPeople = new Set(overs.map((o) => o.over.personId));
  const hours = (minutes: number) => format.number(hoursOf(minutes));

  if (staffing.tasks.length === 0) {
    return (
      <Flex vertical gap={16} style={{ padding: 16 }}>
        <Empty style={{ padding: 32 }} description={t('team.noTasks')} />
        <CreditCard deal={deal} />
      </Flex>
    );
  }

  const shareOf = (a: Assignment) => {
    const person = personById.get(a.personId);
    const task = taskById.get(a.taskId);
    if (!person || !task) return '—';
    const share = dayShareOfHours({
      hours: a.hours,
      person,
      task,
      calendar: calendarForPerson(records.settings, person),
    });
    return share.ok ? format.percent(share.value / 100) : '—';
  };

  const assignments = [...staffing.assignments].sort((a, b) => {
    const ta = taskById.get(a.taskId);
    const tb = taskById.get(b.taskId);
    return (
      (ta?.start ?? '').localeCompare(tb?.start ?? '') ||
      (ta?.sortIndex ?? 0) - (tb?.sortIndex ?? 0)
    );
  });

  return (
    <Flex vertical gap={16} style={{ padding: 16 }}>
      {overs.length > 0 && (
        <OverAllocationList
          items={overs}
          personName={personName}
          roleName={roleName}
          taskName={(id) =>
            taskById.get(id)?.name ?? records.tasks.find((x) => x.id === id)?.name ?? '—'
          }
          dealCode={(id) => records.deals.find((d) => d.id === id)?.code ?? ''}
        />
      )}
      <Card
        size="small"
        title={t('team.members')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIntent({ kind: 'assign', taskId: null, roleId: null })}
          >
            {t('team.assign')}
          </Button>
        }
      >
        {team.members.length === 0 ? (
          <Empty description={t('team.noMembers')} />
        ) : (
          <Table<TeamMember>
            size="small"
            pagination={false}
            rowKey={(m) => `${m.personId}|${m.roleId ?? ''}`}
            dataSource={[...team.members]}
            columns={[
              {
                key: 'person',
                title: t('team.columns.person'),
                render: (_, m) => (
                  <Flex gap={6} align="center">
                    <span>{personName(m.personId)}</span>
                    {overPeople.has(m.personId) && <Tag color="error">{t('team.overShort')}</Tag>}
                  </Flex>
                ),
              },
              {
                key: 'role',
                title: t('team.columns.role'),
                render: (_, m) =>
                  roleName(m.roleId ?? personById.get(m.personId)?.roleIds[0] ?? null),
              },
              {
                key: 'tasks',
                title: t('team.columns.tasks'),
                align: 'right',
                render: (_, m) => format.number(m.taskIds.length),
              },
              {
                key: 'hours',
                title: t('team.columns.hours'),
                align: 'right',
                render: (_, m) => hours(m.minutes),
              },
              {
                key: 'cost',
                title: t('team.columns.cost'),
                align: 'right',
                render: (_, m) =>
                  m.cost === null ? '—' : format.money(m.cost.amountMinor, m.cost.currency),
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  <Typography.Text strong>{t('team.totalHours')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <Typography.Text strong data-testid="team-total-hours">
                    {hours(team.totalMinutes)}
                  </Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  <Typography.Text strong>
                    {team.costByCurrency
                      .map((cost) => format.money(cost.amountMinor, cost.currency))
                      .join(' + ')}
                  </Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        )}
      </Card>

      {assignments.length > 0 && (
        <Card size="small" title={t('team.assignments')}>
          <Table<Assignment>
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={assignments}
            aria-label={t('team.assignments')}
            columns={[
              {
                key: 'task',
                title: t('team.columns.task'),
                render: (_, a) => (
                  <Flex gap={6} align="center">
                    <span>{taskById.get(a.taskId)?.name ?? '—'}</span>
                    {overTasks.has(a.taskId) && overPeople.has(a.personId) && (
                      <Tag color="error">{t('team.overShort')}</Tag>
                    )}
                  </Flex>
                ),
              },
              {
                key: 'dates',
                title: t('team.columns.dates'),
                render: (_, a) => {
                  const task = taskById.get(a.taskId);
                  return task
                    ? `${format.date(task.start, 'short')} – ${format.date(task.finish, 'short')}`
                    : '—';
                },
              },
              {
                key: 'person',
                title: t('team.columns.person'),
                render: (_, a) => personName(a.personId),
              },
              { key: 'role', title: t('team.columns.role'), render: (_, a) => roleName(a.roleId) },
              {
                key: 'hours',
                title: t('team.columns.hours'),
                align: 'right',
                render: (_, a) => format.number(a.hours),
              },
              {
                key: 'share',
                title: t('team.columns.share'),
                align: 'right',
                render: (_, a) => shareOf(a),
              },
              {
                key: 'actions',
                width: 120,
                render: (_, a) => {
                  const names = {
                    person: personName(a.personId),
                    task: taskById.get(a.taskId)?.name ?? '',
                  };
                  return (
                    <Flex gap={2}>
                      <Button
                        type="text"
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={`${t('team.changeHours')} ${names.person} ${names.task}`}
                        title={t('team.changeHours')}
                        onClick={() => setIntent({ kind: 'hours', assignment: a })}
                      />
                      <Button
                        type="text"
                        size="small"
                        icon={<SwapOutlined />}
                        aria-label={`${t('team.reassign')} ${names.person} ${names.task}`}
                        title={t('team.reassign')}
                        onClick={() => setIntent({ kind: 'reassign', assignment: a })}
                      />
                      <Popconfirm
                        title={t('team.removeConfirm', { name: names.person, task: names.task })}
                        onConfirm={() => void actions.remove(a, names).catch(() => undefined)}
                      >
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`${t('team.remove')} ${names.person} ${names.task}`}
                          title={t('team.remove')}
                        />
                      </Popconfirm>
                    </Flex>
                  );
                },
              },
            ]}
          />
        </Card>
      )}

      <Card size="small" title={t('team.unassigned')}>
        <Typography.Paragraph type="secondary">{t('team.unassignedHelp')}</Typography.Paragraph>
        {team.unassigned.length === 0 ? (
          <Typography.Text type="secondary">{t('team.noUnassigned')}</Typography.Text>
        ) : (
          <Flex vertical gap={6}>
            {team.unassigned.map((work) => (
              <Flex key={work.taskId} gap={8} align="center">
                <Typography.Text>{taskById.get(work.taskId)?.name ?? '—'}</Typography.Text>
                <Tag color="warning">{t('team.needs', { role: roleName(work.roleId) })}</Tag>
                <Button
                  size="small"
                  onClick={() =>
                    setIntent({ kind: 'assign', taskId: work.taskId, roleId: work.roleId })
                  }
                >
                  {t('team.assign')}
                </Button>
              </Flex>
            ))}
          </Flex>
        )}
      </Card>

      <CreditCard deal={deal} />

      <AssignDialog
        intent={intent}
        tasks={staffing.tasks}
        people={records.people}
        roles={records.roles}
        settings={records.settings}
        onClose={() => setIntent(null)}
      />
    </Flex>
  );
}
