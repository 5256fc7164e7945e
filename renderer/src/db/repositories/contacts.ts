import type { Contact } from '@shared/domain/contact';
import type { PursuitDatabase } from '@renderer/db/database';
import { NotFoundError } from '@renderer/db/errors';
import { runWrite } from '@renderer/db/write';
import type { NewRecord, WriteEnv } from '@renderer/db/write';

export type ContactInput = Pick<Contact, 'accountId' | 'name'> &
  Partial<Omit<NewRecord<'contacts'>, 'accountId' | 'name'>>;

/**
 * Adds a person on the customer side to an account (from a deal's buying-centre picker). The
 * account must exist and not be deleted: a contact always belongs to a live account.
 */
export async function createContact(
  db: PursuitDatabase,
  env: WriteEnv,
  input: ContactInput,
): Promise<Contact> {
  return runWrite(
    db,
    env,
    ['contacts', 'accounts'],
    async (writer) => {
      const account = await writer.get('accounts', input.accountId);
      if (!account || account.deletedAt !== null) {
        throw new NotFoundError('accounts', input.accountId);
      }
      writer.subject = input.name.trim();
      return writer.insert(
        'contacts',
        {
          title: '',
          department: '',
          email: '',
          phone: '',
          buyingRole: 'influencer',
          notes: '',
          ...input,
          name: input.name.trim(),
        },
        `${input.name.trim()} (${account.name})`,
      );
    },
    { undoAction: 'create' },
  );
}
