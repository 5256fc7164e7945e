import type { PlanDate } from '@shared/domain/dates';
import { addDays, fromDayNumber } from '@shared/domain/dates';

/**
 * iCalendar (RFC 5545) writer for all-day events: enough for milestones to land in Outlook,
 * Apple Calendar, Google Calendar or a Chinese office suite's calendar. Pure: the time stamp comes
 * in as a parameter, so the same input gives the same file byte for byte.
 */

/** One all-day event. */
export interface IcsEvent {
  /** Stable across exports, so a re-import updates the event instead of duplicating it. */
  readonly uid: string;
  readonly date: PlanDate;
  readonly summary: string;
  readonly description?: string;
  /** Bumped when the event changes (RFC 5545 §3.8.7.4); calendars keep the highest one. */
  readonly sequence?: number;
}

export interface IcsCalendar {
  /** PRODID, e.g. `-//Pursuit//Pursuit 0.1.0//EN`. */
  readonly productId: string;
  /** Shown as the calendar's name by the clients that read `X-WR-CALNAME`. */
  readonly name?: string;
  /** When the file is made (epoch ms), written as every event's DTSTAMP. */
  readonly stamp: number;
  readonly events: readonly IcsEvent[];
}

/** The longest a content line may be, in octets, without its CRLF (RFC 5545 §3.1). */
export const MAX_LINE_OCTETS = 75;

const CRLF = '\r\n';

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma are escaped, every line
 * break becomes `\n`, and the other control characters (not allowed in TEXT) become spaces.
 */
export function escapeIcsText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
  );
}

function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line into lines of at most 75 octets (UTF-8), each continuation starting with a
 * space (which counts toward its 75). A line is only broken between characters, never inside
 * one's UTF-8 bytes or between the two halves of a surrogate pair.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A DATE value: `20260115`. */
export function formatIcsDate(date: PlanDate): string {
  return date.replace(/-/g, '');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A UTC DATE-TIME value: `20260115T083000Z` (seconds truncated). */
export function formatIcsDateTime(epochMs: number): string {
  const day = Math.floor(epochMs / 86_400_000);
  const secondsOfDay = Math.floor((epochMs - day * 86_400_000) / 1000);
  const hours = Math.floor(secondsOfDay / 3600);
  const minutes = Math.floor((secondsOfDay % 3600) / 60);
  const seconds = secondsOfDay % 60;
  return `${formatIcsDate(fromDayNumber(day))}T${pad2(hours)}${pad2(minutes)}${pad2(seconds)}Z`;
}

/**
 * The whole calendar as text: CRLF line ends, folded lines, one VEVENT per event. All-day events
 * are written with `DTSTART;VALUE=DATE` and the exclusive `DTEND` of the next day, and marked
 * transparent so they do not show the day as busy.
 */
export function buildIcs(calendar: IcsCalendar): string {
  const stamp = formatIcsDateTime(calendar.stamp);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeIcsText(calendar.productId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (calendar.name !== undefined) lines.push(`X-WR-CALNAME:${escapeIcsText(calendar.name)}`);
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeIcsText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${formatIcsDate(event.date)}`,
      `DTEND;VALUE=DATE:${formatIcsDate(addDays(event.date, 1))}`,
      `SUMMARY:${escapeIcsText(event.summary)}`,
    );
    if (event.description !== undefined && event.description !== '') {
      lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
    }
    if (event.sequence !== undefined) lines.push(`SEQUENCE:${event.sequence}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
