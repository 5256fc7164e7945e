import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFromSettings } from '@shared/domain/calendar';
import type { PlanDate, Weekday } from '@shared/domain/dates';
import { addDays, WEEKDAYS } from '@shared/domain/dates';
import type { MilestoneTemplate } from '@shared/domain/sales-process';
import { MILESTONE_ANCHORS } from '@shared/domain/sales-process';
import { DEFAULT_STAGE_IDS } from '@shared/domain/defaults';
import { accepted, d, deal, move, settings, STAGES } from './fixtures';

const START = d('2026-06-01');

/** A day within two years of June 2026. */
const dayArb: fc.Arbitrary<PlanDate> = fc
  .integer({ min: 0, max: 730 })
  .map((n) => addDays(START, n));

const calendarArb = fc.record({
  workingWeek: fc.subarray<Weekday>([...WEEKDAYS], { minLength: 1 }),
  holidays: fc.uniqueArray(dayArb, { maxLength: 60 }),
  extraWorkingDays: fc.uniqueArray(dayArb, { maxLength: 10 }),
});

const templatesArb = fc.uniqueArray(
  fc.record({
    key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    anchor: fc.constantFrom(...MILESTONE_ANCHORS),
    offsetWorkingDays: fc.integer({ min: -60, max: 60 }),
  }),
  { minLength: 1, maxLength: 6, selector: (t) => t.key },
);

describe('planStageMove: properties', () => {
  it('plans every milestone on a working day, exactly its offset from its anchor', () => {
    fc.assert(
      fc.property(
        calendarArb,
        templatesArb,
        dayArb,
        fc.option(dayArb, { nil: null }),
        (calendarConfig, rawTemplates, today, submission) => {
          const holidays = new Set<string>(calendarConfig.holidays);
          const config = {
            ...calendarConfig,
            extraWorkingDays: calendarConfig.extraWorkingDays.filter((day) => !holidays.has(day)),
          };
          const templates: MilestoneTemplate[] = rawTemplates.map((t) => ({
            ...t,
            name: { zh: t.key, en: t.key },
            kind: 'other',
          }));
          const stages = STAGES.map((s) =>
            s.id === DEFAULT_STAGE_IDS.capture ? { ...s, milestoneTemplates: templates } : s,
          );
          const base = deal('qualify');
          const subject = deal('qualify', {
            keyDates: { ...base.keyDates, submissionDue: submission, expectedAward: null },
          });
          const changes = accepted(
            move(subject, 'capture', { stages, today, settings: settings(config) }),
          );
          const calendar = calendarFromSettings(config);

          expect(changes.milestones.length + changes.skippedMilestones.length).toBe(
            templates.length,
          );
          for (const milestone of changes.milestones) {
            expect(calendar.isWorkingDay(milestone.date)).toBe(true);
            const template = templates.find((t) => t.key === milestone.templateKey)!;
            const anchor =
              template.anchor === 'stage_entry'
                ? calendar.workingDayOnOrAfter(today)
                : calendar.workingDayOnOrBefore(submission!);
            expect(calendar.countWorkingDays(anchor, milestone.date)).toBe(
              template.offsetWorkingDays,
            );
          }
          for (const skipped of changes.skippedMilestones) {
            expect(submission).toBeNull();
            expect(templates.find((t) => t.key === skipped.templateKey)?.anchor).toBe('submission');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
