import type { PlanDate } from '@shared/domain/dates';
import type { Deal, DealStatus, OutcomeReason } from '@shared/domain/deal';
import type { LocalizedText } from '@shared/domain/fields';
import type { PersonId, StageId } from '@shared/domain/ids';
import type { Locale } from '@shared/domain/settings';
import type { Stage, StageKind } from '@shared/domain/sales-process';
import { inLocale, OUTCOME_REASON_NAMES } from '@shared/pipeline/labels';
import { planStageEntry } from '@shared/pipeline/stage-entry';
import type {
  ExistingGate,
  ExistingMilestone,
  GateDraft,
  MilestoneDraft,
  SkippedMilestone,
  StageEntrySettings,
} from '@shared/pipeline/stage-entry';

/** How a deal closed: required to move it to a won, lost or no-bid stage. */
export interface StageMoveOutcome {
  readonly reason: OutcomeReason;
  readonly note: string;
  /** The day the outcome was known (award letter, loss notice, decision not to bid). */
  readonly date: PlanDate;
}

export interface StageMoveInput {
  readonly deal: Deal;
  /** The stages of the deal's sales process (any order; deleted stages are ignored). */
  readonly stages: readonly Stage[];
  readonly targetStageId: StageId;
  readonly settings: StageEntrySettings;
  /** The moment of the move (epoch ms): the deal's new `stageEnteredAt` and the activity's time. */
  readonly now: number;
  /** The day of the move in the user's time zone: stage-entry milestones count from it. */
  readonly today: PlanDate;
  /** The deal's milestones (trashed ones included), to avoid planning a template twice. */
  readonly existingMilestones: readonly ExistingMilestone[];
  /** The deal's gates, to avoid opening a second gate of a kind still awaiting a decision. */
  readonly existingGates: readonly ExistingGate[];
  /** Who moves the deal, recorded on the activity. */
  readonly actorId: PersonId | null;
  /** Required when the target is a closing stage; ignored otherwise. */
  readonly outcome?: StageMoveOutcome | null;
}

/**
 * - `forward` / `backward`: between open stages, by process order.
 * - `close`: to a won, lost or no-bid stage (also from one closing stage to another, a correction).
 * - `reopen`: a closed deal (won, lost, no-bid or cancelled) back into an open stage.
 */
export type StageMoveDirection = 'forward' | 'backward' | 'close' | 'reopen';

/** Why a move is refused; the UI says so and nothing is written. */
export type StageMoveRefusal =
  /** The deal is in the trash: restore it first. */
  | 'deal_in_trash'
  /** The target is not a live stage of the deal's process (deleted, or of another process). */
  | 'unknown_stage'
  /** The deal is already there (and, for an open stage, already open). */
  | 'same_stage'
  /** Closing a deal needs the reason and the outcome date. */
  | 'outcome_required'
  /** An outcome is something that has happened: its date cannot be after today. */
  | 'outcome_date_in_future';

/** The deal fields a move changes; outcome fields only when they change (closing, reopening). */
export type DealStagePatch = Pick<Deal, 'stageId' | 'stageEnteredAt' | 'status' | 'pwin'> &
  Partial<Pick<Deal, 'outcomeReason' | 'outcomeNote' | 'outcomeDate'>>;

/** An exit criterion of a stage the move passes without it being checked on the deal. */
export interface SkippedCriterion {
  readonly stageId: StageId;
  readonly stageKey: string;
  readonly stageName: LocalizedText;
  readonly criterionKey: string;
  readonly label: LocalizedText;
}

/** The stage-move entry for the deal's activity trail (written in the install's language). */
export interface StageMoveActivity {
  readonly at: number;
  readonly actorId: PersonId | null;
  readonly summary: string;
  readonly details: string;
}

