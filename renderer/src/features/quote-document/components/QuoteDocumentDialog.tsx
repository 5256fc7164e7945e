import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Segmented, Spin, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { QuoteId } from '@shared/domain/quote';
import { exportFileName } from '@shared/export/milestone-calendar';
import type { PdfPageSize } from '@shared/ipc/contract';
import { PDF_PAGE_SIZES } from '@shared/ipc/contract';
import { getPlatform } from '@renderer/platform/getPlatform';
import { useQuoteDocument } from '@renderer/features/quote-document/hooks/useQuoteDocument';
import type { QuoteDocumentState } from '@renderer/features/quote-document/hooks/useQuoteDocument';
import { QuoteSheet } from '@renderer/features/quote-document/components/QuoteSheet';
import '@renderer/features/quote-document/components/QuoteDocument.css';

/** Sets the printed page's size and margins while the quote prints (CSS `@page`). */
function setPageStyle(paper: PdfPageSize): () => void {
  const style = document.createElement('style');
  style.textContent = `@page { size: ${paper === 'A4' ? 'A4' : 'letter'} portrait; margin: 14mm 12mm; }`;
  document.head.append(style);
  document.body.classList.add('printing-quote-document');
  return () => {
    style.remove();
    document.body.classList.remove('printing-quote-document');
  };
}

interface QuoteDocumentDialogProps {
  readonly quoteId: QuoteId;
  readonly open: boolean;
  readonly onClose: () => void;
}

/**
 * The quote version as the customer receives it, in the user's language and laid out for A4 or
 * Letter: company header, customer, quote number and date, the sections and lines, totals with
 * tax by rate, validity and terms. Saved as a PDF on the desktop; the browser build prints it.
 */
export function QuoteDocumentDialog({ quoteId, open, onClose }: QuoteDocumentDialogProps) {
  const { t } = useTranslation('quoteDocument');
  const { message } = App.useApp();
  const [paper, setPaper] = useState<PdfPageSize>('A4');
  const [printing, setPrinting] = useState(false);
  const state = useQuoteDocument(open ? quoteId : null);

  const print = async () => {
    if (state.status !== 'ready') return;
    setPrinting(true);
    const restore = setPageStyle(paper);
    try {
      const outcome = await getPlatform().printToPdf({
        suggestedName: exportFileName(
          state.document.number,
          'quote',
          state.document.issuedOn,
          'pdf',
        ),
        pageSize: paper,
        landscape: false,
      });
      if (outcome.status === 'saved')
        message.success(t('dialog.printed', { file: outcome.fileName }));
    } catch (error) {
      message.error(
        t('dialog.printFailed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    } finally {
      window.setTimeout(restore, 1_000);
      setPrinting(false);
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={920}
      title={t('dialog.title')}
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Flex align="center" gap={8}>
            <Typography.Text id="quote-document-paper">{t('dialog.paper')}</Typography.Text>
            <Segmented<PdfPageSize>
              aria-labelledby="quote-document-paper"
              value={paper}
              onChange={setPaper}
              options={PDF_PAGE_SIZES.map((size) => ({ value: size, label: size }))}
            />
          </Flex>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('dialog.close')}</Button>
            <Button
              type="primary"
              icon={<FilePdfOutlined aria-hidden />}
              loading={printing}
              disabled={state.status !== 'ready'}
              onClick={() => void print()}
            >
              {getPlatform().kind === 'desktop' ? t('dialog.print') : t('dialog.printBrowser')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      {open && <DialogBody state={state} paper={paper} />}
    </Modal>
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
