import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, theme } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PlanDate } from '@shared/domain/dates';
import type { AppLocale } from '@shared/format/locale';
import type { TimeScale } from '@shared/timeline/scale';
import { axisTicks, axisYears } from '@shared/timeline/scale';
import type { TimelineDeal, TimelineLine } from '@shared/timeline/rows';
import { useFormat } from '@renderer/i18n/useFormat';
import {
  DealRow,
  GROUP_HEIGHT,
  GroupRow,
  LABEL_WIDTH,
  ROW_HEIGHT,
} from '@renderer/features/timeline/components/TimelineRows';

const AXIS_ROW = 24;
const AXIS_HEIGHT = AXIS_ROW * 2;
/** Set once the first bars are on screen; the `timeline.render2000` benchmark reads it. */
const FIRST_BARS_MARK = 'pursuit:timeline-first-bars';

interface TimelineChartProps {
  lines: readonly TimelineLine[];
  scale: TimeScale;
  today: PlanDate;
  language: AppLocale;
  onToggleGroup: (key: string) => void;
  onExportDeal: (deal: TimelineDeal) => void;
  /** Called once the first bars are on screen. */
  onPainted: () => void;
}

/**
 * The drawing: a time axis (years over months or quarters) that stays on top, a label column
 * that stays on the left, a today line, and one row per group header or deal. Only the rows in
 * view (plus a few) are in the DOM, so 2,000 deals draw as fast as 20.
 */
export function TimelineChart({
  lines,
  scale,
  today,
  language,
  onToggleGroup,
  onExportDeal,
  onPainted,
}: TimelineChartProps) {
  const { t } = useTranslation('timeline');
  const { token } = theme.useToken();
  const format = useFormat();
  const scrollRef = useRef<HTMLDivElement>(null);

  const getItemKey = useCallback(
    (index: number) => {
      const line = lines[index];
      if (!line) return index;
      return line.type === 'group' ? `group:${line.group.key}` : `deal:${line.deal.id}`;
    },
    [lines],
  );
  // The virtualizer is read during render only; no memoised child receives its functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (lines[index]?.type === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    getItemKey,
    paddingStart: AXIS_HEIGHT,
    overscan: 8,
  });

  const ticks = useMemo(() => axisTicks(scale), [scale]);
  const years = useMemo(() => axisYears(scale), [scale]);
  const monthName = useMemo(
    () => new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' }),
    [language],
  );
  const todayX = scale.x(today) + scale.pxPerDay / 2;
  const width = LABEL_WIDTH + scale.width;
  const height = virtualizer.getTotalSize();

  // Open with today about a third of the way in, where the work ahead is; again on a new scale.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    element.scrollLeft = Math.max(0, todayX - (element.clientWidth - LABEL_WIDTH) / 3);
    // Only when the scale changes: the user's own scrolling must not be undone by a live update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scale.zoom, scale.start]);

  const hasLines = lines.length > 0;
  useEffect(() => {
    if (!hasLines) return;
    // After the frame with the bars: the benchmark's mark, then the view's next read.
    const frame = requestAnimationFrame(() => {
      if (performance.getEntriesByName(FIRST_BARS_MARK).length === 0) {
        performance.mark(FIRST_BARS_MARK);
      }
      onPainted();
    });
    return () => cancelAnimationFrame(frame);
  }, [hasLines, onPainted]);

  const axisCell: CSSProperties = {
    position: 'absolute',
    height: AXIS_ROW,
    lineHeight: `${AXIS_ROW}px`,
    boxSizing: 'border-box',
    paddingInline: 6,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    borderInlineStart: `1px solid ${token.colorBorderSecondary}`,
    fontSize: 12,
  };

  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label={t('title')}
      tabIndex={0}
      style={{ height: '100%', overflow: 'auto', position: 'relative', outline: 'none' }}
    >
      <div style={{ position: 'relative', width, height }}>
        <div
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 3,
            display: 'flex',
            width,
            height: AXIS_HEIGHT,
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorder}`,
            boxSizing: 'border-box',
          }}
        >
          <div
            style={{
              position: 'sticky',
              left: 0,
              zIndex: 4,
              flex: 'none',
              width: LABEL_WIDTH,
              boxSizing: 'border-box',
              display: 'flex',
              alignItems: 'flex-end',
              padding: '0 12px 4px 28px',
              fontWeight: 600,
              background: token.colorBgContainer,
              borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
            }}
          >
            {t('dealColumn')}
          </div>
          <div aria-hidden style={{ position: 'relative', flex: 'none', width: scale.width }}>
            {years.map((year) => (
              <div
                key={year.year}
                style={{
                  ...axisCell,
                  top: 0,
                  left: year.x,
                  width: year.width,
                  fontWeight: 600,
                  // Not a scroll box (as `hidden` would be), so the label can stick to the left.
                  overflow: 'clip',
                }}
              >
                {/* The year stays readable while its first months are scrolled out of view. */}
                <span style={{ position: 'sticky', left: LABEL_WIDTH + 6 }}>{year.year}</span>
              </div>
            ))}
            {ticks.map((tick) => (
              <div
                key={tick.start}
                style={{
                  ...axisCell,
                  top: AXIS_ROW,
                  left: tick.x,
                  width: tick.width,
                  color: token.colorTextSecondary,
                }}
              >
                {scale.zoom === 'month'
                  ? monthName.format(Date.UTC(tick.year, tick.unit - 1, 1))
                  : t('axis.quarter', { n: tick.unit })}
              </div>
            ))}
            <div
              style={{
                position: 'absolute',
                left: todayX,
                bottom: 0,
                transform: 'translateX(-50%)',
                padding: '0 4px',
                borderRadius: 3,
                fontSize: 11,
                lineHeight: '16px',
                color: token.colorWhite,
                background: token.colorError,
                whiteSpace: 'nowrap',
              }}
            >
              {t('today')}
            </div>
          </div>
        </div>
        {ticks.map((tick) => (
          <div
            key={tick.start}
            aria-hidden
            style={{
              position: 'absolute',
              top: AXIS_HEIGHT,
              left: LABEL_WIDTH + tick.x,
              width: 1,
              height: height - AXIS_HEIGHT,
              background: token.colorSplit,
            }}
          />
        ))}
        <div
          aria-hidden
          style={{
            position: 'absolute',
            zIndex: 1,
            top: AXIS_HEIGHT,
            left: LABEL_WIDTH + todayX,
            width: 2,
            marginInlineStart: -1,
            height: height - AXIS_HEIGHT,
            background: token.colorError,
            pointerEvents: 'none',
          }}
        />
        <div role="list" aria-label={t('title')}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = lines[item.index];
            if (!line) return null;
            return line.type === 'group' ? (
              <GroupRow
                key={item.key}
                group={line.group}
                collapsed={line.collapsed}
                top={item.start}
                width={width}
                language={language}
                onToggle={onToggleGroup}
              />
            ) : (
              <DealRow
                key={item.key}
                deal={line.deal}
                top={item.start}
                scale={scale}
                format={format}
                onExport={onExportDeal}
              />
            );
          })}
        </div>
        {!hasLines && (
          <div style={{ position: 'sticky', left: 0, width: 'min(100%, 100vw)', paddingTop: 48 }}>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty.noMatch')} />
          </div>
        )}
      </div>
    </div>
  );
}
