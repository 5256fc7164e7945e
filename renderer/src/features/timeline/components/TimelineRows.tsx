import { memo } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown } from 'antd';
import type { GlobalToken } from 'antd';
import {
  CalendarOutlined,
  DownOutlined,
  FileTextOutlined,
  MoreOutlined,
  ProjectOutlined,
  RightOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { MilestoneKind } from '@shared/domain/milestone';
import type { AppLocale } from '@shared/format/locale';
import type { TimeScale } from '@shared/timeline/scale';
import { barBox } from '@shared/timeline/scale';
import type { TimelineDeal, TimelineGroup } from '@shared/timeline/rows';
import type { Formatters } from '@renderer/i18n/useFormat';
import { useAppToken } from '@renderer/app/token';

/** Geometry shared by the rows and the chart around them, px. */
export const LABEL_WIDTH = 320;
export const ROW_HEIGHT = 34;
export const GROUP_HEIGHT = 32;
const BAR_HEIGHT = 14;
const MARKER_SIZE = 10;

/** The colour of each key milestone's marker (gates purple, reviews orange, submission red…). */
function markerColor(kind: MilestoneKind, token: GlobalToken): string {
  switch (kind) {
    case 'bid_no_bid':
      return token.purple;
    case 'review':
      return token.orange;
    case 'submission':
      return token.red;
    case 'award':
      return token.green;
    default:
      return token.colorTextSecondary;
  }
}

/** A marker: a diamond for gates, reviews and submission, a circle for the award. */
export function markerStyle(kind: MilestoneKind, done: boolean, token: GlobalToken): CSSProperties {
  const color = markerColor(kind, token);
  return {
    display: 'inline-block',
    width: MARKER_SIZE,
    height: MARKER_SIZE,
    boxSizing: 'border-box',
    border: `2px solid ${color}`,
    background: done ? color : token.colorBgContainer,
    borderRadius: kind === 'award' ? '50%' : 1,
    transform: kind === 'award' ? undefined : 'rotate(45deg)',
  };
}

const ellipsis: CSSProperties = {
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};

interface DealRowProps {
  deal: TimelineDeal;
  top: number;
  scale: TimeScale;
  format: Formatters;
  onExport: (deal: TimelineDeal) => void;
}

/**
 * One deal: its code and name (kept in view while scrolling sideways), the bar from start to
 * finish linking to the deal's plan, and its key milestones on the bar. Every text is rendered
 * as text (React children and `title`), never as markup.
 */
export const DealRow = memo(function DealRow({ deal, top, scale, format, onExport }: DealRowProps) {
  const { t } = useTranslation('timeline');
  const token = useAppToken();
  const navigate = useNavigate();
  const box = barBox(scale, deal.start, deal.finish);
  const slipping = deal.slips.length > 0;
  const range = t('bar.range', {
    startLabel: t(`bar.start.${deal.startFrom}`),
    start: format.date(deal.start),
    finishLabel: t(`bar.finish.${deal.finishFrom}`),
    finish: format.date(deal.finish),
  });
  const slipLines = deal.slips.map((slip) =>
    t(slip.reason === 'late' ? 'slip.late' : 'slip.overdue', { name: slip.name, count: slip.days }),
  );
  const tooltip = [`${deal.code} ${deal.name}`, range, ...slipLines].join('\n');

  return (
    <div
      role="listitem"
      data-deal-id={deal.id}
      style={{
        position: 'absolute',
        top,
        left: 0,
        height: ROW_HEIGHT,
        width: LABEL_WIDTH + scale.width,
        display: 'flex',
        borderBottom: `1px solid ${token.colorSplit}`,
        boxSizing: 'border-box',
      }}
    >
      <div
        style={{
          position: 'sticky',
          left: 0,
          zIndex: 2,
          flex: 'none',
          width: LABEL_WIDTH,
          boxSizing: 'border-box',
          display: 'flex',
          alignItems: 'center',
          gap: 6,
          padding: '0 4px 0 28px',
          background: token.colorBgContainer,
          borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
        }}
        title={tooltip}
      >
        <span style={{ ...ellipsis, flex: 1, minWidth: 0 }}>
          <span style={{ fontWeight: 600, fontSize: 12, marginInlineEnd: 6 }}>{deal.code}</span>
          {deal.name}
        </span>
        {slipping && (
          <WarningFilled
            role="img"
            aria-label={t('slip.badge')}
            style={{ color: token.colorError, flex: 'none' }}
          />
        )}
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'plan', icon: <ProjectOutlined aria-hidden />, label: t('menu.openPlan') },
              {
                key: 'deliverables',
                icon: <FileTextOutlined aria-hidden />,
                label: t('menu.openDeliverables'),
              },
              { type: 'divider' },
              { key: 'ics', icon: <CalendarOutlined aria-hidden />, label: t('menu.exportIcs') },
            ],
            onClick: ({ key }) => {
              if (key === 'ics') onExport(deal);
              else void navigate(`/deals/${deal.id}/${key}`);
            },
          }}
        >
          <Button
            size="small"
            type="text"
            icon={<MoreOutlined aria-hidden />}
            aria-label={t('menu.label', { code: deal.code })}
          />
        </Dropdown>
      </div>
      <div style={{ position: 'relative', flex: 'none', width: scale.width }}>
        <a
          href={`#/deals/${deal.id}/plan`}
          aria-label={t('bar.label', {
            code: deal.code,
            name: deal.name,
            start: format.date(deal.start),
            finish: format.date(deal.finish),
          })}
          title={tooltip}
          data-timeline-bar=""
          style={{
            position: 'absolute',
            left: box.left,
            width: box.width,
            top: (ROW_HEIGHT - BAR_HEIGHT) / 2,
            height: BAR_HEIGHT,
            boxSizing: 'border-box',
            borderRadius: 4,
            background: slipping ? token.colorErrorBg : token.colorPrimaryBg,
            border: `1px solid ${slipping ? token.colorError : token.colorPrimary}`,
          }}
        >
          {deal.markers.map((marker) => (
            <span
              key={marker.id}
              title={t(marker.done ? 'bar.markerDone' : 'bar.marker', {
                name: marker.name,
                date: format.date(marker.date),
              })}
              style={{
                ...markerStyle(marker.kind, marker.done, token),
                position: 'absolute',
                left: scale.x(marker.date) - box.left + scale.pxPerDay / 2 - MARKER_SIZE / 2,
                top: (BAR_HEIGHT - MARKER_SIZE) / 2 - 1,
              }}
            />
          ))}
        </a>
      </div>
    </div>
  );
});

