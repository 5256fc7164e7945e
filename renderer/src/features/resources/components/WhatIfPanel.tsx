import { useTranslation } from 'react-i18next';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import type { DealId, PersonId } from '@shared/domain/ids';
import type { TentativeLayer } from '@shared/resources/what-if';
import { useFormat } from '@renderer/i18n/useFormat';
import { hoursOf } from '@renderer/features/resources/utils/labels';

interface WhatIfPanelProps {
  layer: TentativeLayer;
  dealLabel: string;
  personName: (id: PersonId) => string;
  dealCode: (id: DealId) => string;
  onAccept: () => void;
  onDiscard: () => void;
}

/** How many lines each list shows before it stops (the worst are first). */
const SHOWN = 12;

/**
 * The what-if's findings: the person-weeks the tentative deal would push over capacity and the
 * other deals' milestones that would be at risk. Accept and Discard both leave stored data as it is.
 */
export function WhatIfPanel({
  layer,
  dealLabel,
  personName,
  dealCode,
  onAccept,
  onDiscard,
}: WhatIfPanelProps) {
  const { t } = useTranslation('resources');
  const format = useFormat();
  const hours = (minutes: number) => format.number(hoursOf(minutes));
  return (
    <Card
      size="small"
      data-testid="what-if"
      title={t('whatIf.title', { deal: dealLabel })}
      extra={
        <Flex gap={8}>
          <Button onClick={onDiscard}>{t('whatIf.discard')}</Button>
          <Button type="primary" onClick={onAccept}>
            {t('whatIf.accept')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('whatIf.intro')}</Typography.Text>
        <Typography.Text strong>{t('whatIf.overloads')}</Typography.Text>
        {layer.overloads.length === 0 ? (
          <Typography.Text type="secondary">{t('whatIf.noOverloads')}</Typography.Text>
        ) : (
          layer.overloads.slice(0, SHOWN).map((over) => (
            <Flex key={`${over.personId}-${over.week}`} gap={6} align="center">
              <Typography.Text>
                {t('whatIf.overloadLine', {
                  name: personName(over.personId),
                  date: format.date(over.weekStart, 'short'),
                  hours: hours(over.assignedMinutes + over.tentativeMinutes),
                  capacity: hours(over.capacityMinutes),
                })}
              </Typography.Text>
              {over.newlyOver && <Tag color="warning">{t('whatIf.newlyOver')}</Tag>}
            </Flex>
          ))
        )}
        <Typography.Text strong>{t('whatIf.atRisk')}</Typography.Text>
        {layer.milestonesAtRisk.length === 0 ? (
          <Typography.Text type="secondary">{t('whatIf.noRisk')}</Typography.Text>
        ) : (
          layer.milestonesAtRisk.slice(0, SHOWN).map((milestone) => (
            <Typography.Text key={milestone.milestoneId}>
              {t('whatIf.milestoneLine', {
                code: dealCode(milestone.dealId),
                name: milestone.name,
                date: format.date(milestone.date, 'short'),
              })}
            </Typography.Text>
          ))
        )}
      </Flex>
    </Card>
  );
}
