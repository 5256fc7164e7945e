import type { Deal } from '@shared/domain/deal';
import type { LocalizedText } from '@shared/domain/fields';
import type { GateKind } from '@shared/domain/gate';
import type { DealId, StageId } from '@shared/domain/ids';
import type { MilestoneKind } from '@shared/domain/milestone';
import type {
  ExitCriterion,
  ForecastCategory,
  MilestoneAnchor,
  MilestoneTemplate,
  Stage,
  StageKind,
} from '@shared/domain/sales-process';
import type { Locale } from '@shared/domain/settings';
import { inLocale } from '@shared/pipeline/labels';

/**
 * Editing the sales process: the rules a stage list must keep, and what creating, editing,
 * reordering and deleting a stage changes. Every function here decides without writing; the
 * repository applies the result in one transaction. Deals reference stages by id, never by
 * position or name, so renaming and reordering leave every deal where it is.
 */

/** The closing stages: a process has exactly one of each, after all of its open stages. */
export const CLOSING_KINDS = ['won', 'lost', 'no_bid'] as const satisfies readonly StageKind[];
export type ClosingKind = (typeof CLOSING_KINDS)[number];

/** Limits the stage schema enforces, named so the editor can show them. */
export const STAGE_LIMITS = {
  name: 200,
  listItems: 50,
  offsetMin: -1_000,
  offsetMax: 1_000,
  orderMax: 10_000,
} as const;

export type Lang = keyof LocalizedText;
const LANGS: readonly Lang[] = ['zh', 'en'];
const KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** An exit criterion as edited; `key` is null until the criterion is first saved. */
export interface CriterionInput {
  readonly key: string | null;
  readonly label: LocalizedText;
}

/** A milestone template as edited; `key` is null until the template is first saved. */
export interface TemplateInput {
  readonly key: string | null;
  readonly name: LocalizedText;
  readonly kind: MilestoneKind;
  readonly anchor: MilestoneAnchor;
  readonly offsetWorkingDays: number;
}

/** What the stage editor changes. A stage's key, kind and position are not edited here. */
export interface StageInput {
  readonly name: LocalizedText;
  readonly defaultPwin: number;
  readonly forecastCategory: ForecastCategory;
  readonly exitCriteria: readonly CriterionInput[];
  readonly milestoneTemplates: readonly TemplateInput[];
  readonly gateKinds: readonly GateKind[];
}

/** The editable fields of a stored stage, with every key assigned. */
export type StageContent = Pick<
  Stage,
  'name' | 'defaultPwin' | 'forecastCategory' | 'exitCriteria' | 'milestoneTemplates' | 'gateKinds'
>;

/** A stage as the list rules see it (a stored stage, or one about to be). */
export type ProcessStage = StageContent &
  Pick<Stage, 'id' | 'key' | 'order' | 'kind' | 'deletedAt'>;

/** Where in the stage an issue is: the editor's field path (`['exitCriteria', 2, 'label', 'zh']`). */
export type IssuePath = readonly (string | number)[];

/** A problem with one stage's fields; `path` names the field, the code says what is wrong. */
export type StageIssue =
  | { readonly code: 'required'; readonly path: IssuePath }
  | { readonly code: 'too_long'; readonly path: IssuePath; readonly max: number }
  | { readonly code: 'pwin_range'; readonly path: IssuePath }
  /** A won stage's Pwin is 100, a lost or no-bid stage's 0: the outcome is known. */
  | { readonly code: 'pwin_fixed'; readonly path: IssuePath; readonly required: 0 | 100 }
  | { readonly code: 'forecast_closed_for_open'; readonly path: IssuePath }
  | { readonly code: 'forecast_open_for_closing'; readonly path: IssuePath }
  | { readonly code: 'too_many'; readonly path: IssuePath; readonly max: number }
  /** The same label (in one language) twice in a checklist or in the templates of a stage. */
  | { readonly code: 'duplicate_label'; readonly path: IssuePath; readonly label: string }
  | {
      readonly code: 'offset_range';
      readonly path: IssuePath;
      readonly min: number;
      readonly max: number;
    }
  | { readonly code: 'duplicate_gate'; readonly path: IssuePath; readonly gate: GateKind }
  | { readonly code: 'invalid_key'; readonly path: IssuePath; readonly key: string }
  | { readonly code: 'duplicate_key'; readonly path: IssuePath; readonly key: string };

