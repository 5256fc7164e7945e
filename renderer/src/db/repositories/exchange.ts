import type { Account } from '@shared/domain/account';
import type { PlanDate } from '@shared/domain/dates';
import type { AccountId } from '@shared/domain/ids';
import { SETTINGS_ID } from '@shared/domain/settings';
import type { AccountDraft, DealDraft, ImportContext } from '@shared/exchange/import';
import type { PursuitDatabase } from '@renderer/db/database';
import { DEAL_CREATE_TABLES, insertDeal } from '@renderer/db/repositories/deals';
import { runWrite } from '@renderer/db/write';
import type { NewRecord, WriteEnv, Writer } from '@renderer/db/write';

/** What an import needs to know of the data now: names to resolve and codes already taken. */
export async function loadImportContext(
  db: PursuitDatabase,
): Promise<Omit<ImportContext, 'defaultOwnerId' | 'suggestCode'>> {
  return db.transaction(
    'r',
    [db.accounts, db.people, db.stages, db.deals, db.settings],
    async () => {
      const [accounts, people, stages, dealCodes, settings] = await Promise.all([
        db.accounts.toArray(),
        db.people.toArray(),
        db.stages.toArray(),
        // Codes of deals in the trash are taken too (a restore brings them back).
        db.deals.orderBy('code').keys(),
        db.settings.get(SETTINGS_ID),
      ]);
      return {
        accounts,
        people,
        stages,
        dealCodes: dealCodes.map(String),
        baseCurrency: settings?.baseCurrency ?? 'CNY',
      };
    },
  );
}

function accountValues(name: string): NewRecord<'accounts'> {
  return {
    name,
    shortName: '',
    industry: 'other',
    tier: 'standard',
    region: '',
    website: '',
    ownerId: null,
    potential: null,
    notes: '',
    tags: [],
  };
}

function insertAccount(writer: Writer, values: NewRecord<'accounts'>): Promise<Account> {
  return writer.insert('accounts', values, values.name);
}

/**
 * Imports checked account rows in one transaction: all of them or, if any is refused, none.
 * Each is in the activity trail; one Undo takes the whole import back.
 */
export async function importAccounts(
  db: PursuitDatabase,
  env: WriteEnv,
  drafts: readonly AccountDraft[],
  subject: string,
): Promise<number> {
  return runWrite(
    db,
    env,
    ['accounts'],
    async (writer) => {
      writer.subject = subject;
      for (const { row: _row, ...fields } of drafts) {
        await insertAccount(writer, { ...accountValues(fields.name), ...fields });
      }
      return drafts.length;
    },
    { undoAction: 'create' },
  );
}

/**
 * Imports checked deal rows in one transaction, first creating the accounts the sheet names that
 * do not exist yet. Each deal is created as the deal form creates one (its stage's milestones and
 * gates included). All or nothing; in the activity trail; one Undo takes it all back.
 */
export async function importDeals(
  db: PursuitDatabase,
  env: WriteEnv,
  drafts: readonly DealDraft[],
  newAccounts: readonly string[],
  today: PlanDate,
  subject: string,
): Promise<number> {
  return runWrite(
    db,
    env,
    [...DEAL_CREATE_TABLES, 'accounts'],
    async (writer) => {
      writer.subject = subject;
      const created = new Map<string, AccountId>();
      for (const name of newAccounts) {
        const account = await insertAccount(writer, accountValues(name));
        created.set(name, account.id);
      }
      for (const draft of drafts) {
        const accountId =
          draft.account.kind === 'existing' ? draft.account.id : created.get(draft.account.name);
        if (accountId === undefined) {
          throw new Error(`Row ${draft.row}: the account ${draft.account.name} was not created`);
        }
        await insertDeal(
          db,
          writer,
          {
            code: draft.code,
            name: draft.name,
            description: draft.description,
            accountId,
            ownerId: draft.ownerId,
            value: draft.value,
            expectedMarginPct: 0,
            stageId: draft.stageId,
            pwin: draft.pwin,
            keyDates: {
              kickoff: null,
              rfpRelease: null,
              questionsDue: null,
              submissionDue: draft.submissionDue,
              expectedAward: draft.expectedAward,
              contractStart: null,
            },
            tags: draft.tags,
          },
          today,
        );
      }
      return drafts.length;
    },
    { undoAction: 'create' },
  );
}
