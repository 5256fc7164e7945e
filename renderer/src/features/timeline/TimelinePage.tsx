import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Empty, Flex, Spin, Typography, theme } from 'antd';
import { calendarFromSettings } from '@shared/domain/calendar';
import { parsePlanDate } from '@shared/domain/dates';
import type { AccountId, PersonId, StageId } from '@shared/domain/ids';
import type { TimelineDeal, TimelineFilter, TimelineGrouping } from '@shared/timeline/rows';
import {
  buildTimelineDeals,
  filterTimelineDeals,
  groupTimelineDeals,
  TIMELINE_GROUPINGS,
  timelineLines,
  timelineSpan,
} from '@shared/timeline/rows';
import type { TimelineZoom } from '@shared/timeline/scale';
import { createTimeScale, TIMELINE_ZOOMS } from '@shared/timeline/scale';
import { useAreaSearchParams } from '@renderer/app/hooks/useAreaSearchParams';
import { filterFromParams, paramsWithFilter } from '@renderer/features/timeline/utils/filterParams';
import { useTimelineDeals, useTimelineMilestones } from '@renderer/db/hooks/timeline';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { TimelineChart } from '@renderer/features/timeline/components/TimelineChart';
import { LABEL_WIDTH } from '@renderer/features/timeline/components/TimelineRows';
import type { FilterOption } from '@renderer/features/timeline/components/TimelineToolbar';
import { TimelineToolbar } from '@renderer/features/timeline/components/TimelineToolbar';
import { useElementWidth } from '@renderer/features/timeline/hooks/useElementWidth';
import { useExportMilestones } from '@renderer/features/timeline/hooks/useExportMilestones';

/** Without settings (a database still being set up) slips are counted on a Monday–Friday week. */
const FALLBACK_CALENDAR = {
  workingWeek: [1, 2, 3, 4, 5],
  holidays: [],
  extraWorkingDays: [],
} as const;

const MILESTONES_MARK = 'pursuit:timeline-milestones';

