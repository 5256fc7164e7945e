import type { Activity, ActivityType, FieldChange } from '@shared/domain/activity';
import type { Assignment } from '@shared/domain/assignment';
import type { Baseline } from '@shared/domain/baseline';
import type { BudgetLine, CostCategory, CostEntry } from '@shared/domain/cost';
import type {
  BuyingCentreMember,
  CreditSplit,
  Deal,
  DealStatus,
  KeyDates,
  OutcomeReason,
} from '@shared/domain/deal';
import type {
  Deliverable,
  DeliverableKind,
  DeliverableStatus,
  ReviewRound,
} from '@shared/domain/deliverable';
import type { Dependency, DependencyType } from '@shared/domain/dependency';
import type { Gate, GateKind, MeddpiccItem, MeddpiccStatus } from '@shared/domain/gate';
import { MEDDPICC_ELEMENTS } from '@shared/domain/gate';
import type { Milestone, MilestoneKind } from '@shared/domain/milestone';
import type { Person } from '@shared/domain/person';
import type { Risk, RiskCategory, RiskHistoryEntry, RiskStatus } from '@shared/domain/risk';
import { RISK_CATEGORIES } from '@shared/domain/risk';
import type { Stage } from '@shared/domain/sales-process';
import type { Settings } from '@shared/domain/settings';
import type { Task } from '@shared/domain/task';
import type { TimeEntry } from '@shared/domain/time-entry';
import type {
  ActivityId,
  BaselineId,
  DealId,
  DependencyId,
  GateId,
  MilestoneId,
  PersonId,
  PlanItemId,
  ReviewCommentId,
  RoleId,
  StageId,
  TaskId,
} from '@shared/domain/ids';
import type { CurrencyCode, Money } from '@shared/domain/money';
import { allocateMoney, moneyFromMajor, multiplyMoney } from '@shared/domain/money';
import type { PlanDate } from '@shared/domain/dates';
import {
  addDays,
  fromDayNumber,
  maxDate,
  minDate,
  toDayNumber,
  utcMsOfPlanDate,
} from '@shared/domain/dates';
import { DEFAULT_ROLE_IDS } from '@shared/domain/defaults';
import type { DefaultStageKey } from '@shared/domain/defaults';
import type { GeneratorContext } from '@shared/domain/generator/context';
import {
  allocateCounts,
  baseFields,
  DAY_MS,
  dateOfMs,
  fill,
  msBetween,
  msOnDate,
  newId,
  text,
} from '@shared/domain/generator/context';
import type { AccountBook, Organisation } from '@shared/domain/generator/organisation';
import type { Pair, PlanStep } from '@shared/domain/generator/vocabulary';
import {
  ACTIVITY_SUMMARIES,
  CHAPTER_STEP,
  COMPETITORS,
  COMPETITOR_STRENGTHS,
  COMPETITOR_WEAKNESSES,
  COST_NOTES,
  DELIVERABLE_NAMES,
  DISCRIMINATORS,
  MEDDPICC_EVIDENCE,
  OUTCOME_NOTES,
  PLAN_PHASES,
  PLAN_STEPS,
  PROJECTS,
  PROJECT_PHASES,
  REVIEW_COMMENTS,
  RISK_MITIGATIONS,
  RISK_TITLES,
  RISK_TRIGGERS,
  WIN_THEMES,
} from '@shared/domain/generator/vocabulary';

/** Totals to spread over the deals (met exactly, except where a deal has nothing to attach to). */
export interface PursuitTotals {
  readonly deals: number;
  readonly tasks: number;
  readonly risks: number;
  readonly costEntries: number;
  readonly activities: number;
  readonly timeEntries: number;
}

export interface Pursuits {
  deals: Deal[];
  gates: Gate[];
  tasks: Task[];
  milestones: Milestone[];
  dependencies: Dependency[];
  baselines: Baseline[];
  deliverables: Deliverable[];
  reviewRounds: ReviewRound[];
  assignments: Assignment[];
  risks: Risk[];
  budgetLines: BudgetLine[];
  costEntries: CostEntry[];
  timeEntries: TimeEntry[];
  activities: Activity[];
}

/** Days from today to the submission deadline of an open deal, by the stage it is in. */
const SUBMISSION_WINDOWS: readonly (readonly [number, number])[] = [
  [45, 150],
  [30, 110],
  [20, 80],
  [4, 35],
  [-45, -3],
  [-120, -30],
];
const CURRENCY_WEIGHTS_ZH = [
  ['CNY', 85],
  ['USD', 10],
  ['EUR', 5],
] as const;
const CURRENCY_WEIGHTS_EN = [
  ['USD', 75],
  ['EUR', 15],
  ['CNY', 10],
] as const;
const STANCE_WEIGHTS = [
  ['supporter', 3],
  ['neutral', 3],
  ['detractor', 1],
  ['unknown', 2],
] as const;
const PHASE_WEIGHTS = PROJECT_PHASES.map((phase, i) => [phase, i === 0 ? 6 : 1] as const);
const ACTIVITY_WEIGHTS = [
  ['call', 30],
  ['meeting', 25],
  ['email', 20],
  ['site_visit', 10],
  ['note', 15],
] as const;
const DEPENDENCY_WEIGHTS = [
  ['FS', 5],
  ['SS', 3],
  ['FF', 2],
] as const;

const OPEN_KEYS = [
  'identify',
  'qualify',
  'capture',
  'proposal',
  'submitted',
  'negotiation',
] as const;
const CAPTURE = 2;
const PROPOSAL = 3;
const SUBMITTED = 4;
const NEGOTIATION = 5;

/** Where a deal is: its status and the last open stage it reached (index into OPEN_KEYS). */
interface DealShape {
  readonly status: DealStatus;
  readonly reached: number;
}

function pickShape(ctx: GeneratorContext): DealShape {
  const { rng } = ctx;
  const status = rng.weighted<DealStatus>([
    ['open', 62],
    ['won', 15],
    ['lost', 13],
    ['no_bid', 7],
    ['cancelled', 3],
  ]);
  switch (status) {
    case 'open':
      return {
        status,
        reached: rng.weighted([
          [0, 14],
          [1, 16],
          [2, 18],
          [3, 20],
          [4, 16],
          [5, 16],
        ] as const),
      };
    case 'won':
      return { status, reached: NEGOTIATION };
    case 'lost':
      return { status, reached: rng.chance(0.65) ? SUBMITTED : NEGOTIATION };
    case 'no_bid':
      return { status, reached: 1 };
    case 'cancelled':
      return { status, reached: rng.int(CAPTURE, SUBMITTED) };
  }
}

/** Every open stage and every closing status appear before the rest is drawn at random. */
function dealShapes(ctx: GeneratorContext, count: number): DealShape[] {
  const coverage: DealShape[] = [
    ...OPEN_KEYS.map((_, reached) => ({ status: 'open' as const, reached })),
    { status: 'won', reached: NEGOTIATION },
    { status: 'lost', reached: SUBMITTED },
    { status: 'no_bid', reached: 1 },
    { status: 'cancelled', reached: PROPOSAL },
  ];
  const shapes = coverage.slice(0, count);
  while (shapes.length < count) shapes.push(pickShape(ctx));
  return ctx.rng.shuffle(shapes);
}

