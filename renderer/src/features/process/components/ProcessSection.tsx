import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { DEFAULT_PROCESS_ID } from '@shared/domain/defaults';
import type { SalesProcessId, StageId } from '@shared/domain/ids';
import type { Stage } from '@shared/domain/sales-process';
import { GATE_KIND_NAMES, inLocale } from '@shared/pipeline/labels';
import { isClosingKind, moveInSequence, planReorder } from '@shared/pipeline/process-edit';
import { useStages } from '@renderer/db/hooks/queries';
import { useStageDealCounts } from '@renderer/db/hooks/process';
import { useFormat } from '@renderer/i18n/useFormat';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { DeleteStageDialog } from '@renderer/features/process/components/DeleteStageDialog';
import { StageEditorDrawer } from '@renderer/features/process/components/StageEditorDrawer';
import { useProcessActions } from '@renderer/features/process/hooks/useProcessActions';

type Direction = -1 | 1;

/** Visually hidden but read by screen readers (the reorder announcements). */
const SR_ONLY = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * Settings → Sales process: the stages in order, each with its default Pwin, forecast category,
 * checklist and templates and how many deals it holds. Stages move up and down with buttons
 * (keyboard focus follows the stage, and the new position is announced), open in an editor, and
 * are deleted through a dialog that asks where their deals go.
 */
