import type { PlanDate } from '@shared/domain/dates';
import { isPlanDate } from '@shared/domain/dates';
import type { PersonId, TaskId } from '@shared/domain/ids';
import type { CurrencyCode } from '@shared/domain/money';
import { minorDigits, moneyFromMajor } from '@shared/domain/money';
import type { Risk, RiskCategory, RiskStatus } from '@shared/domain/risk';
import type { RiskInput } from '@renderer/db/repositories/risks';

/** The risk form's values: the exposure as decimal text (never a float), dates as `YYYY-MM-DD`. */
export interface RiskFormValues {
  title: string;
  description: string;
  category: RiskCategory;
  probability: number;
  impact: number;
  exposure: string | null;
  ownerId: PersonId | null;
  mitigation: string;
  mitigationTaskId: TaskId | null;
  trigger: string;
  status: RiskStatus;
  nextReviewDate: string | null;
  note: string;
}

/** The form's values for a risk, or a new one's defaults (a review a week from today). */
export function riskFormValues(risk: Risk | null, defaultReview: PlanDate): RiskFormValues {
  if (risk) {
    const digits = minorDigits(risk.exposure.currency);
    return {
      title: risk.title,
      description: risk.description,
      category: risk.category,
      probability: risk.probability,
      impact: risk.impact,
      exposure: (risk.exposure.amountMinor / 10 ** digits).toFixed(digits),
      ownerId: risk.ownerId,
      mitigation: risk.mitigation,
      mitigationTaskId: risk.mitigationTaskId,
      trigger: risk.trigger,
      status: risk.status,
      nextReviewDate: risk.nextReviewDate,
      note: '',
    };
  }
  return {
    title: '',
    description: '',
    category: 'technical',
    probability: 3,
    impact: 3,
    exposure: null,
    ownerId: null,
    mitigation: '',
    mitigationTaskId: null,
    trigger: '',
    status: 'open',
    nextReviewDate: defaultReview,
    note: '',
  };
}

/** The repository input for validated form values (the schema in the repository is the last guard). */
export function riskInputFromForm(values: RiskFormValues, currency: CurrencyCode): RiskInput {
  const exposure = (values.exposure ?? '').toString().trim();
  return {
    title: values.title.trim(),
    description: (values.description ?? '').trim(),
    category: values.category,
    probability: values.probability,
    impact: values.impact,
    exposure: moneyFromMajor(exposure === '' ? '0' : exposure, currency),
    ownerId: values.ownerId ?? null,
    mitigation: (values.mitigation ?? '').trim(),
    mitigationTaskId: values.mitigationTaskId ?? null,
    trigger: (values.trigger ?? '').trim(),
    status: values.status,
    nextReviewDate:
      values.nextReviewDate && isPlanDate(values.nextReviewDate) ? values.nextReviewDate : null,
  };
}