/** How much plan, risk, cost and activity a deal of this shape carries, relative to others. */
function planWeight(shape: DealShape): number {
  if (shape.status === 'no_bid') return 0.45;
  if (shape.status !== 'open') return 1.1;
  return [0.35, 0.6, 0.9, 1.1, 1.15, 1.15][shape.reached] ?? 1;
}

function historyWeight(shape: DealShape): number {
  if (shape.status === 'won' || shape.status === 'lost') return 1.3;
  if (shape.status === 'no_bid') return 0.5;
  if (shape.status === 'cancelled') return 0.8;
  return [0.4, 0.6, 0.9, 1.1, 1.2, 1.3][shape.reached] ?? 1;
}

interface LeafSpec {
  readonly step: PlanStep;
  readonly name: string;
  readonly days: number;
}

interface PlanLeaf {
  readonly task: Task;
  readonly spec: LeafSpec;
  readonly es: number;
  readonly ef: number;
}

/**
 * Picks which steps of the standard bid plan a deal's WBS holds, so that leaves plus their phase
 * summaries come to `total` tasks; large plans get extra technical-volume chapters.
 */
function chooseLeaves(ctx: GeneratorContext, total: number): LeafSpec[] {
  const { rng } = ctx;
  const chosen = new Set<number>();
  const phases = new Set<number>();
  for (const index of rng.shuffle(PLAN_STEPS.map((_, i) => i))) {
    const step = PLAN_STEPS[index];
    if (step === undefined) continue;
    const cost = phases.has(step.phase) ? 1 : 2;
    if (chosen.size + phases.size + cost > total) continue;
    chosen.add(index);
    phases.add(step.phase);
  }
  const specs: LeafSpec[] = [...chosen]
    .sort((a, b) => a - b)
    .flatMap((index) => {
      const step = PLAN_STEPS[index];
      return step === undefined
        ? []
        : [{ step, name: text(ctx, step.name), days: rng.int(step.minDays, step.maxDays) }];
    });
  let chapter = 1;
  const writingPhase = 4;
  let count = chosen.size + phases.size;
  if (count < total && !phases.has(writingPhase) && total - count >= 2) {
    phases.add(writingPhase);
    count += 1;
  }
  const chapters: LeafSpec[] = [];
  while (count < total && phases.has(writingPhase)) {
    chapters.push({
      step: {
        phase: writingPhase,
        name: CHAPTER_STEP,
        role: 'proposal_writer',
        minDays: 2,
        maxDays: 5,
        deliverable: 'technical_volume',
      },
      name: fill(text(ctx, CHAPTER_STEP), { n: chapter }),
      days: rng.int(2, 5),
    });
    chapter += 1;
    count += 1;
  }
  // Chapters go after the other writing steps, before the reviews.
  const lastWriting = specs.findLastIndex((spec) => spec.step.phase <= writingPhase);
  specs.splice(lastWriting + 1, 0, ...chapters);
  return specs;
}

interface DealPlan {
  readonly tasks: Task[];
  readonly leaves: PlanLeaf[];
  readonly dependencies: Dependency[];
  readonly startIdx: number;
  /** Baseline working-day shift per task id (0 for tasks that did not slip). */
  readonly slips: ReadonlyMap<TaskId, number>;
}

