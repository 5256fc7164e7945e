import { useCallback } from 'react';
import { Flex, Popover, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DealHealth, HealthLevel } from '@shared/health/health';
import { useFormat } from '@renderer/i18n/useFormat';
import { useAppToken } from '@renderer/app/token';
import { describeReason } from '@renderer/features/health/utils/describe';

const ICONS = {
  green: CheckCircleFilled,
  amber: ExclamationCircleFilled,
  red: CloseCircleFilled,
} as const;

/** The colour of a level from the theme (never the only cue: an icon and a label go with it). */
export function useHealthColor(): (level: HealthLevel) => string {
  const token = useAppToken();
  return (level) =>
    level === 'green'
      ? token.colorSuccess
      : level === 'amber'
        ? token.colorWarning
        : token.colorError;
}

/** The reasons as a list, worst first (or "nothing to flag"). */
export function HealthReasons({ health }: { health: DealHealth }) {
  const { t } = useTranslation('health');
  const format = useFormat();
  const color = useHealthColor();
  if (health.reasons.length === 0) return <Typography.Text>{t('none')}</Typography.Text>;
  return (
    <ul className="health-reasons" style={{ margin: 0, paddingInlineStart: 18, maxWidth: 420 }}>
      {health.reasons.map((reason) => (
        <li key={reason.code} data-reason={reason.code} style={{ color: color(reason.severity) }}>
          <Typography.Text>{describeReason(reason, t, format)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

interface BadgeProps {
  health: DealHealth;
  /** Show the label next to the icon (the grid and header); the board shows the icon only. */
  showLabel?: boolean;
  /**
   * The badge replaces a plain one the pointer or focus just reached (the portfolio grid mounts
   * the popover only then): open the reasons at once, and take over the focus if it had it.
   */
  openNow?: boolean;
  autoFocus?: boolean;
  /**
   * Where the reasons open. In a table, `leftTop`: beside the badge and down from it. Above or
   * centred on the first rows, a long list of reasons covers the toolbar, and a hover popover
   * that a resting pointer opened then stands over the button the user reaches for next.
   */
  placement?: 'top' | 'leftTop';
}

/** A level's icon in its colour, with its label, and the reasons on hover or focus. */
export function HealthBadge({
  health,
  showLabel = true,
  openNow = false,
  autoFocus = false,
  placement = 'top',
}: BadgeProps) {
  const { t } = useTranslation('health');
  const color = useHealthColor();
  const Icon = ICONS[health.level];
  const label = t(`level.${health.level}`);
  const focusOnMount = useCallback(
    (element: HTMLSpanElement | null) => {
      if (autoFocus) element?.focus();
    },
    // Only the element the badge mounted with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return (
    <Popover
      trigger={['hover', 'focus']}
      placement={placement}
      defaultOpen={openNow}
      title={t('reasonsTitle')}
      content={<HealthReasons health={health} />}
    >
      <span
        ref={focusOnMount}
        className={`health-badge health-${health.level}`}
        data-health={health.level}
        tabIndex={0}
        role="img"
        aria-label={`${t('label')}: ${label}`}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, color: color(health.level) }}
      >
        <Icon aria-hidden />
        {showLabel && <span style={{ color: 'var(--ant-color-text)' }}>{label}</span>}
      </span>
    </Popover>
  );
}

/** The deal header's tag: the level, and the reasons listed in a popover. */
export function HealthTag({ health }: { health: DealHealth }) {
  const { t } = useTranslation('health');
  const color = useHealthColor();
  const Icon = ICONS[health.level];
  return (
    <Popover
      trigger={['click', 'hover']}
      title={t('reasonsTitle')}
      content={<HealthReasons health={health} />}
    >
      <button
        type="button"
        className={`health-tag health-${health.level}`}
        data-health={health.level}
        aria-label={`${t('label')}: ${t(`level.${health.level}`)}`}
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 4,
          border: `1px solid ${color(health.level)}`,
          borderRadius: 4,
          background: 'transparent',
          padding: '0 7px',
          lineHeight: '20px',
          fontSize: 12,
          cursor: 'pointer',
          color: color(health.level),
        }}
      >
        <Icon aria-hidden />
        <Flex component="span" gap={4}>
          <span>{t(`level.${health.level}`)}</span>
          {health.reasons.length > 0 && <span>· {health.reasons.length}</span>}
        </Flex>
      </button>
    </Popover>
  );
}
