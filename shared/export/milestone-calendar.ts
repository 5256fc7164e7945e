import type { Deal } from '@shared/domain/deal';
import type { PlanDate } from '@shared/domain/dates';
import type { Milestone, MilestoneKind } from '@shared/domain/milestone';
import type { IcsEvent } from '@shared/export/ics';

/** What a milestone event says about its deal. */
export type MilestoneCalendarDeal = Pick<Deal, 'id' | 'code' | 'name'>;

export interface MilestoneEventsInput {
  readonly deals: readonly MilestoneCalendarDeal[];
  /** Milestones of any deals; those of deals not listed, and deleted ones, are left out. */
  readonly milestones: readonly Milestone[];
  /** The milestone kind in the user's language, for the event's description. */
  readonly kindLabel: (kind: MilestoneKind) => string;
}

/**
 * One all-day event per milestone, on the day it was reached or else its planned day, titled with
 * the deal code so a calendar full of bids stays readable. The UID is the milestone's id, so
 * importing a later export moves the event rather than adding a second one; the record revision
 * is the SEQUENCE. Events come in date order, then deal code.
 */
export function milestoneEvents(input: MilestoneEventsInput): IcsEvent[] {
  const deals = new Map(input.deals.map((deal) => [deal.id, deal]));
  const rows: { event: IcsEvent; code: string }[] = [];
  for (const milestone of input.milestones) {
    if (milestone.deletedAt !== null) continue;
    const deal = deals.get(milestone.dealId);
    if (!deal) continue;
    const description = [deal.name, input.kindLabel(milestone.kind), milestone.notes.trim()]
      .filter((line) => line !== '')
      .join('\n');
    rows.push({
      code: deal.code,
      event: {
        uid: `milestone-${milestone.id}@pursuit`,
        date: milestone.actualDate ?? milestone.date,
        summary: `${deal.code} · ${milestone.name}`,
        description,
        sequence: milestone.rev - 1,
      },
    });
  }
  rows.sort(
    (a, b) =>
      (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : 0) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return rows.map((row) => row.event);
}

/** Characters no file system (or Windows) accepts in a name, controls and bidi overrides. */
const UNSAFE_IN_FILE_NAME =
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name for an export: `<stem>-<suffix>-<day>.<extension>`, with anything a file system
 * would refuse in the stem (a deal code or a person's name is free text) replaced by `-`, and the
 * stem kept well inside the 200-byte limit on names (40 characters).
 */
export function exportFileName(
  stem: string,
  suffix: string,
  day: PlanDate,
  extension: string,
): string {
  const cleaned = stem
    .replace(UNSAFE_IN_FILE_NAME, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  // By characters, not UTF-16 units, so a character outside the BMP is never cut in half.
  const safe = Array.from(cleaned).slice(0, 40).join('').trim();
  return `${safe === '' ? 'pursuit' : safe}-${suffix}-${day}.${extension}`;
}

/** A file name for a calendar export (see `exportFileName`). */
export function icsFileName(stem: string, suffix: string, day: PlanDate): string {
  return exportFileName(stem, suffix, day, 'ics');
}