function sortedOptions<T extends string>(
  entries: Iterable<[T, string]>,
  locale: string,
): FilterOption<T>[] {
  const collator = new Intl.Collator(locale);
  return [...new Map(entries)]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/**
 * The portfolio timeline: every open deal as a bar from kickoff to expected award with its gates,
 * submission and award, grouped by owner or stage, slipping deals marked. Grouping and scale live
 * in the address (`?group=stage&zoom=quarter`), so a bookmark opens the same view, and are
 * remembered when the user leaves the area and comes back.
 */
export default function TimelinePage() {
  const { t } = useTranslation('timeline');
  const { token } = theme.useToken();
  const [language] = useLanguage();
  const data = useTimelineDeals();
  // Bars first, then the milestones (the largest read): markers and slip marks follow at once.
  const [barsShown, setBarsShown] = useState(false);
  const milestones = useTimelineMilestones(barsShown);
  const exporter = useExportMilestones();
  const [params, setParams] = useAreaSearchParams('timeline');
  const grouping: TimelineGrouping =
    TIMELINE_GROUPINGS.find((value) => value === params.get('group')) ?? 'owner';
  const zoom: TimelineZoom =
    TIMELINE_ZOOMS.find((value) => value === params.get('zoom')) ?? 'month';
  // The filter lives in the address with the grouping and scale, so it is remembered too.
  const filter = useMemo(() => filterFromParams(params), [params]);
  const setFilter = (next: TimelineFilter) => setParams((search) => paramsWithFilter(search, next));
  const deferredFilter = useDeferredValue(filter);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));

  const setParam = (name: 'group' | 'zoom', value: string, fallback: string) =>
    setParams((search) => {
      if (value === fallback) search.delete(name);
      else search.set(name, value);
    });

  const deals = useMemo(() => {
    if (!data) return undefined;
    const settings = data.settings;
    return buildTimelineDeals({
      deals: data.deals,
      milestones: milestones ?? [],
      accounts: data.accounts,
      people: data.people,
      stages: data.stages,
      today,
      calendar: calendarFromSettings(settings ?? FALLBACK_CALENDAR),
      slipToleranceDays: settings?.thresholds.slipToleranceDays ?? 0,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  }, [data, milestones, today]);

  const shown = useMemo(
    () => (deals ? filterTimelineDeals(deals, deferredFilter) : []),
    [deals, deferredFilter],
  );
  const lines = useMemo(
    () => timelineLines(groupTimelineDeals(shown, grouping, language), collapsed),
    [shown, grouping, language, collapsed],
  );
  const span = useMemo(() => timelineSpan(deals ?? [], today), [deals, today]);
  const [chartArea, chartWidth] = useElementWidth();
  // The drawing fills the window: a short portfolio at quarter scale does not stop mid-screen.
  const minWidth = Math.max(0, chartWidth - LABEL_WIDTH);
  const scale = useMemo(
    () => createTimeScale(span.from, span.to, zoom, minWidth),
    [span, zoom, minWidth],
  );

  const options = useMemo(() => {
    const all = deals ?? [];
    return {
      owners: sortedOptions<PersonId>(
        all.map((deal) => [deal.ownerId, deal.ownerName]),
        language,
      ),
      accounts: sortedOptions<AccountId>(
        all.map((deal) => [deal.accountId, deal.accountName]),
        language,
      ),
      stages: (data?.stages ?? [])
        .filter((stage) => stage.kind === 'open' && stage.deletedAt === null)
        .sort((a, b) => a.order - b.order)
        .map((stage): FilterOption<StageId> => ({
          value: stage.id,
          label: language === 'zh-CN' ? stage.name.zh : stage.name.en,
        })),
    };
  }, [deals, data, language]);

  const toggleGroup = useCallback((key: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const markBarsShown = useCallback(() => setBarsShown(true), []);
  const milestonesLoaded = milestones !== undefined;
  useEffect(() => {
    // The benchmark's `timeline.milestones2000` reads this: markers and slips on screen.
    if (!milestonesLoaded || performance.getEntriesByName(MILESTONES_MARK).length > 0) return;
    const frame = requestAnimationFrame(() => performance.mark(MILESTONES_MARK));
    return () => cancelAnimationFrame(frame);
  }, [milestonesLoaded]);
  const { run: exportMilestones } = exporter;
  const exportDeal = useCallback(
    (deal: TimelineDeal) => void exportMilestones({ kind: 'deal', deal }),
    [exportMilestones],
  );

  if (!deals) {
    return (
      <Flex flex={1} align="center" justify="center">
        <Spin />
      </Flex>
    );
  }

  if (deals.length === 0) {
    return (
      <Flex flex={1} align="center" justify="center" style={{ padding: 48 }}>
        <Empty
          description={
            <Flex vertical gap={4} align="center">
              <Typography.Text strong>{t('empty.title')}</Typography.Text>
              <Typography.Text type="secondary" style={{ maxWidth: 480 }}>
                {t('empty.body')}
              </Typography.Text>
            </Flex>
          }
        />
      </Flex>
    );
  }

  return (
    <Flex
      vertical
      gap={12}
      style={{ height: '100%', minHeight: 0, padding: 16, boxSizing: 'border-box' }}
    >
      <TimelineToolbar
        filter={filter}
        onFilter={setFilter}
        grouping={grouping}
        onGrouping={(value) => {
          setCollapsed(new Set());
          setParam('group', value, 'owner');
        }}
        zoom={zoom}
        onZoom={(value) => setParam('zoom', value, 'month')}
        owners={options.owners}
        stages={options.stages}
        accounts={options.accounts}
        shown={shown.length}
        total={deals.length}
        exporting={exporter.busy}
        milestonesLoaded={milestonesLoaded}
        onExport={() => void exportMilestones({ kind: 'portfolio', deals: shown })}
      />
      <div
        ref={chartArea}
        style={{
          flex: 1,
          minHeight: 0,
          overflow: 'hidden',
          background: token.colorBgContainer,
          borderRadius: token.borderRadiusLG,
          border: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <TimelineChart
          lines={lines}
          scale={scale}
          today={today}
          language={language}
          onToggleGroup={toggleGroup}
          onExportDeal={exportDeal}
          onPainted={markBarsShown}
        />
      </div>
    </Flex>
  );
}
