import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import {
  Alert,
  App,
  Button,
  Dropdown,
  Empty,
  Flex,
  Segmented,
  Select,
  Space,
  Spin,
  Splitter,
  Tooltip,
  Typography,
} from 'antd';
import {
  ArrowLeftOutlined,
  ArrowRightOutlined,
  CopyOutlined,
  DeleteOutlined,
  DownloadOutlined,
  FlagOutlined,
  InfoCircleOutlined,
  PlusOutlined,
  SaveOutlined,
  UploadOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { calendarFromSettings } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import { diffDays, isPlanDate, parsePlanDate } from '@shared/domain/dates';
import type { PlanItemId } from '@shared/domain/ids';
import type { PlanTemplate } from '@shared/domain/plan-template';
import { analysePlan } from '@shared/plan/analysis';
import type { RowAnalysis } from '@shared/plan/analysis';
import type { PlanLink } from '@shared/plan/links';
import { formatPredecessors, resolvePredecessorText } from '@shared/plan/predecessors';
import type { PlanRow } from '@shared/plan/rows';
import { buildPlanRows, descendantIds, isMilestoneRow } from '@shared/plan/rows';
import { baselineDatesOf, milestoneSlips, planVariance } from '@shared/plan/variance';
import type { MilestoneSlip } from '@shared/plan/variance';
import { usePlanRecords } from '@renderer/db/hooks/plan';
import { useSettings } from '@renderer/db/hooks/queries';
import type { DealTabProps } from '@renderer/features/deal/tabs';
import { useFormat } from '@renderer/i18n/useFormat';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { CaptureBaselineModal } from '@renderer/features/plan/components/CaptureBaselineModal';
import { DeadlineReadout } from '@renderer/features/plan/components/DeadlineReadout';
import type {
  GanttEditOutcome,
  GanttItem,
  GanttViewMode,
} from '@renderer/features/plan/components/GanttChart';
import { GanttChart } from '@renderer/features/plan/components/GanttChart';
import type { CommitResult, GridColumn } from '@renderer/features/plan/components/PlanGrid';
import { isDropTarget, PlanGrid } from '@renderer/features/plan/components/PlanGrid';
import { AssignByDrag } from '@renderer/features/resources/components/AssignByDrag';
import { fileStemOf } from '@shared/exchange/sheet';
import { PlanSheetExport } from '@renderer/features/plan/components/PlanSheetExport';
import { SaveTemplateModal } from '@renderer/features/plan/components/SaveTemplateModal';
import { usePlanActions } from '@renderer/features/plan/hooks/usePlanActions';
import type { GanttExportFormat } from '@renderer/features/plan/hooks/useExportGantt';
import { useExportGantt } from '@renderer/features/plan/hooks/useExportGantt';
import { useMsProjectFile } from '@renderer/features/plan/hooks/useMsProjectFile';
import { ImportPlanModal } from '@renderer/features/plan/components/ImportPlanModal';
import type { GanttSvgInput } from '@renderer/features/plan/utils/ganttSvg';
import { predecessorMessage, rowLabel } from '@renderer/features/plan/utils/planText';

const VIEW_MODES: readonly GanttViewMode[] = ['day', 'week', 'month', 'quarter'];

/** A timescale that shows the whole plan at a readable width: days for short plans, weeks after. */
function defaultViewMode(rows: readonly PlanRow[]): GanttViewMode {
  if (rows.length === 0) return 'week';
  const first = rows.reduce(
    (min, row) => (row.start < min ? row.start : min),
    rows[0]?.start ?? '',
  );
  const last = rows.reduce((max, row) => (row.finish > max ? row.finish : max), '');
  if (!isPlanDate(first) || !isPlanDate(last)) return 'week';
  const days = diffDays(first, last);
  return days <= 45 ? 'day' : days <= 240 ? 'week' : days <= 540 ? 'month' : 'quarter';
}

const WHOLE = /^\d+$/;

/**
 * The deal's plan: the task grid beside the Gantt chart, the slack left before the submission
 * deadline (and what makes it late), slipping milestones, and baselines to compare against.
 */
export default function PlanTab({ deal }: DealTabProps) {
  const { t } = useTranslation('plan');
  const { t: tr } = useTranslation('resources');
  const [locale] = useLanguage();
  const format = useFormat();
  const { modal } = App.useApp();
  const records = usePlanRecords(deal.id);
  const settings = useSettings();
  const today = parsePlanDate(dayjs().format('YYYY-MM-DD'));
  const [selectedId, setSelectedId] = useState<PlanItemId | null>(null);
  const [chosenMode, setViewMode] = useState<GanttViewMode | null>(null);
  const [baselineId, setBaselineId] = useState<string | null>(null);
  const [capturing, setCapturing] = useState(false);
  const [savingTemplate, setSavingTemplate] = useState(false);
  const [sheetExport, setSheetExport] = useState(false);
  /** The people panel: drag a person onto a task row to assign them. */
  const [peopleOpen, setPeopleOpen] = useState(false);
  /** The template chosen for an empty plan; '' is the standard bid plan. */
  const [templateChoice, setTemplateChoice] = useState('');
  const exporter = useExportGantt();
  const msp = useMsProjectFile(deal.id);

  const calendar = useMemo(() => (settings ? calendarFromSettings(settings) : null), [settings]);
  const rows = useMemo(
    () => (records ? buildPlanRows(records.tasks, records.milestones) : []),
    [records],
  );
  const links = useMemo<PlanLink[]>(
    () =>
      (records?.dependencies ?? []).map((d) => ({
        predecessorId: d.predecessorId,
        successorId: d.successorId,
        type: d.type,
        lagDays: d.lagDays,
      })),
    [records],
  );
  const byId = useMemo(() => new Map<string, PlanRow>(rows.map((row) => [row.id, row])), [rows]);
  const dropTargets = useMemo(() => rows.filter(isDropTarget).map((row) => row.id), [rows]);
  const lookup = useCallback((id: string) => byId.get(id), [byId]);
  const actions = usePlanActions(deal.id, lookup);

  const analysis = useMemo(
    () =>
      calendar === null
        ? null
        : analysePlan({
            rows,
            links,
            calendar,
            today,
            submissionDue: deal.keyDates.submissionDue,
          }),
    [rows, links, calendar, today, deal.keyDates.submissionDue],
  );
  const baseline = records?.baselines.find((b) => b.id === baselineId) ?? null;
  const baselineDates = useMemo(() => (baseline ? baselineDatesOf(baseline) : null), [baseline]);
  const variance = useMemo(
    () => (baseline && calendar ? planVariance(rows, baseline, calendar) : null),
    [rows, baseline, calendar],
  );
  const slips = useMemo(
    () =>
      calendar === null || settings === undefined
        ? new Map<PlanItemId, MilestoneSlip>()
        : milestoneSlips({
            rows,
            baseline,
            calendar,
            today,
            toleranceDays: settings.thresholds.slipToleranceDays,
          }),
    [rows, baseline, calendar, today, settings],
  );
  const predecessors = useMemo(() => formatPredecessors(rows, links), [rows, links]);
  const rowAnalysis = useMemo(
    () => (analysis?.ok === true ? analysis.rows : new Map<PlanItemId, RowAnalysis>()),
    [analysis],
  );

  const viewMode = chosenMode ?? defaultViewMode(rows);
  const isWorkingDay = useCallback(
    (date: PlanDate) => calendar?.isWorkingDay(date) ?? true,
    [calendar],
  );
  const quarterLabel = useCallback((quarter: number) => t('view.quarterLabel', { quarter }), [t]);

  const items = useMemo<GanttItem[]>(() => {
    const incoming = new Map<string, string[]>();
    for (const link of links) {
      const list = incoming.get(link.successorId);
      if (list) list.push(link.predecessorId);
      else incoming.set(link.successorId, [link.predecessorId]);
    }
    /** The popup's lines, in the user's language; built only when a popup opens. */
    const popupOf = (row: PlanRow) => () => {
      const own = rowAnalysis.get(row.id);
      const milestone = isMilestoneRow(row);
      const base = baselineDates?.get(row.id) ?? null;
      const lines: string[] = [];
      if (row.summary) lines.push(t('popup.summary'));
      lines.push(
        milestone
          ? t('popup.date', { date: format.date(row.start) })
          : t('popup.dates', { start: format.date(row.start), finish: format.date(row.finish) }),
      );
      if (!milestone) {
        lines.push(t('popup.duration', { count: row.durationDays }));
        lines.push(t('popup.progress', { value: row.progress }));
      } else if (row.kind === 'milestone') {
        lines.push(
          row.actualDate === null
            ? t('popup.notReached')
            : t('popup.reached', { date: format.date(row.actualDate) }),
        );
      }
      if (own !== undefined) {
        lines.push(t('popup.slack', { count: own.slackDays }));
        if (own.critical) lines.push(t('popup.critical'));
      }
      if (base !== null) {
        lines.push(
          t('popup.baseline', { start: format.date(base.start), finish: format.date(base.finish) }),
        );
        const v = variance?.get(row.id);
        if (v !== undefined && v !== 'added') {
          lines.push(
            t('popup.variance', {
              value: t('cells.signedDays', {
                count: Math.abs(v.days),
                sign: v.days > 0 ? '+' : v.days < 0 ? '−' : '',
              }),
            }),
          );
        }
      }
      return { title: `${row.rowNumber}. ${row.name}`, lines };
    };
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      start: row.start,
      finish: row.finish,
      progress: row.progress,
      kind: row.summary ? 'summary' : isMilestoneRow(row) ? 'milestone' : 'task',
      critical: rowAnalysis.get(row.id)?.critical === true,
      slipping: slips.has(row.id),
      dependencies: incoming.get(row.id) ?? [],
      baseline: baselineDates?.get(row.id) ?? null,
      popup: popupOf(row),
    }));
  }, [rows, rowAnalysis, baselineDates, variance, slips, links, t, format]);

  if (records === undefined || settings === undefined || calendar === null || analysis === null) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin aria-label={t('loading')} />
      </Flex>
    );
  }

  const selected = selectedId === null ? undefined : byId.get(selectedId);

  const add = async (kind: 'task' | 'milestone') => {
    const id = await actions.add(
      kind,
      selected?.id ?? null,
      kind === 'task' ? t('defaults.task') : t('defaults.milestone'),
      today,
    );
    if (id !== null) setSelectedId(id);
  };

  const remove = () => {
    if (selected === undefined) return;
    const children = descendantIds(rows, selected.id).length;
    modal.confirm({
      title: t('deleteConfirm.title', { row: rowLabel(selected) }),
      content:
        children > 0 ? t('deleteConfirm.children', { count: children }) : t('deleteConfirm.links'),
      okText: t('deleteConfirm.ok'),
      okButtonProps: { danger: true },
      cancelText: t('deleteConfirm.cancel'),
      onOk: async () => {
        const next = rows[rows.findIndex((row) => row.id === selected.id) + 1 + children];
        if ((await actions.remove(selected)) !== null) setSelectedId(next?.id ?? null);
      },
    });
  };

  const onMove = async (
    id: string,
    dates: { start: PlanDate; finish: PlanDate },
  ): Promise<GanttEditOutcome> => {
    const row = byId.get(id);
    if (row === undefined || row.summary) return 'refused';
    const moved = dates.start !== row.start;
    const sameLength = diffDays(dates.start, dates.finish) === diffDays(row.start, row.finish);
    const change =
      isMilestoneRow(row) || (moved && sameLength)
        ? { start: dates.start }
        : moved
          ? { start: dates.start, finish: dates.finish }
          : { finish: dates.finish };
    setSelectedId(row.id);
    const result = await actions.schedule(row, change);
    return result === null ? 'refused' : result.changed.length === 0 ? 'unchanged' : 'changed';
  };

  const onProgress = async (id: string, progress: number): Promise<GanttEditOutcome> => {
    const row = byId.get(id);
    if (row === undefined || row.summary || isMilestoneRow(row)) return 'refused';
    return (await actions.setProgress(row, progress)) === null ? 'refused' : 'changed';
  };

  /** Checks a cell's text and saves it; a problem comes back to the cell, nothing is lost. */
  const onCommit = async (row: PlanRow, column: GridColumn, raw: string): Promise<CommitResult> => {
    const text = raw.normalize('NFKC').trim();
    const refused: CommitResult = { error: '' };
    const saved = (result: unknown) => (result === null ? refused : null);
    if (row.summary && column !== 'name') return { error: t('validation.summary') };
    switch (column) {
      case 'name': {
        const max = row.kind === 'task' ? 300 : 200;
        if (raw.trim() === '') return { error: t('validation.name') };
        if (raw.length > max) return { error: t('validation.nameTooLong', { max }) };
        return saved(await actions.rename(row, raw.trim()));
      }
      case 'duration': {
        if (row.kind === 'milestone') return { error: t('validation.milestoneDuration') };
        if (/^-\s*\d+$/.test(text)) return { error: t('validation.negativeDuration') };
        if (!WHOLE.test(text) || Number(text) > 5000) return { error: t('validation.duration') };
        return saved(await actions.schedule(row, { durationDays: Number(text) }));
      }
      case 'start':
      case 'finish': {
        if (!isPlanDate(text)) return { error: t('validation.date') };
        if (column === 'start') return saved(await actions.schedule(row, { start: text }));
        if (text < row.start) {
          return { error: t('validation.finishBeforeStart', { start: format.date(row.start) }) };
        }
        return saved(await actions.schedule(row, { finish: text }));
      }
      case 'predecessors': {
        const resolved = resolvePredecessorText({ text, rows, links, successorId: row.id });
        if (!resolved.ok) return { error: predecessorMessage(t, resolved.error, rows) };
        return saved(await actions.setPredecessors(row, resolved.value));
      }
      case 'progress': {
        const value = text.replace(/%$/, '').trim();
        if (!WHOLE.test(value) || Number(value) > 100) return { error: t('validation.progress') };
        if (row.kind === 'milestone' && value !== '0' && value !== '100') {
          return { error: t('validation.milestoneProgress') };
        }
        return saved(await actions.setProgress(row, Number(value)));
      }
      default:
        return null;
    }
  };

  /** The chart as the export draws it: every row, in the timescale and baseline chosen. */
  const exportChart = (kind: GanttExportFormat) => {
    const input: GanttSvgInput = {
      rows: rows.map((row, index) => {
        const item = items[index];
        return {
          id: row.id,
          number: row.rowNumber,
          name: row.name,
          depth: row.depth,
          kind: item?.kind ?? 'task',
          start: row.start,
          finish: row.finish,
          progress: row.progress,
          critical: item?.critical ?? false,
          slipping: item?.slipping ?? false,
          baseline: item?.baseline ?? null,
          startText: format.date(row.start),
          finishText: format.date(row.finish),
        };
      }),
      links: links.map((link) => ({
        from: link.predecessorId,
        to: link.successorId,
        type: link.type,
      })),
      mode: viewMode,
      today,
      isWorkingDay,
      locale,
      quarterLabel,
      title: t('export.title', { code: deal.code, name: deal.name }),
      subtitle: t('export.exported', { date: format.date(today), scale: t(`view.${viewMode}`) }),
      columns: {
        task: t('export.columnTask'),
        start: t('export.columnStart'),
        finish: t('export.columnFinish'),
      },
    };
    void exporter.run(kind, input, fileStem);
  };

  const fileStem = fileStemOf(deal.code, 'plan');

  /** The plan as a Microsoft Project file, with who works on what. */
  const notesOf = () => {
    const notes = new Map<PlanItemId, string>();
    for (const task of records.tasks) notes.set(task.id, task.notes);
    for (const milestone of records.milestones) notes.set(milestone.id, milestone.notes);
    return notes;
  };
  const exportMsProject = () => {
    const notes = notesOf();
    void msp.exportPlan({
      fileStem,
      title: `${deal.code} ${deal.name}`,
      calendar: settings,
      rows,
      links,
      notes,
    });
  };

  const importModal = (
    <ImportPlanModal
      pending={msp.pending}
      refused={msp.refused}
      onImport={(plan) => actions.importPlan(plan)}
      onClose={msp.clear}
    />
  );

  const hasTasks = rows.some((row) => row.kind === 'task');
  if (!hasTasks) {
    const due = deal.keyDates.submissionDue;
    const templates = settings.planTemplates;
    const chosen: PlanTemplate | null =
      templates.find((template) => template.id === templateChoice) ?? null;
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Flex vertical gap={4} align="center">
            <strong>{t('empty.title')}</strong>
            <span style={{ maxWidth: 560 }}>
              {due === null
                ? t('empty.noDate')
                : templates.length > 0
                  ? t('templates.intro', { date: format.date(due) })
                  : t('empty.text', { date: format.date(due) })}
            </span>
          </Flex>
        }
        style={{ padding: 32 }}
      >
        <Space wrap style={{ justifyContent: 'center' }}>
          {templates.length > 0 ? (
            <Select
              aria-label={t('templates.picker')}
              style={{ minWidth: 280, maxWidth: 420 }}
              popupMatchSelectWidth={360}
              value={chosen?.id ?? ''}
              onChange={(value: string) => setTemplateChoice(value)}
              optionLabelProp="title"
              options={[
                {
                  value: '',
                  title: t('templates.standard'),
                  label: (
                    <Flex vertical>
                      <span>{t('templates.standard')}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('templates.standardHint')}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                ...templates.map((template) => ({
                  value: template.id,
                  title: template.name,
                  label: (
                    <Flex vertical>
                      <span>{template.name}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('templates.savedHint', {
                          count: template.steps.length,
                          date: format.dateTime(template.createdAt),
                        })}
                      </Typography.Text>
                    </Flex>
                  ),
                })),
              ]}
            />
          ) : null}
          <Button
            type="primary"
            disabled={due === null}
            onClick={() =>
              void actions.createFromTemplate(today, locale, chosen).then((done) => {
                if (done !== null) setSelectedId(null);
              })
            }
          >
            {chosen === null
              ? t('empty.fromTemplate')
              : t('templates.fromSaved', { name: chosen.name })}
          </Button>
          <Button onClick={() => void add('task')}>{t('empty.blank')}</Button>
          <Tooltip title={t('msp.importHint')}>
            <Button
              icon={<UploadOutlined aria-hidden />}
              loading={msp.busy}
              onClick={() => void msp.chooseImport(settings)}
            >
              {t('msp.importButton')}
            </Button>
          </Tooltip>
        </Space>
        {importModal}
      </Empty>
    );
  }

  return (
    <Flex vertical gap={12}>
      {analysis.ok ? (
        <DeadlineReadout
          readout={analysis.deadline}
          lookup={lookup}
          warnDays={settings.thresholds.submissionSlackWarnDays}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          message={t('problems.schedule', { reason: analysis.error.kind })}
        />
      )}
      {slips.size > 0 ? (
        <Alert
          type="warning"
          showIcon
          message={t('slips.title')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {[...slips].flatMap(([id, slip]) => {
                const row = byId.get(id);
                if (row === undefined) return [];
                return [
                  slip.lateDays === null ? null : (
                    <li key={`${id}-late`}>
                      {t('slips.late', { row: rowLabel(row), count: slip.lateDays })}
                    </li>
                  ),
                  slip.overdueDays === null ? null : (
                    <li key={`${id}-overdue`}>
                      {t('slips.overdue', { row: rowLabel(row), count: slip.overdueDays })}
                    </li>
                  ),
                ];
              })}
            </ul>
          }
        />
      ) : null}
      <Flex wrap gap={8} align="center">
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => void add('task')}>
          {t('toolbar.addTask')}
        </Button>
        <Button icon={<FlagOutlined aria-hidden />} onClick={() => void add('milestone')}>
          {t('toolbar.addMilestone')}
        </Button>
        <Button
          icon={<ArrowLeftOutlined aria-hidden />}
          disabled={selected === undefined}
          onClick={() => selected && void actions.outdent(selected)}
        >
          {t('toolbar.outdent')}
        </Button>
        <Button
          icon={<ArrowRightOutlined aria-hidden />}
          disabled={selected === undefined}
          onClick={() => selected && void actions.indent(selected)}
        >
          {t('toolbar.indent')}
        </Button>
        <Button
          danger
          icon={<DeleteOutlined aria-hidden />}
          disabled={selected === undefined}
          onClick={remove}
        >
          {t('toolbar.delete')}
        </Button>
        <Button
          icon={<TeamOutlined aria-hidden />}
          aria-pressed={peopleOpen}
          type={peopleOpen ? 'primary' : 'default'}
          ghost={peopleOpen}
          onClick={() => setPeopleOpen((shown) => !shown)}
        >
          {tr('dragAssign.toggle')}
        </Button>
        <Tooltip title={t('toolbar.keys')}>
          <InfoCircleOutlined
            aria-label={t('toolbar.keys')}
            style={{ color: 'var(--ant-color-text-tertiary)' }}
          />
        </Tooltip>
        <Flex gap={8} align="center" style={{ marginInlineStart: 'auto' }} wrap>
          <Segmented<GanttViewMode>
            aria-label={t('toolbar.scale')}
            value={viewMode}
            onChange={setViewMode}
            options={VIEW_MODES.map((mode) => ({ value: mode, label: t(`view.${mode}`) }))}
          />
          <Select
            aria-label={t('toolbar.baseline')}
            style={{ minWidth: 200 }}
            value={baseline?.id ?? ''}
            onChange={(value: string) => setBaselineId(value === '' ? null : value)}
            options={[
              { value: '', label: t('toolbar.noBaseline') },
              ...records.baselines.map((b) => ({
                value: b.id,
                label: t('baseline.option', { name: b.name, date: format.dateTime(b.capturedAt) }),
              })),
            ]}
          />
          <Button icon={<SaveOutlined aria-hidden />} onClick={() => setCapturing(true)}>
            {t('toolbar.capture')}
          </Button>
          <Button icon={<CopyOutlined aria-hidden />} onClick={() => setSavingTemplate(true)}>
            {t('templates.save')}
          </Button>
          <Dropdown
            trigger={['click']}
            disabled={exporter.busy !== null || msp.busy}
            menu={{
              items: [
                { key: 'svg', label: t('export.svg') },
                { key: 'png', label: t('export.png') },
                { type: 'divider' },
                { key: 'sheet', label: t('sheet.menu') },
                { key: 'msp', label: t('msp.menu') },
              ],
              onClick: ({ key }) => {
                if (key === 'msp') exportMsProject();
                else if (key === 'sheet') setSheetExport(true);
                else exportChart(key === 'png' ? 'png' : 'svg');
              },
            }}
          >
            <Button
              icon={<DownloadOutlined aria-hidden />}
              loading={exporter.busy !== null || msp.busy}
            >
              {t('export.button')}
            </Button>
          </Dropdown>
        </Flex>
      </Flex>
      <AssignByDrag
        open={peopleOpen}
        onClose={() => setPeopleOpen(false)}
        tasks={records.tasks}
        targets={dropTargets}
        targetName={(id) => {
          const row = byId.get(id);
          return row ? rowLabel(row) : '';
        }}
      >
        <Splitter
          style={{ border: '1px solid var(--ant-color-border-secondary)', borderRadius: 8 }}
        >
          <Splitter.Panel defaultSize="52%" min="20%" max="80%">
            <PlanGrid
              rows={rows}
              predecessors={predecessors}
              analysis={rowAnalysis}
              variance={variance}
              slips={slips}
              selectedId={selected?.id ?? null}
              onSelect={setSelectedId}
              onCommit={onCommit}
              onAdd={() => void add('task')}
              onIndent={() => selected && void actions.indent(selected)}
              onOutdent={() => selected && void actions.outdent(selected)}
              onDelete={remove}
              dropTargets={peopleOpen}
            />
          </Splitter.Panel>
          <Splitter.Panel style={{ overflow: 'hidden' }}>
            <GanttChart
              items={items}
              viewMode={viewMode}
              today={today}
              locale={locale}
              isWorkingDay={isWorkingDay}
              quarterLabel={quarterLabel}
              label={t('chart')}
              onMove={onMove}
              onProgress={onProgress}
              onSelect={(id) => {
                const row = byId.get(id);
                if (row !== undefined) setSelectedId(row.id);
              }}
            />
          </Splitter.Panel>
        </Splitter>
      </AssignByDrag>
      {sheetExport && (
        <PlanSheetExport
          deal={deal}
          fileStem={fileStem}
          rows={rows}
          predecessors={predecessors}
          analysis={rowAnalysis}
          variance={variance}
          notes={notesOf()}
          onClose={() => setSheetExport(false)}
        />
      )}
      <SaveTemplateModal
        open={savingTemplate}
        dealId={deal.id}
        defaultName={t('templates.defaultName', { name: deal.name })}
        onClose={() => setSavingTemplate(false)}
      />
      <CaptureBaselineModal
        open={capturing}
        onClose={() => setCapturing(false)}
        onCapture={async (name) => {
          const captured = await actions.captureBaseline(name);
          if (captured !== null) setBaselineId(captured.id);
          return captured !== null;
        }}
      />
    </Flex>
  );
}
