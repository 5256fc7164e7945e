import type { LocalizedText } from '@shared/domain/fields';
import type { GateKind } from '@shared/domain/gate';
import type { MilestoneKind } from '@shared/domain/milestone';
import type { ForecastCategory, MilestoneAnchor, Stage } from '@shared/domain/sales-process';
import type { StageInput } from '@shared/pipeline/process-edit';

/** The stage editor's values: what the inputs hold, empty number inputs included. */
export interface StageFormValues {
  name: LocalizedText;
  defaultPwin: number | null;
  forecastCategory: ForecastCategory;
  exitCriteria: { key: string | null; label: LocalizedText }[];
  milestoneTemplates: {
    key: string | null;
    name: LocalizedText;
    kind: MilestoneKind;
    anchor: MilestoneAnchor;
    offsetWorkingDays: number | null;
  }[];
  gateKinds: GateKind[];
}

export const NEW_CRITERION: StageFormValues['exitCriteria'][number] = {
  key: null,
  label: { zh: '', en: '' },
};

export const NEW_TEMPLATE: StageFormValues['milestoneTemplates'][number] = {
  key: null,
  name: { zh: '', en: '' },
  kind: 'other',
  anchor: 'stage_entry',
  offsetWorkingDays: 5,
};

/** The editor's starting values: the stage as stored, or a blank open stage. */
export function formValuesFromStage(stage: Stage | null): StageFormValues {
  if (stage === null) {
    return {
      name: { zh: '', en: '' },
      defaultPwin: 20,
      forecastCategory: 'pipeline',
      exitCriteria: [],
      milestoneTemplates: [],
      gateKinds: [],
    };
  }
  return {
    name: { ...stage.name },
    defaultPwin: stage.defaultPwin,
    forecastCategory: stage.forecastCategory,
    exitCriteria: stage.exitCriteria.map((c) => ({ key: c.key, label: { ...c.label } })),
    milestoneTemplates: stage.milestoneTemplates.map((m) => ({ ...m, name: { ...m.name } })),
    gateKinds: [...stage.gateKinds],
  };
}

/** An empty number input becomes NaN, which the stage rules report as out of range. */
const numberOf = (value: number | null | undefined) => value ?? Number.NaN;
const textOf = (text: Partial<LocalizedText> | undefined): LocalizedText => ({
  zh: text?.zh ?? '',
  en: text?.en ?? '',
});

/** What the editor submits; the stage rules (`checkStage`) judge it. */
export function stageInputFromForm(values: StageFormValues): StageInput {
  return {
    name: textOf(values.name),
    defaultPwin: numberOf(values.defaultPwin),
    forecastCategory: values.forecastCategory,
    exitCriteria: (values.exitCriteria ?? []).map((c) => ({
      key: c.key ?? null,
      label: textOf(c.label),
    })),
    milestoneTemplates: (values.milestoneTemplates ?? []).map((m) => ({
      key: m.key ?? null,
      name: textOf(m.name),
      kind: m.kind,
      anchor: m.anchor,
      offsetWorkingDays: numberOf(m.offsetWorkingDays),
    })),
    gateKinds: [...(values.gateKinds ?? [])],
  };
}
