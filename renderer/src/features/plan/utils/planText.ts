import type { TFunction } from 'i18next';
import type { LinkRuleError } from '@shared/plan/links';
import type { OutlineError } from '@shared/plan/outline';
import type { PredecessorError } from '@shared/plan/predecessors';
import type { PlanRow } from '@shared/plan/rows';
import type { ScheduleError } from '@shared/schedule/model';
import type { PlanProblem } from '@renderer/db/repositories/plan';

type T = TFunction<'plan'>;

/** How a message names a row: its number and name, quoted, the way the grid shows them. */
export function rowLabel(row: Pick<PlanRow, 'rowNumber' | 'name'>): string {
  return `“${row.rowNumber} ${row.name}”`;
}

/** Looks rows up for messages; an id no longer in the plan is shown as it is. */
export type RowLookup = (id: string) => PlanRow | undefined;

function labelOf(lookup: RowLookup, id: string): string {
  const row = lookup(id);
  return row === undefined ? id : rowLabel(row);
}

/** A loop as the user reads it: every row on it, back to the first. */
function loopPath(labels: readonly string[]): string {
  const first = labels[0];
  return first === undefined ? '' : [...labels, first].join(' → ');
}

/** What is wrong with the text typed into a predecessors cell. */
export function predecessorMessage(
  t: T,
  error: PredecessorError,
  rows: readonly PlanRow[],
): string {
  switch (error.kind) {
    case 'syntax':
      return t('validation.predecessors.syntax', { entry: error.entry });
    case 'badType':
      return t('validation.predecessors.badType', { entry: error.entry, type: error.type });
    case 'badLag':
      return t('validation.predecessors.badLag', { entry: error.entry });
    case 'unknownRow':
    case 'selfLink':
    case 'duplicateRow':
    case 'summaryRow':
    case 'summaryTarget':
      return t(`validation.predecessors.${error.kind}`, { row: error.row });
    case 'cycle':
      return t('validation.predecessors.cycle', {
        path: loopPath(
          error.rows.map((number) => {
            const row = rows[number - 1];
            return row === undefined ? String(number) : rowLabel(row);
          }),
        ),
      });
  }
}

function linkMessage(t: T, error: LinkRuleError, lookup: RowLookup): string {
  switch (error.kind) {
    case 'unknownItem':
    case 'selfLink':
      return t(`problems.links.${error.kind}`);
    case 'duplicate':
    case 'summary':
      return t(`problems.links.${error.kind}`, { row: labelOf(lookup, error.id) });
    case 'badLag':
      return t('problems.links.badLag');
    case 'cycle':
      return t('problems.links.cycle', {
        path: loopPath(error.cycle.map((id) => labelOf(lookup, id))),
      });
  }
}

function outlineMessage(t: T, error: OutlineError, lookup: RowLookup): string {
  switch (error.kind) {
    case 'milestoneCannotNest':
      return t('problems.outline.milestoneCannotNest');
    case 'noRowAbove':
    case 'alreadyTopLevel':
      return t(`problems.outline.${error.kind}`, { row: labelOf(lookup, error.id) });
    case 'parentIsMilestone':
    case 'parentHasLinks':
      return t(`problems.outline.${error.kind}`, { parent: labelOf(lookup, error.parentId) });
  }
}

/** A scheduling error in words (the grid validates first, so these are rare). */
function scheduleMessage(t: T, error: ScheduleError, lookup: RowLookup): string {
  switch (error.kind) {
    case 'negativeDuration':
      return t('validation.negativeDuration');
    case 'cycle':
      return t('problems.links.cycle', {
        path: loopPath(error.cycle.map((id) => labelOf(lookup, id))),
      });
    case 'invalidValue':
      return t('problems.schedule', { reason: `${error.field} = ${error.value}` });
    case 'unknownTask':
    case 'duplicateTask':
    case 'selfLink':
      return t('problems.schedule', { reason: labelOf(lookup, error.taskId) });
    case 'duplicateLink':
      return t('problems.schedule', {
        reason: `${labelOf(lookup, error.predecessorId)} → ${labelOf(lookup, error.successorId)}`,
      });
  }
}

/** Why the repository refused a plan edit, in the user's language, naming the rows. */
export function problemMessage(t: T, problem: PlanProblem, lookup: RowLookup): string {
  switch (problem.kind) {
    case 'planExists':
      return t('problems.planExists');
    case 'templateGone':
      return t('problems.templateGone');
    case 'template':
      return problem.error.kind === 'noSubmissionDate'
        ? t('problems.noSubmissionDate')
        : scheduleMessage(t, problem.error.error, lookup);
    case 'summaryDates':
      return t('problems.summaryDates', { row: labelOf(lookup, problem.id) });
    case 'outline':
      return outlineMessage(t, problem.error, lookup);
    case 'links':
      return linkMessage(t, problem.error, lookup);
    case 'schedule':
      return scheduleMessage(t, problem.error, lookup);
  }
}
