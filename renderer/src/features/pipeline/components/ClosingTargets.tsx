import { useTranslation } from 'react-i18next';
import { CheckCircleOutlined, CloseCircleOutlined, StopOutlined } from '@ant-design/icons';
import { useDroppable } from '@dnd-kit/core';
import type { Stage } from '@shared/domain/sales-process';
import { inLocale } from '@shared/pipeline/labels';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { useAppToken } from '@renderer/app/token';

function ClosingTarget({
  stage,
  dragging,
  disabled,
}: {
  stage: Stage;
  dragging: boolean;
  disabled: boolean;
}) {
  const { t } = useTranslation('pipeline');
  const token = useAppToken();
  const [language] = useLanguage();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, disabled });
  const tone =
    stage.kind === 'won'
      ? { color: token.colorSuccess, bg: token.colorSuccessBg, border: token.colorSuccessBorder }
      : stage.kind === 'lost'
        ? { color: token.colorError, bg: token.colorErrorBg, border: token.colorErrorBorder }
        : {
            color: token.colorTextSecondary,
            bg: token.colorFillSecondary,
            border: token.colorBorder,
          };
  const Icon =
    stage.kind === 'won'
      ? CheckCircleOutlined
      : stage.kind === 'lost'
        ? CloseCircleOutlined
        : StopOutlined;
  return (
    <section
      ref={setNodeRef}
      aria-label={inLocale(stage.name, language)}
      data-stage-id={stage.id}
      data-drop-over={isOver || undefined}
      style={{
        flex: 1,
        minHeight: 72,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 4,
        padding: 8,
        textAlign: 'center',
        borderRadius: token.borderRadiusLG,
        border: `1px dashed ${isOver || dragging ? tone.border : token.colorBorder}`,
        background: isOver ? tone.bg : token.colorFillQuaternary,
        transition: 'background 120ms, border-color 120ms',
      }}
    >
      <Icon aria-hidden style={{ fontSize: 18, color: tone.color }} />
      {/* Plain text, not antd Typography: a target re-renders at every step of a drag. */}
      <strong style={{ color: tone.color, fontWeight: 600 }}>
        {inLocale(stage.name, language)}
      </strong>
      {dragging && (
        <span style={{ fontSize: 12, color: token.colorTextSecondary }}>{t('closing.hint')}</span>
      )}
    </section>
  );
}

/**
 * The won, lost and no-bid stages as drop targets beside the columns: dropping a card there closes
 * the deal (after asking for the reason and the outcome date). Closed deals are not on the board.
 */
export function ClosingTargets({
  stages,
  dragging,
  disabled = false,
}: {
  stages: readonly Stage[];
  dragging: boolean;
  /** Not a drop target (while a person, not a card, is dragged). */
  disabled?: boolean;
}) {
  const { t } = useTranslation('pipeline');
  const token = useAppToken();
  return (
    <aside
      aria-label={t('closing.heading')}
      style={{ width: 112, flexShrink: 0, display: 'flex', flexDirection: 'column', gap: 8 }}
    >
      <span style={{ fontSize: 12, padding: '10px 4px 0', color: token.colorTextSecondary }}>
        {t('closing.heading')}
      </span>
      {stages.map((stage) => (
        <ClosingTarget key={stage.id} stage={stage} dragging={dragging} disabled={disabled} />
      ))}
    </aside>
  );
}
