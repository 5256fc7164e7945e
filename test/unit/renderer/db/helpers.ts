import { PursuitDatabase } from '@renderer/db/database';
import { ensureDefaults } from '@renderer/db/repositories/setup';
import { createAccount } from '@renderer/db/repositories/accounts';
import { createPerson } from '@renderer/db/repositories/people';
import type { DealInput } from '@renderer/db/repositories/deals';
import type { WriteEnv } from '@renderer/db/write';
import { DEFAULT_ROLE_IDS, DEFAULT_STAGE_IDS } from '@shared/domain/defaults';
import { parsePlanDate } from '@shared/domain/dates';
import { money } from '@shared/domain/money';
import { TABLE_NAMES } from '@shared/domain/tables';
import type { Portfolio } from '@shared/domain/tables';
import { replaceAllData } from '@renderer/db/repositories/portfolio-load';

let dbCounter = 0;

/** A fresh database holding `portfolio`, loaded the way the sample is. */
export async function databaseWith(portfolio: Portfolio): Promise<PursuitDatabase> {
  const db = new PursuitDatabase(`pursuit-test-portfolio-${++dbCounter}`);
  await replaceAllData(db, portfolio);
  return db;
}

/** Each table of `portfolio` sorted by id: IndexedDB hands rows back in primary-key order. */
export function byId(portfolio: Portfolio): Record<string, unknown[]> {
  return Object.fromEntries(
    TABLE_NAMES.map((name) => [
      name,
      [...portfolio[name]].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    ]),
  );
}

/** A test clock and id source: time advances one second per write, ids count up. */
export function testEnv(
  start = Date.UTC(2026, 10, 2, 9),
): WriteEnv & { tick: (ms: number) => void } {
  let now = start;
  let ids = 0;
  return {
    now: () => (now += 1_000),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    actorId: null,
    tick: (ms: number) => {
      now += ms;
    },
  };
}

/** A fresh database with the defaults, one account and one person. */
export async function freshDatabase() {
  const db = new PursuitDatabase(`pursuit-test-${++dbCounter}`);
  const env = testEnv();
  await ensureDefaults(db, env.now(), 'en');
  const account = await createAccount(db, env, { name: 'State Grid Jiangsu', industry: 'energy' });
  const owner = await createPerson(db, env, {
    name: 'Li Na',
    roleIds: [DEFAULT_ROLE_IDS.account_executive],
    costRate: money(50_000, 'USD'),
  });
  const dealInput = (overrides: Partial<DealInput> = {}): DealInput => ({
    code: 'BID-2026-001',
    name: 'Substation monitoring',
    description: '',
    accountId: account.id,
    ownerId: owner.id,
    value: money(1_250_000_00, 'USD'),
    expectedMarginPct: 22,
    stageId: DEFAULT_STAGE_IDS.qualify,
    pwin: 20,
    keyDates: {
      kickoff: parsePlanDate('2026-11-02'),
      rfpRelease: null,
      questionsDue: null,
      submissionDue: parsePlanDate('2027-01-15'),
      expectedAward: parsePlanDate('2027-03-01'),
      contractStart: null,
    },
    tags: [],
    ...overrides,
  });
  return { db, env, account, owner, dealInput };
}