/** A problem with the stage list as a whole (or, `stage`, with one of its stages). */
export type ProcessIssue =
  | { readonly code: 'unknown_stage'; readonly stageId: string }
  | { readonly code: 'no_open_stage' }
  | { readonly code: 'closing_stage_count'; readonly kind: ClosingKind; readonly count: number }
  | { readonly code: 'closing_before_open'; readonly stageId: string }
  | { readonly code: 'duplicate_order'; readonly stageId: string; readonly order: number }
  | { readonly code: 'order_range'; readonly stageId: string; readonly order: number }
  | { readonly code: 'invalid_stage_key'; readonly stageId: string; readonly key: string }
  | { readonly code: 'duplicate_stage_key'; readonly stageId: string; readonly key: string }
  /**
   * A deal's checklist stores criterion keys without their stage, so a key used by two stages
   * would tick both criteria at once.
   */
  | { readonly code: 'shared_criterion_key'; readonly stageId: string; readonly key: string }
  /** The new order is not the current stages, each exactly once (a stage was added or removed). */
  | { readonly code: 'not_a_permutation' }
  | { readonly code: 'stage'; readonly stageId: string; readonly issue: StageIssue };

export function isClosingKind(kind: StageKind): kind is ClosingKind {
  return kind !== 'open';
}

/** The forecast categories a stage of `kind` may use (the stage schema's rule). */
export function forecastCategoriesFor(kind: StageKind): readonly ForecastCategory[] {
  return isClosingKind(kind)
    ? ['closed', 'omitted']
    : ['pipeline', 'best_case', 'commit', 'omitted'];
}

/** The Pwin a closing stage must have, or null when an open stage may have any. */
export function fixedPwin(kind: StageKind): 0 | 100 | null {
  if (kind === 'won') return 100;
  return isClosingKind(kind) ? 0 : null;
}

const normalise = (text: string) => text.trim().toLocaleLowerCase();

function checkText(text: string, path: IssuePath, issues: StageIssue[]): void {
  if (text.trim() === '') issues.push({ code: 'required', path });
  else if (text.length > STAGE_LIMITS.name) {
    issues.push({ code: 'too_long', path, max: STAGE_LIMITS.name });
  }
}

/** Checks both languages of each item's label and reports a label repeated within the list. */
function checkLabelledList<T>(
  items: readonly T[],
  field: 'exitCriteria' | 'milestoneTemplates',
  labelField: 'label' | 'name',
  labelOf: (item: T) => LocalizedText,
  issues: StageIssue[],
): void {
  if (items.length > STAGE_LIMITS.listItems) {
    issues.push({ code: 'too_many', path: [field], max: STAGE_LIMITS.listItems });
  }
  for (const lang of LANGS) {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const text = labelOf(item)[lang];
      const path = [field, index, labelField, lang];
      checkText(text, path, issues);
      const key = normalise(text);
      if (key === '') return;
      if (seen.has(key)) issues.push({ code: 'duplicate_label', path, label: text.trim() });
      seen.add(key);
    });
  }
}

function checkKeys(
  keys: readonly (string | null)[],
  field: 'exitCriteria' | 'milestoneTemplates',
  issues: StageIssue[],
): void {
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (key === null) return;
    const path = [field, index, 'key'];
    if (!KEY_PATTERN.test(key)) issues.push({ code: 'invalid_key', path, key });
    else if (seen.has(key)) issues.push({ code: 'duplicate_key', path, key });
    seen.add(key);
  });
}

/**
 * What is wrong with one stage's fields, field by field — the stage schema's rules, stated so the
 * editor can put each message next to its field in the user's language, plus one the schema does
 * not have: a checklist item or template named twice is a mistake, not two things to do.
 */
