import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Button, Empty, Flex, Input, Spin, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { parsePlanDate } from '@shared/domain/dates';
import type { PersonId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import { overAllocations } from '@shared/resources/over-allocation';
import { inLocale } from '@shared/pipeline/labels';
import { useLoadRecords, useTeams } from '@renderer/db/hooks/resources';
import { useFormat } from '@renderer/i18n/useFormat';
import { PersonFormDrawer } from '@renderer/features/resources/components/PersonFormDrawer';
import { RolesPanel } from '@renderer/features/resources/components/RolesPanel';
import { computeLoad, weekStartOf } from '@renderer/features/resources/utils/load';
import { WEEKDAY_KEYS, workingWeekText } from '@renderer/features/resources/utils/labels';

type Editing = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; person: Person };

/** How far ahead the people list looks for over-allocation. */
const WARNING_WEEKS = 13;

/**
 * The shared pursuit pool: everyone with their roles, team, cost rate, capacity, working week and
 * leave, flagged when over capacity in the coming quarter; and the configurable list of roles.
 */
export default function PeoplePage() {
  const { t } = useTranslation('resources');
  const format = useFormat();
  const records = useLoadRecords();
  const teams = useTeams();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [showInactive, setShowInactive] = useState(false);
  const [search, setSearch] = useState('');
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));

  const overWeeks = useMemo(() => {
    const map = new Map<PersonId, number>();
    if (!records) return map;
    const load = computeLoad(records, weekStartOf(today), WARNING_WEEKS);
    for (const over of overAllocations(load)) map.set(over.personId, over.weeks.length);
    return map;
  }, [records, today]);

  if (!records || !teams) {
    return (
      <Flex flex={1} align="center" justify="center">
        <Spin />
      </Flex>
    );
  }
  const roleName = new Map(records.roles.map((r) => [r.id, inLocale(r.name, format.locale)]));
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const needle = search.trim().toLowerCase();
  const shown = records.people.filter(
    (p) => (showInactive || p.active) && (needle === '' || p.name.toLowerCase().includes(needle)),
  );

  const peopleTab = (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <Input.Search
          allowClear
          placeholder={t('people.search')}
          aria-label={t('people.search')}
          style={{ width: 240 }}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <label>
          <Flex gap={8} align="center">
            <Switch size="small" checked={showInactive} onChange={setShowInactive} />
            {t('people.showInactive')}
          </Flex>
        </label>
        <Flex flex={1} />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ mode: 'create' })}
        >
          {t('people.add')}
        </Button>
      </Flex>
      {records.people.length === 0 ? (
        <Empty description={t('people.empty')} />
      ) : (
        <Table<Person>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={shown}
          scroll={{ y: 'calc(100vh - 290px)' }}
          columns={[
            {
              key: 'name',
              title: t('people.columns.name'),
              width: 300,
              render: (_, person) => {
                const weeks = overWeeks.get(person.id) ?? 0;
                return (
                  <Flex gap={6} align="center" wrap>
                    <Typography.Text strong>{person.name}</Typography.Text>
                    {weeks > 0 && (
                      <Tag color="error" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }}>
                        {t('people.overWeeks', { count: weeks })}
                      </Tag>
                    )}
                  </Flex>
                );
              },
            },
            {
              key: 'roles',
              title: t('people.columns.roles'),
              render: (_, person) => (
                <Flex gap={4} wrap>
                  {person.roleIds.map((id, i) => (
                    <Tag key={id} color={i === 0 ? 'blue' : undefined}>
                      {roleName.get(id) ?? '—'}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'team',
              title: t('people.columns.team'),
              render: (_, person) =>
                person.teamId === null ? t('people.noTeam') : (teamName.get(person.teamId) ?? '—'),
            },
            {
              key: 'rate',
              title: t('people.columns.costRate'),
              align: 'right',
              render: (_, person) =>
                format.money(person.costRate.amountMinor, person.costRate.currency),
            },
            {
              key: 'capacity',
              title: t('people.columns.capacity'),
              align: 'right',
              render: (_, person) =>
                t('people.hours', { hours: format.number(person.weeklyCapacityHours) }),
            },
            {
              key: 'week',
              title: t('people.columns.workingWeek'),
              render: (_, person) =>
                workingWeekText(person.workingWeek, (day) => t(WEEKDAY_KEYS[day])),
            },
            {
              key: 'leave',
              title: t('people.columns.leave'),
              render: (_, person) => t('people.leaveCount', { count: person.leaveDays.length }),
            },
            {
              key: 'status',
              title: t('people.columns.status'),
              render: (_, person) =>
                person.active ? (
                  <Tag color="success">{t('people.status.active')}</Tag>
                ) : (
                  <Tag>{t('people.status.inactive')}</Tag>
                ),
            },
            {
              key: 'edit',
              width: 48,
              render: (_, person) => (
                <Button
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('people.edit', { name: person.name })}
                  onClick={() => setEditing({ mode: 'edit', person })}
                />
              ),
            },
          ]}
        />
      )}
    </Flex>
  );

  return (
    <Flex vertical gap={8} style={{ padding: 16 }}>
      <Typography.Text type="secondary">{t('people.intro')}</Typography.Text>
      <Tabs
        items={[
          { key: 'people', label: t('people.tabs.people'), children: peopleTab },
          {
            key: 'roles',
            label: t('people.tabs.roles'),
            children: (
              <RolesPanel
                roles={records.roles}
                people={records.people}
                currency={records.settings.baseCurrency}
              />
            ),
          },
        ]}
      />
      <PersonFormDrawer
        open={editing.mode !== 'closed'}
        person={editing.mode === 'edit' ? editing.person : null}
        roles={records.roles}
        teams={teams}
        currency={records.settings.baseCurrency}
        onClose={() => setEditing({ mode: 'closed' })}
      />
    </Flex>
  );
}
