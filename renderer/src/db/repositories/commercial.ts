import type {
  CompetitorPrice,
  Contract,
  ContractFile,
  ContractFileId,
  ContractId,
  ContractStatus,
  PriceToWin,
} from '@shared/domain/commercial';
import { CONTRACT_FILE_MAX_BYTES } from '@shared/domain/commercial';
import type { Deal } from '@shared/domain/deal';
import type { DealId } from '@shared/domain/ids';
import type { Money } from '@shared/domain/money';
import type { PursuitDatabase } from '@renderer/db/database';
import { NotFoundError, StaleRevisionError } from '@renderer/db/errors';
import { requireLiveDeal, unwrapNotFound } from '@renderer/db/repositories/deliverables';
import { runWrite } from '@renderer/db/write';
import type { WriteEnv, Writer } from '@renderer/db/write';

/**
 * Price-to-win (competitors' likely prices and the customer's budget, one record per deal) and
 * contracts with their signed copies. Every write is one transaction through `runWrite`.
 */

/** What the Commercial tab edits of a deal's price-to-win. */
export interface PriceToWinInput {
  readonly budget: Money | null;
  readonly competitors: readonly CompetitorPrice[];
}

/**
 * Saves the deal's price-to-win: creates the record on the first save (`expectedRev` null),
 * else replaces its budget and competitors if nobody changed it since `expectedRev`.
 */
export function savePriceToWin(
  db: PursuitDatabase,
  env: WriteEnv,
  dealId: DealId,
  expected: Pick<PriceToWin, 'id' | 'rev'> | null,
  input: PriceToWinInput,
): Promise<PriceToWin> {
  return runWrite(
    db,
    env,
    ['deals', 'priceToWin'],
    async (writer) => {
      const deal = await requireLiveDeal(writer, dealId);
      writer.subject = deal.code;
      const values = { budget: input.budget, competitors: [...input.competitors] };
      if (expected === null) {
        const existing = await db.priceToWin.where('dealId').equals(dealId).first();
        if (existing !== undefined)
          throw new StaleRevisionError('priceToWin', existing.id, 0, existing.rev);
        return writer.insert('priceToWin', { dealId, ...values }, deal.code);
      }
      return writer.update('priceToWin', expected.id, expected.rev, values, deal.code);
    },
    { undoAction: 'update' },
  ).catch(unwrapNotFound);
}

/** A contract is recorded for a won deal or one in negotiation; this deal is neither. */
export class ContractNotAllowedError extends Error {
  override readonly name = 'ContractNotAllowedError';
  constructor(readonly code: string) {
    super(`Deal ${code} is neither won nor in negotiation`);
  }
}

/** The attached file is larger than Pursuit keeps. */
export class ContractFileTooLargeError extends Error {
  override readonly name = 'ContractFileTooLargeError';
  constructor(readonly sizeBytes: number) {
    super(`The file is ${sizeBytes} bytes; at most ${CONTRACT_FILE_MAX_BYTES} are kept`);
  }
}

/** Whether a deal may have contracts: won, or open in the negotiation stage. */
export function contractsAllowed(deal: Pick<Deal, 'status'>, stageKey: string | null): boolean {
  return deal.status === 'won' || (deal.status === 'open' && stageKey === 'negotiation');
}

function requireContractDeal(writer: Writer, dealId: DealId) {
  return requireLiveDeal(writer, dealId).then((deal) =>
    writer.get('stages', deal.stageId).then((stage) => {
      if (!contractsAllowed(deal, stage?.key ?? null)) throw new ContractNotAllowedError(deal.code);
      return deal;
    }),
  );
}

export type ContractInput = Omit<
  Contract,
  'id' | 'createdAt' | 'updatedAt' | 'rev' | 'deletedAt' | 'dealId' | 'fileId'
>;

/** A file the user picked, read as base64. */
export interface ContractFileInput {
  readonly name: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly dataBase64: string;
}

function statusDetails(before: ContractStatus | null, after: ContractStatus): string {
  return before === null || before === after ? '' : `status: ${before} → ${after}`;
}

