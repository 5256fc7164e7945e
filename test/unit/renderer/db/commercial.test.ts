import { beforeEach, describe, expect, it } from 'vitest';
import { createDeal } from '@renderer/db/repositories/deals';
import {
  ContractFileTooLargeError,
  ContractNotAllowedError,
  createContract,
  readContractFile,
  savePriceToWin,
  updateContract,
} from '@renderer/db/repositories/commercial';
import { undoStack } from '@renderer/db/undo';
import { CONTRACT_FILE_MAX_BYTES } from '@shared/domain/commercial';
import { parsePlanDate } from '@shared/domain/dates';
import { DEFAULT_STAGE_IDS } from '@shared/domain/defaults';
import { money } from '@shared/domain/money';
import { freshDatabase } from './helpers';

const TODAY = parsePlanDate('2026-11-02');
beforeEach(() => undoStack.clear());

const contract = {
  number: 'HT-2026-001',
  status: 'drafting' as const,
  signedDate: null,
  startDate: null,
  endDate: null,
  value: money(100_00, 'USD'),
  renewalDate: parsePlanDate('2027-01-01'),
};
// "%PDF-" in base64.
const pdf = {
  name: 'signed.pdf',
  mimeType: 'application/pdf',
  sizeBytes: 5,
  dataBase64: 'JVBERi0=',
};

describe('commercial repository', () => {
  it('refuses a contract before negotiation, stores one with its file in negotiation', async () => {
    const { db, env, dealInput } = await freshDatabase();
    const early = await createDeal(db, env, dealInput(), TODAY);
    await expect(createContract(db, env, early.id, contract, null)).rejects.toBeInstanceOf(
      ContractNotAllowedError,
    );
    const late = await createDeal(
      db,
      env,
      dealInput({ code: 'BID-2026-002', stageId: DEFAULT_STAGE_IDS.negotiation }),
      TODAY,
    );
    await expect(
      createContract(db, env, late.id, contract, {
        ...pdf,
        sizeBytes: CONTRACT_FILE_MAX_BYTES + 1,
      }),
    ).rejects.toBeInstanceOf(ContractFileTooLargeError);
    expect(await db.contracts.count()).toBe(0);
    const saved = await createContract(db, env, late.id, contract, pdf);
    expect(saved.fileId).not.toBeNull();
    if (saved.fileId === null) return;
    expect((await readContractFile(db, saved.fileId))?.dataBase64).toBe('JVBERi0=');
    const signed = await updateContract(db, env, saved.id, saved.rev, {
      status: 'signed',
      signedDate: TODAY,
    });
    expect(signed.status).toBe('signed');
    const trail = await db.activities.where('dealId').equals(late.id).toArray();
    expect(trail.some((a) => a.details.includes('status: drafting → signed'))).toBe(true);
    // Removing the attachment soft-deletes the stored file.
    const cleared = await updateContract(db, env, signed.id, signed.rev, {}, null);
    expect(cleared.fileId).toBeNull();
    expect(await readContractFile(db, saved.fileId)).toBeNull();
  });

  it('saves price-to-win once per deal and refuses a stale second create', async () => {
    const { db, env, dealInput } = await freshDatabase();
    const deal = await createDeal(db, env, dealInput(), TODAY);
    const first = await savePriceToWin(db, env, deal.id, null, {
      budget: money(500_00, 'USD'),
      competitors: [],
    });
    await expect(
      savePriceToWin(db, env, deal.id, null, { budget: null, competitors: [] }),
    ).rejects.toThrow();
    const second = await savePriceToWin(db, env, deal.id, first, { budget: null, competitors: [] });
    expect(second.budget).toBeNull();
    expect(second.rev).toBe(2);
  });
});
