import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Button, Empty, Flex, Popconfirm, Select, Spin, Table, Tag, Typography } from 'antd';
import {
  CalendarOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  PlusOutlined,
  RightOutlined,
} from '@ant-design/icons';
import type { Deliverable, ReviewRound } from '@shared/domain/deliverable';
import { DELIVERABLE_STATUSES } from '@shared/domain/deliverable';
import { parsePlanDate } from '@shared/domain/dates';
import { dueState, reviewSummary } from '@shared/deliverables/progress';
import type { DealTabProps } from '@renderer/features/deal/tabs';
import { useDealDeliverables } from '@renderer/db/hooks/deliverables';
import { usePeople } from '@renderer/db/hooks/queries';
import { DeliverableFormDrawer } from '@renderer/features/deliverables/components/DeliverableFormDrawer';
import { DueDate } from '@renderer/features/deliverables/components/DueDate';
import { ReviewRounds } from '@renderer/features/deliverables/components/ReviewRounds';
import { useDeliverableActions } from '@renderer/features/deliverables/hooks/useDeliverableActions';
import { REVIEW_TAG_COLORS } from '@renderer/features/deliverables/utils/colors';
import { useExportMilestones } from '@renderer/features/timeline/hooks/useExportMilestones';

type Editing = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; deliverable: Deliverable };

/**
 * The deal's proposal volumes and documents: owner, due date, page limit, status, and the
 * colour-team reviews of each (expand a row to see and resolve the comments).
 */
