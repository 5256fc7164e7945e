import { z } from 'zod';
import type { PlanDate, Weekday } from '@shared/domain/dates';
import { isPlanDate, WEEKDAYS } from '@shared/domain/dates';
import type { RoleId, TeamId } from '@shared/domain/ids';
import type { CurrencyCode } from '@shared/domain/money';
import { moneyFromMajor } from '@shared/domain/money';
import type { Person } from '@shared/domain/person';
import type { PersonPatch } from '@renderer/db/repositories/people';

/** The person form's values as antd holds them (numbers may be empty while typing). */
export interface PersonFormValues {
  name: string;
  email: string;
  roleIds: RoleId[];
  teamId: TeamId | null;
  costRate: number | null;
  weeklyCapacityHours: number | null;
  workingWeek: Weekday[];
  leaveDays: string[];
  active: boolean;
}

/** Keys of `resources:validation`: the schema's messages are translated by the form. */
export type PersonFormMessage =
  | 'nameRequired'
  | 'nameTooLong'
  | 'emailInvalid'
  | 'rolesRequired'
  | 'rateInvalid'
  | 'capacityInvalid'
  | 'workingWeekRequired'
  | 'leaveDuplicate';

const NAME_MAX = 120;

/**
 * The form's rules, as a schema whose messages are message keys (so they show in the user's
 * language). The repository validates the stored record again with the domain schema.
 */
export const personFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'nameRequired' })
    .max(NAME_MAX, { message: 'nameTooLong' }),
  email: z
    .string()
    .trim()
    .max(200, { message: 'emailInvalid' })
    .refine((value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), {
      message: 'emailInvalid',
    }),
  roleIds: z.array(z.string()).min(1, { message: 'rolesRequired' }),
  teamId: z.string().nullable(),
  costRate: z
    .number({ message: 'rateInvalid' })
    .min(0, { message: 'rateInvalid' })
    .max(100_000_000, { message: 'rateInvalid' })
    .refine((value) => Math.round(value * 100) === value * 100 || Number.isInteger(value), {
      message: 'rateInvalid',
    }),
  weeklyCapacityHours: z
    .number({ message: 'capacityInvalid' })
    .min(0, { message: 'capacityInvalid' })
    .max(168, { message: 'capacityInvalid' }),
  workingWeek: z.array(z.literal(WEEKDAYS)),
  leaveDays: z.array(z.string().refine(isPlanDate)),
  active: z.boolean(),
});

export interface FieldProblem {
  readonly field: keyof PersonFormValues;
  readonly message: PersonFormMessage;
}

export type PersonFormResult =
  | { readonly ok: true; readonly patch: Required<PersonPatch> }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

const MESSAGES = new Set<string>([
  'nameRequired',
  'nameTooLong',
  'emailInvalid',
  'rolesRequired',
  'rateInvalid',
  'capacityInvalid',
  'workingWeekRequired',
  'leaveDuplicate',
]);
const isMessage = (value: string): value is PersonFormMessage => MESSAGES.has(value);
const FIELDS = new Set<string>([
  'name',
  'email',
  'roleIds',
  'teamId',
  'costRate',
  'weeklyCapacityHours',
  'workingWeek',
  'leaveDays',
  'active',
]);
const isField = (value: unknown): value is keyof PersonFormValues =>
  typeof value === 'string' && FIELDS.has(value);

/** Checks the form and turns it into the repository's patch (cost rate in `currency`). */
export function checkPersonForm(
  values: PersonFormValues,
  currency: CurrencyCode,
): PersonFormResult {
  const parsed = personFormSchema.safeParse(values);
  const problems: FieldProblem[] = [];
  const add = (field: keyof PersonFormValues, message: PersonFormMessage) => {
    if (!problems.some((p) => p.field === field)) problems.push({ field, message });
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (isField(field)) add(field, isMessage(issue.message) ? issue.message : 'rateInvalid');
    }
  }
  // Across fields, checked even when another field is wrong, so every problem shows at once.
  if ((values.weeklyCapacityHours ?? 0) > 0 && values.workingWeek.length === 0) {
    add('workingWeek', 'workingWeekRequired');
  }
  if (new Set(values.leaveDays).size !== values.leaveDays.length)
    add('leaveDays', 'leaveDuplicate');
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const data = parsed.data;
  return {
    ok: true,
    patch: {
      name: data.name,
      email: data.email,
      roleIds: values.roleIds,
      teamId: values.teamId,
      costRate: moneyFromMajor(data.costRate, currency),
      weeklyCapacityHours: data.weeklyCapacityHours,
      workingWeek: [...data.workingWeek].sort((a, b) => a - b),
      leaveDays: [...(data.leaveDays as PlanDate[])].sort(),
      active: data.active,
    },
  };
}

/** The form's starting values: a person's, or a new one's. */
export function personFormValues(person: Person | null, toMajor: (minor: number) => number) {
  if (person === null) {
    return {
      name: '',
      email: '',
      roleIds: [],
      teamId: null,
      costRate: 0,
      weeklyCapacityHours: 40,
      workingWeek: [1, 2, 3, 4, 5],
      leaveDays: [],
      active: true,
    } satisfies PersonFormValues;
  }
  return {
    name: person.name,
    email: person.email,
    roleIds: [...person.roleIds],
    teamId: person.teamId,
    costRate: toMajor(person.costRate.amountMinor),
    weeklyCapacityHours: person.weeklyCapacityHours,
    workingWeek: [...person.workingWeek],
    leaveDays: [...person.leaveDays],
    active: person.active,
  } satisfies PersonFormValues;
}
