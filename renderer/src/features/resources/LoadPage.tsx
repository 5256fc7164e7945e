import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Alert, App, Button, Card, Flex, Segmented, Select, Spin, Typography, theme } from 'antd';
import { DownloadOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { Assignment } from '@shared/domain/assignment';
import { addDays, isPlanDate, parsePlanDate } from '@shared/domain/dates';
import type { PlanDate } from '@shared/domain/dates';
import type { PersonLoad, WeeklyLoad } from '@shared/resources/load';
import { layerTentative } from '@shared/resources/what-if';
import type { PersonId, RoleId } from '@shared/domain/ids';
import { inLocale } from '@shared/pipeline/labels';
import { useAreaSearchParams } from '@renderer/app/hooks/useAreaSearchParams';
import { useLoadRecords, useMilestonesOf } from '@renderer/db/hooks/resources';
import type { LoadRecords } from '@renderer/db/hooks/resources';
import { useFormat } from '@renderer/i18n/useFormat';
import {
  AssignDialog,
  type AssignIntent,
} from '@renderer/features/resources/components/AssignDialog';
import {
  DrillDownDrawer,
  type DrillDown,
} from '@renderer/features/resources/components/DrillDownDrawer';
import { Heatmap, type HeatmapRow } from '@renderer/features/resources/components/Heatmap';
import { LoadSheetExport } from '@renderer/features/resources/components/LoadSheetExport';
import { OverAllocationList } from '@renderer/features/resources/components/OverAllocationList';
import { WhatIfPanel } from '@renderer/features/resources/components/WhatIfPanel';
import {
  clampWeeks,
  LoadSeries,
  nameMaps,
  overAllocationsWithSuggestions,
  WEEK_COUNTS,
  weekStartOf,
} from '@renderer/features/resources/utils/load';

type View = 'people' | 'roles';

/** Performance entries read by the benchmark (`test/bench/ops/heatmap.mjs`). */
const COMPUTE_MEASURE = 'pursuit:heatmap-compute';
const RENDER_MEASURE = 'pursuit:heatmap-render';

/** When the load being drawn started computing (null once its paint was measured). */
let renderStartedAt: number | null = null;

/**
 * Computes the load and records how long it took (`pursuit:heatmap-compute`); the paint that
 * follows closes the `pursuit:heatmap-render` measure, from the data arriving to the grid on
 * screen. Module state, not component state: it is timing only and never affects what is shown.
 */
function computeLoadMeasured(
  series: LoadSeries,
  records: LoadRecords,
  from: PlanDate,
  count: number,
): WeeklyLoad {
  const started = performance.now();
  renderStartedAt = started;
  const result = series.next(records, from, count);
  performance.measure(COMPUTE_MEASURE, { start: started, end: performance.now() });
  return result;
}

function measureRender(): void {
  const started = renderStartedAt;
  if (started === null) return;
  renderStartedAt = null;
  requestAnimationFrame(() =>
    performance.measure(RENDER_MEASURE, { start: started, end: performance.now() }),
  );
}

/** The grid row drawn for each person's load (kept only as long as that load is). */
const drawnRows = new WeakMap<PersonLoad, HeatmapRow>();

/** Which cell is drilled into; read against the current load so it follows live changes. */
interface DrillTarget {
  readonly view: View;
  readonly key: string;
  readonly week: number;
}

/**
 * The resource heatmap: people (or roles) × 4 to 52 weeks, each cell coloured by load against
 * capacity with its hours; a cell drills down to the deals and tasks that fill it. Below, the
 * people over capacity in the range with what could relieve them. View, range and first week live
 * in the address (`?view=roles&weeks=26&from=2026-11-30`) and are remembered when the user leaves
 * the area and comes back.
 */
export default function LoadPage() {
  const { t } = useTranslation('resources');
  const format = useFormat();
  const { token } = theme.useToken();
  const records = useLoadRecords();
  const [params, setParams] = useAreaSearchParams('load');
  const [drillTarget, setDrillTarget] = useState<DrillTarget | null>(null);
  const [intent, setIntent] = useState<AssignIntent | null>(null);
  const [tentativeDeal, setTentativeDeal] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const { message } = App.useApp();
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));

  const view: View = params.get('view') === 'roles' ? 'roles' : 'people';
  const weeksParam = Number(params.get('weeks') ?? 13);
  const count = clampWeeks(Number.isFinite(weeksParam) ? weeksParam : 13);
  const fromParam = params.get('from') ?? '';
  const from = weekStartOf(isPlanDate(fromParam) ? fromParam : today);

  const update = (next: { view?: View; weeks?: number; from?: string | null }) =>
    setParams((search) => {
      if (next.view !== undefined) search.set('view', next.view);
      if (next.weeks !== undefined) search.set('weeks', String(next.weeks));
      if (next.from !== undefined) {
        if (next.from === null) search.delete('from');
        else search.set('from', next.from);
      }
    });

  // Each load is computed from the one before: a reassignment recomputes the two people it moves
  // work between, and the other rows stay the same objects (their grid rows do not redraw).
  const [series] = useState(() => new LoadSeries());
  const load = useMemo(
    () => (records ? computeLoadMeasured(series, records, from, count) : null),
    [series, records, from, count],
  );

  const milestones = useMilestonesOf(
    tentativeDeal === null || !records ? null : records.deals.map((deal) => deal.id),
  );
  /** The what-if: the tentative deal's work moved to the tentative layer; nothing is written. */
  const layer = useMemo(() => {
    if (!load || !records || tentativeDeal === null || milestones === undefined) return null;
    return layerTentative(load, {
      assignments: records.assignments.filter((a) => a.dealId === tentativeDeal),
      tasks: records.tasks,
      people: records.people,
      settings: records.settings,
      milestones,
    });
  }, [load, records, tentativeDeal, milestones]);
  const shown = layer?.load ?? load;

  // Keyed on the lists it indexes, not the records: a reassignment changes only the assignments,
  // and indexing every task again after each one would cost more than the load itself.
  const people = records?.people;
  const roles = records?.roles;
  const deals = records?.deals;
  const tasks = records?.tasks;
  const names = useMemo(
    () => (people && roles && deals && tasks ? nameMaps({ people, roles, deals, tasks }) : null),
    [people, roles, deals, tasks],
  );
  const overs = useMemo(
    () => (load && records ? overAllocationsWithSuggestions(load, records) : []),
    [load, records],
  );

  const roleLabel = useCallback(
    (id: RoleId | null) => {
      const role = id === null ? undefined : names?.role.get(id);
      return role ? inLocale(role.name, format.locale) : t('load.noRole');
    },
    [names, format.locale, t],
  );

  const rows: HeatmapRow[] = useMemo(() => {
    if (!shown || !names) return [];
    if (view === 'roles') {
      return shown.roles.map((role) => ({
        key: role.roleId ?? 'none',
        name: roleLabel(role.roleId),
        note: `(${role.personIds.length})`,
        cells: role.cells,
      }));
    }
    return shown.people.map((row) => {
      const person = names.person.get(row.personId);
      const name = person?.name ?? '—';
      const note = person && !person.active ? `· ${t('people.status.inactive')}` : '';
      // A person whose load was not computed again keeps their row, so it does not redraw.
      const drawn = drawnRows.get(row);
      if (drawn !== undefined && drawn.name === name && drawn.note === note) return drawn;
      const next = { key: row.personId, name, note, cells: row.cells };
      drawnRows.set(row, next);
      return next;
    });
  }, [shown, names, view, roleLabel, t]);

  const onOpen = useCallback(
    (row: HeatmapRow, week: number) => setDrillTarget({ view, key: row.key, week }),
    [view],
  );

  const drill: DrillDown | null = useMemo(() => {
    if (!drillTarget || !load) return null;
    const weekStart = load.weeks[drillTarget.week];
    if (weekStart === undefined) return null;
    if (drillTarget.view === 'people') {
      const row = load.people.find((p) => p.personId === drillTarget.key);
      const cell = row?.cells[drillTarget.week];
      if (!row || !cell) return null;
      return {
        kind: 'person',
        name: names?.person.get(row.personId)?.name ?? '—',
        weekStart,
        figures: cell,
        contributions: cell.contributions,
      };
    }
    const role = load.roles.find((r) => (r.roleId ?? 'none') === drillTarget.key);
    const cell = role?.cells[drillTarget.week];
    if (!role || !cell) return null;
    const members = new Set<PersonId>(role.personIds);
    return {
      kind: 'role',
      name: roleLabel(role.roleId),
      weekStart,
      figures: cell,
      people: load.people
        .filter((p) => members.has(p.personId))
        .flatMap((p) => {
          const figures = p.cells[drillTarget.week];
          return figures ? [{ personId: p.personId, figures }] : [];
        }),
    };
  }, [drillTarget, load, names, roleLabel]);

  // Stable, so the drill-down and the dialog (memoised) draw again only when what they show changes.
  const reassigning = useCallback(
    (assignment: Assignment) => setIntent({ kind: 'reassign', assignment }),
    [],
  );
  const closeDrill = useCallback(() => setDrillTarget(null), []);
  const closeIntent = useCallback(() => setIntent(null), []);
  const intentTask =
    intent && intent.kind !== 'assign' ? names?.task.get(intent.assignment.taskId) : undefined;
  const intentTasks = useMemo(() => (intentTask ? [intentTask] : []), [intentTask]);

  if (!records || !load || !names) {
    return (
      <Flex flex={1} align="center" justify="center">
        <Spin />
      </Flex>
    );
  }

  const pct = load.overAllocationPct;
  const dealLabel = (id: string) => {
    const deal = names.deal.get(id);
    return deal ? `${deal.code} · ${deal.name}` : '—';
  };
  const legend = [
    { band: 'under', label: t('load.legendUnder'), color: token.colorInfoBg },
    { band: 'ok', label: t('load.legendOk', { pct }), color: token.colorSuccessBgHover },
    { band: 'over', label: t('load.legendOver', { pct }), color: token.colorError },
    { band: 'none', label: t('load.legendNone'), color: token.colorFillQuaternary },
  ];
  const height = Math.min(rows.length * 30 + 36, 520);

  return (
    <Flex vertical gap={12} style={{ padding: 16, minWidth: 0 }}>
      <Flex gap={12} align="center" wrap>
        <Segmented<View>
          value={view}
          onChange={(value) => update({ view: value })}
          options={[
            { value: 'people', label: t('load.view.people') },
            { value: 'roles', label: t('load.view.roles') },
          ]}
        />
        <Select<number>
          aria-label={t('load.weeks')}
          value={count}
          style={{ width: 120 }}
          onChange={(value) => update({ weeks: value })}
          options={WEEK_COUNTS.map((n) => ({
            value: n,
            label: t('load.weeksOption', { count: n }),
          }))}
        />
        <Flex gap={4} align="center">
          <Button
            icon={<LeftOutlined />}
            aria-label={t('load.previous')}
            onClick={() => update({ from: addDays(from, -28) })}
          />
          <Button onClick={() => update({ from: null })}>{t('load.thisWeek')}</Button>
          <Button
            icon={<RightOutlined />}
            aria-label={t('load.next')}
            onClick={() => update({ from: addDays(from, 28) })}
          />
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {t('load.weekOf', { date: format.date(from) })}
          </Typography.Text>
        </Flex>
        <Select<string>
          aria-label={t('whatIf.label')}
          placeholder={t('whatIf.placeholder')}
          style={{ width: 260 }}
          allowClear
          value={tentativeDeal ?? undefined}
          onChange={(value) => setTentativeDeal(value ?? null)}
          showSearch={{ optionFilterProp: 'label' }}
          options={records.deals.map((deal) => ({
            value: deal.id,
            label: `${deal.code} · ${deal.name}`,
          }))}
        />
        <Button
          icon={<DownloadOutlined aria-hidden />}
          disabled={rows.length === 0}
          onClick={() => setExporting(true)}
        >
          {t('load.sheet.button')}
        </Button>
        <Flex flex={1} />
        <Flex gap={12} wrap>
          {legend.map((item) => (
            <span key={item.band} className="hm-legend">
              <span className="hm-swatch" style={{ background: item.color }} />
              <Typography.Text type="secondary">{item.label}</Typography.Text>
            </span>
          ))}
        </Flex>
      </Flex>
      {exporting && (
        <LoadSheetExport
          weeks={load.weeks}
          rows={rows}
          rowHeader={view === 'people' ? t('load.rowHeader') : t('load.roleHeader')}
          layered={layer !== null}
          onClose={() => setExporting(false)}
        />
      )}
      {rows.length === 0 ? (
        <Alert type="info" title={t('load.empty')} />
      ) : (
        <Heatmap
          weeks={load.weeks}
          rows={rows}
          header={view === 'people' ? t('load.rowHeader') : t('load.roleHeader')}
          height={height}
          onOpen={onOpen}
          onPainted={measureRender}
          layered={layer !== null}
        />
      )}
      {layer !== null && tentativeDeal !== null && (
        <WhatIfPanel
          layer={layer}
          dealLabel={dealLabel(tentativeDeal)}
          personName={(id) => names.person.get(id)?.name ?? '—'}
          dealCode={(id) => names.deal.get(id)?.code ?? ''}
          onAccept={() => {
            message.success(t('whatIf.accepted', { deal: dealLabel(tentativeDeal) }));
            setTentativeDeal(null);
          }}
          onDiscard={() => {
            message.info(t('whatIf.discarded'));
            setTentativeDeal(null);
          }}
        />
      )}
      {load.unplaced.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('load.unplaced', { count: load.unplaced.length })}
        />
      )}
      <Card size="small" title={t('load.overTitle')}>
        {overs.length === 0 ? (
          <Typography.Text type="secondary">{t('load.overNone')}</Typography.Text>
        ) : (
          <OverAllocationList
            items={overs}
            personName={(id) => names.person.get(id)?.name ?? '—'}
            roleName={roleLabel}
            taskName={(id) => names.task.get(id)?.name ?? '—'}
            dealCode={(id) => names.deal.get(id)?.code ?? ''}
          />
        )}
      </Card>
      <DrillDownDrawer
        drill={drill}
        records={records}
        names={names}
        onReassign={reassigning}
        onClose={closeDrill}
      />
      <AssignDialog
        intent={intent}
        tasks={intentTasks}
        people={records.people}
        roles={records.roles}
        settings={records.settings}
        onClose={closeIntent}
      />
    </Flex>
  );
}