export default function DeliverablesTab({ deal }: DealTabProps) {
  const { t } = useTranslation(['deliverables', 'timeline']);
  const data = useDealDeliverables(deal.id);
  const people = usePeople();
  const actions = useDeliverableActions();
  const exporter = useExportMilestones();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [expanded, setExpanded] = useState<readonly string[]>([]);
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));

  const roundsOf = useMemo(() => {
    const map = new Map<string, ReviewRound[]>();
    for (const round of data?.rounds ?? []) {
      const list = map.get(round.deliverableId);
      if (list) list.push(round);
      else map.set(round.deliverableId, [round]);
    }
    return map;
  }, [data]);
  const names = useMemo(
    () => new Map<string, string>((people ?? []).map((person) => [person.id, person.name])),
    [people],
  );

  if (!data || !people) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }

  const { deliverables } = data;
  const overdue = deliverables.filter((d) => dueState(d, today).state === 'overdue').length;
  const openComments = reviewSummary(data.rounds).openComments;
  const toggle = (id: string) =>
    setExpanded((keys) => (keys.includes(id) ? keys.filter((key) => key !== id) : [...keys, id]));

  const toolbar = (
    <Flex align="center" gap={12} wrap>
      {deliverables.length > 0 && (
        <Typography.Text type="secondary" aria-live="polite">
          {[
            t('summary.count', { count: deliverables.length }),
            ...(overdue > 0 ? [t('summary.overdue', { count: overdue })] : []),
            ...(openComments > 0 ? [t('summary.openComments', { count: openComments })] : []),
          ].join(' · ')}
        </Typography.Text>
      )}
      <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
        <Button
          icon={<CalendarOutlined aria-hidden />}
          loading={exporter.busy}
          onClick={() => void exporter.run({ kind: 'deal', deal })}
        >
          {t('timeline:export.deal')}
        </Button>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setEditing({ mode: 'create' })}
        >
          {t('add')}
        </Button>
      </Flex>
    </Flex>
  );

  const drawer = (
    <DeliverableFormDrawer
      open={editing.mode !== 'closed'}
      deal={deal}
      deliverable={editing.mode === 'edit' ? editing.deliverable : null}
      people={people}
      onClose={() => setEditing({ mode: 'closed' })}
    />
  );

  if (deliverables.length === 0) {
    return (
      <Flex vertical gap={12}>
        {toolbar}
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <Flex vertical gap={4} align="center">
              <Typography.Text strong>{t('empty.title')}</Typography.Text>
              <Typography.Text type="secondary" style={{ maxWidth: 520 }}>
                {t('empty.body')}
              </Typography.Text>
            </Flex>
          }
        />
        {drawer}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={12}>
      {toolbar}
      <Table<Deliverable>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={[...deliverables]}
        expandable={{
          showExpandColumn: false,
          expandedRowKeys: [...expanded],
          expandedRowRender: (deliverable) => (
            <ReviewRounds
              deliverable={deliverable}
              rounds={roundsOf.get(deliverable.id) ?? []}
              people={people}
            />
          ),
        }}
        columns={[
          {
            key: 'name',
            title: t('columns.name'),
            render: (_: unknown, d: Deliverable) => (
              <Flex vertical>
                <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                  {d.name}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    t(`kind.${d.kind}`),
                    ...(d.pageLimit !== null ? [t('pages', { count: d.pageLimit })] : []),
                  ].join(' · ')}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'owner',
            title: t('columns.owner'),
            width: 140,
            render: (_: unknown, d: Deliverable) =>
              d.ownerId ? (
                (names.get(d.ownerId) ?? '')
              ) : (
                <Typography.Text type="secondary">{t('noOwner')}</Typography.Text>
              ),
          },
          {
            key: 'due',
            title: t('columns.due'),
            width: 210,
            render: (_: unknown, d: Deliverable) => <DueDate deliverable={d} today={today} />,
          },
          {
            key: 'status',
            title: t('columns.status'),
            width: 150,
            render: (_: unknown, d: Deliverable) => (
              <Select
                size="small"
                value={d.status}
                aria-label={t('actions.statusOf', { name: d.name })}
                style={{ width: 130 }}
                popupMatchSelectWidth={false}
                onChange={(status) => void actions.update(d, { status }).catch(() => {})}
                options={DELIVERABLE_STATUSES.map((status) => ({
                  value: status,
                  label: t(`status.${status}`),
                }))}
              />
            ),
          },
          {
            key: 'reviews',
            title: t('columns.reviews'),
            width: 230,
            render: (_: unknown, d: Deliverable) => {
              const summary = reviewSummary(roundsOf.get(d.id) ?? []);
              const isOpen = expanded.includes(d.id);
              return (
                <Button
                  type="text"
                  size="small"
                  aria-expanded={isOpen}
                  aria-label={t('actions.reviewsOf', { name: d.name })}
                  icon={isOpen ? <DownOutlined aria-hidden /> : <RightOutlined aria-hidden />}
                  onClick={() => toggle(d.id)}
                  style={{ paddingInline: 4 }}
                >
                  {summary.latest ? (
                    <Flex gap={6} align="center">
                      <Tag
                        color={REVIEW_TAG_COLORS[summary.latest.kind]}
                        style={{ marginInlineEnd: 0 }}
                      >
                        {t(`review.${summary.latest.kind}`)}
                        {summary.latest.score !== null ? ` ${summary.latest.score}` : ''}
                      </Tag>
                      {summary.openComments > 0 && (
                        <Typography.Text type="warning">
                          {t('summary.openComments', { count: summary.openComments })}
                        </Typography.Text>
                      )}
                    </Flex>
                  ) : (
                    <Typography.Text type="secondary">{t('rounds.title')}</Typography.Text>
                  )}
                </Button>
              );
            },
          },
          {
            key: 'actions',
            title: t('columns.actions'),
            width: 96,
            render: (_: unknown, d: Deliverable) => (
              <Flex gap={4}>
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined aria-hidden />}
                  aria-label={t('actions.editNamed', { name: d.name })}
                  onClick={() => setEditing({ mode: 'edit', deliverable: d })}
                />
                <Popconfirm
                  title={t('actions.deleteConfirm', { name: d.name })}
                  okButtonProps={{ danger: true }}
                  okText={t('actions.delete')}
                  onConfirm={() => void actions.remove(d).catch(() => {})}
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('actions.deleteNamed', { name: d.name })}
                  />
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      {drawer}
    </Flex>
  );
}