export function checkStage(stage: StageInput, kind: StageKind): StageIssue[] {
  const issues: StageIssue[] = [];
  for (const lang of LANGS) checkText(stage.name[lang], ['name', lang], issues);

  const pwin = stage.defaultPwin;
  const required = fixedPwin(kind);
  if (!Number.isInteger(pwin) || pwin < 0 || pwin > 100) {
    issues.push({ code: 'pwin_range', path: ['defaultPwin'] });
  } else if (required !== null && pwin !== required) {
    issues.push({ code: 'pwin_fixed', path: ['defaultPwin'], required });
  }

  if (!forecastCategoriesFor(kind).includes(stage.forecastCategory)) {
    issues.push({
      code: isClosingKind(kind) ? 'forecast_open_for_closing' : 'forecast_closed_for_open',
      path: ['forecastCategory'],
    });
  }

  checkLabelledList(stage.exitCriteria, 'exitCriteria', 'label', (c) => c.label, issues);
  checkKeys(
    stage.exitCriteria.map((c) => c.key),
    'exitCriteria',
    issues,
  );

  checkLabelledList(stage.milestoneTemplates, 'milestoneTemplates', 'name', (t) => t.name, issues);
  checkKeys(
    stage.milestoneTemplates.map((t) => t.key),
    'milestoneTemplates',
    issues,
  );
  stage.milestoneTemplates.forEach((template, index) => {
    const offset = template.offsetWorkingDays;
    if (
      !Number.isInteger(offset) ||
      offset < STAGE_LIMITS.offsetMin ||
      offset > STAGE_LIMITS.offsetMax
    ) {
      issues.push({
        code: 'offset_range',
        path: ['milestoneTemplates', index, 'offsetWorkingDays'],
        min: STAGE_LIMITS.offsetMin,
        max: STAGE_LIMITS.offsetMax,
      });
    }
  });

  const gates = new Set<GateKind>();
  stage.gateKinds.forEach((gate, index) => {
    if (gates.has(gate)) issues.push({ code: 'duplicate_gate', path: ['gateKinds', index], gate });
    gates.add(gate);
  });
  return issues;
}

/**
 * What is wrong with a process's stage list (soft-deleted stages are ignored): it needs at least
 * one open stage and exactly one won, one lost and one no-bid stage; positions are distinct
 * whole numbers with every open stage before the closing ones (a deal is won after it has been
 * pursued, and moves skip criteria by position); stage keys are distinct and exit-criterion keys
 * are distinct across the whole process; and every stage passes `checkStage`.
 */
export function validateStageList(stages: readonly ProcessStage[]): ProcessIssue[] {
  const live = stages.filter((stage) => stage.deletedAt === null);
  const issues: ProcessIssue[] = [];

  if (!live.some((stage) => stage.kind === 'open')) issues.push({ code: 'no_open_stage' });
  for (const kind of CLOSING_KINDS) {
    const count = live.filter((stage) => stage.kind === kind).length;
    if (count !== 1) issues.push({ code: 'closing_stage_count', kind, count });
  }

  const orders = new Set<number>();
  const keys = new Set<string>();
  const criterionKeys = new Set<string>();
  for (const stage of live) {
    const { order } = stage;
    if (!Number.isInteger(order) || order < 0 || order > STAGE_LIMITS.orderMax) {
      issues.push({ code: 'order_range', stageId: stage.id, order });
    } else if (orders.has(order)) {
      issues.push({ code: 'duplicate_order', stageId: stage.id, order });
    }
    orders.add(order);

    if (!KEY_PATTERN.test(stage.key)) {
      issues.push({ code: 'invalid_stage_key', stageId: stage.id, key: stage.key });
    } else if (keys.has(stage.key)) {
      issues.push({ code: 'duplicate_stage_key', stageId: stage.id, key: stage.key });
    }
    keys.add(stage.key);

    const own = new Set<string>();
    for (const { key } of stage.exitCriteria) {
      if (criterionKeys.has(key) && !own.has(key)) {
        issues.push({ code: 'shared_criterion_key', stageId: stage.id, key });
      }
      own.add(key);
    }
    for (const key of own) criterionKeys.add(key);

    for (const issue of checkStage(stage, stage.kind)) {
      issues.push({ code: 'stage', stageId: stage.id, issue });
    }
  }

  const ordered = live.toSorted((a, b) => a.order - b.order);
  const lastOpen = ordered.findLastIndex((stage) => stage.kind === 'open');
  ordered.slice(0, Math.max(lastOpen, 0)).forEach((stage) => {
    if (isClosingKind(stage.kind)) issues.push({ code: 'closing_before_open', stageId: stage.id });
  });
  return issues;
}

// ---- Keys ----------------------------------------------------------------------------------