export function generatePursuits(
  ctx: GeneratorContext,
  totals: PursuitTotals,
  organisation: Organisation,
  book: AccountBook,
  stages: readonly Stage[],
  settings: Settings,
): Pursuits {
  const { rng, calendar } = ctx;
  const out: Pursuits = {
    deals: [],
    gates: [],
    tasks: [],
    milestones: [],
    dependencies: [],
    baselines: [],
    deliverables: [],
    reviewRounds: [],
    assignments: [],
    risks: [],
    budgetLines: [],
    costEntries: [],
    timeEntries: [],
    activities: [],
  };
  const stageByKey = new Map(stages.map((stage) => [stage.key, stage]));
  const stageOf = (key: DefaultStageKey): Stage => {
    const stage = stageByKey.get(key);
    if (stage === undefined) throw new Error(`The sales process has no ${key} stage`);
    return stage;
  };
  const stageName = (key: DefaultStageKey) =>
    ctx.lang === 0 ? stageOf(key).name.zh : stageOf(key).name.en;
  const today = ctx.today;
  const d0 = toDayNumber(today);
  const todayIdx = calendar.workingIndex(today);
  const accountWeights = book.accounts.map(
    (account) =>
      [account, account.tier === 'strategic' ? 3 : account.tier === 'key' ? 2 : 1] as const,
  );
  const peopleOf = (role: RoleId): readonly Person[] => organisation.peopleByRole.get(role) ?? [];
  const anyOf = (role: RoleId, fallback: Person): Person => {
    const list = peopleOf(role);
    return list.length > 0 ? rng.pick(list) : fallback;
  };
  const directors = [
    ...peopleOf(DEFAULT_ROLE_IDS.capture_manager),
    ...peopleOf(DEFAULT_ROLE_IDS.proposal_manager),
  ];

  const sellerById = new Map<string, Person>(
    organisation.sellers.map((person) => [person.id, person]),
  );
  const shapes = dealShapes(ctx, totals.deals);
  const jitter = shapes.map(() => rng.int(70, 130) / 100);
  const taskCounts = allocateCounts(
    totals.tasks,
    shapes.map((shape, i) => planWeight(shape) * (jitter[i] ?? 1)),
  );
  const riskCounts = allocateCounts(
    totals.risks,
    shapes.map((shape) => planWeight(shape)),
  );
  const costCounts = allocateCounts(
    totals.costEntries,
    shapes.map((shape) => historyWeight(shape)),
  );
  const activityCounts = allocateCounts(
    totals.activities,
    shapes.map((shape) => historyWeight(shape)),
  );
  const timeCounts = allocateCounts(
    totals.timeEntries,
    shapes.map((shape) => historyWeight(shape)),
  );
  const codeCounters = new Map<number, number>();

  shapes.forEach((shape, dealIndex) => {
    const dealId = newId<DealId>(ctx);
    const closed = shape.status !== 'open';
    const account = rng.weighted(accountWeights);
    // Most deals are owned by the account's owner.
    const accountOwner = sellerById.get(account.ownerId ?? '');
    const owner =
      accountOwner !== undefined && rng.chance(0.7) ? accountOwner : rng.pick(organisation.sellers);
    const industry = account.industry;
    const currency: CurrencyCode =
      ctx.lang === 0 ? rng.weighted(CURRENCY_WEIGHTS_ZH) : rng.weighted(CURRENCY_WEIGHTS_EN);
    const value = dealValue(ctx, currency);

    // ---- Key dates, anchored on the submission deadline --------------------------------
    let outcome: PlanDate | null = null;
    let submissionDay: number;
    if (shape.status === 'open') {
      const [min, max] = SUBMISSION_WINDOWS[shape.reached] ?? [20, 80];
      submissionDay = d0 + rng.int(min, max);
    } else if (shape.status === 'won' || shape.status === 'lost') {
      const outcomeDay = d0 - rng.int(5, 330);
      outcome = calendar.workingDayOnOrBefore(fromDayNumber(outcomeDay));
      submissionDay = toDayNumber(outcome) - rng.int(20, 75);
    } else if (shape.status === 'no_bid') {
      outcome = calendar.workingDayOnOrBefore(fromDayNumber(d0 - rng.int(3, 250)));
      submissionDay = toDayNumber(outcome) + rng.int(10, 45);
    } else {
      outcome = calendar.workingDayOnOrBefore(fromDayNumber(d0 - rng.int(3, 200)));
      submissionDay =
        shape.reached >= SUBMITTED
          ? toDayNumber(outcome) - rng.int(5, 30)
          : toDayNumber(outcome) + rng.int(5, 30);
    }
    const submissionDue = calendar.workingDayOnOrBefore(fromDayNumber(submissionDay));
    const submissionIdx = calendar.workingIndex(submissionDue);
    const rfpKnown =
      shape.reached >= CAPTURE ||
      shape.status === 'won' ||
      shape.status === 'lost' ||
      rng.chance(0.55);
    const rfpLead = rng.int(25, 45);
    const rfpRelease = rfpKnown ? calendar.addWorkingDays(submissionDue, -rfpLead) : null;
    const questionsDue =
      rfpRelease !== null && rng.chance(0.8)
        ? calendar.addWorkingDays(rfpRelease, rng.int(8, 12))
        : null;
    let expectedAward: PlanDate;
    if ((shape.status === 'won' || shape.status === 'lost') && outcome !== null)
      expectedAward = outcome;
    else expectedAward = calendar.workingDayOnOrAfter(addDays(submissionDue, rng.int(15, 60)));
    const contractStart =
      shape.status === 'won' ||
      (shape.status === 'open' && rng.chance(shape.reached >= PROPOSAL ? 0.7 : 0.4))
        ? calendar.workingDayOnOrAfter(addDays(expectedAward, rng.int(14, 45)))
        : null;

    // ---- The plan: a WBS of bid work laid out to finish the day before submission ------
    const plan = buildPlan(
      ctx,
      dealId,
      taskCounts[dealIndex] ?? 0,
      submissionIdx,
      shape,
      outcome,
      todayIdx,
    );
    const kickoff =
      plan.tasks.length > 0
        ? calendar.dateOfWorkingIndex(plan.startIdx)
        : calendar.addWorkingDays(submissionDue, -30);
    out.tasks.push(...plan.tasks);
    out.dependencies.push(...plan.dependencies);

    // ---- When the deal was created and moved through its stages -------------------------
    const createdDay = Math.min(toDayNumber(kickoff) - rng.int(0, 20), d0 - rng.int(2, 40));
    const createdAt = msOnDate(ctx, fromDayNumber(createdDay));
    const lastOpen = shape.reached;
    let currentEntry: number;
    if (shape.status === 'won' || shape.status === 'lost' || shape.status === 'no_bid') {
      currentEntry = msOnDate(ctx, outcome ?? today);
    } else if (lastOpen === SUBMITTED) {
      currentEntry = msOnDate(ctx, submissionDue);
    } else if (lastOpen === NEGOTIATION) {
      currentEntry = msOnDate(ctx, minDate(addDays(submissionDue, rng.int(10, 40)), today));
    } else if (shape.status === 'cancelled' && outcome !== null) {
      currentEntry = msOnDate(
        ctx,
        minDate(
          outcome,
          fromDayNumber(Math.max(createdDay, toDayNumber(outcome) - rng.int(5, 40))),
        ),
      );
    } else {
      currentEntry = ctx.now - rng.int(1, Math.max(1, Math.min(60, d0 - createdDay))) * DAY_MS;
    }
    currentEntry = Math.max(createdAt, Math.min(currentEntry, ctx.now));
    // Entries into each open stage reached, evenly spread from creation to the last move.
    const closingMove =
      shape.status === 'won' || shape.status === 'lost' || shape.status === 'no_bid';
    const openEntries: number[] = [];
    const lastOpenEntry = closingMove
      ? msBetween(ctx, createdAt + Math.floor((currentEntry - createdAt) * 0.6), currentEntry)
      : currentEntry;
    for (let k = 0; k <= lastOpen; k += 1) {
      openEntries.push(
        k === 0
          ? createdAt
          : createdAt + Math.floor(((lastOpenEntry - createdAt) * k) / Math.max(1, lastOpen)),
      );
    }
    const stageKey: DefaultStageKey =
      shape.status === 'won'
        ? 'won'
        : shape.status === 'lost'
          ? 'lost'
          : shape.status === 'no_bid'
            ? 'no_bid'
            : (OPEN_KEYS[lastOpen] ?? 'identify');
    const stage = stageOf(stageKey);
    const stageEnteredAt = closingMove ? currentEntry : (openEntries[lastOpen] ?? createdAt);

    const year = fromDayNumber(createdDay).slice(0, 4);
    const sequence = (codeCounters.get(Number(year)) ?? 0) + 1;
    codeCounters.set(Number(year), sequence);
    const projects = PROJECTS[industry] ?? [['信息化建设项目', 'Digital programme']];
    const dealName = `${text(ctx, rng.pick(projects))}${text(ctx, rng.weighted(PHASE_WEIGHTS))}`;
    const contacts = book.contactsByAccount.get(account.id) ?? [];
    const buyingCentre: BuyingCentreMember[] = rng
      .sample(contacts, rng.int(Math.min(2, contacts.length), contacts.length))
      .map((contact) => ({
        contactId: contact.id,
        role: contact.buyingRole,
        stance: rng.weighted(STANCE_WEIGHTS),
      }));
    const competitorPairs = rng.sample(COMPETITORS, rng.int(1, 4));
    const incumbentIndex = rng.chance(0.4) ? 0 : -1;
    const pwin =
      shape.status === 'won'
        ? 100
        : shape.status === 'open'
          ? Math.max(5, Math.min(95, stage.defaultPwin + rng.pick([-10, -5, 0, 0, 5, 10, 15])))
          : 0;
    const checked: string[] = [];
    for (let k = 0; k <= lastOpen; k += 1) {
      const criteria = stageOf(OPEN_KEYS[k] ?? 'identify').exitCriteria;
      for (const criterion of criteria) {
        if (k < lastOpen || closingMove || rng.chance(0.4)) checked.push(criterion.key);
      }
    }
    // The team: who is assigned on this deal's plan (filled below), the owner first.
    const assignmentsOfDeal = assignPlan(ctx, plan, dealId, shape, peopleOf);
    out.assignments.push(...assignmentsOfDeal);
    const teamIds = [...new Set<PersonId>([owner.id, ...assignmentsOfDeal.map((a) => a.personId)])];

    const creditSplits: CreditSplit[] = [];
    if (shape.status === 'won') {
      const partner = rng.chance(0.3)
        ? organisation.sellers.find((p) => p.id !== owner.id)
        : undefined;
      if (partner === undefined)
        creditSplits.push({ personId: owner.id, kind: 'revenue', shareBp: 10_000 });
      else {
        creditSplits.push({ personId: owner.id, kind: 'revenue', shareBp: 7_000 });
        creditSplits.push({ personId: partner.id, kind: 'revenue', shareBp: 3_000 });
      }
      const architect = assignmentsOfDeal.find(
        (a) => a.roleId === DEFAULT_ROLE_IDS.solution_architect,
      );
      if (architect !== undefined)
        creditSplits.push({ personId: architect.personId, kind: 'overlay', shareBp: 5_000 });
    }
    const outcomeReason: OutcomeReason | null =
      shape.status === 'open'
        ? null
        : shape.status === 'won'
          ? rng.pick(['technical_solution', 'relationship', 'price', 'past_performance'] as const)
          : shape.status === 'lost'
            ? rng.pick([
                'price',
                'incumbent_advantage',
                'technical_solution',
                'relationship',
                'no_decision',
              ] as const)
            : shape.status === 'no_bid'
              ? rng.pick(['resources', 'strategic_fit', 'compliance', 'timing'] as const)
              : rng.pick(['budget_cut', 'no_decision', 'timing'] as const);

    const keyDates: KeyDates = {
      kickoff,
      rfpRelease,
      questionsDue,
      submissionDue,
      expectedAward,
      contractStart,
    };
    const deal: Deal = {
      id: dealId,
      ...baseFields(ctx, createdAt),
      code: `BID-${year}-${String(sequence).padStart(4, '0')}`,
      name: dealName,
      description: '',
      accountId: account.id,
      ownerId: owner.id,
      value,
      expectedMarginPct: rng.int(12, 40),
      stageId:
        shape.status === 'cancelled' ? stageOf(OPEN_KEYS[lastOpen] ?? 'capture').id : stage.id,
      status: shape.status,
      pwin,
      stageEnteredAt,
      keyDates,
      competitors: competitorPairs.map((pair, i) => ({
        name: text(ctx, pair),
        incumbent: i === incumbentIndex,
        strengths: text(ctx, rng.pick(COMPETITOR_STRENGTHS)),
        weaknesses: text(ctx, rng.pick(COMPETITOR_WEAKNESSES)),
      })),
      winThemes: rng.sample(WIN_THEMES, rng.int(1, 3)).map((pair) => text(ctx, pair)),
      discriminators: rng.sample(DISCRIMINATORS, rng.int(0, 2)).map((pair) => text(ctx, pair)),
      buyingCentre,
      checkedExitCriteria: checked,
      creditSplits,
      outcomeReason,
      outcomeNote: shape.status === 'open' ? '' : text(ctx, rng.pick(OUTCOME_NOTES[shape.status])),
      outcomeDate: outcome,
      tags: [],
    };
    // updatedAt must not precede the last stage move.
    if (deal.updatedAt < stageEnteredAt) Object.assign(deal, { updatedAt: stageEnteredAt });
    out.deals.push(deal);

    // ---- Milestones from the stage templates, plus the key dates -----------------------
    const milestones: Milestone[] = [];
    const addMilestone = (
      name: string,
      kind: MilestoneKind,
      date: PlanDate,
      stageId: StageId | null,
      templateKey: string | null,
    ) => {
      const cutoff = outcome !== null ? minDate(outcome, today) : today;
      const reachedDate =
        date <= cutoff && (kind !== 'award' || shape.status === 'won' || shape.status === 'lost');
      const late = reachedDate && rng.chance(0.2) ? rng.int(1, 3) : 0;
      const actual =
        reachedDate && rng.chance(0.9) ? minDate(calendar.addWorkingDays(date, late), today) : null;
      milestones.push({
        id: newId<MilestoneId>(ctx),
        ...baseFields(ctx, createdAt),
        dealId,
        name,
        kind,
        date,
        baselineDate: null,
        actualDate: actual,
        stageId,
        templateKey,
        sortIndex: 0,
        notes: '',
      });
    };
    addMilestone(ctx.lang === 0 ? '项目启动' : 'Kickoff', 'kickoff', kickoff, null, null);
    for (let k = 0; k <= lastOpen; k += 1) {
      const entered = stageOf(OPEN_KEYS[k] ?? 'identify');
      const entryDate = dateOfMs(openEntries[k] ?? createdAt);
      for (const template of entered.milestoneTemplates) {
        const anchor = template.anchor === 'submission' ? submissionDue : entryDate;
        addMilestone(
          ctx.lang === 0 ? template.name.zh : template.name.en,
          template.kind,
          calendar.addWorkingDays(anchor, template.offsetWorkingDays),
          entered.id,
          template.key,
        );
      }
    }
    if (lastOpen < PROPOSAL)
      addMilestone(
        ctx.lang === 0 ? '投标截止' : 'Submission deadline',
        'submission',
        submissionDue,
        null,
        null,
      );
    addMilestone(
      ctx.lang === 0 ? '预计定标' : 'Expected award',
      'award',
      expectedAward,
      null,
      null,
    );
    milestones.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    milestones.forEach((milestone, index) => Object.assign(milestone, { sortIndex: index }));
    const submissionMilestone = milestones.find((m) => m.kind === 'submission');
    const lastLeaf = plan.leaves.at(-1);
    if (submissionMilestone !== undefined && lastLeaf !== undefined) {
      out.dependencies.push({
        id: newId<DependencyId>(ctx),
        ...baseFields(ctx, createdAt, false),
        dealId,
        predecessorId: lastLeaf.task.id,
        successorId: submissionMilestone.id,
        type: 'FS',
        lagDays: 0,
      });
    }

    // ---- Gates: bid/no-bid, then the colour-team reviews -------------------------------
    const gates: Gate[] = [];
    const gateAt = (date: PlanDate | undefined) =>
      Math.max(createdAt, Math.min(ctx.now, msOnDate(ctx, date ?? today)));
    const milestoneByKey = (key: string) => milestones.find((m) => m.templateKey === key);
    let bidDecisionAt = openEntries[CAPTURE] ?? null;
    if (lastOpen >= 1) {
      const qualify = stageOf('qualify');
      const decided = lastOpen >= CAPTURE || shape.status === 'no_bid';
      const decidedAt = shape.status === 'no_bid' ? currentEntry : (openEntries[CAPTURE] ?? null);
      bidDecisionAt = decided ? decidedAt : null;
      gates.push({
        id: newId<GateId>(ctx),
        ...baseFields(ctx, openEntries[1] ?? createdAt),
        dealId,
        stageId: qualify.id,
        kind: 'bid_no_bid',
        name: ctx.lang === 0 ? '投标/不投标决策' : 'Bid/no-bid decision',
        scheduledDate: milestoneByKey('bid_no_bid')?.date ?? null,
        scorecard: settings.bidScorecard.map((criterion) => ({
          key: criterion.key,
          label: criterion.label,
          weight: criterion.weight,
          score:
            decided || rng.chance(0.5)
              ? shape.status === 'no_bid'
                ? rng.int(1, 3)
                : rng.int(2, 5)
              : null,
          note: '',
        })),
        meddpicc: MEDDPICC_ELEMENTS.map((element): MeddpiccItem => {
          const status: MeddpiccStatus = rng.weighted([
            ['unknown', decided ? 1 : 4],
            ['gap', 2],
            ['partial', 4],
            ['confirmed', decided ? 5 : 2],
          ] as const);
          return {
            element,
            status,
            evidence: status === 'unknown' ? '' : text(ctx, rng.pick(MEDDPICC_EVIDENCE)),
          };
        }),
        reviewScore: null,
        comments: '',
        decision: decided ? (shape.status === 'no_bid' ? 'no_go' : 'go') : null,
        decidedBy: decided ? (directors.length > 0 ? rng.pick(directors).id : owner.id) : null,
        decidedAt: decided ? Math.max(createdAt, decidedAt ?? createdAt) : null,
        rationale: decided
          ? text(
              ctx,
              shape.status === 'no_bid' ? rng.pick(OUTCOME_NOTES.no_bid) : rng.pick(WIN_THEMES),
            )
          : '',
      });
    }
    const reviewGates: { kind: GateKind; key: string; name: Pair }[] = [
      { kind: 'pink', key: 'pink_team', name: ['粉队评审', 'Pink team review'] },
      { kind: 'red', key: 'red_team', name: ['红队评审', 'Red team review'] },
      { kind: 'gold', key: 'gold_team', name: ['金队评审', 'Gold team review'] },
    ];
    const decidedReviews = new Map<GateKind, PlanDate>();
    if (lastOpen >= PROPOSAL) {
      const proposal = stageOf('proposal');
      for (const review of reviewGates) {
        const scheduled = milestoneByKey(review.key)?.date ?? null;
        const cutoff = outcome !== null ? minDate(outcome, today) : today;
        const decided = scheduled !== null && scheduled < cutoff;
        if (decided) decidedReviews.set(review.kind, scheduled);
        gates.push({
          id: newId<GateId>(ctx),
          ...baseFields(ctx, openEntries[PROPOSAL] ?? createdAt),
          dealId,
          stageId: proposal.id,
          kind: review.kind,
          name: text(ctx, review.name),
          scheduledDate: scheduled,
          scorecard: [],
          meddpicc: [],
          reviewScore: decided ? rng.int(55, 92) : null,
          comments: decided ? text(ctx, rng.pick(REVIEW_COMMENTS)) : '',
          decision: decided
            ? rng.weighted([
                ['go', 9],
                ['reshape', 1],
              ] as const)
            : null,
          decidedBy: decided ? (directors.length > 0 ? rng.pick(directors).id : owner.id) : null,
          decidedAt: decided ? gateAt(scheduled ?? undefined) : null,
          rationale: '',
        });
      }
    }
    out.gates.push(...gates);

    // ---- Baselines: at bid/no-bid, and sometimes again at pink team ---------------------
    if (bidDecisionAt !== null && shape.status !== 'no_bid' && plan.tasks.length > 0) {
      const baselineMilestones = milestones.filter((m) => {
        const stageIndex =
          m.stageId === null ? -1 : OPEN_KEYS.findIndex((key) => stageOf(key).id === m.stageId);
        return stageIndex <= CAPTURE;
      });
      const slipOf = new Map<MilestoneId, number>();
      for (const m of baselineMilestones) if (rng.chance(0.2)) slipOf.set(m.id, rng.int(1, 4));
      const baselineDate = (m: Milestone) =>
        calendar.addWorkingDays(m.date, -(slipOf.get(m.id) ?? 0));
      const first = makeBaseline(
        ctx,
        dealId,
        text(ctx, ['投标决策基线', 'Bid/no-bid baseline']),
        Math.max(createdAt, bidDecisionAt),
        plan,
        baselineMilestones.map((m) => ({ milestoneId: m.id, date: baselineDate(m) })),
      );
      out.baselines.push(first);
      for (const m of baselineMilestones) Object.assign(m, { baselineDate: baselineDate(m) });
      const pinkDate = decidedReviews.get('pink');
      if (pinkDate !== undefined && rng.chance(0.5)) {
        out.baselines.push(
          makeBaseline(
            ctx,
            dealId,
            text(ctx, ['粉队评审基线', 'Pink team baseline']),
            Math.max(first.capturedAt, gateAt(pinkDate)),
            plan,
            milestones.map((m) => ({ milestoneId: m.id, date: m.date })),
          ),
        );
      }
    }
    out.milestones.push(...milestones);

    // ---- Deliverables and their review rounds -------------------------------------------
    if (lastOpen >= PROPOSAL) {
      const kinds = new Set<DeliverableKind>(['technical_volume', 'price_volume']);
      for (const leaf of plan.leaves)
        if (leaf.spec.step.deliverable !== undefined) kinds.add(leaf.spec.step.deliverable);
      if (lastOpen >= SUBMITTED && rng.chance(0.6)) kinds.add('presentation');
      const submitted = lastOpen >= SUBMITTED;
      for (const kind of kinds) {
        const linked = plan.leaves.filter((leaf) => leaf.spec.step.deliverable === kind);
        const progress =
          linked.length === 0
            ? submitted
              ? 100
              : rng.int(0, 100)
            : Math.min(...linked.map((leaf) => leaf.task.progress));
        const status: DeliverableStatus = submitted
          ? 'submitted'
          : progress === 0
            ? 'not_started'
            : progress < 100
              ? 'drafting'
              : decidedReviews.has('gold')
                ? 'approved'
                : 'in_review';
        const ownerRole =
          kind === 'price_volume'
            ? DEFAULT_ROLE_IDS.pricing_analyst
            : kind === 'contract_terms'
              ? DEFAULT_ROLE_IDS.contracts_manager
              : DEFAULT_ROLE_IDS.proposal_writer;
        const deliverable: Deliverable = {
          id: newId<Deliverable['id']>(ctx),
          ...baseFields(ctx, Math.max(createdAt, openEntries[PROPOSAL] ?? createdAt)),
          dealId,
          name: text(ctx, DELIVERABLE_NAMES[kind]),
          kind,
          ownerId: anyOf(ownerRole, owner).id,
          dueDate:
            kind === 'presentation'
              ? calendar.addWorkingDays(submissionDue, 8)
              : calendar.addWorkingDays(submissionDue, -rng.int(1, 3)),
          pageLimit:
            kind === 'technical_volume'
              ? rng.int(5, 30) * 10
              : kind === 'executive_summary'
                ? rng.int(2, 5)
                : null,
          status,
          taskIds: linked.map((leaf) => leaf.task.id),
          notes: '',
        };
        out.deliverables.push(deliverable);
        if (status === 'not_started' || status === 'drafting' || kind === 'presentation') continue;
        const rounds = reviewGates.filter((review) => decidedReviews.has(review.kind));
        rounds.forEach((review, roundIndex) => {
          const date = decidedReviews.get(review.kind) ?? today;
          const later = roundIndex < rounds.length - 1 || status !== 'in_review';
          const round: ReviewRound = {
            id: newId<ReviewRound['id']>(ctx),
            ...baseFields(ctx, Math.max(deliverable.createdAt, gateAt(date))),
            dealId,
            deliverableId: deliverable.id,
            kind: review.kind === 'pink' ? 'pink' : review.kind === 'red' ? 'red' : 'gold',
            reviewerId: (directors.length > 0 ? rng.pick(directors) : owner).id,
            date,
            score: rng.int(50 + roundIndex * 10, 80 + roundIndex * 7),
            comments: rng.sample(REVIEW_COMMENTS, rng.int(1, 4)).map((pair) => ({
              id: newId<ReviewCommentId>(ctx),
              authorId: (directors.length > 0 ? rng.pick(directors) : owner).id,
              text: text(ctx, pair),
              resolved: later || rng.chance(0.4),
            })),
          };
          out.reviewRounds.push(round);
        });
      }
    }

    // ---- Time logged against the plan ---------------------------------------------------
    const cutoffIdx =
      outcome !== null ? Math.min(todayIdx, calendar.workingIndex(outcome)) : todayIdx;
    const leafById = new Map(plan.leaves.map((leaf) => [leaf.task.id, leaf]));
    const started = assignmentsOfDeal.filter(
      (a) => (leafById.get(a.taskId)?.es ?? Infinity) < cutoffIdx,
    );
    for (let k = 0; k < (timeCounts[dealIndex] ?? 0) && started.length > 0; k += 1) {
      const assignment = rng.pick(started);
      const leaf = leafById.get(assignment.taskId);
      if (leaf === undefined) continue;
      const lastIdx = Math.min(leaf.ef, cutoffIdx - 1);
      const date = calendar.dateOfWorkingIndex(rng.int(leaf.es, Math.max(leaf.es, lastIdx)));
      out.timeEntries.push({
        id: newId<TimeEntry['id']>(ctx),
        ...baseFields(ctx, Math.max(createdAt, msOnDate(ctx, date))),
        dealId,
        personId: assignment.personId,
        taskId: assignment.taskId,
        date,
        hours: rng.int(2, 16) / 2,
        note: '',
      });
    }

    // ---- Risks -------------------------------------------------------------------------
    for (let k = 0; k < (riskCounts[dealIndex] ?? 0); k += 1) {
      out.risks.push(makeRisk(ctx, dealId, value, createdAt, shape, teamIds, plan.leaves, outcome));
    }

    // ---- Pursuit budget and actual cost ------------------------------------------------
    const budgetShare = rng.int(6, 25) / 1_000;
    const budgetTotal = roundMoney(
      multiplyMoney(value, budgetShare, 'half_up'),
      currency === 'CNY' ? 1_000 : 100,
    );
    const categories: CostCategory[] = [
      'labor',
      ...rng.sample(
        ['travel', 'consultants', 'samples_demos', 'bid_bond_fees', 'production', 'other'] as const,
        rng.int(2, 5),
      ),
    ];
    const categoryWeight: Record<CostCategory, number> = {
      labor: 55,
      travel: 10,
      consultants: 12,
      samples_demos: 8,
      bid_bond_fees: 5,
      production: 5,
      other: 5,
    };
    const lineAmounts = allocateMoney(
      budgetTotal,
      categories.map((category) => categoryWeight[category]),
    );
    categories.forEach((category, index) => {
      out.budgetLines.push({
        id: newId<BudgetLine['id']>(ctx),
        ...baseFields(ctx, Math.max(createdAt, bidDecisionAt ?? createdAt)),
        dealId,
        category,
        amount: lineAmounts[index] ?? budgetTotal,
        note: '',
      });
    });
    const costCount = costCounts[dealIndex] ?? 0;
    if (costCount > 0) {
      const startDay = toDayNumber(minDate(kickoff, dateOfMs(createdAt)));
      const endDay = Math.max(
        startDay,
        toDayNumber(outcome !== null ? minDate(outcome, today) : today),
      );
      const startIdx =
        plan.tasks.length > 0 ? plan.startIdx : calendar.workingIndex(fromDayNumber(startDay));
      const elapsed = closed
        ? 1
        : Math.max(0, Math.min(1, (todayIdx - startIdx) / Math.max(1, submissionIdx - startIdx)));
      const spend = multiplyMoney(
        budgetTotal,
        { numerator: Math.round(elapsed * rng.int(70, 135)), denominator: 100 },
        'half_up',
      );
      const pieces = allocateMoney(
        spend,
        Array.from({ length: costCount }, () => rng.int(1, 10)),
      );
      const firstDate = dateOfMs(createdAt);
      pieces.forEach((amount, index) => {
        const category = rng.weighted(categories.map((c) => [c, categoryWeight[c]] as const));
        const date = maxDate(firstDate, fromDayNumber(rng.int(startDay, endDay)));
        const refund =
          shape.status === 'lost' &&
          index === pieces.length - 1 &&
          categories.includes('bid_bond_fees') &&
          costCount >= 3;
        out.costEntries.push({
          id: newId<CostEntry['id']>(ctx),
          ...baseFields(ctx, Math.max(createdAt, msOnDate(ctx, date))),
          dealId,
          date,
          category: refund ? 'bid_bond_fees' : category,
          amount: refund ? { amountMinor: -amount.amountMinor, currency } : amount,
          personId: category === 'travel' ? owner.id : null,
          note: refund
            ? text(ctx, ['退还投标保证金', 'Bid bond returned'])
            : text(ctx, COST_NOTES[category] ?? ['', '']),
        });
      });
    }

    // ---- Activity trail: system records of what changed, then logged work ---------------
    const activities: Activity[] = [];
    const system = (
      at: number,
      action: 'create' | 'stage_move' | 'update',
      summary: string,
      changes: FieldChange[],
    ) => {
      activities.push({
        id: newId<ActivityId>(ctx),
        createdAt: at,
        updatedAt: at,
        rev: 1,
        deletedAt: null,
        dealId,
        type: 'system',
        at,
        actorId: owner.id,
        summary,
        details: '',
        contactIds: [],
        system: { table: 'deals', entityId: dealId, action, changes },
      });
    };
    system(createdAt, 'create', text(ctx, ['创建商机', 'Deal created']), []);
    const moves: { at: number; from: DefaultStageKey; to: DefaultStageKey }[] = [];
    for (let k = 1; k <= lastOpen; k += 1) {
      moves.push({
        at: openEntries[k] ?? createdAt,
        from: OPEN_KEYS[k - 1] ?? 'identify',
        to: OPEN_KEYS[k] ?? 'identify',
      });
    }
    if (closingMove)
      moves.push({ at: currentEntry, from: OPEN_KEYS[lastOpen] ?? 'identify', to: stageKey });
    for (const move of moves) {
      const changes: FieldChange[] = [
        { field: 'stageId', old: stageOf(move.from).id, new: stageOf(move.to).id },
        { field: 'pwin', old: stageOf(move.from).defaultPwin, new: stageOf(move.to).defaultPwin },
      ];
      if (move.to === 'won' || move.to === 'lost' || move.to === 'no_bid')
        changes.push({ field: 'status', old: 'open', new: move.to });
      system(
        move.at,
        'stage_move',
        `${text(ctx, ['阶段', 'Stage'])}: ${stageName(move.from)} → ${stageName(move.to)}`,
        changes,
      );
    }
    if (shape.status === 'cancelled' && outcome !== null) {
      system(
        Math.max(stageEnteredAt, gateAt(outcome)),
        'update',
        text(ctx, ['状态：进行中 → 已取消', 'Status: open → cancelled']),
        [{ field: 'status', old: 'open', new: 'cancelled' }],
      );
    }
    const endMs =
      outcome !== null ? Math.min(ctx.now, msOnDate(ctx, outcome) + 5 * DAY_MS) : ctx.now;
    if (lastOpen >= CAPTURE && rng.chance(0.3)) {
      const pushedFrom = calendar.addWorkingDays(submissionDue, -rng.int(3, 10));
      system(
        msBetween(
          ctx,
          createdAt,
          Math.min(endMs, Math.max(createdAt, utcMsOfPlanDate(pushedFrom))),
        ),
        'update',
        `${text(ctx, ['递交截止日期', 'Submission due'])}: ${pushedFrom} → ${submissionDue}`,
        [{ field: 'keyDates.submissionDue', old: pushedFrom, new: submissionDue }],
      );
    }
    if (rng.chance(0.25)) {
      const before = roundMoney(
        multiplyMoney(value, rng.int(70, 125) / 100, 'half_up'),
        currency === 'CNY' ? 10_000 : 1_000,
      );
      if (before.amountMinor !== value.amountMinor) {
        system(
          msBetween(ctx, createdAt, endMs),
          'update',
          text(ctx, ['修改商机金额', 'Deal value changed']),
          [{ field: 'value.amountMinor', old: before.amountMinor, new: value.amountMinor }],
        );
      }
    }
    const human = Math.max(0, (activityCounts[dealIndex] ?? 0) - activities.length);
    const contactIds = buyingCentre.map((member) => member.contactId);
    for (let k = 0; k < human; k += 1) {
      const type: Exclude<ActivityType, 'system'> = rng.weighted(ACTIVITY_WEIGHTS);
      const at = msBetween(ctx, createdAt, endMs);
      activities.push({
        id: newId<ActivityId>(ctx),
        createdAt: at,
        updatedAt: at,
        rev: 1,
        deletedAt: null,
        dealId,
        type,
        at,
        actorId: rng.chance(0.7) ? owner.id : rng.pick(teamIds),
        summary: text(ctx, rng.pick(ACTIVITY_SUMMARIES[type])),
        details: '',
        contactIds:
          type === 'note' || contactIds.length === 0
            ? []
            : rng.sample(contactIds, rng.int(1, Math.min(2, contactIds.length))),
        system: null,
      });
    }
    out.activities.push(...activities);
  });
  return out;
}

