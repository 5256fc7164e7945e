import type { PlanDate } from '@shared/domain/dates';
import type { LocalizedText } from '@shared/domain/fields';
import type {
  Gate,
  GateDecision,
  GateKind,
  MeddpiccElement,
  MeddpiccItem,
  MeddpiccStatus,
  ScorecardItem,
} from '@shared/domain/gate';
import { GATE_KINDS, MEDDPICC_ELEMENTS } from '@shared/domain/gate';
import type { DealId, PersonId } from '@shared/domain/ids';
import type { Locale, ScorecardCriterion } from '@shared/domain/settings';
import { inLocale } from '@shared/pipeline/labels';
import type { GateDraft } from '@shared/pipeline/stage-entry';

/**
 * Editing gates by hand: the order they are listed in, a gate added outside the sales process,
 * item edits on the scorecard and MEDDPICC, recording and clearing a decision, and the bid
 * scorecard criteria as Settings edits them. Pure: the repositories apply what these return.
 */

// ---- Listing ----------------------------------------------------------------------------------

/**
 * Gates in the order a pursuit meets them (bid/no-bid, the colour-team reviews, submission
 * approval), and rounds of the same kind oldest first, so a re-held red team follows the first.
 */
export function sortGates<T extends Pick<Gate, 'kind' | 'createdAt'>>(gates: readonly T[]): T[] {
  const rank = (kind: GateKind) => GATE_KINDS.indexOf(kind);
  return [...gates].sort((a, b) => rank(a.kind) - rank(b.kind) || a.createdAt - b.createdAt);
}

// ---- A gate added by hand -----------------------------------------------------------------------

/** A bid/no-bid gate's scorecard, copied from the configured criteria and not yet scored. */
export function scorecardFromCriteria(criteria: readonly ScorecardCriterion[]): ScorecardItem[] {
  return criteria.map((criterion) => ({
    key: criterion.key,
    label: criterion.label,
    weight: criterion.weight,
    score: null,
    note: '',
  }));
}

/** Every MEDDPICC element, not yet looked at. */
export function blankMeddpicc(): MeddpiccItem[] {
  return MEDDPICC_ELEMENTS.map((element) => ({ element, status: 'unknown', evidence: '' }));
}

export interface ManualGateInput {
  readonly dealId: DealId;
  readonly kind: GateKind;
  readonly name: string;
  readonly scheduledDate: PlanDate | null;
  /** The scorecard criteria as configured now: a new bid/no-bid gate copies them. */
  readonly bidScorecard: readonly ScorecardCriterion[];
}

/**
 * A gate added by hand (an extra red team round, a re-qualification): of any kind, undecided, and
 * not tied to a stage, since no stage entry opened it. A bid/no-bid gate starts from the current
 * scorecard criteria and all of MEDDPICC unknown, like one opened by the process.
 */
export function draftManualGate(input: ManualGateInput): GateDraft {
  const bidDecision = input.kind === 'bid_no_bid';
  return {
    dealId: input.dealId,
    stageId: null,
    kind: input.kind,
    name: input.name.trim(),
    scheduledDate: input.scheduledDate,
    scorecard: bidDecision ? scorecardFromCriteria(input.bidScorecard) : [],
    meddpicc: bidDecision ? blankMeddpicc() : [],
    reviewScore: null,
    comments: '',
    decision: null,
    decidedBy: null,
    decidedAt: null,
    rationale: '',
  };
}

// ---- Item edits -----------------------------------------------------------------------------------

/** The criterion is not on this gate's scorecard (the gate keeps the criteria it was opened with). */
export class UnknownCriterionError extends Error {
  override readonly name = 'UnknownCriterionError';
  constructor(readonly key: string) {
    super(`The scorecard has no criterion ${key}`);
  }
}

export interface ScorecardItemEdit {
  readonly score?: number | null;
  readonly note?: string;
}

/** The scorecard with one criterion's score and/or note changed; weights and labels stay. */
export function editScorecardItem(
  scorecard: readonly ScorecardItem[],
  key: string,
  edit: ScorecardItemEdit,
): ScorecardItem[] {
  if (!scorecard.some((item) => item.key === key)) throw new UnknownCriterionError(key);
  return scorecard.map((item) =>
    item.key === key
      ? {
          ...item,
          score: edit.score === undefined ? item.score : edit.score,
          note: edit.note ?? item.note,
        }
      : item,
  );
}

