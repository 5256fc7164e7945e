import type { Deal, KeyDateField, KeyDates } from '@shared/domain/deal';
import { KEY_DATE_FIELDS } from '@shared/domain/deal';
import type { PlanDate } from '@shared/domain/dates';
import { isPlanDate } from '@shared/domain/dates';
import type { AccountId, PersonId, StageId } from '@shared/domain/ids';
import type { CurrencyCode } from '@shared/domain/money';
import { minorDigits, moneyFromMajor } from '@shared/domain/money';
import type { DealInput } from '@renderer/db/repositories/deals';

/** The deal form's values: amounts as decimal text (never floats), dates as `YYYY-MM-DD`. */
export interface DealFormValues {
  code: string;
  name: string;
  description?: string;
  accountId: AccountId | undefined;
  ownerId: PersonId | undefined;
  stageId: StageId | undefined;
  amount: string | null;
  currency: CurrencyCode;
  pwin: number | null;
  margin: number | null;
  keyDates?: Partial<Record<KeyDateField, string | null>>;
  tags?: string[];
}

/** Key dates that must be in order when both are set, as the form checks them (later, earlier). */
export const DATE_ORDER: readonly (readonly [later: KeyDateField, earlier: KeyDateField])[] = [
  ['questionsDue', 'rfpRelease'],
  ['submissionDue', 'questionsDue'],
  ['submissionDue', 'rfpRelease'],
  ['submissionDue', 'kickoff'],
  ['expectedAward', 'submissionDue'],
  ['contractStart', 'expectedAward'],
];

/** The first key date that `field` must not precede and does, or null when it is in order. */
export function dateOrderViolation(
  field: KeyDateField,
  dates: NonNullable<DealFormValues['keyDates']>,
): KeyDateField | null {
  const value = dates[field];
  if (!value) return null;
  for (const [later, earlier] of DATE_ORDER) {
    const other = dates[earlier];
    if (later === field && other && value < other) return earlier;
  }
  return null;
}

/** Whether `text` is a valid amount for the currency: zero or more, at most its minor digits. */
export function isValidAmount(text: string, currency: CurrencyCode): boolean {
  const match = /^\d+(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return false;
  return (
    (match[1]?.length ?? 0) <= minorDigits(currency) &&
    Number.isSafeInteger(Math.round(Number(text) * 10 ** minorDigits(currency)))
  );
}

export function formValuesFromDeal(deal: Deal): DealFormValues {
  const digits = minorDigits(deal.value.currency);
  const major = (deal.value.amountMinor / 10 ** digits).toFixed(digits);
  return {
    code: deal.code,
    name: deal.name,
    description: deal.description,
    accountId: deal.accountId,
    ownerId: deal.ownerId,
    stageId: deal.stageId,
    amount: major,
    currency: deal.value.currency,
    pwin: deal.pwin,
    margin: deal.expectedMarginPct,
    keyDates: { ...deal.keyDates },
    tags: [...deal.tags],
  };
}

function toKeyDates(values: NonNullable<DealFormValues['keyDates']>): KeyDates {
  const entries = KEY_DATE_FIELDS.map((field) => {
    const value = values[field];
    return [field, value && isPlanDate(value) ? (value satisfies PlanDate) : null] as const;
  });
  return Object.fromEntries(entries) as KeyDates;
}

/**
 * The repository input for validated form values. The form's own rules have run; the schema in
 * the repository is the final guard.
 */
export function dealInputFromForm(values: DealFormValues): DealInput {
  if (!values.accountId || !values.ownerId || !values.stageId) {
    throw new Error('The form was submitted without an account, owner or stage');
  }
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    description: (values.description ?? '').trim(),
    accountId: values.accountId,
    ownerId: values.ownerId,
    stageId: values.stageId,
    value: moneyFromMajor(values.amount?.trim() || '0', values.currency),
    expectedMarginPct: values.margin ?? 0,
    pwin: values.pwin ?? 0,
    keyDates: toKeyDates(values.keyDates ?? {}),
    tags: (values.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''),
  };
}

/**
 * The next free code in the `PREFIX-YEAR-NNN` pattern people number bids with, continuing the
 * highest number used this year.
 */
export function suggestDealCode(
  existingCodes: readonly string[],
  year: number,
  prefix = 'BID',
): string {
  const pattern = new RegExp(`^${prefix}-${year}-(\\d+)$`);
  let highest = 0;
  let width = 3;
  for (const code of existingCodes) {
    const digits = pattern.exec(code)?.[1];
    if (digits === undefined) continue;
    highest = Math.max(highest, Number(digits));
    width = Math.max(width, digits.length);
  }
  return `${prefix}-${year}-${String(highest + 1).padStart(width, '0')}`;
}
