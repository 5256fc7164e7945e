import { z } from 'zod';
import { personIdSchema, teamIdSchema } from '@shared/domain/ids';
import { baseRecordShape, checkBaseRecord, nameSchema } from '@shared/domain/fields';

/** A group of people that team targets are set for and allocated within. */
export const teamFieldsSchema = z.object({
  ...baseRecordShape(teamIdSchema),
  name: nameSchema(120),
  managerId: personIdSchema.nullable(),
});
export const teamSchema = teamFieldsSchema.superRefine(checkBaseRecord);
export type Team = z.infer<typeof teamSchema>;