export interface MeddpiccItemEdit {
  readonly status?: MeddpiccStatus;
  readonly evidence?: string;
}

/**
 * MEDDPICC with one element's status and/or evidence changed, listed in MEDDPICC order. An element
 * missing from the gate (a gate written before it had all eight) is added rather than refused.
 */
export function editMeddpiccItem(
  meddpicc: readonly MeddpiccItem[],
  element: MeddpiccElement,
  edit: MeddpiccItemEdit,
): MeddpiccItem[] {
  const given = new Map(meddpicc.map((item) => [item.element, item]));
  const current = given.get(element) ?? { element, status: 'unknown', evidence: '' };
  given.set(element, {
    element,
    status: edit.status ?? current.status,
    evidence: edit.evidence ?? current.evidence,
  });
  return MEDDPICC_ELEMENTS.flatMap((e) => {
    const item = given.get(e);
    return item === undefined ? [] : [item];
  });
}

// ---- Decisions ------------------------------------------------------------------------------------

/** Decisions as the activity trail spells them (stored text, in the language of the install). */
export const GATE_DECISION_NAMES: Readonly<Record<GateDecision, LocalizedText>> = {
  go: { zh: '通过', en: 'Go' },
  no_go: { zh: '不通过', en: 'No-go' },
  reshape: { zh: '调整后再议', en: 'Reshape' },
};

const DECISION_CLEARED: LocalizedText = { zh: '决策已撤销', en: 'decision cleared' };

/** Why a decision cannot be recorded as given. */
export type DecisionProblem = 'rationale_required' | 'decider_required';

export interface DecisionInput {
  readonly decision: GateDecision;
  readonly rationale: string;
  /** Who decided; null when nobody was named and the app does not know who is acting. */
  readonly decidedBy: PersonId | null;
  readonly now: number;
}

export type DecisionFields = Pick<Gate, 'decision' | 'decidedBy' | 'decidedAt' | 'rationale'>;

export type DecisionPlan =
  | {
      readonly ok: true;
      /** `recorded`: first decision; `changed`: a different one replaces it; `unchanged`: same. */
      readonly change: 'recorded' | 'changed' | 'unchanged';
      readonly fields: DecisionFields;
    }
  | { readonly ok: false; readonly problems: readonly DecisionProblem[] };

/**
 * Records a gate decision: go, no-go or reshape, with why (required: a decision nobody can explain
 * later is worth little at the next gate), who decided and when. Recording the same decision again
 * with the same reason and decider changes nothing, so it keeps its original time; any other
 * change replaces the decision and the trail keeps the earlier one.
 */
export function planGateDecision(current: DecisionFields, input: DecisionInput): DecisionPlan {
  const rationale = input.rationale.trim();
  const problems: DecisionProblem[] = [];
  if (rationale === '') problems.push('rationale_required');
  if (input.decidedBy === null) problems.push('decider_required');
  if (problems.length > 0 || input.decidedBy === null) return { ok: false, problems };
  if (
    current.decision === input.decision &&
    current.decidedBy === input.decidedBy &&
    current.rationale === rationale
  ) {
    return { ok: true, change: 'unchanged', fields: current };
  }
  return {
    ok: true,
    change: current.decision === null ? 'recorded' : 'changed',
    fields: {
      decision: input.decision,
      decidedBy: input.decidedBy,
      decidedAt: input.now,
      rationale,
    },
  };
}

/**
 * The trail's one-line summary of a decision on a gate: "Red team review: Go", or with the one it
 * replaced, "Bid/no-bid decision: Reshape → Go", or that it was cleared.
 */
export function decisionSummary(
  gateName: string,
  previous: GateDecision | null,
  next: GateDecision | null,
  locale: Locale,
): string {
  const separator = locale === 'zh-CN' ? '：' : ': ';
  const name = (decision: GateDecision) => inLocale(GATE_DECISION_NAMES[decision], locale);
  if (next === null) return `${gateName}${separator}${inLocale(DECISION_CLEARED, locale)}`;
  const what =
    previous === null || previous === next ? name(next) : `${name(previous)} → ${name(next)}`;
  return `${gateName}${separator}${what}`;
}