export default function ProcessSection() {
  const { t } = useTranslation('process');
  const [language] = useLanguage();
  const format = useFormat();
  const allStages = useStages();
  const counts = useStageDealCounts();
  const actions = useProcessActions();
  const [editing, setEditing] = useState<{ stage: Stage | null } | null>(null);
  const [deleting, setDeleting] = useState<Stage | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [moving, setMoving] = useState(false);
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<{ id: StageId; direction: Direction } | null>(null);

  // The process shown: the default one (an install has one process; a restored backup may differ).
  const processId: SalesProcessId =
    allStages?.find((s) => s.processId === DEFAULT_PROCESS_ID)?.processId ??
    allStages?.[0]?.processId ??
    DEFAULT_PROCESS_ID;
  const stages = useMemo(
    () => (allStages ?? []).filter((s) => s.processId === processId),
    [allStages, processId],
  );
  const openCount = stages.filter((s) => s.kind === 'open').length;
  const name = (stage: Pick<Stage, 'name'>) => inLocale(stage.name, language);
  const otherName = (stage: Pick<Stage, 'name'>) =>
    inLocale(stage.name, language === 'zh-CN' ? 'en' : 'zh-CN');

  /** The order after moving `stage`, or null when the process rules refuse it. */
  const sequenceAfter = (stage: Stage, direction: Direction) => {
    const versions = stages.map((s) => ({ id: s.id, rev: s.rev }));
    const version = versions.find((v) => v.id === stage.id);
    if (!version) return null;
    const moved = moveInSequence(versions, version, direction);
    if (moved.every((v, i) => v === versions[i])) return null;
    return planReorder(
      stages,
      moved.map((v) => v.id),
    ).ok
      ? moved
      : null;
  };

  const move = async (stage: Stage, direction: Direction) => {
    const sequence = sequenceAfter(stage, direction);
    if (!sequence || moving) return;
    setMoving(true);
    try {
      await actions.reorder(sequence);
      refocus.current = { id: stage.id, direction };
      setAnnouncement(
        t('actions.moved', {
          name: name(stage),
          position: sequence.findIndex((v) => v.id === stage.id) + 1,
          count: sequence.length,
        }),
      );
    } catch {
      // Reported by the action; the list shows the order as stored.
    } finally {
      setMoving(false);
    }
  };

  // After a move the row is re-rendered in its new place: keep keyboard focus on its button, or
  // on the other one when the stage reached the end and its button is now disabled.
  useEffect(() => {
    const moved = refocus.current;
    if (!moved) return;
    const button = (direction: Direction) => moveButtons.current.get(`${moved.id}:${direction}`);
    const preferred = button(moved.direction);
    const target =
      preferred && !preferred.disabled ? preferred : button(-moved.direction as Direction);
    target?.focus();
    refocus.current = null;
  }, [stages]);

  const moveButton = (stage: Stage, direction: Direction) => {
    const label = t(direction < 0 ? 'actions.moveUp' : 'actions.moveDown', { name: name(stage) });
    return (
      <Tooltip title={label}>
        <Button
          ref={(element) => {
            const key = `${stage.id}:${direction}`;
            if (element instanceof HTMLButtonElement) moveButtons.current.set(key, element);
            else moveButtons.current.delete(key);
          }}
          size="small"
          aria-label={label}
          icon={direction < 0 ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />}
          disabled={moving || sequenceAfter(stage, direction) === null}
          onClick={() => void move(stage, direction)}
        />
      </Tooltip>
    );
  };

  const deleteLock = (stage: Stage): string | null => {
    if (isClosingKind(stage.kind)) return t('locked.closing');
    if (openCount <= 1) return t('locked.lastOpen');
    return null;
  };

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12}>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setEditing({ stage: null })}
          style={{ marginInlineStart: 'auto' }}
          disabled={allStages === undefined}
        >
          {t('addStage')}
        </Button>
      </Flex>
      <Table<Stage>
        rowKey="id"
        size="small"
        loading={allStages === undefined}
        dataSource={stages}
        pagination={false}
        aria-label={t('title')}
        columns={[
          {
            key: 'position',
            title: t('columns.position'),
            width: 44,
            render: (_: unknown, _stage: Stage, index: number) => (
              <Typography.Text type="secondary">{index + 1}</Typography.Text>
            ),
          },
          {
            key: 'stage',
            title: t('columns.stage'),
            render: (_: unknown, stage: Stage) => (
              <Flex vertical gap={2} align="start">
                <Typography.Text strong>{name(stage)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {otherName(stage)}
                </Typography.Text>
                {isClosingKind(stage.kind) && (
                  <Tag color="purple" style={{ marginInlineEnd: 0 }}>
                    {t('closingTag', { kind: t(`kind.${stage.kind}`) })}
                  </Tag>
                )}
                {stage.gateKinds.length > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('gatesLine', {
                      gates: stage.gateKinds
                        .map((gate) => inLocale(GATE_KIND_NAMES[gate], language))
                        .join(t('listSeparator')),
                    })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            key: 'pwin',
            title: t('columns.pwin'),
            align: 'right',
            width: 76,
            render: (_: unknown, stage: Stage) => format.percent(stage.defaultPwin / 100),
          },
          {
            key: 'forecast',
            title: t('columns.forecast'),
            width: 96,
            render: (_: unknown, stage: Stage) => t(`forecast.${stage.forecastCategory}`),
          },
          {
            key: 'criteria',
            title: t('columns.criteria'),
            align: 'right',
            width: 72,
            render: (_: unknown, stage: Stage) => format.number(stage.exitCriteria.length),
          },
          {
            key: 'milestones',
            title: t('columns.milestones'),
            align: 'right',
            width: 84,
            render: (_: unknown, stage: Stage) => format.number(stage.milestoneTemplates.length),
          },
          {
            key: 'deals',
            title: t('columns.deals'),
            align: 'right',
            width: 60,
            render: (_: unknown, stage: Stage) => format.number(counts?.get(stage.id) ?? 0),
          },
          {
            key: 'actions',
            title: t('columns.actions'),
            width: 132,
            render: (_: unknown, stage: Stage) => {
              const lock = deleteLock(stage);
              return (
                <Space size={4}>
                  {moveButton(stage, -1)}
                  {moveButton(stage, 1)}
                  <Tooltip title={t('actions.editStage', { name: name(stage) })}>
                    <Button
                      size="small"
                      icon={<EditOutlined aria-hidden />}
                      aria-label={t('actions.editStage', { name: name(stage) })}
                      onClick={() => setEditing({ stage })}
                    />
                  </Tooltip>
                  <Tooltip title={lock ?? t('actions.deleteStage', { name: name(stage) })}>
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('actions.deleteStage', { name: name(stage) })}
                      disabled={lock !== null}
                      onClick={() => setDeleting(stage)}
                    />
                  </Tooltip>
                </Space>
              );
            },
          },
        ]}
      />
      <div role="status" aria-live="polite" style={SR_ONLY}>
        {announcement}
      </div>
      {editing && (
        <StageEditorDrawer
          stage={editing.stage}
          processId={processId}
          onClose={() => setEditing(null)}
        />
      )}
      <DeleteStageDialog
        key={deleting?.id ?? 'none'}
        stage={deleting}
        stages={stages}
        dealCount={deleting ? (counts?.get(deleting.id) ?? 0) : 0}
        onClose={() => setDeleting(null)}
      />
    </Flex>
  );
}
