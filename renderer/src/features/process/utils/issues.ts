import type { TFunction } from 'i18next';
import type { AppLocale } from '@shared/format/locale';
import { GATE_KIND_NAMES, inLocale } from '@shared/pipeline/labels';
import type { IssuePath, ProcessIssue, StageIssue } from '@shared/pipeline/process-edit';

type T = TFunction<'process'>;

/** The editor's label of the field an issue path names (`['exitCriteria', 1, 'label', 'zh']`). */
export function fieldLabel(path: IssuePath, t: T): string {
  const [field, index, part, lang] = path;
  const n = typeof index === 'number' ? index + 1 : 0;
  const language = (value: unknown) => t(value === 'zh' ? 'field.lang.zh' : 'field.lang.en');
  switch (field) {
    case 'name':
      return t('field.name', { lang: language(index) });
    case 'defaultPwin':
      return t('field.defaultPwin');
    case 'forecastCategory':
      return t('field.forecastCategory');
    case 'exitCriteria':
      return typeof index === 'number'
        ? t('field.criterion', { n, lang: language(lang) })
        : t('field.exitCriteria');
    case 'milestoneTemplates':
      if (typeof index !== 'number') return t('field.milestoneTemplates');
      return part === 'offsetWorkingDays'
        ? t('field.offset', { n })
        : t('field.template', { n, lang: language(lang) });
    default:
      return t('field.gateKinds');
  }
}

/** One problem with a stage's fields, in the user's language. */
export function stageIssueMessage(issue: StageIssue, t: T, locale: AppLocale): string {
  switch (issue.code) {
    case 'required':
      return t('validation.required', { field: fieldLabel(issue.path, t) });
    case 'too_long':
      return t('validation.tooLong', { field: fieldLabel(issue.path, t), max: issue.max });
    case 'pwin_range':
      return t('validation.pwinRange');
    case 'pwin_fixed':
      return t('validation.pwinFixed', { value: issue.required });
    case 'forecast_closed_for_open':
      return t('validation.forecastClosedForOpen');
    case 'forecast_open_for_closing':
      return t('validation.forecastOpenForClosing');
    case 'too_many':
      return t('validation.tooMany', { field: fieldLabel(issue.path, t), max: issue.max });
    case 'duplicate_label':
      return t('validation.duplicateLabel', { label: issue.label });
    case 'offset_range':
      return t('validation.offsetRange', { min: issue.min, max: issue.max });
    case 'duplicate_gate':
      return t('validation.duplicateGate', { gate: inLocale(GATE_KIND_NAMES[issue.gate], locale) });
    case 'invalid_key':
      return t('validation.invalidKey', { field: fieldLabel(issue.path, t), key: issue.key });
    case 'duplicate_key':
      return t('validation.duplicateKey', { field: fieldLabel(issue.path, t), key: issue.key });
  }
}

/**
 * One problem with the process, in the user's language. `stageName` names a stage by id; a stage
 * being added is not stored yet, so the caller names it from the editor.
 */
export function processIssueMessage(
  issue: ProcessIssue,
  t: T,
  locale: AppLocale,
  stageName: (id: string) => string,
): string {
  switch (issue.code) {
    case 'unknown_stage':
      return t('validation.unknownStage');
    case 'no_open_stage':
      return t('validation.noOpenStage');
    case 'closing_stage_count':
      return t('validation.closingCount', { kind: t(`kind.${issue.kind}`), count: issue.count });
    case 'closing_before_open':
      return t('validation.closingBeforeOpen', { stage: stageName(issue.stageId) });
    case 'duplicate_order':
      return t('validation.duplicateOrder', { stage: stageName(issue.stageId) });
    case 'order_range':
      return t('validation.orderRange', { stage: stageName(issue.stageId) });
    case 'invalid_stage_key':
      return t('validation.invalidStageKey', { stage: stageName(issue.stageId), key: issue.key });
    case 'duplicate_stage_key':
      return t('validation.duplicateStageKey', { stage: stageName(issue.stageId), key: issue.key });
    case 'shared_criterion_key':
      return t('validation.sharedCriterionKey', {
        stage: stageName(issue.stageId),
        key: issue.key,
      });
    case 'not_a_permutation':
      return t('validation.notAPermutation');
    case 'stage':
      return t('validation.inStage', {
        stage: stageName(issue.stageId),
        message: stageIssueMessage(issue.issue, t, locale),
      });
  }
}

/** True when an issue belongs to the field at `path`. */
export function isAt(issue: StageIssue, path: IssuePath): boolean {
  return issue.path.length === path.length && issue.path.every((part, i) => part === path[i]);
}
