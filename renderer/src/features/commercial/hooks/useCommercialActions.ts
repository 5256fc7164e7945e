import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract, ContractFileId, PriceToWin } from '@shared/domain/commercial';
import type { DealId } from '@shared/domain/ids';
import { useWriteFeedback } from '@renderer/app/hooks/useWriteFeedback';
import { useDatabaseContext } from '@renderer/db/context';
import {
  ContractNotAllowedError,
  createContract,
  deleteContract,
  readContractFile,
  savePriceToWin,
  updateContract,
} from '@renderer/db/repositories/commercial';
import type {
  ContractFileInput,
  ContractInput,
  PriceToWinInput,
} from '@renderer/db/repositories/commercial';
import { DealInTrashError } from '@renderer/db/repositories/deliverables';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';

/**
 * Price-to-win and contract commands. Each says what happened in the user's language and offers
 * Undo; a failed write changed nothing and is rethrown, so a form keeps its values.
 */
export function useCommercialActions() {
  const { db, env } = useDatabaseContext();
  const { t } = useTranslation('commercial');
  const feedback = useWriteFeedback();
  const { undo } = useDealActions();

  return useMemo(() => {
    const specific = (error: unknown): string | null => {
      if (error instanceof ContractNotAllowedError)
        return t('contracts.notAllowed', { code: error.code });
      if (error instanceof DealInTrashError) return t('dealInTrash', { code: error.code });
      return null;
    };
    const report = (error: unknown): never => feedback.fail(error, specific);
    return {
      async savePriceToWin(
        dealId: DealId,
        current: PriceToWin | null,
        input: PriceToWinInput,
      ): Promise<PriceToWin> {
        const saved = await savePriceToWin(db, env, dealId, current, input).catch(report);
        feedback.withUndo(`ptw-${dealId}`, t('ptw.saved'), undo);
        return saved;
      },
      async addContract(dealId: DealId, input: ContractInput, file: ContractFileInput | null) {
        const saved = await createContract(db, env, dealId, input, file).catch(report);
        feedback.withUndo(
          `contract-${saved.id}`,
          t('contracts.added', { number: saved.number }),
          undo,
        );
        return saved;
      },
      async updateContract(
        contract: Contract,
        patch: Partial<ContractInput>,
        file?: ContractFileInput | null,
      ) {
        const saved = await updateContract(db, env, contract.id, contract.rev, patch, file).catch(
          report,
        );
        feedback.withUndo(
          `contract-${saved.id}`,
          t('contracts.saved', { number: saved.number }),
          undo,
        );
        return saved;
      },
      async deleteContract(contract: Contract) {
        await deleteContract(db, env, contract.id, contract.rev).catch(report);
        feedback.withUndo(
          `contract-${contract.id}`,
          t('contracts.deleted', { number: contract.number }),
          undo,
        );
      },
      readFile(id: ContractFileId) {
        return readContractFile(db, id);
      },
    };
  }, [db, env, t, feedback, undo]);
}