export interface StageMoveChanges {
  readonly direction: StageMoveDirection;
  /** The stage the deal leaves (as stored on the deal, even if no longer in the process). */
  readonly fromStageId: StageId;
  readonly toStageId: StageId;
  readonly deal: DealStagePatch;
  readonly milestones: readonly MilestoneDraft[];
  readonly skippedMilestones: readonly SkippedMilestone[];
  readonly gates: readonly GateDraft[];
  /** Non-empty only for forward moves (and wins) past unchecked criteria: confirm before applying. */
  readonly skippedCriteria: readonly SkippedCriterion[];
  readonly activity: StageMoveActivity;
}

export type StageMoveResult =
  | { readonly ok: true; readonly changes: StageMoveChanges }
  | { readonly ok: false; readonly reason: StageMoveRefusal };

const CLOSED_STATUS: Readonly<Record<Exclude<StageKind, 'open'>, DealStatus>> = {
  won: 'won',
  lost: 'lost',
  no_bid: 'no_bid',
};

/**
 * The Pwin a move suggests (the user may edit it afterwards):
 * - closing: 100 for a win, 0 for a loss or a no-bid — the outcome is known;
 * - forward or reopening: the target stage's default, the figure the process calibrates for a
 *   deal at that stage;
 * - backward: the lower of the deal's Pwin and the target's default. Stepping back means the
 *   pursuit is less mature than thought, so its Pwin must not stay above what the earlier stage
 *   stands for; but a Pwin the owner already set lower (an honest, pessimistic estimate) is kept
 *   rather than raised by the step back.
 */
function suggestedPwin(direction: StageMoveDirection, deal: Deal, target: Stage): number {
  switch (direction) {
    case 'close':
      return target.kind === 'won' ? 100 : 0;
    case 'backward':
      return Math.min(deal.pwin, target.defaultPwin);
    case 'forward':
    case 'reopen':
      return target.defaultPwin;
  }
}

/**
 * The exit criteria a move passes over unchecked. Moving forward leaves the current stage and
 * goes through every stage between it and the target, so the unchecked criteria of all of them
 * (the current stage included, the target excluded) are skipped. A win from an open stage passes
 * the remaining open stages the same way. Moving backward, losing, declining to bid and reopening
 * pass nothing: they do not claim the pursuit has progressed.
 */
function criteriaPassedOver(
  ordered: readonly Stage[],
  fromIndex: number,
  toIndex: number,
  checked: ReadonlySet<string>,
): SkippedCriterion[] {
  const skipped: SkippedCriterion[] = [];
  for (const stage of ordered.slice(fromIndex, toIndex)) {
    if (stage.kind !== 'open') continue;
    for (const criterion of stage.exitCriteria) {
      if (checked.has(criterion.key)) continue;
      skipped.push({
        stageId: stage.id,
        stageKey: stage.key,
        stageName: stage.name,
        criterionKey: criterion.key,
        label: criterion.label,
      });
    }
  }
  return skipped;
}

interface ActivityText {
  readonly locale: Locale;
  readonly deal: Deal;
  readonly direction: StageMoveDirection;
  readonly from: Stage | undefined;
  readonly to: Stage;
  readonly patch: DealStagePatch;
  readonly skippedCriteria: readonly SkippedCriterion[];
  readonly milestones: readonly MilestoneDraft[];
  readonly skippedMilestones: readonly SkippedMilestone[];
  readonly gates: readonly GateDraft[];
}