/** A readable key from a label (`Site survey done` → `site_survey_done`), or `fallback`. */
export function keyFromText(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 40)
    .replace(/^_+|_+$/g, '');
  if (slug === '') return fallback;
  return /^[a-z]/.test(slug) ? slug : `${fallback}_${slug}`;
}

/** `base`, or `base_2`, `base_3`… — the first one not in `taken`. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 60)}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * A key for a new checklist item or template: readable, plus a short fresh suffix. A key is what
 * deals store (a deal's ticked criteria, a milestone's template), so a removed item's key must
 * never come back on a new item with the same name — the new one would start out ticked, or be
 * taken for already planned.
 */
function freshItemKey(
  label: LocalizedText,
  fallback: string,
  taken: Set<string>,
  freshSuffix: () => string,
): string {
  const suffix = freshSuffix()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(-6);
  const base = keyFromText(label.en, fallback);
  const key = uniqueKey(suffix === '' ? base : `${base}_${suffix}`, taken);
  taken.add(key);
  return key;
}

/** Every exit-criterion key a process has used, deleted stages included (deals may still hold them). */
function criterionKeysOf(stages: readonly ProcessStage[], except: string | null): Set<string> {
  return new Set(
    stages.filter((stage) => stage.id !== except).flatMap((s) => s.exitCriteria.map((c) => c.key)),
  );
}

/** The stage's fields with a key for every new checklist item and template. */
function withKeys(
  input: StageInput,
  takenCriteria: Set<string>,
  takenTemplates: Set<string>,
  freshSuffix: () => string,
): StageContent {
  for (const criterion of input.exitCriteria) {
    if (criterion.key !== null) takenCriteria.add(criterion.key);
  }
  for (const template of input.milestoneTemplates) {
    if (template.key !== null) takenTemplates.add(template.key);
  }
  const exitCriteria: ExitCriterion[] = input.exitCriteria.map((criterion) => ({
    key: criterion.key ?? freshItemKey(criterion.label, 'criterion', takenCriteria, freshSuffix),
    label: { zh: criterion.label.zh.trim(), en: criterion.label.en.trim() },
  }));
  const milestoneTemplates: MilestoneTemplate[] = input.milestoneTemplates.map((template) => ({
    key: template.key ?? freshItemKey(template.name, 'milestone', takenTemplates, freshSuffix),
    name: { zh: template.name.zh.trim(), en: template.name.en.trim() },
    kind: template.kind,
    anchor: template.anchor,
    offsetWorkingDays: template.offsetWorkingDays,
  }));
  return {
    name: { zh: input.name.zh.trim(), en: input.name.en.trim() },
    defaultPwin: input.defaultPwin,
    forecastCategory: input.forecastCategory,
    exitCriteria,
    milestoneTemplates,
    gateKinds: [...input.gateKinds],
  };
}

// ---- Plans ---------------------------------------------------------------------------------

export type EditResult<T> =
  ({ readonly ok: true } & T) | { readonly ok: false; readonly issues: readonly ProcessIssue[] };

/** A stage whose position changes. */
export interface OrderChange {
  readonly stageId: StageId;
  readonly order: number;
}

function applyOrders(stages: readonly ProcessStage[], changes: readonly OrderChange[]) {
  const next = new Map(changes.map((change) => [change.stageId, change.order]));
  return stages.map((stage) => ({ ...stage, order: next.get(stage.id) ?? stage.order }));
}

const byOrder = (stages: readonly ProcessStage[]) =>
  stages.filter((stage) => stage.deletedAt === null).toSorted((a, b) => a.order - b.order);

export interface NewStageInput {
  /** The process's stages, soft-deleted ones included (their keys stay taken). */
  readonly stages: readonly ProcessStage[];
  /** The id the new stage will be stored under. */
  readonly id: StageId;
  readonly input: StageInput;
  /** A fresh random string for new item keys (the caller's id source). */
  readonly freshSuffix: () => string;
}

/** The fields of the stage to create (the write adds the process and bookkeeping). */
export type NewStage = ProcessStage & { readonly kind: 'open' };

/**
 * A new open stage, placed after the last open stage (before Won / Lost / No-bid), with a key
 * made from its English name. The closing stages move down one position when needed.
 */
