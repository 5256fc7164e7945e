import type { Account } from '@shared/domain/account';
import type { PursuitDatabase } from '@renderer/db/database';
import { runWrite } from '@renderer/db/write';
import type { NewRecord, WriteEnv } from '@renderer/db/write';

export type AccountInput = Pick<Account, 'name'> & Partial<Omit<NewRecord<'accounts'>, 'name'>>;

/** Creates a customer account (from the deal form's picker or the accounts list). */
export async function createAccount(
  db: PursuitDatabase,
  env: WriteEnv,
  input: AccountInput,
): Promise<Account> {
  return runWrite(
    db,
    env,
    ['accounts'],
    (writer) => {
      writer.subject = input.name;
      return writer.insert(
        'accounts',
        {
          shortName: '',
          industry: 'other',
          tier: 'standard',
          region: '',
          website: '',
          ownerId: null,
          potential: null,
          notes: '',
          tags: [],
          ...input,
        },
        input.name,
      );
    },
    { undoAction: 'create' },
  );
}