/** Deal values from hundreds of thousands to tens of millions, rounded like real quotes. */
function dealValue(ctx: GeneratorContext, currency: CurrencyCode): Money {
  const { rng } = ctx;
  const [min, max] = rng.weighted([
    [[300_000, 1_000_000], 25],
    [[1_000_000, 3_000_000], 30],
    [[3_000_000, 10_000_000], 28],
    [[10_000_000, 30_000_000], 12],
    [[30_000_000, 80_000_000], 5],
  ] as const);
  const scale = currency === 'CNY' ? 1 : 0.14;
  const step = currency === 'CNY' ? 10_000 : 1_000;
  const major = Math.max(step, Math.round((rng.int(min, max) * scale) / step) * step);
  return moneyFromMajor(major, currency);
}

function roundMoney(amount: Money, majorStep: number): Money {
  const step = majorStep * 100;
  return { amountMinor: Math.round(amount.amountMinor / step) * step, currency: amount.currency };
}

function buildPlan(
  ctx: GeneratorContext,
  dealId: DealId,
  total: number,
  submissionIdx: number,
  shape: DealShape,
  outcome: PlanDate | null,
  todayIdx: number,
): DealPlan {
  const { rng, calendar } = ctx;
  if (total <= 0)
    return { tasks: [], leaves: [], dependencies: [], startIdx: submissionIdx, slips: new Map() };
  const specs = chooseLeaves(ctx, Math.max(2, total));
  const n = specs.length;
  const es = new Array<number>(n).fill(0);
  const ef = new Array<number>(n).fill(0);
  const links: { from: number; to: number; type: DependencyType; lag: number }[] = [];
  for (let i = 0; i < n; i += 1) {
    const spec = specs[i];
    if (spec === undefined) continue;
    if (i > 0) {
      const previous = specs[i - 1];
      const primary =
        previous !== undefined && previous.step.phase === spec.step.phase && rng.chance(0.75)
          ? i - 1
          : rng.int(Math.max(0, i - 4), i - 1);
      links.push({ from: primary, to: i, type: 'FS', lag: rng.chance(0.15) ? rng.int(1, 2) : 0 });
      if (i > 1 && rng.chance(0.3)) {
        const second = rng.int(0, i - 1);
        if (second !== primary) {
          const type: DependencyType = rng.weighted(DEPENDENCY_WEIGHTS);
          links.push({
            from: second,
            to: i,
            type,
            lag: type === 'SS' ? rng.int(0, 2) : type === 'FF' ? rng.int(0, 1) : 0,
          });
        }
      }
    }
    let start = 0;
    for (const link of links) {
      if (link.to !== i) continue;
      const pes = es[link.from] ?? 0;
      const pef = ef[link.from] ?? 0;
      const bound =
        link.type === 'FS'
          ? pef + 1 + link.lag
          : link.type === 'SS'
            ? pes + link.lag
            : pef + link.lag - (spec.days - 1);
      start = Math.max(start, bound);
    }
    es[i] = start;
    ef[i] = start + spec.days - 1;
  }
  // Lay the plan so its last work finishes the working day before submission.
  const shift = submissionIdx - 1 - Math.max(...ef);
  for (let i = 0; i < n; i += 1) {
    es[i] = (es[i] ?? 0) + shift;
    ef[i] = (ef[i] ?? 0) + shift;
  }
  const cutoffIdx =
    outcome !== null ? Math.min(todayIdx, calendar.workingIndex(outcome)) : todayIdx;
  const progressOf = (start: number, finish: number) => {
    if (shape.status === 'won' || shape.status === 'lost') return 100;
    if (finish < cutoffIdx) return 100;
    if (start >= cutoffIdx) return 0;
    return Math.min(95, Math.floor(((cutoffIdx - start) / (finish - start + 1)) * 20) * 5);
  };
  const createdAt = ctx.now - rng.int(30, 400) * DAY_MS;
  const tasks: Task[] = [];
  const leaves: PlanLeaf[] = [];
  const phases = [...new Set(specs.map((spec) => spec.step.phase))];
  phases.forEach((phase, phaseIndex) => {
    const members = specs
      .map((spec, i) => ({ spec, i }))
      .filter(({ spec }) => spec.step.phase === phase);
    const startIdx = Math.min(...members.map(({ i }) => es[i] ?? 0));
    const finishIdx = Math.max(...members.map(({ i }) => ef[i] ?? 0));
    const summaryId = newId<TaskId>(ctx);
    const start = calendar.dateOfWorkingIndex(startIdx);
    const finish = calendar.dateOfWorkingIndex(finishIdx);
    const children: Task[] = [];
    members.forEach(({ spec, i }, order) => {
      const s = es[i] ?? 0;
      const f = ef[i] ?? 0;
      const task: Task = {
        id: newId<TaskId>(ctx),
        ...baseFields(ctx, Math.min(createdAt, ctx.now)),
        dealId,
        parentId: summaryId,
        name: spec.name,
        start: calendar.dateOfWorkingIndex(s),
        finish: calendar.dateOfWorkingIndex(f),
        durationDays: spec.days,
        progress: progressOf(s, f),
        sortIndex: order,
        requiredRoleId: DEFAULT_ROLE_IDS[spec.step.role],
        notes: '',
      };
      children.push(task);
      leaves.push({ task, spec, es: s, ef: f });
    });
    const totalDays = children.reduce((sum, task) => sum + task.durationDays, 0);
    tasks.push({
      id: summaryId,
      ...baseFields(ctx, Math.min(createdAt, ctx.now)),
      dealId,
      parentId: null,
      name: text(ctx, PLAN_PHASES[phase] ?? ['阶段', 'Phase']),
      start,
      finish,
      durationDays: calendar.countWorkingDaysInclusive(start, finish),
      progress:
        totalDays === 0
          ? 0
          : Math.round(
              children.reduce((sum, task) => sum + task.progress * task.durationDays, 0) /
                totalDays,
            ),
      sortIndex: phaseIndex,
      requiredRoleId: null,
      notes: '',
    });
    tasks.push(...children);
  });
  // Leaves were collected phase by phase, which is template order: index i of specs.
  const leafOfSpec = new Map<number, PlanLeaf>();
  let cursor = 0;
  phases.forEach((phase) => {
    specs.forEach((spec, i) => {
      if (spec.step.phase !== phase) return;
      const leaf = leaves[cursor];
      if (leaf !== undefined) leafOfSpec.set(i, leaf);
      cursor += 1;
    });
  });
  const dependencies: Dependency[] = links.flatMap((link) => {
    const from = leafOfSpec.get(link.from);
    const to = leafOfSpec.get(link.to);
    if (from === undefined || to === undefined) return [];
    return [
      {
        id: newId<DependencyId>(ctx),
        ...baseFields(ctx, Math.min(createdAt, ctx.now), false),
        dealId,
        predecessorId: from.task.id satisfies PlanItemId,
        successorId: to.task.id satisfies PlanItemId,
        type: link.type,
        lagDays: link.lag,
      },
    ];
  });
  const slips = new Map<TaskId, number>();
  for (const leaf of leaves) if (rng.chance(0.2)) slips.set(leaf.task.id, rng.int(1, 4));
  const orderedLeaves = [...leafOfSpec.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, leaf]) => leaf);
  return { tasks, leaves: orderedLeaves, dependencies, startIdx: Math.min(...es), slips };
}

