// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarFromSettings } from '@shared/domain/calendar';
import type { CalendarConfig } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import { generatePortfolio } from '@shared/domain/generator/portfolio';
import type { PersonId, PlanItemId } from '@shared/domain/ids';
import type { PlanLink } from '@shared/plan/links';
import { buildPlanRows } from '@shared/plan/rows';
import type { PlanRow } from '@shared/plan/rows';
import { writeMsProjectXml, xmlText } from '@shared/exchange/msproject-write';
import type { MsProjectExportInput } from '@shared/exchange/msproject-write';
import {
  durationMinutes,
  planDateOfDateTime,
  readMsProject,
} from '@shared/exchange/msproject-read';
import type { MsProjectReadResult, XmlElementLike } from '@shared/exchange/msproject-read';

const NOW = Date.UTC(2026, 10, 26, 9);
const sample = generatePortfolio({ seed: 7, locale: 'zh-CN', now: NOW, preset: 'sample' });
const settings = sample.settings[0];
if (settings === undefined) throw new Error('the sample has no settings');
const CALENDAR: CalendarConfig = {
  workingWeek: settings.workingWeek,
  holidays: settings.holidays,
  extraWorkingDays: settings.extraWorkingDays,
};
const people = sample.people.map((person) => ({ id: person.id, name: person.name }));

function parse(xml: string): XmlElementLike {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error !== undefined) throw new Error(`not well-formed: ${error.textContent ?? ''}`);
  return document.documentElement;
}

function read(xml: string): MsProjectReadResult {
  return readMsProject(parse(xml), { calendar: CALENDAR, people });
}

/** The deal of the sample with the most plan, with everything an export takes. */
function richestDeal() {
  const counts = new Map<string, number>();
  for (const task of sample.tasks) counts.set(task.dealId, (counts.get(task.dealId) ?? 0) + 1);
  const [dealId] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  const deal = sample.deals.find((d) => d.id === dealId);
  if (deal === undefined) throw new Error('no deal with a plan');
  const rows = buildPlanRows(
    sample.tasks.filter((t) => t.dealId === deal.id),
    sample.milestones.filter((m) => m.dealId === deal.id),
  );
  const ids = new Set<string>(rows.map((row) => row.id));
  const links: PlanLink[] = sample.dependencies
    .filter((d) => d.dealId === deal.id && ids.has(d.predecessorId) && ids.has(d.successorId))
    .map((d) => ({
      predecessorId: d.predecessorId,
      successorId: d.successorId,
      type: d.type,
      lagDays: d.lagDays,
    }));
  const assignments = sample.assignments.filter((a) => a.dealId === deal.id);
  const personIds = [...new Set(assignments.map((a) => a.personId))];
  const input: MsProjectExportInput = {
    title: `${deal.code} ${deal.name}`,
    calendar: CALENDAR,
    rows,
    links,
    notes: new Map(
      sample.tasks.filter((t) => t.dealId === deal.id).map((t) => [t.id as PlanItemId, t.notes]),
    ),
    resources: personIds.map((id) => ({
      key: id,
      name: sample.people.find((p) => p.id === id)?.name ?? '',
    })),
    assignments: assignments.map((a) => ({
      taskId: a.taskId,
      resourceKey: a.personId,
      hours: a.hours,
    })),
  };
  return { deal, rows, links, assignments, input };
}

/** A plan's shape without ids: what must survive export and import. */
function shapeOfRows(rows: readonly PlanRow[], links: readonly PlanLink[]) {
  const wbsOf = new Map<string, string>(rows.map((row) => [row.id, row.wbs]));
  return {
    rows: rows.map((row) => ({
      wbs: row.wbs,
      kind: row.kind,
      summary: row.summary,
      name: row.name,
      start: row.start,
      finish: row.finish,
      durationDays: row.durationDays,
      progress: row.progress,
      milestoneKind: row.milestoneKind,
      actualDate: row.actualDate,
      baselineDate: row.baselineDate,
    })),
    links: links
      .map((link) => ({
        from: wbsOf.get(link.predecessorId),
        to: wbsOf.get(link.successorId),
        type: link.type,
        lagDays: link.lagDays,
      }))
      .sort((a, b) => `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`)),
  };
}

