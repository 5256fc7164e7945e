import { expect } from 'vitest';
import type { PlanDate } from '@shared/domain/dates';
import { parsePlanDate } from '@shared/domain/dates';
import { dealSchema } from '@shared/domain/deal';
import type { Deal } from '@shared/domain/deal';
import {
  createDefaultSalesProcess,
  createDefaultSettings,
  DEFAULT_STAGE_IDS,
} from '@shared/domain/defaults';
import type { DefaultStageKey } from '@shared/domain/defaults';
import { gateSchema } from '@shared/domain/gate';
import type { Gate } from '@shared/domain/gate';
import { dealIdSchema, personIdSchema } from '@shared/domain/ids';
import type { PersonId } from '@shared/domain/ids';
import { milestoneSchema } from '@shared/domain/milestone';
import type { Milestone } from '@shared/domain/milestone';
import { money } from '@shared/domain/money';
import type { Stage } from '@shared/domain/sales-process';
import type { Settings } from '@shared/domain/settings';
import type {
  StageMoveChanges,
  StageMoveInput,
  StageMoveResult,
} from '@shared/pipeline/stage-move';
import { planStageMove } from '@shared/pipeline/stage-move';

export const d = parsePlanDate;

/** 2026-11-02 09:00 UTC, a Monday. */
export const NOW = Date.UTC(2026, 10, 2, 9);
export const TODAY: PlanDate = d('2026-11-02');
const CREATED = Date.UTC(2026, 9, 1);

export const DEAL_ID = dealIdSchema.parse('0d000000-0000-4000-8000-000000000001');
export const ACTOR: PersonId = personIdSchema.parse('0e000000-0000-4000-8000-000000000001');

export const { stages: STAGES } = createDefaultSalesProcess(CREATED);

export function stage(key: DefaultStageKey): Stage {
  const found = STAGES.find((s) => s.id === DEFAULT_STAGE_IDS[key]);
  if (!found) throw new Error(`no stage ${key}`);
  return found;
}

/** English settings: USD, Monday to Friday, no holidays (unless overridden). */
export function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...createDefaultSettings(CREATED, 'en'), ...overrides };
}

/** An open deal in `stageKey`, submission due Friday 2027-01-15, nothing checked yet. */
export function deal(stageKey: DefaultStageKey, overrides: Partial<Deal> = {}): Deal {
  return dealSchema.parse({
    id: DEAL_ID,
    createdAt: CREATED,
    updatedAt: CREATED,
    rev: 3,
    deletedAt: null,
    code: 'BID-2026-001',
    name: 'Substation monitoring',
    description: '',
    accountId: '0a000000-0000-4000-8000-000000000001',
    ownerId: ACTOR,
    value: money(1_250_000_00, 'USD'),
    expectedMarginPct: 22,
    stageId: DEFAULT_STAGE_IDS[stageKey],
    status: 'open',
    pwin: stage(stageKey).defaultPwin,
    stageEnteredAt: CREATED,
    keyDates: {
      kickoff: null,
      rfpRelease: null,
      questionsDue: null,
      submissionDue: d('2027-01-15'),
      expectedAward: null,
      contractStart: null,
    },
    competitors: [],
    winThemes: [],
    discriminators: [],
    buyingCentre: [],
    checkedExitCriteria: [],
    creditSplits: [],
    outcomeReason: null,
    outcomeNote: '',
    outcomeDate: null,
    tags: [],
    ...overrides,
  });
}

/** A closed deal in the won, lost or no-bid stage, with its outcome. */
export function closedDeal(stageKey: 'won' | 'lost' | 'no_bid'): Deal {
  return deal(stageKey, {
    status: stageKey,
    pwin: stageKey === 'won' ? 100 : 0,
    outcomeReason: 'price',
    outcomeNote: 'Undercut by 12 %',
    outcomeDate: d('2026-10-20'),
  });
}

let counter = 0;
const nextId = () => `0f000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

/** A milestone created earlier from a stage template. */
export function templateMilestone(
  stageKey: DefaultStageKey,
  templateKey: string,
  overrides: Partial<Milestone> = {},
): Milestone {
  return milestoneSchema.parse({
    id: nextId(),
    createdAt: CREATED,
    updatedAt: CREATED,
    rev: 1,
    deletedAt: null,
    dealId: DEAL_ID,
    name: templateKey,
    kind: 'other',
    date: d('2026-10-15'),
    baselineDate: null,
    actualDate: null,
    stageId: DEFAULT_STAGE_IDS[stageKey],
    templateKey,
    sortIndex: 0,
    notes: '',
    ...overrides,
  });
}

export function gate(kind: Gate['kind'], overrides: Partial<Gate> = {}): Gate {
  return gateSchema.parse({
    id: nextId(),
    createdAt: CREATED,
    updatedAt: CREATED,
    rev: 1,
    deletedAt: null,
    dealId: DEAL_ID,
    stageId: null,
    kind,
    name: kind,
    scheduledDate: null,
    scorecard: [],
    meddpicc: [],
    reviewScore: null,
    comments: '',
    decision: null,
    decidedBy: null,
    decidedAt: null,
    rationale: '',
    ...overrides,
  });
}

/** Plans a move of `subject` with the defaults above; `overrides` replace any input. */
export function move(
  subject: Deal,
  target: DefaultStageKey,
  overrides: Partial<StageMoveInput> = {},
): StageMoveResult {
  return planStageMove({
    deal: subject,
    stages: STAGES,
    targetStageId: DEFAULT_STAGE_IDS[target],
    settings: settings(),
    now: NOW,
    today: TODAY,
    existingMilestones: [],
    existingGates: [],
    actorId: ACTOR,
    ...overrides,
  });
}

/** The changes of an accepted move, failing the test on a refusal. */
export function accepted(result: StageMoveResult): StageMoveChanges {
  if (!result.ok) expect.fail(`expected the move to be accepted, it was refused: ${result.reason}`);
  return result.changes;
}

/** Milestone dates by template key, for compact expectations. */
export function datesByTemplate(changes: StageMoveChanges): Record<string, string> {
  return Object.fromEntries(changes.milestones.map((m) => [m.templateKey ?? m.name, m.date]));
}