function makeBaseline(
  ctx: GeneratorContext,
  dealId: DealId,
  name: string,
  capturedAt: number,
  plan: DealPlan,
  milestones: { milestoneId: MilestoneId; date: PlanDate }[],
): Baseline {
  const { calendar } = ctx;
  const at = Math.min(capturedAt, ctx.now);
  const leafIds = new Set(plan.leaves.map((leaf) => leaf.task.id));
  const leafEntries = plan.leaves.map((leaf) => {
    const slip = plan.slips.get(leaf.task.id) ?? 0;
    return {
      taskId: leaf.task.id,
      start: calendar.dateOfWorkingIndex(leaf.es - slip),
      finish: calendar.dateOfWorkingIndex(leaf.ef - slip),
      durationDays: leaf.task.durationDays,
      parentId: leaf.task.parentId,
    };
  });
  const summaries = plan.tasks
    .filter((task) => !leafIds.has(task.id))
    .map((task) => {
      const children = leafEntries.filter((entry) => entry.parentId === task.id);
      const start = children.reduce((min, child) => minDate(min, child.start), task.start);
      const finish = children.reduce(
        (max, child) => maxDate(max, child.finish),
        children[0]?.finish ?? task.finish,
      );
      return {
        taskId: task.id,
        start,
        finish,
        durationDays: calendar.countWorkingDaysInclusive(start, finish),
      };
    });
  return {
    id: newId<BaselineId>(ctx),
    createdAt: at,
    updatedAt: at,
    rev: 1,
    deletedAt: null,
    dealId,
    name,
    capturedAt: at,
    tasks: [
      ...summaries,
      ...leafEntries.map(({ taskId, start, finish, durationDays }) => ({
        taskId,
        start,
        finish,
        durationDays,
      })),
    ],
    milestones,
  };
}