/** Stores `file` for the contract and returns its id (the caller links it). */
function insertFile(
  writer: Writer,
  dealId: DealId,
  contractId: ContractId,
  file: ContractFileInput,
  summary: string,
) {
  if (file.sizeBytes > CONTRACT_FILE_MAX_BYTES) throw new ContractFileTooLargeError(file.sizeBytes);
  return writer.insert('contractFiles', { dealId, contractId, ...file }, summary);
}

/** Soft-deletes the contract's current file, if any. */
function dropFile(writer: Writer, fileId: ContractFileId | null, summary: string) {
  if (fileId === null) return Promise.resolve(undefined);
  return writer
    .get('contractFiles', fileId)
    .then((current) =>
      current === undefined || current.deletedAt !== null
        ? undefined
        : writer
            .update(
              'contractFiles',
              fileId,
              current.rev,
              { deletedAt: writer.at },
              summary,
              'delete',
            )
            .then(() => undefined),
    );
}

/** Records a contract (with its signed copy when given) for a won deal or one in negotiation. */
export function createContract(
  db: PursuitDatabase,
  env: WriteEnv,
  dealId: DealId,
  input: ContractInput,
  file: ContractFileInput | null,
): Promise<Contract> {
  return runWrite(
    db,
    env,
    ['deals', 'stages', 'contracts', 'contractFiles'],
    async (writer) => {
      const deal = await requireContractDeal(writer, dealId);
      writer.subject = `${deal.code} ${input.number}`;
      const contract = await writer.insert(
        'contracts',
        { ...input, dealId, fileId: null },
        writer.subject,
      );
      if (file === null) return contract;
      const stored = await insertFile(writer, dealId, contract.id, file, writer.subject);
      return writer.update(
        'contracts',
        contract.id,
        contract.rev,
        { fileId: stored.id },
        writer.subject,
      );
    },
    { undoAction: 'create' },
  ).catch(unwrapNotFound);
}

/**
 * Changes a contract. `file`: undefined keeps the attachment, null removes it, a file replaces
 * it. A status change is named in the trail entry's details, besides the field change.
 */
export function updateContract(
  db: PursuitDatabase,
  env: WriteEnv,
  id: ContractId,
  expectedRev: number,
  patch: Partial<ContractInput>,
  file?: ContractFileInput | null,
): Promise<Contract> {
  return runWrite(
    db,
    env,
    ['deals', 'stages', 'contracts', 'contractFiles'],
    async (writer) => {
      const current = await writer.require('contracts', id);
      if (current.deletedAt !== null) throw new NotFoundError('contracts', id);
      const deal = await requireLiveDeal(writer, current.dealId);
      writer.subject = `${deal.code} ${patch.number ?? current.number}`;
      let fileId = current.fileId;
      if (file !== undefined) {
        await dropFile(writer, current.fileId, writer.subject);
        fileId = null;
        if (file !== null) {
          fileId = (await insertFile(writer, current.dealId, id, file, writer.subject)).id;
        }
      }
      return writer.update(
        'contracts',
        id,
        expectedRev,
        { ...patch, fileId },
        writer.subject,
        'update',
        statusDetails(current.status, patch.status ?? current.status),
      );
    },
    { undoAction: 'update' },
  ).catch(unwrapNotFound);
}

/** Soft-deletes a contract and its file (Undo brings both back). */
export function deleteContract(
  db: PursuitDatabase,
  env: WriteEnv,
  id: ContractId,
  expectedRev: number,
): Promise<Contract> {
  return runWrite(
    db,
    env,
    ['deals', 'contracts', 'contractFiles'],
    async (writer) => {
      const current = await writer.require('contracts', id);
      const deal = await writer.require('deals', current.dealId);
      writer.subject = `${deal.code} ${current.number}`;
      await dropFile(writer, current.fileId, writer.subject);
      return writer.update(
        'contracts',
        id,
        expectedRev,
        { deletedAt: writer.at },
        writer.subject,
        'delete',
      );
    },
    { undoAction: 'delete' },
  ).catch(unwrapNotFound);
}

/** The stored file of a contract, to open or download; null when it is gone. */
export async function readContractFile(
  db: PursuitDatabase,
  id: ContractFileId,
): Promise<ContractFile | null> {
  const file = await db.contractFiles.get(id);
  return file === undefined || file.deletedAt !== null ? null : file;
}
