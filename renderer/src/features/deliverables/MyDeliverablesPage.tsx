import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { Empty, Flex, Segmented, Select, Spin, Table, Tag, Typography, theme } from 'antd';
import { parsePlanDate } from '@shared/domain/dates';
import type { PersonId } from '@shared/domain/ids';
import { isDeliverableDone, reviewSummary } from '@shared/deliverables/progress';
import { useAreaSearchParams } from '@renderer/app/hooks/useAreaSearchParams';
import type { PersonDeliverable } from '@renderer/db/hooks/deliverables';
import { useCurrentActorId, usePersonDeliverables } from '@renderer/db/hooks/deliverables';
import { usePeople } from '@renderer/db/hooks/queries';
import { DueDate } from '@renderer/features/deliverables/components/DueDate';
import { REVIEW_TAG_COLORS, STATUS_TAG_COLORS } from '@renderer/features/deliverables/utils/colors';

type Scope = 'open' | 'all';

/**
 * One person's deliverables across every deal, earliest due first, overdue ones marked: the
 * proposal writer's worklist. The person and scope live in the address (`?person=…&scope=all`),
 * so a reload or a bookmark keeps them, and are remembered when the user leaves the area and
 * comes back.
 */
export default function MyDeliverablesPage() {
  const { t } = useTranslation('deliverables');
  const { token } = theme.useToken();
  const people = usePeople();
  const actorId = useCurrentActorId();
  const [params, setParams] = useAreaSearchParams('deliverables');
  const chosen = params.get('person');
  const personId: PersonId | null = people?.find((person) => person.id === chosen)?.id ?? actorId;
  const scope: Scope = params.get('scope') === 'all' ? 'all' : 'open';
  const rows = usePersonDeliverables(personId);
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
  const person = people?.find((p) => p.id === personId);

  const shown = useMemo(
    () =>
      (rows ?? []).filter(
        (row) =>
          scope === 'all' ||
          (!isDeliverableDone(row.deliverable.status) && row.deal.status === 'open'),
      ),
    [rows, scope],
  );

  const update = (next: { person?: PersonId | null; scope?: Scope }) =>
    setParams((search) => {
      if (next.person !== undefined) {
        if (next.person === null) search.delete('person');
        else search.set('person', next.person);
      }
      if (next.scope !== undefined) {
        if (next.scope === 'all') search.set('scope', 'all');
        else search.delete('scope');
      }
    });

  if (!people) {
    return (
      <Flex flex={1} align="center" justify="center">
        <Spin />
      </Flex>
    );
  }

  return (
    <Flex vertical gap={12} style={{ padding: 16 }}>
      <Flex gap={12} align="center" wrap>
        <Select<PersonId>
          aria-label={t('my.person')}
          placeholder={t('my.personPlaceholder')}
          style={{ width: 240 }}
          value={personId ?? undefined}
          allowClear
          onChange={(value) => update({ person: value ?? null })}
          showSearch={{ optionFilterProp: 'label' }}
          options={people.map((p) => ({ value: p.id, label: p.name }))}
        />
        <Segmented<Scope>
          value={scope}
          onChange={(value) => update({ scope: value })}
          options={[
            { value: 'open', label: t('my.scope.open') },
            { value: 'all', label: t('my.scope.all') },
          ]}
        />
        {personId !== null && rows !== undefined && (
          <Typography.Text type="secondary" aria-live="polite">
            {t('summary.count', { count: shown.length })}
          </Typography.Text>
        )}
      </Flex>
      {personId === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('my.choose')} />
      ) : (
        <Table<PersonDeliverable>
          rowKey={(row) => row.deliverable.id}
          size="middle"
          loading={rows === undefined}
          dataSource={shown}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t(scope === 'all' ? 'my.noneAll' : 'my.none', {
                  name: person?.name ?? '',
                })}
              />
            ),
          }}
          onRow={(row) =>
            row.deliverable.dueDate < today && !isDeliverableDone(row.deliverable.status)
              ? { style: { background: token.colorErrorBg } }
              : {}
          }
          columns={[
            {
              key: 'due',
              title: t('columns.due'),
              width: 220,
              render: (_: unknown, row: PersonDeliverable) => (
                <DueDate deliverable={row.deliverable} today={today} />
              ),
            },
            {
              key: 'name',
              title: t('columns.name'),
              render: (_: unknown, row: PersonDeliverable) => (
                <Flex vertical>
                  <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                    {row.deliverable.name}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[
                      t(`kind.${row.deliverable.kind}`),
                      ...(row.deliverable.pageLimit !== null
                        ? [t('pages', { count: row.deliverable.pageLimit })]
                        : []),
                    ].join(' · ')}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'deal',
              title: t('columns.deal'),
              render: (_: unknown, row: PersonDeliverable) => (
                <Flex vertical>
                  <Link
                    to={`/deals/${row.deal.id}/deliverables`}
                    aria-label={t('my.openDeal', { code: row.deal.code })}
                  >
                    {row.deal.code}
                  </Link>
                  <Typography.Text
                    type="secondary"
                    ellipsis={{ tooltip: row.deal.name }}
                    style={{ fontSize: 12, maxWidth: 280 }}
                  >
                    {row.deal.name}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'status',
              title: t('columns.status'),
              width: 150,
              render: (_: unknown, row: PersonDeliverable) => (
                <Flex gap={4} wrap>
                  <Tag color={STATUS_TAG_COLORS[row.deliverable.status]}>
                    {t(`status.${row.deliverable.status}`)}
                  </Tag>
                  {row.deal.status !== 'open' && <Tag>{t('my.dealClosed')}</Tag>}
                </Flex>
              ),
            },
            {
              key: 'reviews',
              title: t('columns.reviews'),
              width: 260,
              render: (_: unknown, row: PersonDeliverable) => {
                const summary = reviewSummary(row.rounds);
                if (!summary.latest) return null;
                return (
                  <Flex gap={6} align="center" wrap>
                    <Tag
                      color={REVIEW_TAG_COLORS[summary.latest.kind]}
                      style={{ marginInlineEnd: 0 }}
                    >
                      {t(`review.${summary.latest.kind}`)}
                      {summary.latest.score !== null ? ` ${summary.latest.score}` : ''}
                    </Tag>
                    <Typography.Text type={summary.openComments > 0 ? 'warning' : 'secondary'}>
                      {summary.openComments > 0
                        ? t('summary.openComments', { count: summary.openComments })
                        : summary.comments > 0
                          ? t('rounds.allResolved', { count: summary.comments })
                          : t('rounds.noComments')}
                    </Typography.Text>
                  </Flex>
                );
              },
            },
          ]}
        />
      )}
    </Flex>
  );
}