const TEXT = {
  en: {
    stage: 'Stage',
    reopened: 'Reopened',
    skipped: (n: number) => ` (${n} exit ${n === 1 ? 'criterion' : 'criteria'} skipped)`,
    skippedHeading: 'Exit criteria skipped (confirmed when moving):',
    outcome: 'Outcome',
    clearedOutcome: 'Previous outcome cleared',
    note: 'Note',
    on: ' on ',
    pwin: 'Pwin',
    milestonesHeading: 'Milestones planned:',
    notPlannedHeading: 'Milestones not planned:',
    alreadyPlanned: 'already on the plan',
    noSubmission: 'the deal has no submission date yet',
    gatesHeading: 'Gates opened:',
    colon: ': ',
  },
  zh: {
    stage: '阶段',
    reopened: '重新打开',
    skipped: (n: number) => `（跳过 ${n} 项退出标准）`,
    skippedHeading: '跳过的退出标准（移动时已确认）：',
    outcome: '结果',
    clearedOutcome: '已清除原结果',
    note: '备注',
    on: '，',
    pwin: '赢率',
    milestonesHeading: '已计划里程碑：',
    notPlannedHeading: '未计划的里程碑：',
    alreadyPlanned: '已在计划中',
    noSubmission: '商机尚无递交日期',
    gatesHeading: '已开启关口：',
    colon: '：',
  },
} as const;

/** The trail entry: a one-line summary and the details of who skipped what and what was added. */
function describeMove(input: ActivityText): { summary: string; details: string } {
  const { locale, deal, direction, from, to, patch } = input;
  const t = locale === 'zh-CN' ? TEXT.zh : TEXT.en;
  const name = (text: LocalizedText) => inLocale(text, locale);
  const fromName = from === undefined ? '—' : name(from.name);
  const head = direction === 'reopen' ? t.reopened : t.stage;
  const skippedNote =
    input.skippedCriteria.length > 0 ? t.skipped(input.skippedCriteria.length) : '';
  const summary = `${head}${t.colon}${fromName} → ${name(to.name)}${skippedNote}`;

  const lines: string[] = [];
  const section = (heading: string, items: readonly string[]) => {
    if (items.length === 0) return;
    lines.push(heading, ...items.map((item) => `- ${item}`));
  };
  section(
    t.skippedHeading,
    input.skippedCriteria.map((c) => `${name(c.stageName)}${t.colon}${name(c.label)}`),
  );
  if (direction === 'close' && patch.outcomeReason && patch.outcomeDate) {
    lines.push(
      `${t.outcome}${t.colon}${name(OUTCOME_REASON_NAMES[patch.outcomeReason])}${t.on}${patch.outcomeDate}`,
    );
    if (patch.outcomeNote) lines.push(`${t.note}${t.colon}${patch.outcomeNote}`);
  }
  if (direction === 'reopen' && deal.outcomeDate !== null) {
    const cleared =
      deal.outcomeReason === null
        ? deal.outcomeDate
        : `${name(OUTCOME_REASON_NAMES[deal.outcomeReason])}${t.on}${deal.outcomeDate}`;
    lines.push(`${t.clearedOutcome}${t.colon}${cleared}`);
    if (deal.outcomeNote) lines.push(`${t.note}${t.colon}${deal.outcomeNote}`);
  }
  if (patch.pwin !== deal.pwin) lines.push(`${t.pwin}${t.colon}${deal.pwin}% → ${patch.pwin}%`);
  section(
    t.milestonesHeading,
    input.milestones.map((m) => `${m.name}${t.colon}${m.date}`),
  );
  section(
    t.notPlannedHeading,
    input.skippedMilestones.map(
      (m) =>
        `${name(m.name)}${t.colon}${m.reason === 'already_planned' ? t.alreadyPlanned : t.noSubmission}`,
    ),
  );
  section(
    t.gatesHeading,
    input.gates.map((g) => g.name),
  );
  return { summary: summary.slice(0, 500), details: lines.join('\n').slice(0, 20_000) };
}