interface GroupRowProps {
  group: TimelineGroup;
  collapsed: boolean;
  top: number;
  width: number;
  language: AppLocale;
  onToggle: (key: string) => void;
}

/** A group's header (an owner or a stage): its name, how many deals and how many slip. */
export const GroupRow = memo(function GroupRow({
  group,
  collapsed,
  top,
  width,
  language,
  onToggle,
}: GroupRowProps) {
  const { t } = useTranslation('timeline');
  const token = useAppToken();
  const name =
    group.label.kind === 'owner'
      ? group.label.name || t('group.noOwner')
      : group.label.name
        ? language === 'zh-CN'
          ? group.label.name.zh
          : group.label.name.en
        : t('group.noStage');
  return (
    <div
      role="listitem"
      style={{
        position: 'absolute',
        top,
        left: 0,
        height: GROUP_HEIGHT,
        width,
        background: token.colorBgLayout,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        boxSizing: 'border-box',
      }}
    >
      <button
        type="button"
        aria-expanded={!collapsed}
        aria-label={t(collapsed ? 'group.expand' : 'group.collapse', { name })}
        onClick={() => onToggle(group.key)}
        style={{
          position: 'sticky',
          left: 0,
          height: '100%',
          maxWidth: '100vw',
          display: 'inline-flex',
          alignItems: 'center',
          gap: 8,
          padding: '0 12px 0 8px',
          border: 0,
          background: 'transparent',
          color: token.colorText,
          font: 'inherit',
          cursor: 'pointer',
        }}
      >
        {collapsed ? <RightOutlined aria-hidden /> : <DownOutlined aria-hidden />}
        <strong style={ellipsis}>{name}</strong>
        <span style={{ color: token.colorTextSecondary, whiteSpace: 'nowrap' }}>
          {t('group.count', { count: group.deals.length })}
        </span>
        {group.slipping > 0 && (
          <span style={{ color: token.colorError, whiteSpace: 'nowrap' }}>
            <WarningFilled aria-hidden /> {t('group.slipping', { count: group.slipping })}
          </span>
        )}
      </button>
    </div>
  );
});