export function planNewStage(
  request: NewStageInput,
): EditResult<{ stage: NewStage; reorder: readonly OrderChange[] }> {
  const { stages, input } = request;
  const content = withKeys(input, criterionKeysOf(stages, null), new Set(), request.freshSuffix);
  const key = uniqueKey(keyFromText(content.name.en, 'stage'), new Set(stages.map((s) => s.key)));
  const ordered = byOrder(stages);
  const lastOpen = ordered.findLastIndex((stage) => stage.kind === 'open');
  const order = (ordered[lastOpen]?.order ?? -1) + 1;
  const stage: NewStage = { ...content, id: request.id, key, kind: 'open', order, deletedAt: null };
  // The stages after it keep their positions unless they must make room.
  const reorder: OrderChange[] = [];
  let next = order + 1;
  for (const after of ordered.slice(lastOpen + 1)) {
    const moved = Math.max(after.order, next);
    if (moved !== after.order) reorder.push({ stageId: after.id, order: moved });
    next = moved + 1;
  }
  const issues = validateStageList([...applyOrders(stages, reorder), stage]);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, stage, reorder };
}

export interface StageUpdateInput {
  readonly stages: readonly ProcessStage[];
  readonly stageId: StageId;
  readonly input: StageInput;
  readonly freshSuffix: () => string;
}

/**
 * The new fields of an edited stage. Its key, kind and position stay; checklist items and
 * templates that already existed keep their keys (so renaming a criterion keeps it ticked on the
 * deals that ticked it), new ones get fresh keys.
 */
export function planStageUpdate(request: StageUpdateInput): EditResult<{ content: StageContent }> {
  const { stages, stageId } = request;
  const current = stages.find((stage) => stage.id === stageId && stage.deletedAt === null);
  if (current === undefined) return { ok: false, issues: [{ code: 'unknown_stage', stageId }] };
  const content = withKeys(
    request.input,
    criterionKeysOf(stages, null),
    new Set(current.milestoneTemplates.map((t) => t.key)),
    request.freshSuffix,
  );
  const issues = validateStageList(
    stages.map((stage) => (stage.id === stageId ? { ...stage, ...content } : stage)),
  );
  return issues.length > 0 ? { ok: false, issues } : { ok: true, content };
}

/**
 * New positions for the stages in `sequence` order (every live stage exactly once). Only
 * positions change: deals point at stage ids, so none of them moves.
 */
export function planReorder(
  stages: readonly ProcessStage[],
  sequence: readonly StageId[],
): EditResult<{ changes: readonly OrderChange[] }> {
  const live = byOrder(stages);
  const byId = new Map(live.map((stage) => [stage.id, stage]));
  const ordered = sequence.map((id) => byId.get(id));
  const distinct = new Set(sequence);
  if (
    distinct.size !== sequence.length ||
    sequence.length !== live.length ||
    ordered.some((stage) => stage === undefined)
  ) {
    return { ok: false, issues: [{ code: 'not_a_permutation' }] };
  }
  // The positions in use are handed out again in the new order, so only moved stages change.
  const positions = live.map((stage) => stage.order);
  const changes = ordered.flatMap((stage, index) => {
    const order = positions[index];
    return stage === undefined || order === undefined || stage.order === order
      ? []
      : [{ stageId: stage.id, order }];
  });
  const issues = validateStageList(applyOrders(stages, changes));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, changes };
}

/** `sequence` with `id` moved `delta` places (−1: up one), or unchanged at either end. */
export function moveInSequence<T>(sequence: readonly T[], id: T, delta: number): T[] {
  const from = sequence.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= sequence.length) return [...sequence];
  return sequence.toSpliced(from, 1).toSpliced(to, 0, id);
}

// ---- Deleting a stage ------------------------------------------------------------------------

/** Why a stage cannot be deleted as asked; nothing is written. */
export type StageDeletionRefusal =
  /** The stage does not exist or is already deleted. */
  | 'unknown_stage'
  /** Won, Lost and No-bid are part of every process. */
  | 'closing_stage'
  /** A process needs an open stage for its pursuits. */
  | 'last_open_stage'
  /** The stage holds deals: they need another stage first. */
  | 'target_required'
  /** The target is not another live open stage of the same process. */
  | 'invalid_target';