/**
 * Decides what moving a deal to another stage changes, without changing anything: the board's
 * drop handler and the deal workspace apply the result in one transaction, so the rules live here,
 * tested on their own, and never in a component or a database hook.
 *
 * The result is either a refusal (see `StageMoveRefusal`) or the full set of changes: the deal
 * patch (stage, entry time, status, suggested Pwin, outcome), the milestones and gates the target
 * stage brings (see `planStageEntry`), the exit criteria passed over unchecked (the caller asks the
 * user to confirm them and the trail records who skipped what), and the activity entry.
 *
 * Decisions worth knowing:
 * - Any open stage can be reached from any other; skipping stages is allowed but surfaces the
 *   skipped criteria. `checkedExitCriteria` is left as it is: a criterion skipped is not checked.
 * - Reopening (a closed deal back into an open stage) is allowed: a lost tender can be re-run or a
 *   no-bid reconsidered. The status goes back to open and the outcome fields are cleared; the
 *   activity keeps the outcome that was cleared. A cancelled deal can be reopened in its own stage.
 * - Moving between closing stages (won ↔ lost) is a correction and needs an outcome like any close.
 * - Only the target stage's templates are instantiated, not those of stages skipped on the way:
 *   their milestones would belong to work the deal is no longer doing.
 */
export function planStageMove(input: StageMoveInput): StageMoveResult {
  const { deal, targetStageId } = input;
  if (deal.deletedAt !== null) return { ok: false, reason: 'deal_in_trash' };

  const ordered = input.stages
    .filter((stage) => stage.deletedAt === null)
    .toSorted((a, b) => a.order - b.order);
  const toIndex = ordered.findIndex((stage) => stage.id === targetStageId);
  const target = ordered[toIndex];
  if (target === undefined) return { ok: false, reason: 'unknown_stage' };
  const fromIndex = ordered.findIndex((stage) => stage.id === deal.stageId);
  const from = ordered[fromIndex];

  const dealClosed = deal.status !== 'open';
  const reopening = dealClosed && target.kind === 'open';
  if (target.id === deal.stageId && !reopening) return { ok: false, reason: 'same_stage' };

  let direction: StageMoveDirection;
  if (target.kind !== 'open') direction = 'close';
  else if (reopening) direction = 'reopen';
  else if (from === undefined || toIndex > fromIndex) direction = 'forward';
  else direction = 'backward';

  let outcomeFields: Partial<Pick<Deal, 'outcomeReason' | 'outcomeNote' | 'outcomeDate'>> = {};
  if (target.kind !== 'open') {
    const { outcome } = input;
    if (!outcome) return { ok: false, reason: 'outcome_required' };
    if (outcome.date > input.today) return { ok: false, reason: 'outcome_date_in_future' };
    outcomeFields = {
      outcomeReason: outcome.reason,
      outcomeNote: outcome.note,
      outcomeDate: outcome.date,
    };
  } else if (reopening) {
    outcomeFields = { outcomeReason: null, outcomeNote: '', outcomeDate: null };
  }

  const passesOver =
    from !== undefined &&
    !dealClosed &&
    (direction === 'forward' || (direction === 'close' && target.kind === 'won'));
  const skippedCriteria = passesOver
    ? criteriaPassedOver(ordered, fromIndex, toIndex, new Set(deal.checkedExitCriteria))
    : [];

  const patch: DealStagePatch = {
    stageId: target.id,
    stageEnteredAt: Math.max(input.now, deal.createdAt),
    status: target.kind === 'open' ? 'open' : CLOSED_STATUS[target.kind],
    pwin: suggestedPwin(direction, deal, target),
    ...outcomeFields,
  };

  const entry = planStageEntry({
    deal,
    stage: target,
    settings: input.settings,
    today: input.today,
    existingMilestones: input.existingMilestones,
    existingGates: input.existingGates,
  });

  const text = describeMove({
    locale: input.settings.locale,
    deal,
    direction,
    from,
    to: target,
    patch,
    skippedCriteria,
    milestones: entry.milestones,
    skippedMilestones: entry.skippedMilestones,
    gates: entry.gates,
  });

  return {
    ok: true,
    changes: {
      direction,
      fromStageId: deal.stageId,
      toStageId: target.id,
      deal: patch,
      milestones: entry.milestones,
      skippedMilestones: entry.skippedMilestones,
      gates: entry.gates,
      skippedCriteria,
      activity: { at: input.now, actorId: input.actorId, ...text },
    },
  };
}
