import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Empty, Flex, Segmented, Spin, Timeline, Typography } from 'antd';
import {
  EnvironmentOutlined,
  FileTextOutlined,
  HistoryOutlined,
  MailOutlined,
  PhoneOutlined,
  PlusOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { ActivityType } from '@shared/domain/activity';
import { ACTIVITY_TYPES } from '@shared/domain/activity';
import { inLocale } from '@shared/pipeline/labels';
import {
  useAccounts,
  useContactsFor,
  useDealActivities,
  usePeople,
  useStages,
} from '@renderer/db/hooks/queries';
import { useFormat } from '@renderer/i18n/useFormat';
import type { DealTabProps } from '@renderer/features/deal/tabs';
import { ActivityEntry } from '@renderer/features/deal/components/activity/ActivityEntry';
import { useOpenLogActivity } from '@renderer/features/deal/hooks/useLogActivity';
import type { ChangeContext } from '@renderer/features/deal/utils/describeChanges';

const PAGE = 50;

const ICONS: Record<ActivityType, ReactNode> = {
  call: <PhoneOutlined aria-hidden />,
  meeting: <TeamOutlined aria-hidden />,
  site_visit: <EnvironmentOutlined aria-hidden />,
  email: <MailOutlined aria-hidden />,
  note: <FileTextOutlined aria-hidden />,
  system: <HistoryOutlined aria-hidden />,
};

type Filter = ActivityType | 'all';

/**
 * The deal's trail, newest first: logged calls, meetings, visits, emails and notes, and every
 * change the app recorded (stage moves, dates, value…) with old → new. Filterable by type.
 */
export default function ActivityTab({ deal }: DealTabProps) {
  const { t } = useTranslation(['deal', 'deals']);
  const format = useFormat();
  const openLog = useOpenLogActivity();
  const activities = useDealActivities(deal.id);
  const people = usePeople();
  const stages = useStages();
  const accounts = useAccounts();
  const [filter, setFilter] = useState<Filter>('all');
  const [limit, setLimit] = useState(PAGE);

  const referenced = useMemo(
    () =>
      [
        ...new Set([
          ...deal.buyingCentre.map((member) => member.contactId),
          ...(activities ?? []).flatMap((activity) => activity.contactIds),
        ]),
      ].sort(),
    [deal.buyingCentre, activities],
  );
  const contacts = useContactsFor(deal.accountId, referenced);

  const changeContext = useMemo<ChangeContext>(() => {
    const names = <T extends { id: string; name: string }>(rows: readonly T[] | undefined) =>
      new Map<string, string>((rows ?? []).map((row) => [row.id, row.name]));
    const peopleNames = names(people);
    const accountNames = names(accounts);
    const contactNames = names(contacts);
    const stageNames = new Map<string, string>(
      (stages ?? []).map((stage) => [stage.id, inLocale(stage.name, format.locale)]),
    );
    // Criterion keys are unique within a stage; the deal's own stage wins a clash.
    const criteria = new Map<string, string>();
    const own = (stages ?? []).find((stage) => stage.id === deal.stageId);
    for (const stage of [own, ...(stages ?? [])]) {
      for (const criterion of stage?.exitCriteria ?? []) {
        if (!criteria.has(criterion.key)) {
          criteria.set(criterion.key, inLocale(criterion.label, format.locale));
        }
      }
    }
    return {
      t,
      format,
      currency: deal.value.currency,
      stageName: (id) => stageNames.get(id),
      personName: (id) => peopleNames.get(id),
      accountName: (id) => accountNames.get(id),
      contactName: (id) => contactNames.get(id),
      criterionLabel: (key) => criteria.get(key),
    };
  }, [t, format, deal.value.currency, deal.stageId, people, accounts, contacts, stages]);

  const shown = (activities ?? []).filter(
    (activity) => filter === 'all' || activity.type === filter,
  );
  const personName = (id: string | null) =>
    id === null ? null : (people?.find((person) => person.id === id)?.name ?? null);

  return (
    <Card>
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Segmented<Filter>
          aria-label={t('activity.filter')}
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setLimit(PAGE);
          }}
          options={[
            { value: 'all', label: t('activity.all') },
            ...ACTIVITY_TYPES.map((type) => ({ value: type, label: t(`activity.types.${type}`) })),
          ]}
        />
        <Typography.Text type="secondary">
          {t('activity.count', { count: shown.length })}
        </Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={openLog}
          style={{ marginInlineStart: 'auto' }}
        >
          {t('activity.log')}
        </Button>
      </Flex>
      {activities === undefined ? (
        <Flex justify="center" style={{ padding: 32 }}>
          <Spin />
        </Flex>
      ) : shown.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={activities.length === 0 ? t('activity.empty') : t('activity.emptyFilter')}
        />
      ) : (
        <>
          <Timeline
            aria-label={t('activity.title')}
            items={shown.slice(0, limit).map((activity) => ({
              key: activity.id,
              color: activity.type === 'system' ? 'gray' : 'blue',
              icon: ICONS[activity.type],
              content: (
                <ActivityEntry
                  activity={activity}
                  changeContext={changeContext}
                  actorName={personName(activity.actorId)}
                  contactNames={activity.contactIds.map(
                    (id) => changeContext.contactName(id) ?? t('buyingCentre.unknownContact'),
                  )}
                />
              ),
            }))}
          />
          {shown.length > limit && (
            <Flex justify="center">
              <Button onClick={() => setLimit(limit + PAGE)}>
                {t('activity.more', { count: Math.min(PAGE, shown.length - limit) })}
              </Button>
            </Flex>
          )}
        </>
      )}
    </Card>
  );
}
