import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { DownOutlined, SwapOutlined } from '@ant-design/icons';
import type { Deal } from '@shared/domain/deal';
import type { Stage } from '@shared/domain/sales-process';
import { inLocale } from '@shared/pipeline/labels';
import { useStageMove } from '@renderer/features/pipeline/hooks/useStageMove';
import { useFormat } from '@renderer/i18n/useFormat';

/**
 * Moves the deal to another stage from its own workspace, the way the board does (same rules,
 * dialogs and undo through `useStageMove`). It is also the only way to act on a closed deal,
 * which the board does not show: reopen it in an open stage, or change its outcome (a win whose
 * contract falls through becomes a loss, and its commission is proposed for clawback).
 */
export function MoveStageButton({ deal, stages }: { deal: Deal; stages: readonly Stage[] }) {
  const { t } = useTranslation('deal');
  const format = useFormat();
  const { moveDeal, dialogs } = useStageMove();
  const closed = deal.status !== 'open';

  const items = useMemo<MenuProps['items']>(() => {
    // The stages of the deal's own process only (the process its current stage belongs to).
    const processId = stages.find((stage) => stage.id === deal.stageId)?.processId;
    return stages
      .filter((stage) => stage.processId === processId)
      .sort((a, b) => a.order - b.order)
      .map((stage) => {
        const name = inLocale(stage.name, format.locale);
        const current = stage.id === deal.stageId;
        // A closed deal can be reopened in any open stage, its own included (a cancelled deal
        // keeps its open stage); otherwise the current stage is shown but cannot be chosen.
        const reopens = closed && stage.kind === 'open';
        const disabled = current && !reopens;
        let label = name;
        if (reopens) label = t('moveStage.reopen', { stage: name });
        else if (current) label = t('moveStage.current', { stage: name });
        else if (closed) label = t('moveStage.outcome', { stage: name });
        return { key: stage.id, label, disabled };
      });
  }, [stages, deal.stageId, closed, format.locale, t]);

  const onClick: MenuProps['onClick'] = ({ key }) => {
    const target = stages.find((stage) => stage.id === key);
    if (target) void moveDeal({ deal, target });
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button icon={<SwapOutlined aria-hidden />}>
          {t('moveStage.action')} <DownOutlined aria-hidden />
        </Button>
      </Dropdown>
      {dialogs}
    </>
  );
}
