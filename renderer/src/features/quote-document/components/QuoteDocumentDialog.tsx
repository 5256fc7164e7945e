import { Alert, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuoteId } from '@shared/domain/quote';
import { exportFileName } from '@shared/export/milestone-calendar';
import type { PdfPageSize } from '@shared/ipc/contract';
import { PrintSheetDialog } from '@renderer/app/components/PrintSheet';
import { useQuoteDocument } from '@renderer/features/quote-document/hooks/useQuoteDocument';
import type { QuoteDocumentState } from '@renderer/features/quote-document/hooks/useQuoteDocument';
import { QuoteSheet } from '@renderer/features/quote-document/components/QuoteSheet';

interface QuoteDocumentDialogProps {
  readonly quoteId: QuoteId;
  readonly open: boolean;
  readonly onClose: () => void;
}

/**
 * The quote version as the customer receives it, in the user's language and laid out for A4 or
 * Letter: company header, customer, quote number and date, the sections and lines, totals with
 * tax by rate, validity and terms. Saved as a PDF on the desktop; the browser build prints it.
 * The document is read only while the dialog is open.
 */
export function QuoteDocumentDialog({ quoteId, open, onClose }: QuoteDocumentDialogProps) {
  const { t } = useTranslation('quoteDocument');
  const state = useQuoteDocument(open ? quoteId : null);
  return (
    <PrintSheetDialog
      open={open}
      onClose={onClose}
      width={920}
      title={t('dialog.title')}
      fileName={
        state.status === 'ready'
          ? exportFileName(state.document.number, 'quote', state.document.issuedOn, 'pdf')
          : null
      }
      printed={(file) => t('dialog.printed', { file })}
      printFailed={(message) => t('dialog.printFailed', { message })}
    >
      {(paper) => <DialogBody state={state} paper={paper} />}
    </PrintSheetDialog>
  );
}

function DialogBody({ state, paper }: { state: QuoteDocumentState; paper: PdfPageSize }) {
  const { t } = useTranslation('quoteDocument');
  switch (state.status) {
    case 'loading':
      return (
        <Flex justify="center" style={{ padding: 48 }} aria-busy="true">
          <Spin aria-label={t('dialog.loading')} />
        </Flex>
      );
    case 'missing':
      return <Alert type="warning" showIcon title={t('dialog.missing')} />;
    case 'currency':
      return (
        <Alert
          type="error"
          showIcon
          title={t('dialog.currencyProblem', {
            currency: state.lineCurrency,
            quoteCurrency: state.quoteCurrency,
          })}
        />
      );
    case 'ready':
      return (
        <Flex vertical gap={12}>
          {state.document.company.name.trim() === '' && (
            <Alert type="info" showIcon title={t('dialog.noCompany')} />
          )}
          <QuoteSheet document={state.document} paper={paper} />
        </Flex>
      );
  }
}
