import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Checkbox, Flex, Progress, Typography } from 'antd';
import type { Deal } from '@shared/domain/deal';
import type { Stage } from '@shared/domain/sales-process';
import { inLocale } from '@shared/pipeline/labels';
import { useFormat } from '@renderer/i18n/useFormat';
import { useWorkspaceActions } from '@renderer/features/deal/hooks/useWorkspaceActions';

/**
 * The current stage's exit criteria as a checklist: what must be true before the deal moves on.
 * The pipeline board asks for confirmation when a move would skip unchecked ones.
 */
export function ExitCriteriaCard({ deal, stages }: { deal: Deal; stages: readonly Stage[] }) {
  const { t } = useTranslation('deal');
  const format = useFormat();
  const actions = useWorkspaceActions();
  const [busy, setBusy] = useState<string | null>(null);
  const stage = stages.find((candidate) => candidate.id === deal.stageId);
  const open = stage !== undefined && stage.kind === 'open' && deal.status === 'open';
  const criteria = open ? stage.exitCriteria : [];
  const done = criteria.filter((c) => deal.checkedExitCriteria.includes(c.key)).length;

  const toggle = async (key: string, checked: boolean) => {
    setBusy(key);
    try {
      await actions.setExitCriterion(deal, key, checked);
    } catch {
      // Shown already; the box shows the stored state.
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      title={
        open
          ? t('exitCriteria.title', { stage: inLocale(stage.name, format.locale) })
          : t('exitCriteria.titleClosed')
      }
      style={{ height: '100%' }}
    >
      {!open ? (
        <Typography.Text type="secondary">{t('exitCriteria.closed')}</Typography.Text>
      ) : criteria.length === 0 ? (
        <Typography.Text type="secondary">{t('exitCriteria.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('exitCriteria.help')}
          </Typography.Text>
          <Progress
            percent={Math.round((done / criteria.length) * 100)}
            size="small"
            format={() => t('exitCriteria.progress', { done, total: criteria.length })}
          />
          {criteria.map((criterion) => (
            <Checkbox
              key={criterion.key}
              checked={deal.checkedExitCriteria.includes(criterion.key)}
              disabled={busy === criterion.key}
              onChange={(event) => void toggle(criterion.key, event.target.checked)}
            >
              {inLocale(criterion.label, format.locale)}
            </Checkbox>
          ))}
        </Flex>
      )}
    </Card>
  );
}
