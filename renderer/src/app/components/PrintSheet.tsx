import { useState } from 'react';
import type { HTMLAttributes, ReactNode } from 'react';
import { App, Button, Flex, Modal, Segmented, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PdfPageSize } from '@shared/ipc/contract';
import { PDF_PAGE_SIZES } from '@shared/ipc/contract';
import { getPlatform } from '@renderer/platform/getPlatform';
import '@renderer/app/components/PrintSheet.css';

/** The class on `<body>` while a sheet prints: the print stylesheet then shows the sheet only. */
export const PRINTING_SHEET_CLASS = 'printing-sheet';

/** Sets the printed page's size and margins while a sheet prints (CSS `@page`). */
function setPageStyle(paper: PdfPageSize): () => void {
  const style = document.createElement('style');
  style.textContent = `@page { size: ${paper === 'A4' ? 'A4' : 'letter'} portrait; margin: 14mm 12mm; }`;
  document.head.append(style);
  document.body.classList.add(PRINTING_SHEET_CLASS);
  return () => {
    style.remove();
    document.body.classList.remove(PRINTING_SHEET_CLASS);
  };
}

interface PrintSheetProps extends HTMLAttributes<HTMLElement> {
  readonly paper: PdfPageSize;
  /** The feature's own class, for its typography and layout. */
  readonly className: string;
  readonly children: ReactNode;
}

/**
 * A document laid out for paper (A4 or Letter): white, at most the printable width, and, while it
 * prints, the only thing on the page (see `PrintSheet.css`).
 */
export function PrintSheet({ paper, className, children, ...rest }: PrintSheetProps) {
  return (
    <article {...rest} className={`print-sheet ${className} paper-${paper}`}>
      {children}
    </article>
  );
}

interface PrintSheetDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly title: ReactNode;
  readonly width: number;
  /** The file name offered when saving; null while the document is not ready to print. */
  readonly fileName: string | null;
  /** What to say once saved, and when printing failed (the feature names its document). */
  readonly printed: (file: string) => string;
  readonly printFailed: (message: string) => string;
  /** The sheet for the chosen paper (rendered only while the dialog is open). */
  readonly children: (paper: PdfPageSize) => ReactNode;
}

/**
 * A dialog showing a printable sheet with a choice of paper; "Save as PDF" on the desktop (through
 * the `printToPdf` bridge), the browser's print dialog in the browser build.
 */
export function PrintSheetDialog({
  open,
  onClose,
  title,
  width,
  fileName,
  printed,
  printFailed,
  children,
}: PrintSheetDialogProps) {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const [paper, setPaper] = useState<PdfPageSize>('A4');
  const [printing, setPrinting] = useState(false);

  const print = async () => {
    if (fileName === null) return;
    setPrinting(true);
    const restore = setPageStyle(paper);
    try {
      const outcome = await getPlatform().printToPdf({
        suggestedName: fileName,
        pageSize: paper,
        landscape: false,
      });
      if (outcome.status === 'saved') message.success(printed(outcome.fileName));
    } catch (error) {
      message.error(printFailed(error instanceof Error ? error.message : String(error)));
    } finally {
      window.setTimeout(restore, 1_000);
      setPrinting(false);
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={width}
      title={title}
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Flex align="center" gap={8}>
            <Typography.Text id="print-sheet-paper">{t('printSheet.paper')}</Typography.Text>
            <Segmented<PdfPageSize>
              aria-labelledby="print-sheet-paper"
              value={paper}
              onChange={setPaper}
              options={PDF_PAGE_SIZES.map((size) => ({ value: size, label: size }))}
            />
          </Flex>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('printSheet.close')}</Button>
            <Button
              type="primary"
              icon={<FilePdfOutlined aria-hidden />}
              loading={printing}
              disabled={fileName === null}
              onClick={() => void print()}
            >
              {getPlatform().kind === 'desktop' ? t('printSheet.save') : t('printSheet.print')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      {open && children(paper)}
    </Modal>
  );
}