function assignPlan(
  ctx: GeneratorContext,
  plan: DealPlan,
  dealId: DealId,
  shape: DealShape,
  peopleOf: (role: RoleId) => readonly Person[],
): Assignment[] {
  const { rng } = ctx;
  const out: Assignment[] = [];
  for (const leaf of plan.leaves) {
    const roleId = leaf.task.requiredRoleId;
    if (roleId === null) continue;
    const candidates = peopleOf(roleId);
    // Some open work is left unassigned, as it is in real plans.
    if (candidates.length === 0 || (shape.status === 'open' && rng.chance(0.12))) continue;
    const person = rng.pick(candidates);
    out.push({
      id: newId<Assignment['id']>(ctx),
      ...baseFields(ctx, leaf.task.createdAt),
      dealId,
      taskId: leaf.task.id,
      personId: person.id,
      roleId,
      hours: leaf.task.durationDays * rng.int(2, 6),
    });
  }
  return out;
}

function makeRisk(
  ctx: GeneratorContext,
  dealId: DealId,
  value: Money,
  dealCreatedAt: number,
  shape: DealShape,
  teamIds: readonly PersonId[],
  leaves: readonly PlanLeaf[],
  outcome: PlanDate | null,
): Risk {
  const { rng } = ctx;
  const category: RiskCategory = rng.pick(RISK_CATEGORIES);
  const status: RiskStatus =
    shape.status === 'open'
      ? rng.weighted([
          ['open', 55],
          ['mitigating', 35],
          ['closed', 8],
          ['occurred', 2],
        ] as const)
      : rng.weighted([
          ['closed', 7],
          ['occurred', 3],
        ] as const);
  const createdAt = msBetween(
    ctx,
    dealCreatedAt,
    outcome !== null ? Math.min(ctx.now, msOnDate(ctx, outcome)) : ctx.now,
  );
  const probability = rng.int(1, 5);
  const impact = rng.int(1, 5);
  const entries = rng.int(1, 3);
  const history: RiskHistoryEntry[] = [];
  let at = createdAt;
  for (let k = 0; k < entries; k += 1) {
    const last = k === entries - 1;
    at = k === 0 ? createdAt : msBetween(ctx, at, ctx.now);
    history.push({
      at,
      byId: rng.pick(teamIds),
      probability: last ? probability : rng.int(1, 5),
      impact: last ? impact : rng.int(1, 5),
      status: last ? status : 'open',
      note: '',
    });
  }
  const active = status === 'open' || status === 'mitigating';
  const exposure = roundMoney(
    multiplyMoney(value, { numerator: rng.int(1, 15), denominator: 100 }, 'half_up'),
    value.currency === 'CNY' ? 1_000 : 100,
  );
  const mitigationLeaf = leaves.length > 0 && rng.chance(0.3) ? rng.pick(leaves) : undefined;
  const titles = RISK_TITLES[category];
  const base = baseFields(ctx, createdAt);
  return {
    id: newId<Risk['id']>(ctx),
    ...base,
    updatedAt: Math.max(base.updatedAt, at),
    dealId,
    title: text(ctx, rng.pick(titles)),
    description: '',
    category,
    probability,
    impact,
    exposure,
    ownerId: rng.pick(teamIds),
    mitigation: text(ctx, rng.pick(RISK_MITIGATIONS)),
    mitigationTaskId: mitigationLeaf?.task.id ?? null,
    trigger: text(ctx, rng.pick(RISK_TRIGGERS)),
    status,
    nextReviewDate: active
      ? ctx.calendar.workingDayOnOrAfter(addDays(ctx.today, rng.int(-10, 30)))
      : null,
    history,
  };
}
