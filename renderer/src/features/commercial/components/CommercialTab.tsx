import { useTranslation } from 'react-i18next';
import { Flex, Spin } from 'antd';
import { quoteFigures } from '@shared/quote/compute';
import type { Money } from '@shared/domain/money';
import type { DealTabProps } from '@renderer/features/deal/tabs';
import { useDealContracts, usePriceToWin } from '@renderer/db/hooks/commercial';
import { useDealCurrentQuote } from '@renderer/db/hooks/quotes';
import { useSettings, useStages } from '@renderer/db/hooks/queries';
import { contractsAllowed } from '@renderer/db/repositories/commercial';
import { ContractsCard } from '@renderer/features/commercial/components/ContractsCard';
import { PriceToWinCard } from '@renderer/features/commercial/components/PriceToWinCard';

/**
 * A deal's commercial position: price to win (competitors, budget, where our current quote sits)
 * and, once won or in negotiation, its contracts.
 */
export default function CommercialTab({ deal }: DealTabProps) {
  const { t } = useTranslation('commercial');
  const quote = useDealCurrentQuote(deal.id);
  const record = usePriceToWin(deal.id);
  const contracts = useDealContracts(deal.id);
  const settings = useSettings();
  const stages = useStages();
  if (
    quote === undefined ||
    record === undefined ||
    contracts === undefined ||
    settings === undefined ||
    stages === undefined
  )
    return <Spin aria-label={t('tab')} />;

  let ours: Money | null = null;
  if (quote !== null) {
    try {
      ours = quoteFigures(quote.sections, quote.currency, {
        level: settings.quoteRounding,
        mode: settings.roundingMode,
      }).totals.total;
    } catch {
      // A line in another currency: the quote has no total to compare.
      ours = null;
    }
  }
  const stageKey = stages.find((stage) => stage.id === deal.stageId)?.key ?? null;
  return (
    <Flex vertical gap={16}>
      <PriceToWinCard deal={deal} record={record} quote={quote} ours={ours} />
      <ContractsCard
        deal={deal}
        contracts={contracts}
        allowed={deal.deletedAt === null && contractsAllowed(deal, stageKey)}
      />
    </Flex>
  );
}