describe('MS Project XML exchange', () => {
  it('round-trips a plan: export then import gives the same outline, dates, links, milestones and hours', () => {
    const { rows, links, assignments, input } = richestDeal();
    expect(rows.some((row) => row.summary)).toBe(true);
    expect(rows.some((row) => row.kind === 'milestone')).toBe(true);
    expect(links.length).toBeGreaterThan(3);
    const result = read(writeMsProjectXml(input));
    if (!result.ok) expect.fail(JSON.stringify(result.error));
    expect(result.warnings).toEqual([]);

    // Rebuild rows from the imported items the way the repository stores them.
    const { plan } = result;
    const wbs = new Map<string, string>();
    const counters = new Map<string | null, number>();
    const imported = plan.items.map((item) => {
      const n = (counters.get(item.parentKey) ?? 0) + 1;
      counters.set(item.parentKey, n);
      const prefix = item.parentKey === null ? '' : `${wbs.get(item.parentKey) ?? '?'}.`;
      wbs.set(item.key, `${prefix}${n}`);
      return item;
    });
    const parents = new Set(plan.items.map((item) => item.parentKey));
    const back = {
      rows: imported.map((item) => ({
        wbs: wbs.get(item.key),
        kind: item.kind,
        summary: parents.has(item.key),
        name: item.name,
        start: item.start,
        finish: item.finish,
        durationDays: item.durationDays,
        progress: item.progress,
        milestoneKind: item.milestoneKind,
        actualDate: item.actualDate,
        baselineDate: item.baselineDate,
      })),
      links: plan.links
        .map((link) => ({
          from: wbs.get(link.from),
          to: wbs.get(link.to),
          type: link.type,
          lagDays: link.lagDays,
        }))
        .sort((a, b) => `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`)),
    };
    expect(back).toEqual(shapeOfRows(rows, links));

    const rowOfTask = new Map<string, string>(rows.map((row) => [row.id, row.wbs]));
    const hours = (list: { wbs: string | undefined; personId: string; hours: number }[]) =>
      list.sort((a, b) => `${a.wbs}${a.personId}`.localeCompare(`${b.wbs}${b.personId}`));
    expect(
      hours(
        plan.assignments.map((a) => ({
          wbs: wbs.get(a.taskKey),
          personId: a.personId,
          hours: a.hours,
        })),
      ),
    ).toEqual(
      hours(
        assignments.map((a) => ({
          wbs: rowOfTask.get(a.taskId),
          personId: a.personId,
          hours: Math.round(a.hours * 60) / 60,
        })),
      ).map((a) => ({ ...a, hours: Math.round(a.hours * 100) / 100 })),
    );
  });

  it('writes the company calendar, and names and notes as text whatever they contain', () => {
    const { input } = richestDeal();
    const hostile = '<img src=x onerror=alert(1)> & "quotes" \u0001 </Name>';
    const first = input.rows[0];
    if (first === undefined) expect.fail('empty plan');
    const rows = [{ ...first, name: hostile }, ...input.rows.slice(1)];
    const xml = writeMsProjectXml({
      ...input,
      rows,
      notes: new Map([[first.id, hostile]]),
      calendar: { workingWeek: [1, 2, 3, 4, 5], holidays: ['2026-10-01' as PlanDate] },
    });
    const root = parse(xml);
    const result = readMsProject(root, { calendar: CALENDAR, people });
    if (!result.ok) expect.fail(JSON.stringify(result.error));
    expect(result.plan.items[0]?.name).toBe(hostile.replace('\u0001', '\uFFFD'));
    expect(result.plan.items[0]?.notes).toBe(hostile.replace('\u0001', '\uFFFD'));
    expect(xml).toContain('<FromDate>2026-10-01T00:00:00</FromDate>');
    expect(xml).toContain('<WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>');
  });

  it('reads a file from another tool: outline, SS link with lag in hours, elapsed lag, SF link, a nested milestone, unknown resource', () => {
    const xml = `<?xml version="1.0"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Title>RFP response</Title><MinutesPerDay>480</MinutesPerDay>
  <Tasks>
    <Task><UID>0</UID><OutlineLevel>0</OutlineLevel><Name>Project</Name><Start>2026-12-01T08:00:00</Start><Finish>2026-12-31T17:00:00</Finish></Task>
    <Task><UID>1</UID><Name>Write</Name><OutlineLevel>1</OutlineLevel><Start>2026-12-01T08:00:00</Start><Finish>2026-12-10T17:00:00</Finish><Duration>PT64H0M0S</Duration></Task>
    <Task><UID>2</UID><Name>Technical volume</Name><OutlineLevel>2</OutlineLevel><Start>2026-12-01T08:00:00</Start><Finish>2026-12-04T17:00:00</Finish><Duration>PT32H0M0S</Duration><PercentComplete>50</PercentComplete></Task>
    <Task><UID>3</UID><Name>Pricing volume</Name><OutlineLevel>2</OutlineLevel><Start>2026-12-03T08:00:00</Start><Finish>2026-12-08T17:00:00</Finish><Duration>PT32H0M0S</Duration>
      <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>3</Type><LinkLag>9600</LinkLag><LagFormat>5</LagFormat></PredecessorLink></Task>
    <Task><UID>4</UID><Name>Volumes ready</Name><OutlineLevel>2</OutlineLevel><Milestone>1</Milestone><Start>2026-12-09T08:00:00</Start><Finish>2026-12-09T08:00:00</Finish><Duration>PT0H0M0S</Duration>
      <PredecessorLink><PredecessorUID>3</PredecessorUID><Type>1</Type><LinkLag>28800</LinkLag><LagFormat>8</LagFormat></PredecessorLink>
      <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>2</Type></PredecessorLink></Task>
    <Task><UID>5</UID><Name>Submit</Name><OutlineLevel>1</OutlineLevel><Milestone>1</Milestone><Start>2026-12-15T08:00:00</Start><Finish>2026-12-15T08:00:00</Finish>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
  </Tasks>
  <Resources><Resource><UID>1</UID><Name>Nobody Here</Name></Resource><Resource><UID>2</UID><Name>  ${sample.people[0]?.name ?? ''} </Name></Resource></Resources>
  <Assignments>
    <Assignment><TaskUID>2</TaskUID><ResourceUID>1</ResourceUID><Work>PT8H0M0S</Work></Assignment>
    <Assignment><TaskUID>2</TaskUID><ResourceUID>2</ResourceUID><Work>PT12H30M0S</Work></Assignment>
    <Assignment><TaskUID>1</TaskUID><ResourceUID>2</ResourceUID><Work>PT4H0M0S</Work></Assignment>
  </Assignments>
</Project>`;
    const result = read(xml);
    if (!result.ok) expect.fail(JSON.stringify(result.error));
    const { plan, warnings } = result;
    expect(plan.title).toBe('RFP response');
    expect(plan.items.map((i) => [i.key, i.kind, i.parentKey, i.durationDays])).toEqual([
      ['1', 'task', null, 8],
      ['2', 'task', '1', 4],
      ['3', 'task', '1', 4],
      ['4', 'task', '1', 0],
      ['5', 'milestone', null, 0],
    ]);
    expect(plan.items[1]?.progress).toBe(50);
    expect(plan.items[4]?.milestoneKind).toBe('other');
    // 9,600 tenths of a minute = 16 working hours = 2 days; 28,800 elapsed = 2 calendar days.
    expect(plan.links).toEqual([
      { from: '2', to: '3', type: 'SS', lagDays: 2 },
      {
        from: '3',
        to: '4',
        type: 'FS',
        lagDays: Math.round(2 * (CALENDAR.workingWeek.length / 7)),
      },
    ]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        { kind: 'milestoneNested', task: 'Volumes ready' },
        { kind: 'lagApproximated', from: 'Pricing volume', to: 'Volumes ready' },
        { kind: 'linkStartToFinish', from: 'Technical volume', to: 'Volumes ready' },
        { kind: 'linkSummary', from: 'Write', to: 'Submit' },
        { kind: 'resourceUnmatched', resource: 'Nobody Here', count: 1 },
        { kind: 'assignmentSkipped', task: 'Write', resource: sample.people[0]?.name ?? '' },
      ]),
    );
    expect(plan.assignments).toEqual([
      { taskKey: '2', personId: sample.people[0]?.id as PersonId, hours: 12.5 },
    ]);
  });

  it('refuses what it cannot use, naming the task and field', () => {
    const wrap = (tasks: string) =>
      `<Project xmlns="http://schemas.microsoft.com/project"><Tasks>${tasks}</Tasks></Project>`;
    const task = (uid: number, extra: string) =>
      `<Task><UID>${uid}</UID><Name>T${uid}</Name><OutlineLevel>1</OutlineLevel>${extra}</Task>`;
    const dates = '<Start>2026-12-01T08:00:00</Start><Finish>2026-12-02T17:00:00</Finish>';
    expect(read('<Workbook/>')).toEqual({
      ok: false,
      error: { kind: 'notProject', root: 'Workbook' },
    });
    expect(read(wrap(''))).toEqual({ ok: false, error: { kind: 'noTasks' } });
    expect(read(wrap(task(1, '<Start>soon</Start>')))).toEqual({
      ok: false,
      error: { kind: 'badValue', task: 'T1', field: 'Start', value: 'soon' },
    });
    expect(
      read(wrap(task(1, '<Start>2026-12-05T08:00:00</Start><Finish>2026-12-01T08:00:00</Finish>'))),
    ).toMatchObject({
      ok: false,
      error: { kind: 'badValue', field: 'Finish' },
    });
    expect(read(wrap(task(1, `${dates}<Duration>forty hours</Duration>`)))).toMatchObject({
      ok: false,
      error: { kind: 'badValue', field: 'Duration', value: 'forty hours' },
    });
    expect(read(wrap(task(1, dates) + task(1, dates)))).toEqual({
      ok: false,
      error: { kind: 'duplicateUid', uid: '1' },
    });
    expect(
      read(
        wrap(
          `<Task><UID>1</UID><Name>${'长'.repeat(301)}</Name><OutlineLevel>1</OutlineLevel>${dates}</Task>`,
        ),
      ),
    ).toMatchObject({ ok: false, error: { kind: 'tooLong', field: 'Name', max: 300 } });
    const link = (from: number) =>
      `<PredecessorLink><PredecessorUID>${from}</PredecessorUID><Type>1</Type></PredecessorLink>`;
    expect(
      read(wrap(task(1, dates + link(3)) + task(2, dates + link(1)) + task(3, dates + link(2)))),
    ).toEqual({
      ok: false,
      error: { kind: 'cycle', tasks: ['T1', 'T2', 'T3'] },
    });
  });

  it('reads dates and durations as MSPDI writes them', () => {
    expect(planDateOfDateTime('2026-03-02T08:00:00')).toBe('2026-03-02');
    expect(planDateOfDateTime('2026-02-30T08:00:00')).toBeNull();
    expect(planDateOfDateTime('2026-03-02 garbage')).toBeNull();
    expect(durationMinutes('PT40H0M0S')).toBe(2400);
    expect(durationMinutes('PT7H30M0S')).toBe(450);
    expect(durationMinutes('P1DT2H')).toBe(1560);
    expect(durationMinutes('PT')).toBeNull();
    expect(durationMinutes('40h')).toBeNull();
    expect(xmlText('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
  });

  it('never throws and always answers ok with a plan or a specific error, on 1,000 generated files', () => {
    const field = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('2026-12-01T08:00:00', '2026-12-31T17:00:00', 'PT8H0M0S', '1', '0', '-5', ''),
    );
    const taskXml = fc
      .record({
        uid: fc.oneof(fc.integer({ min: 0, max: 30 }).map(String), fc.string({ maxLength: 5 })),
        name: fc.string({ maxLength: 60 }),
        level: fc.oneof(fc.integer({ min: -1, max: 6 }).map(String), fc.string({ maxLength: 3 })),
        start: field,
        finish: field,
        duration: field,
        milestone: fc.constantFrom('0', '1', ''),
        percent: field,
        preds: fc.array(
          fc.record({
            uid: fc.integer({ min: 0, max: 30 }),
            type: fc.integer({ min: -1, max: 5 }),
            lag: fc.integer({ min: -10_000_000, max: 10_000_000 }),
            format: fc.integer({ min: 0, max: 60 }),
          }),
          { maxLength: 3 },
        ),
      })
      .map(
        (t) =>
          `<Task><UID>${xmlText(t.uid)}</UID><Name>${xmlText(t.name)}</Name><OutlineLevel>${xmlText(t.level)}</OutlineLevel>` +
          `<Start>${xmlText(t.start)}</Start><Finish>${xmlText(t.finish)}</Finish><Duration>${xmlText(t.duration)}</Duration>` +
          `<Milestone>${t.milestone}</Milestone><PercentComplete>${xmlText(t.percent)}</PercentComplete>` +
          t.preds
            .map(
              (p) =>
                `<PredecessorLink><PredecessorUID>${p.uid}</PredecessorUID><Type>${p.type}</Type><LinkLag>${p.lag}</LinkLag><LagFormat>${p.format}</LagFormat></PredecessorLink>`,
            )
            .join('') +
          `</Task>`,
      );
    fc.assert(
      fc.property(
        fc.array(taskXml, { maxLength: 12 }),
        fc.string({ maxLength: 20 }),
        (tasks, junk) => {
          const xml = `<Project xmlns="http://schemas.microsoft.com/project"><MinutesPerDay>${xmlText(junk)}</MinutesPerDay><Tasks>${tasks.join('')}</Tasks></Project>`;
          const result = read(xml);
          if (!result.ok) {
            expect(typeof result.error.kind).toBe('string');
            return;
          }
          const keys = new Set(result.plan.items.map((item) => item.key));
          for (const item of result.plan.items) {
            expect(item.finish >= item.start).toBe(true);
            expect(item.parentKey === null || keys.has(item.parentKey)).toBe(true);
            expect(item.name.trim()).not.toBe('');
          }
          for (const link of result.plan.links) {
            expect(keys.has(link.from) && keys.has(link.to)).toBe(true);
            expect(Math.abs(link.lagDays)).toBeLessThanOrEqual(1_000);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('lays imported tasks on working days of the company calendar', () => {
    const calendar = calendarFromSettings(settings);
    const result = read(
      `<Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task><UID>1</UID><Name>Weekend start</Name><OutlineLevel>1</OutlineLevel><Start>2026-12-05T08:00:00</Start><Finish>2026-12-08T17:00:00</Finish><Duration>PT16H0M0S</Duration></Task></Tasks></Project>`,
    );
    if (!result.ok) expect.fail(JSON.stringify(result.error));
    const item = result.plan.items[0];
    expect(item?.start).toBe(calendar.workingDayOnOrAfter('2026-12-05' as PlanDate));
    expect(item && calendar.isWorkingDay(item.finish)).toBe(true);
    expect(result.warnings).toEqual([{ kind: 'datesAdjusted', task: 'Weekend start' }]);
  });
});
