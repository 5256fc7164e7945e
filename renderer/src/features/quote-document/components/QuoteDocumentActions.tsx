import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Space } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { DealId } from '@shared/domain/ids';
import type { Quote } from '@shared/domain/quote';
import { exportFileName } from '@shared/export/milestone-calendar';
import { quoteSheet } from '@shared/export/quote-sheet';
import { useDealCurrentQuote } from '@renderer/db/hooks/quotes';
import { useFormat } from '@renderer/i18n/useFormat';
import { useSaveExport } from '@renderer/features/exchange/hooks/useSaveExport';
import { useLoadQuoteDocument } from '@renderer/features/quote-document/hooks/useQuoteDocument';
import { QuoteDocumentDialog } from '@renderer/features/quote-document/components/QuoteDocumentDialog';
import { ratePercent } from '@renderer/features/quote-document/components/QuoteSheet';
import { quoteWorkbook } from '@renderer/features/quote-document/utils/quoteXlsx';

/**
 * "Quote PDF" opens the quote version's document (to print or save as PDF); "Quote XLSX" saves it
 * as a workbook for the customer's procurement team. For the Quote tab and the deal header, so
 * the document (deal, account, settings, quote) is read only when the user opens or exports it.
 */
export function QuoteDocumentActions({ quote }: { quote: Pick<Quote, 'id' | 'version'> }) {
  const { t } = useTranslation('quoteDocument');
  const { message } = App.useApp();
  const format = useFormat();
  const save = useSaveExport();
  const load = useLoadQuoteDocument();
  const [open, setOpen] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const state = await load(quote.id);
      if (state.status === 'currency') {
        message.error(
          t('dialog.currencyProblem', {
            currency: state.lineCurrency,
            quoteCurrency: state.quoteCurrency,
          }),
        );
        return;
      }
      if (state.status !== 'ready') {
        message.error(t('dialog.missing'));
        return;
      }
      const doc = state.document;
      const rows = quoteSheet({
        document: doc,
        label: (key) => t(`doc.${key}`),
        date: (day) => format.date(day),
        taxRateLabel: (bp) => t('doc.taxAtRateShort', { rate: ratePercent(format, bp) }),
        subtotalLabel: (section) => t('doc.subtotal', { section }),
        noDate: t('doc.noValidity'),
      });
      const content = await quoteWorkbook(t('xlsx.sheet'), rows, doc.currency);
      await save(
        {
          suggestedName: exportFileName(doc.number, 'quote', doc.issuedOn, 'xlsx'),
          content,
          filters: [{ name: t('xlsx.fileType'), extensions: ['xlsx'] }],
        },
        {
          saved: (file) => t('xlsx.saved', { file }),
          downloaded: (file) => t('xlsx.downloaded', { file }),
        },
      );
    } catch (error) {
      message.error(
        t('xlsx.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space size={8} wrap>
      <Button
        icon={<FilePdfOutlined aria-hidden />}
        title={t('actions.pdfLabel', { version: quote.version })}
        onClick={() => setOpen(true)}
      >
        {t('actions.pdf')}
      </Button>
      <Button
        icon={<FileExcelOutlined aria-hidden />}
        title={t('actions.xlsxLabel', { version: quote.version })}
        loading={exporting}
        onClick={() => void exportXlsx()}
      >
        {t('actions.xlsx')}
      </Button>
      <QuoteDocumentDialog quoteId={quote.id} open={open} onClose={() => setOpen(false)} />
    </Space>
  );
}

/** The document actions of the deal's current quote version; nothing when it has no quote. */
export function DealQuoteDocumentActions({ dealId }: { dealId: DealId }) {
  const quote = useDealCurrentQuote(dealId);
  if (quote === undefined || quote === null) return null;
  return <QuoteDocumentActions quote={quote} />;
}
