import { z } from 'zod';
import { roleIdSchema } from '@shared/domain/ids';
import { nonNegativeMoneySchema } from '@shared/domain/money';
import {
  baseRecordShape,
  checkBaseRecord,
  keySchema,
  localizedTextSchema,
} from '@shared/domain/fields';

/** A job in the pursuit team (proposal manager, solution architect…), with its default hourly rate. */
export const roleFieldsSchema = z.object({
  ...baseRecordShape(roleIdSchema),
  key: keySchema,
  name: localizedTextSchema,
  defaultRate: nonNegativeMoneySchema,
});
export const roleSchema = roleFieldsSchema.superRefine(checkBaseRecord);
export type Role = z.infer<typeof roleSchema>;