// ---- Scorecard criteria (Settings) ------------------------------------------------------------------

/** A criterion as the Settings editor holds it; `key` is null until it is first saved. */
export interface CriterionDraft {
  readonly key: string | null;
  readonly label: LocalizedText;
  readonly weight: number | null;
}

export const MAX_CRITERIA = 50;
export const MAX_CRITERION_LABEL = 200;
export const MAX_CRITERION_WEIGHT = 100;

export type CriterionIssue =
  | {
      readonly index: number;
      readonly field: 'zh' | 'en';
      readonly problem: 'empty' | 'too_long';
    }
  | {
      readonly index: number;
      readonly field: 'weight';
      readonly problem: 'missing' | 'not_whole' | 'out_of_range';
    }
  | { readonly index: null; readonly field: 'list'; readonly problem: 'too_many' | 'no_weight' };

/**
 * What is wrong with the edited criteria, each problem tied to the row and field to show it on.
 * Weights are relative (the score divides by their total), so they need not add up to 100, but at
 * least one must be above zero or no gate could ever be scored.
 */
export function checkScorecardCriteria(drafts: readonly CriterionDraft[]): CriterionIssue[] {
  const issues: CriterionIssue[] = [];
  drafts.forEach((draft, index) => {
    for (const field of ['zh', 'en'] as const) {
      const text = draft.label[field].trim();
      if (text === '') issues.push({ index, field, problem: 'empty' });
      else if (text.length > MAX_CRITERION_LABEL)
        issues.push({ index, field, problem: 'too_long' });
    }
    const weight = draft.weight;
    if (weight === null) issues.push({ index, field: 'weight', problem: 'missing' });
    else if (!Number.isInteger(weight))
      issues.push({ index, field: 'weight', problem: 'not_whole' });
    else if (weight < 0 || weight > MAX_CRITERION_WEIGHT)
      issues.push({ index, field: 'weight', problem: 'out_of_range' });
  });
  if (drafts.length > MAX_CRITERIA)
    issues.push({ index: null, field: 'list', problem: 'too_many' });
  if (!drafts.some((draft) => draft.weight !== null && draft.weight > 0))
    issues.push({ index: null, field: 'list', problem: 'no_weight' });
  return issues;
}

/**
 * A stable key for a new criterion, from its English label (`Delivery track record` →
 * `delivery_track_record`), made unique against `taken`. Keys never change once given, so a
 * renamed criterion stays the same criterion.
 */
export function criterionKey(labelEn: string, taken: ReadonlySet<string>): string {
  const slug = labelEn
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 56)
    .replace(/_+$/, '');
  const base = slug === '' ? 'criterion' : slug;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const key = `${base}_${n}`;
    if (!taken.has(key)) return key;
  }
}

/**
 * The criteria to store: labels trimmed, new rows given keys. Call only once
 * `checkScorecardCriteria` finds nothing wrong (weights are then whole numbers).
 */
export function finalizeCriteria(drafts: readonly CriterionDraft[]): ScorecardCriterion[] {
  const taken = new Set(drafts.flatMap((draft) => (draft.key === null ? [] : [draft.key])));
  return drafts.map((draft) => {
    let key = draft.key;
    if (key === null) {
      key = criterionKey(draft.label.en, taken);
      taken.add(key);
    }
    return {
      key,
      label: { zh: draft.label.zh.trim(), en: draft.label.en.trim() },
      weight: draft.weight ?? 0,
    };
  });
}

export interface CriterionShares {
  /** The sum of the weights, which need not be 100. */
  readonly total: number;
  /** Each criterion's part of the score (weight ÷ total, 0–1); null while the total is zero. */
  readonly shares: readonly (number | null)[];
}

/** How much each criterion counts in `scoreScorecard`: its weight over the total of the weights. */
export function criterionShares(weights: readonly (number | null)[]): CriterionShares {
  const valid = weights.map((weight) => (weight !== null && weight > 0 ? weight : 0));
  const total = valid.reduce((sum, weight) => sum + weight, 0);
  return { total, shares: valid.map((weight) => (total > 0 ? weight / total : null)) };
}
