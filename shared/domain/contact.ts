import { z } from 'zod';
import { accountIdSchema, contactIdSchema } from '@shared/domain/ids';
import {
  baseRecordShape,
  checkBaseRecord,
  emailSchema,
  nameSchema,
  textSchema,
} from '@shared/domain/fields';

/**
 * The part a person on the customer side plays in the buying decision (the buying centre).
 * A contact carries a usual role; a deal's buying centre may assign a different one per deal.
 */
export const BUYING_ROLES = [
  'economic_buyer',
  'technical_buyer',
  'champion',
  'coach',
  'influencer',
  'user',
  'gatekeeper',
  'blocker',
] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

export const contactFieldsSchema = z.object({
  ...baseRecordShape(contactIdSchema),
  accountId: accountIdSchema,
  name: nameSchema(120),
  title: textSchema(120),
  department: textSchema(120),
  email: emailSchema,
  phone: textSchema(60),
  buyingRole: z.enum(BUYING_ROLES, { error: 'must be a buying-centre role' }),
  notes: textSchema(10_000),
});

export const contactSchema = contactFieldsSchema.superRefine(checkBaseRecord);
export type Contact = z.infer<typeof contactSchema>;
