import { useTranslation } from 'react-i18next';
import { Steps } from 'antd';
import type { Deal } from '@shared/domain/deal';
import type { Stage } from '@shared/domain/sales-process';
import { inLocale } from '@shared/pipeline/labels';
import { useFormat } from '@renderer/i18n/useFormat';
import { stagePath } from '@renderer/features/deal/utils/stagePath';

/** Every stage of the deal's process, the current one highlighted; a closed deal ends in its outcome. */
export function StagePath({ deal, stages }: { deal: Deal; stages: readonly Stage[] }) {
  const { t } = useTranslation('deal');
  const format = useFormat();
  const path = stagePath(deal, stages);
  return (
    <nav aria-label={t('header.stagePath')}>
      <Steps
        size="small"
        current={path.current}
        items={path.steps.map((step, index) => ({
          key: step.stage.id,
          title: inLocale(step.stage.name, format.locale),
          status: step.status,
          content:
            index === path.current && deal.outcomeDate !== null && deal.status !== 'open'
              ? t('header.closedOn', { date: format.date(deal.outcomeDate) })
              : undefined,
        }))}
      />
    </nav>
  );
}
