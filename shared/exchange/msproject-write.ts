/**
 * Writes a deal's plan as Microsoft Project XML (MSPDI), the exchange format MS Project,
 * ProjectLibre and GanttProject read: the company calendar (working week, holidays, extra working
 * days), tasks with their outline (WBS), dates, durations, progress and notes, milestones,
 * dependencies with lags, and the people assigned with their hours.
 *
 * Conventions of the file (the reader in `msproject-read.ts` follows them back):
 * - a working day is 08:00–12:00 and 13:00–17:00 (480 minutes); a task runs from 08:00 on its
 *   first day to 17:00 on its last, a milestone sits at 08:00 on its day;
 * - durations are `PT<h>H<m>M0S` in working time; link lags are in tenths of a minute with lag
 *   format 7 (working days), as MS Project writes them;
 * - a milestone's kind (submission, bid/no-bid…) travels in the task's Text30 field, declared as
 *   the extended attribute "Pursuit milestone kind"; other tools ignore it.
 * Every piece of user text is escaped, and characters XML 1.0 cannot carry are replaced, so the
 * file is well-formed whatever a name contains.
 */
import type { CalendarConfig } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import type { PlanItemId } from '@shared/domain/ids';
import type { PlanLink } from '@shared/plan/links';
import type { PlanRow } from '@shared/plan/rows';
import {
  KIND_FIELD_ALIAS,
  KIND_FIELD_ID,
  LINK_TYPE_CODES,
  MINUTES_PER_DAY,
  MSP_NAMESPACE,
} from '@shared/exchange/msproject';

export interface MsProjectResource {
  /** Any stable key; resources are numbered in the file in the order given. */
  readonly key: string;
  readonly name: string;
}

export interface MsProjectAssignment {
  readonly taskId: PlanItemId;
  readonly resourceKey: string;
  readonly hours: number;
}

export interface MsProjectExportInput {
  /** Project title (the deal's code and name). */
  readonly title: string;
  readonly calendar: CalendarConfig;
  /** The plan in outline order, as `buildPlanRows` gives it. */
  readonly rows: readonly PlanRow[];
  readonly links: readonly PlanLink[];
  readonly notes?: ReadonlyMap<PlanItemId, string>;
  readonly resources: readonly MsProjectResource[];
  readonly assignments: readonly MsProjectAssignment[];
}

/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text made safe as XML element content or attribute value. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function element(name: string, value: string | number): string {
  return `<${name}>${typeof value === 'number' ? String(value) : xmlText(value)}</${name}>`;
}

/** Working time as an ISO 8601 duration: `PT12H30M0S`. */
export function isoDuration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  return `PT${Math.floor(whole / 60)}H${whole % 60}M0S`;
}

const dayStart = (date: PlanDate) => `${date}T08:00:00`;
const dayEnd = (date: PlanDate) => `${date}T17:00:00`;

/** MS Project numbers weekdays from Sunday = 1. */
const mspDayType = (weekday: number) => weekday + 1;

const WORKING_TIMES =
  '<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>' +
  '<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>';

function exception(date: PlanDate, working: boolean, name: string): string {
  return (
    `<Exception><EnteredByOccurrences>0</EnteredByOccurrences>` +
    `<TimePeriod><FromDate>${date}T00:00:00</FromDate><ToDate>${date}T23:59:00</ToDate></TimePeriod>` +
    `<Occurrences>1</Occurrences>${element('Name', name)}<Type>1</Type>` +
    `<DayWorking>${working ? 1 : 0}</DayWorking>${working ? WORKING_TIMES : ''}</Exception>`
  );
}

function calendarXml(calendar: CalendarConfig): string {
  const working = new Set<number>(calendar.workingWeek);
  const weekDays = [0, 1, 2, 3, 4, 5, 6]
    .map(
      (day) =>
        `<WeekDay><DayType>${mspDayType(day)}</DayType><DayWorking>${working.has(day) ? 1 : 0}</DayWorking>` +
        `${working.has(day) ? WORKING_TIMES : ''}</WeekDay>`,
    )
    .join('');
  const exceptions = [
    ...calendar.holidays.map((date) => exception(date, false, 'Holiday')),
    ...(calendar.extraWorkingDays ?? []).map((date) => exception(date, true, 'Working day')),
  ].join('');
  return (
    `<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>` +
    `<BaseCalendarUID>-1</BaseCalendarUID><WeekDays>${weekDays}</WeekDays>` +
    (exceptions === '' ? '' : `<Exceptions>${exceptions}</Exceptions>`) +
    `</Calendar></Calendars>`
  );
}

