import { z } from 'zod';
import { personIdSchema, roleIdSchema, teamIdSchema } from '@shared/domain/ids';
import { nonNegativeMoneySchema } from '@shared/domain/money';
import { planDateSchema, weekdaySchema } from '@shared/domain/dates';
import {
  addIssue,
  baseRecordShape,
  checkBaseRecord,
  checkUnique,
  emailSchema,
  hoursSchema,
  nameSchema,
} from '@shared/domain/fields';

/**
 * Someone in the shared pursuit pool (and the deal owners). Capacity is spread over the person's
 * own working week; `leaveDays` are personal non-working days on top of the company holidays.
 */
export const personFieldsSchema = z.object({
  ...baseRecordShape(personIdSchema),
  name: nameSchema(120),
  email: emailSchema,
  /** Roles the person can fill; the first is their primary role. */
  roleIds: z.array(roleIdSchema).min(1, { error: 'must have at least one role' }).max(20),
  teamId: teamIdSchema.nullable(),
  /** Cost per hour, for planned and actual labor cost. */
  costRate: nonNegativeMoneySchema,
  weeklyCapacityHours: hoursSchema(168),
  workingWeek: z.array(weekdaySchema).max(7),
  leaveDays: z.array(planDateSchema).max(5_000),
  active: z.boolean({ error: 'must be true or false' }),
});

export const personSchema = personFieldsSchema.superRefine((person, ctx) => {
  checkBaseRecord(person, ctx);
  checkUnique(person.roleIds, (id) => id, ctx, ['roleIds'], 'role');
  checkUnique(person.workingWeek, String, ctx, ['workingWeek'], 'weekday');
  checkUnique(person.leaveDays, (day) => day, ctx, ['leaveDays'], 'day');
  if (person.weeklyCapacityHours > 0 && person.workingWeek.length === 0) {
    addIssue(ctx, ['workingWeek'], 'must have at least one working day when capacity is set');
  }
});
export type Person = z.infer<typeof personSchema>;