/** A deal that moves because its stage is deleted. */
export interface DealRelocation {
  readonly dealId: DealId;
  /** The revision the plan was made from: the write refuses a deal changed since. */
  readonly expectedRev: number;
  readonly code: string;
  readonly toStageId: StageId;
  /** Only the stage changes: Pwin, status and time in stage are kept (see `planStageDeletion`). */
  readonly patch: Pick<Deal, 'stageId'>;
  readonly pwin: number;
  /** The `stage_move` entry for the deal's trail, in the install's language. */
  readonly activity: { readonly summary: string; readonly details: string };
}

export interface StageDeletionPlan {
  readonly stageId: StageId;
  readonly targetStageId: StageId | null;
  readonly relocations: readonly DealRelocation[];
}

export type StageDeletionResult =
  | { readonly ok: true; readonly plan: StageDeletionPlan }
  | {
      readonly ok: false;
      readonly reason: StageDeletionRefusal;
      /** Deals the stage holds (not in the trash), for the message. */
      readonly dealCount: number;
    };

export interface StageDeletionInput {
  /** The stages of the stage's process (deleted ones are ignored). */
  readonly stages: readonly ProcessStage[];
  readonly stageId: StageId;
  /** Where the stage's deals go; required when it holds any. */
  readonly targetStageId: StageId | null;
  /** The deals whose `stageId` is the stage (any status; trashed ones are left where they are). */
  readonly deals: readonly Pick<Deal, 'id' | 'rev' | 'code' | 'stageId' | 'pwin' | 'deletedAt'>[];
  /** The install's language, for the trail entries. */
  readonly locale: Locale;
}

const DELETION_TEXT = {
  en: {
    summary: (from: string, to: string) => `Stage: ${from} → ${to} (stage deleted)`,
    details: (pwin: number) => `Reason: stage deleted\nPwin kept at ${pwin}%`,
  },
  zh: {
    summary: (from: string, to: string) => `阶段：${from} → ${to}（阶段已删除）`,
    details: (pwin: number) => `原因：阶段已删除\n赢率保持 ${pwin}%`,
  },
} as const;

/**
 * What deleting a stage does. Only open stages can go, and not the last one. A stage holding
 * deals (open or closed, not in the trash) needs a target: another live open stage of the same
 * process. Each deal then moves there with a `stage_move` entry whose reason is the deletion.
 *
 * The move is a relabelling, not progress: the deal's Pwin, status and `stageEnteredAt` are kept,
 * its exit criteria are not reviewed and the target's milestones and gates are not added — the
 * pursuit did not do that work, the process changed under it. Deals in the trash keep pointing at
 * the deleted stage (which still exists, soft-deleted), exactly as they were when trashed.
 */
export function planStageDeletion(input: StageDeletionInput): StageDeletionResult {
  const live = byOrder(input.stages);
  const stage = live.find((s) => s.id === input.stageId);
  const held = input.deals.filter((d) => d.stageId === input.stageId && d.deletedAt === null);
  const refuse = (reason: StageDeletionRefusal): StageDeletionResult => ({
    ok: false,
    reason,
    dealCount: held.length,
  });
  if (stage === undefined) return refuse('unknown_stage');
  if (isClosingKind(stage.kind)) return refuse('closing_stage');
  if (!live.some((s) => s.kind === 'open' && s.id !== stage.id)) return refuse('last_open_stage');

  if (held.length === 0) {
    return { ok: true, plan: { stageId: stage.id, targetStageId: null, relocations: [] } };
  }
  if (input.targetStageId === null) return refuse('target_required');
  const target = live.find((s) => s.id === input.targetStageId);
  if (target === undefined || target.id === stage.id || target.kind !== 'open') {
    return refuse('invalid_target');
  }

  const text = input.locale === 'zh-CN' ? DELETION_TEXT.zh : DELETION_TEXT.en;
  const summary = text
    .summary(inLocale(stage.name, input.locale), inLocale(target.name, input.locale))
    .slice(0, 500);
  const relocations = held.map((deal): DealRelocation => ({
    dealId: deal.id,
    expectedRev: deal.rev,
    code: deal.code,
    toStageId: target.id,
    patch: { stageId: target.id },
    pwin: deal.pwin,
    activity: { summary, details: text.details(deal.pwin) },
  }));
  return { ok: true, plan: { stageId: stage.id, targetStageId: target.id, relocations } };
}