/** The plan as one MSPDI document (UTF-8 text). */
export function writeMsProjectXml(input: MsProjectExportInput): string {
  const uidOf = new Map<PlanItemId, number>();
  input.rows.forEach((row, i) => uidOf.set(row.id, i + 1));
  const incoming = new Map<PlanItemId, PlanLink[]>();
  for (const link of input.links) {
    if (!uidOf.has(link.predecessorId) || !uidOf.has(link.successorId)) continue;
    const list = incoming.get(link.successorId);
    if (list) list.push(link);
    else incoming.set(link.successorId, [link]);
  }
  const first = input.rows.reduce<PlanDate | null>(
    (min, row) => (min === null || row.start < min ? row.start : min),
    null,
  );
  const last = input.rows.reduce<PlanDate | null>(
    (max, row) => (max === null || row.finish > max ? row.finish : max),
    null,
  );

  const tasks = input.rows.map((row) => {
    const uid = uidOf.get(row.id) ?? 0;
    const milestone = row.kind === 'milestone' || (!row.summary && row.durationDays === 0);
    const minutes = milestone ? 0 : row.durationDays * MINUTES_PER_DAY;
    const links = (incoming.get(row.id) ?? [])
      .map(
        (link) =>
          `<PredecessorLink><PredecessorUID>${uidOf.get(link.predecessorId) ?? 0}</PredecessorUID>` +
          `<Type>${LINK_TYPE_CODES[link.type]}</Type><CrossProject>0</CrossProject>` +
          `<LinkLag>${link.lagDays * MINUTES_PER_DAY * 10}</LinkLag><LagFormat>7</LagFormat></PredecessorLink>`,
      )
      .join('');
    const notes = input.notes?.get(row.id) ?? '';
    const kind =
      row.milestoneKind === null
        ? ''
        : `<ExtendedAttribute><FieldID>${KIND_FIELD_ID}</FieldID>${element('Value', row.milestoneKind)}</ExtendedAttribute>`;
    return (
      `<Task><UID>${uid}</UID><ID>${uid}</ID>${element('Name', row.name)}<Type>1</Type><IsNull>0</IsNull>` +
      `${element('WBS', row.wbs)}${element('OutlineNumber', row.wbs)}<OutlineLevel>${row.depth + 1}</OutlineLevel>` +
      `<Start>${dayStart(row.start)}</Start><Finish>${milestone ? dayStart(row.finish) : dayEnd(row.finish)}</Finish>` +
      `<Duration>${isoDuration(minutes)}</Duration><DurationFormat>7</DurationFormat>` +
      `<Milestone>${milestone ? 1 : 0}</Milestone><Summary>${row.summary ? 1 : 0}</Summary>` +
      `<PercentComplete>${row.progress}</PercentComplete>` +
      (row.actualDate === null ? '' : `<ActualFinish>${dayStart(row.actualDate)}</ActualFinish>`) +
      (notes === '' ? '' : element('Notes', notes)) +
      links +
      kind +
      (row.baselineDate === null
        ? ''
        : `<Baseline><Number>0</Number><Start>${dayStart(row.baselineDate)}</Start><Finish>${dayStart(row.baselineDate)}</Finish></Baseline>`) +
      `</Task>`
    );
  });

  const resourceUid = new Map<string, number>();
  const resources = input.resources.map((resource, i) => {
    resourceUid.set(resource.key, i + 1);
    return `<Resource><UID>${i + 1}</UID><ID>${i + 1}</ID>${element('Name', resource.name)}<Type>1</Type></Resource>`;
  });
  const assignments = input.assignments.flatMap((assignment, i) => {
    const task = uidOf.get(assignment.taskId);
    const resource = resourceUid.get(assignment.resourceKey);
    if (task === undefined || resource === undefined) return [];
    return [
      `<Assignment><UID>${i + 1}</UID><TaskUID>${task}</TaskUID><ResourceUID>${resource}</ResourceUID>` +
        `<Work>${isoDuration(assignment.hours * 60)}</Work></Assignment>`,
    ];
  });

  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Project xmlns="${MSP_NAMESPACE}"><SaveVersion>14</SaveVersion>` +
    `${element('Name', input.title)}${element('Title', input.title)}` +
    `<ScheduleFromStart>1</ScheduleFromStart>` +
    (first === null ? '' : `<StartDate>${dayStart(first)}</StartDate>`) +
    (last === null ? '' : `<FinishDate>${dayEnd(last)}</FinishDate>`) +
    `<CalendarUID>1</CalendarUID><DefaultStartTime>08:00:00</DefaultStartTime>` +
    `<DefaultFinishTime>17:00:00</DefaultFinishTime><MinutesPerDay>${MINUTES_PER_DAY}</MinutesPerDay>` +
    `<MinutesPerWeek>${MINUTES_PER_DAY * input.calendar.workingWeek.length}</MinutesPerWeek>` +
    `<DaysPerMonth>20</DaysPerMonth><DurationFormat>7</DurationFormat>` +
    `<ExtendedAttributes><ExtendedAttribute><FieldID>${KIND_FIELD_ID}</FieldID><FieldName>Text30</FieldName>` +
    `${element('Alias', KIND_FIELD_ALIAS)}</ExtendedAttribute></ExtendedAttributes>` +
    calendarXml(input.calendar) +
    `<Tasks>${tasks.join('')}</Tasks>` +
    `<Resources>${resources.join('')}</Resources>` +
    `<Assignments>${assignments.join('')}</Assignments>` +
    `</Project>\n`
  );
}
