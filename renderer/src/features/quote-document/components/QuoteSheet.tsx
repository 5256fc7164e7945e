import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '@shared/domain/money';
import { minorDigits } from '@shared/domain/money';
import { minorToDecimalString } from '@shared/format/money';
import type { PdfPageSize } from '@shared/ipc/contract';
import type { QuoteDocument } from '@shared/quote/document';
import { useFormat } from '@renderer/i18n/useFormat';
import type { Formatters } from '@renderer/i18n/useFormat';
import { PrintSheet } from '@renderer/app/components/PrintSheet';
import '@renderer/features/quote-document/components/QuoteDocument.css';

/** The line table's columns: heading, width (percent of the page) and alignment. */
const COLUMNS = [
  { key: 'lineNumber', width: 5, numeric: false },
  { key: 'description', width: 24, numeric: false },
  { key: 'quantity', width: 6, numeric: true },
  { key: 'unit', width: 8, numeric: false },
  { key: 'unitPrice', width: 11, numeric: true },
  { key: 'discount', width: 6, numeric: true },
  { key: 'net', width: 11, numeric: true },
  { key: 'taxRate', width: 6, numeric: true },
  { key: 'tax', width: 10, numeric: true },
  { key: 'total', width: 13, numeric: true },
] as const;

/** A rate in basis points as a percentage: whole percents without decimals (13%, 12.5%). */
export function ratePercent(format: Formatters, bp: number): string {
  return format.percent(bp / 10_000, bp % 100 === 0 ? 0 : 2);
}

/** An amount in the table: the currency's decimals, without its symbol (the header names it). */
function amount(format: Formatters, value: Money): string {
  const digits = minorDigits(value.currency);
  return format.number(Number(minorToDecimalString(value.amountMinor, value.currency)), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/**
 * The printable quote: one table for every section, so its column headings repeat at the top of
 * each printed page however many lines the quote has. Every text shown is data (React escapes it).
 */
export function QuoteSheet({
  document: doc,
  paper,
}: {
  document: QuoteDocument;
  paper: PdfPageSize;
}) {
  const { t } = useTranslation('quoteDocument');
  const format = useFormat();
  const money = (value: Money) => format.money(value.amountMinor, value.currency);
  const showDraft = doc.status === 'draft' || doc.status === 'internal_review';

  return (
    <PrintSheet
      paper={paper}
      className="quote-document-sheet"
      aria-label={t('dialog.title')}
      data-ready="true"
      lang={format.locale}
    >
      <header className="qd-head">
        <div className="qd-company">
          <div className="qd-company-name">{doc.company.name}</div>
          {doc.company.address !== '' && <div className="qd-muted">{doc.company.address}</div>}
        </div>
        <div>
          <h1>{t('doc.title')}</h1>
          {showDraft && <div className="qd-draft">{t('doc.draftMark')}</div>}
        </div>
      </header>
      <dl className="qd-facts">
        <div>
          <dt>{t('doc.customer')}</dt>
          <dd data-field="customer">{doc.customer.name}</dd>
        </div>
        <div>
          <dt>{t('doc.number')}</dt>
          <dd data-field="number">{doc.number}</dd>
        </div>
        <div>
          <dt>{t('doc.project')}</dt>
          <dd>{doc.dealName}</dd>
        </div>
        <div>
          <dt>{t('doc.issuedOn')}</dt>
          <dd>{format.date(doc.issuedOn)}</dd>
        </div>
        <div>
          <dt>{t('doc.validUntil')}</dt>
          <dd>{doc.validUntil === null ? t('doc.noValidity') : format.date(doc.validUntil)}</dd>
        </div>
        <div>
          <dt>{t('doc.currency')}</dt>
          <dd>{t('doc.amountsIn', { currency: doc.currency })}</dd>
        </div>
      </dl>

      {doc.lineCount === 0 ? (
        <p className="qd-muted">{t('doc.noLines')}</p>
      ) : (
        <table className="qd-lines">
          <colgroup>
            {COLUMNS.map(({ key, width }) => (
              <col key={key} style={{ width: `${width}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {COLUMNS.map(({ key, numeric }) => (
                <th key={key} scope="col" className={numeric ? 'qd-num' : undefined}>
                  {t(`doc.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          {doc.sections.map((section) => (
            <tbody key={section.id} data-section={section.id}>
              <tr className="qd-section">
                <th scope="rowgroup">{section.number}</th>
                <th scope="rowgroup" colSpan={9}>
                  {section.name}
                </th>
              </tr>
              {section.lines.map((line) => (
                <tr key={line.number} data-line={line.number}>
                  <td>{line.number}</td>
                  <td>
                    {line.code !== '' && <div className="qd-code">{line.code}</div>}
                    <div className="qd-description">{line.description}</div>
                  </td>
                  <td className="qd-num">
                    {format.number(line.quantity, { maximumFractionDigits: 3 })}
                  </td>
                  <td>{line.unit}</td>
                  <td className="qd-num">{amount(format, line.unitPrice)}</td>
                  <td className="qd-num">
                    {line.discountBp === 0 ? '' : ratePercent(format, line.discountBp)}
                  </td>
                  <td className="qd-num">{amount(format, line.net)}</td>
                  <td className="qd-num">{ratePercent(format, line.taxRateBp)}</td>
                  <td className="qd-num">{amount(format, line.tax)}</td>
                  <td className="qd-num">{amount(format, line.total)}</td>
                </tr>
              ))}
              <tr className="qd-subtotal">
                <td />
                <td colSpan={5}>{t('doc.subtotal', { section: section.name })}</td>
                <td className="qd-num">{amount(format, section.subtotal.net)}</td>
                <td />
                <td className="qd-num">{amount(format, section.subtotal.tax)}</td>
                <td className="qd-num">{amount(format, section.subtotal.total)}</td>
              </tr>
            </tbody>
          ))}
        </table>
      )}

      <table className="qd-totals" aria-label={t('doc.grandTotal')}>
        <tbody>
          {doc.totals.discount.amountMinor !== 0 && (
            <Fragment>
              <tr>
                <td>{t('doc.grossTotal')}</td>
                <td className="qd-num">{money(doc.totals.gross)}</td>
              </tr>
              <tr>
                <td>{t('doc.discountTotal')}</td>
                <td className="qd-num">
                  {money({ ...doc.totals.discount, amountMinor: -doc.totals.discount.amountMinor })}
                </td>
              </tr>
            </Fragment>
          )}
          <tr>
            <td>{t('doc.netTotal')}</td>
            <td className="qd-num" data-total="net">
              {money(doc.totals.net)}
            </td>
          </tr>
          {doc.taxRates.map((rate) => (
            <tr key={rate.rateBp}>
              <td>
                {t('doc.taxAtRate', {
                  rate: ratePercent(format, rate.rateBp),
                  net: money(rate.net),
                })}
              </td>
              <td className="qd-num">{money(rate.tax)}</td>
            </tr>
          ))}
          <tr>
            <td>{t('doc.taxTotal')}</td>
            <td className="qd-num" data-total="tax">
              {money(doc.totals.tax)}
            </td>
          </tr>
          <tr className="qd-grand">
            <td>{t('doc.grandTotal')}</td>
            <td className="qd-num" data-total="grand">
              {money(doc.totals.total)}
            </td>
          </tr>
        </tbody>
      </table>

      {doc.terms.trim() !== '' && (
        <section aria-label={t('doc.terms')}>
          <h2>{t('doc.terms')}</h2>
          <div className="qd-terms">{doc.terms}</div>
        </section>
      )}
    </PrintSheet>
  );
}
