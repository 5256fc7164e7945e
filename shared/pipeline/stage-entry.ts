import type { WorkingCalendar } from '@shared/domain/calendar';
import { calendarFromSettings } from '@shared/domain/calendar';
import type { PlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import type { LocalizedText } from '@shared/domain/fields';
import type { Gate, GateKind } from '@shared/domain/gate';
import { MEDDPICC_ELEMENTS } from '@shared/domain/gate';
import type { Milestone } from '@shared/domain/milestone';
import type { MilestoneTemplate, Stage } from '@shared/domain/sales-process';
import type { Settings } from '@shared/domain/settings';
import { GATE_KIND_NAMES, inLocale } from '@shared/pipeline/labels';

type BookkeepingKeys = 'id' | 'createdAt' | 'updatedAt' | 'rev' | 'deletedAt';

/** A milestone to create: every stored field except the bookkeeping ones the write adds. */
export type MilestoneDraft = Omit<Milestone, BookkeepingKeys>;

/** A gate to open: every stored field except the bookkeeping ones the write adds. */
export type GateDraft = Omit<Gate, BookkeepingKeys>;

/** What entering a stage needs from settings: the calendar, the language, the bid scorecard. */
export type StageEntrySettings = Pick<
  Settings,
  'workingWeek' | 'holidays' | 'extraWorkingDays' | 'locale' | 'bidScorecard'
>;

/**
 * Why a template produced no milestone: the deal already has it (from an earlier visit to the
 * stage), or it counts from a submission date the deal does not have yet.
 */
export type MilestoneSkipReason = 'already_planned' | 'no_submission_date';

export interface SkippedMilestone {
  readonly templateKey: string;
  readonly name: LocalizedText;
  readonly reason: MilestoneSkipReason;
}

/** The parts of existing milestones that decide what is already planned. */
export type ExistingMilestone = Pick<
  Milestone,
  'stageId' | 'templateKey' | 'sortIndex' | 'date' | 'deletedAt'
>;

/** The parts of existing gates that decide whether a gate of a kind is still open. */
export type ExistingGate = Pick<Gate, 'kind' | 'decision' | 'deletedAt'>;

export interface StageEntryInput {
  readonly deal: Pick<Deal, 'id' | 'keyDates'>;
  readonly stage: Stage;
  readonly settings: StageEntrySettings;
  /** The day the deal enters the stage, in the user's time zone. */
  readonly today: PlanDate;
  readonly existingMilestones: readonly ExistingMilestone[];
  readonly existingGates: readonly ExistingGate[];
  /** The company calendar, when the caller already built it from the same settings. */
  readonly calendar?: WorkingCalendar;
}

export interface StageEntryPlan {
  readonly milestones: readonly MilestoneDraft[];
  readonly skippedMilestones: readonly SkippedMilestone[];
  readonly gates: readonly GateDraft[];
}

/**
 * The date of a template's milestone on the working-day calendar, or null when its anchor is
 * unknown (a submission-anchored template on a deal without a submission date).
 *
 * The two anchors roll differently, on purpose:
 * - Stage entry rolls **forward**: entering a stage on a Saturday, the stage's work starts on
 *   Monday, so "+5" counts from Monday and "+0" is Monday.
 * - Submission rolls **back**: a submission due on a Sunday has to be delivered by Friday, so
 *   "−2 before submission" is two working days before that Friday, and "+0" is the Friday.
 * Either way the anchor is a working day before the offset is applied, so the milestone is exactly
 * `offsetWorkingDays` working days from it and always lands on a working day.
 */
export function templateMilestoneDate(
  template: Pick<MilestoneTemplate, 'anchor' | 'offsetWorkingDays'>,
  anchors: { readonly stageEntry: PlanDate; readonly submission: PlanDate | null },
  calendar: WorkingCalendar,
): PlanDate | null {
  if (template.anchor === 'stage_entry') {
    return calendar.addWorkingDays(
      calendar.workingDayOnOrAfter(anchors.stageEntry),
      template.offsetWorkingDays,
    );
  }
  if (anchors.submission === null) return null;
  return calendar.addWorkingDays(
    calendar.workingDayOnOrBefore(anchors.submission),
    template.offsetWorkingDays,
  );
}

/**
 * The stage template a gate takes its scheduled date from: by convention the template keyed like
 * the gate (`bid_no_bid`) or like its team review (`pink_team` for a `pink` gate).
 */
function isTemplateOfGate(templateKey: string | null, kind: GateKind): boolean {
  return templateKey === kind || templateKey === `${kind}_team`;
}

/** A fresh gate of `kind` for the stage: the bid/no-bid gate starts from the configured scorecard. */
function draftGate(
  kind: GateKind,
  input: StageEntryInput,
  scheduledDate: PlanDate | null,
): GateDraft {
  const bidDecision = kind === 'bid_no_bid';
  return {
    dealId: input.deal.id,
    stageId: input.stage.id,
    kind,
    name: inLocale(GATE_KIND_NAMES[kind], input.settings.locale),
    scheduledDate,
    scorecard: bidDecision
      ? input.settings.bidScorecard.map((criterion) => ({
          key: criterion.key,
          label: criterion.label,
          weight: criterion.weight,
          score: null,
          note: '',
        }))
      : [],
    meddpicc: bidDecision
      ? MEDDPICC_ELEMENTS.map((element) => ({ element, status: 'unknown' as const, evidence: '' }))
      : [],
    reviewScore: null,
    comments: '',
    decision: null,
    decidedBy: null,
    decidedAt: null,
    rationale: '',
  };
}

/**
 * What entering `stage` adds to a deal: a milestone per template and the stage's gates.
 *
 * Re-entering a stage must not duplicate its plan, so a template the deal already has a milestone
 * for (same stage and template key) is skipped — also when that milestone is in the trash: the
 * user removed it on purpose, and moving the deal back and forth should not bring it back.
 * Submission-anchored templates are skipped while the deal has no submission date (they would be
 * dated against nothing); both kinds of skip are reported so the UI can say why.
 *
 * A gate is opened unless the deal already has one of that kind still waiting for a decision; a
 * decided gate does not block a new one, since coming back to a stage means deciding again
 * (re-qualifying, or a fresh review round after a "reshape").
 */
export function planStageEntry(input: StageEntryInput): StageEntryPlan {
  const calendar = input.calendar ?? calendarFromSettings(input.settings);
  const { stage, existingMilestones } = input;
  const planned = new Set(
    existingMilestones
      .filter((m) => m.stageId === stage.id && m.templateKey !== null)
      .map((m) => m.templateKey),
  );
  let sortIndex = existingMilestones.reduce((max, m) => Math.max(max, m.sortIndex + 1), 0);

  const milestones: MilestoneDraft[] = [];
  const skippedMilestones: SkippedMilestone[] = [];
  for (const template of stage.milestoneTemplates) {
    if (planned.has(template.key)) {
      skippedMilestones.push({
        templateKey: template.key,
        name: template.name,
        reason: 'already_planned',
      });
      continue;
    }
    const date = templateMilestoneDate(
      template,
      { stageEntry: input.today, submission: input.deal.keyDates.submissionDue },
      calendar,
    );
    if (date === null) {
      skippedMilestones.push({
        templateKey: template.key,
        name: template.name,
        reason: 'no_submission_date',
      });
      continue;
    }
    milestones.push({
      dealId: input.deal.id,
      name: inLocale(template.name, input.settings.locale),
      kind: template.kind,
      date,
      baselineDate: null,
      actualDate: null,
      stageId: stage.id,
      templateKey: template.key,
      sortIndex,
      notes: '',
    });
    sortIndex += 1;
  }

  const pendingKinds = new Set(
    input.existingGates
      .filter((gate) => gate.deletedAt === null && gate.decision === null)
      .map((gate) => gate.kind),
  );
  const stageMilestones = [
    ...milestones,
    ...existingMilestones.filter((m) => m.stageId === stage.id && m.deletedAt === null),
  ];
  const gates = stage.gateKinds
    .filter((kind) => !pendingKinds.has(kind))
    .map((kind) =>
      draftGate(
        kind,
        input,
        stageMilestones.find((m) => isTemplateOfGate(m.templateKey, kind))?.date ?? null,
      ),
    );

  return { milestones, skippedMilestones, gates };
}
