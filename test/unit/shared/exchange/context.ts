import type { AccountId, PersonId, StageId } from '@shared/domain/ids';
import type { ImportContext } from '@shared/exchange/import';

/** A small database to import against: two accounts, two people, three stages. */
export const ACCOUNT_A = '00000000-0000-4000-8000-00000000000a' as AccountId;
export const PERSON_LI = '00000000-0000-4000-8000-000000000101' as PersonId;
export const PERSON_ANN = '00000000-0000-4000-8000-000000000102' as PersonId;
export const STAGE_QUALIFY = '00000000-0000-4000-8000-000000000201' as StageId;
export const STAGE_PROPOSAL = '00000000-0000-4000-8000-000000000202' as StageId;
export const STAGE_WON = '00000000-0000-4000-8000-000000000203' as StageId;

export const CONTEXT: ImportContext = {
  accounts: [
    { id: ACCOUNT_A, name: '国家电网', deletedAt: null },
    { id: '00000000-0000-4000-8000-00000000000b' as AccountId, name: 'Gone Ltd', deletedAt: 5 },
  ],
  people: [
    { id: PERSON_LI, name: '李明', deletedAt: null },
    { id: PERSON_ANN, name: 'Ann Lee', deletedAt: null },
  ],
  stages: [
    {
      id: STAGE_PROPOSAL,
      key: 'proposal',
      name: { en: 'Proposal', zh: '方案' },
      order: 2,
      kind: 'open',
      defaultPwin: 40,
      deletedAt: null,
    },
    {
      id: STAGE_QUALIFY,
      key: 'qualify',
      name: { en: 'Qualify', zh: '资格评估' },
      order: 1,
      kind: 'open',
      defaultPwin: 10,
      deletedAt: null,
    },
    {
      id: STAGE_WON,
      key: 'won',
      name: { en: 'Won', zh: '赢单' },
      order: 9,
      kind: 'won',
      defaultPwin: 100,
      deletedAt: null,
    },
  ],
  dealCodes: ['BID-2026-001'],
  baseCurrency: 'CNY',
  defaultOwnerId: PERSON_LI,
  suggestCode: (taken) => {
    let n = 1;
    while (taken.includes(`IMP-${n}`)) n += 1;
    return `IMP-${n}`;
  },
};
