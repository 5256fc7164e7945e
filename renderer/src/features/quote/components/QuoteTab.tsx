import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { Alert, Button, Empty, Flex, Popconfirm, Select, Space, Spin, Tag, Tooltip } from 'antd';
import {
  CopyOutlined,
  DeleteOutlined,
  PlusOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { parsePlanDate } from '@shared/domain/dates';
import type { Quote, QuoteLine, QuoteSection, QuoteStatus } from '@shared/domain/quote';
import { isQuoteEditable } from '@shared/domain/quote';
import { allowedTransitions, currentQuote, blankLine, openRiskExposure } from '@shared/quote/build';
import type { QuoteRounding } from '@shared/quote/compute';
import { quoteFigures } from '@shared/quote/compute';
import {
  addLines,
  addSection,
  moveLine,
  removeLine,
  removeSection,
  renameSection,
  updateLine,
} from '@shared/quote/edit';
import type { DealTabProps } from '@renderer/features/deal/tabs';
import { useDealHealthInput } from '@renderer/db/hooks/health';
import { useRoles, useSettings } from '@renderer/db/hooks/queries';
import { useDealQuotes } from '@renderer/db/hooks/quotes';
import { useFormat } from '@renderer/i18n/useFormat';
import {
  ContingencyDialog,
  LaborDialog,
  PriceBookDialog,
} from '@renderer/features/quote/components/AddLinesDialogs';
import { LineDialog, NameDialog } from '@renderer/features/quote/components/LineDialog';
import { DetailsCard, TotalsPanel } from '@renderer/features/quote/components/QuoteSummary';
import { ScenariosPanel } from '@renderer/features/quote/components/ScenariosPanel';
import { SectionCard } from '@renderer/features/quote/components/SectionCard';
import { useQuoteActions } from '@renderer/features/quote/hooks/useQuoteActions';
import { QuoteDocumentActions } from '@renderer/features/quote-document/components/QuoteDocumentActions';

const STATUS_COLORS: Record<QuoteStatus, string> = {
  draft: 'default',
  internal_review: 'gold',
  sent: 'blue',
  accepted: 'green',
  superseded: 'default',
};

type LineEdit = { section: QuoteSection; line: QuoteLine; isNew: boolean } | null;
type NameEdit = { section: QuoteSection | null } | null;
type AddDialog = 'book' | 'labor' | 'contingency' | null;

/**
 * A deal's quote: its versions (draft → internal review → sent → accepted), the sections and
 * lines of the chosen version with their figures, totals, details and scenarios. Only a draft or
 * in-review version can change; every change is one write of the whole version, after which the
 * deal's value and expected margin follow the current version.
 */
export default function QuoteTab({ deal }: DealTabProps) {
  const { t } = useTranslation('quote');
  const format = useFormat();
  const records = useDealQuotes(deal.id);
  const roles = useRoles();
  const settings = useSettings();
  const today = useMemo(() => parsePlanDate(dayjs().format('YYYY-MM-DD')), []);
  const healthInput = useDealHealthInput(deal.id);
  const actions = useQuoteActions();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [lineEdit, setLineEdit] = useState<LineEdit>(null);
  const [nameEdit, setNameEdit] = useState<NameEdit>(null);
  const [addDialog, setAddDialog] = useState<AddDialog>(null);

  const quotes = records?.quotes;
  const current = useMemo(() => (quotes ? currentQuote(quotes) : null), [quotes]);
  const quote =
    quotes?.find((candidate) => candidate.id === selectedId) ?? current ?? quotes?.at(-1) ?? null;
  const rounding = useMemo<QuoteRounding>(
    () => ({
      level: settings?.quoteRounding ?? 'per_line',
      mode: settings?.roundingMode ?? 'half_up',
    }),
    [settings?.quoteRounding, settings?.roundingMode],
  );
  const figures = useMemo(
    () => (quote ? quoteFigures(quote.sections, quote.currency, rounding) : null),
    [quote, rounding],
  );
  const scenarioContext = useMemo(
    () =>
      quote && records
        ? {
            currency: quote.currency,
            rounding,
            exposure: openRiskExposure(records.risks, quote.currency),
            pwin: deal.pwin,
            contingencyLabel: t('contingency.label'),
          }
        : null,
    [quote, records, rounding, deal.pwin, t],
  );

  const saveSections = useCallback(
    (target: Quote, sections: QuoteSection[]) => actions.update(target, { sections }),
    [actions],
  );
  const onEditLine = useCallback(
    (line: QuoteLine) => {
      const section = quote?.sections.find((s) => s.lines.some((l) => l.id === line.id));
      if (section) setLineEdit({ section, line, isNew: false });
    },
    [quote],
  );
  const onAddLine = useCallback(
    (section: QuoteSection) => {
      if (quote)
        setLineEdit({ section, line: blankLine(crypto.randomUUID(), quote.currency), isNew: true });
    },
    [quote],
  );
  const onRemoveLine = useCallback(
    (line: QuoteLine) => {
      if (quote) void saveSections(quote, removeLine(quote.sections, line.id)).catch(() => {});
    },
    [quote, saveSections],
  );
  const onMoveLine = useCallback(
    (line: QuoteLine, offset: -1 | 1) => {
      if (quote)
        void saveSections(quote, moveLine(quote.sections, line.id, offset)).catch(() => {});
    },
    [quote, saveSections],
  );
  const onRename = useCallback((section: QuoteSection) => setNameEdit({ section }), []);
  const onRemoveSection = useCallback(
    (section: QuoteSection) => {
      if (quote)
        void saveSections(quote, removeSection(quote.sections, section.id)).catch(() => {});
    },
    [quote, saveSections],
  );

  if (!records || !roles || !settings) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin aria-label={t('loading')} />
      </Flex>
    );
  }

  const newQuote = async () => {
    const saved = await actions
      .create(deal.id, {
        name: t('actions.defaultName'),
        currency: deal.value.currency,
        sections: [],
        validUntil: null,
        terms: '',
        scenarios: [],
      })
      .catch(() => null);
    if (saved) setSelectedId(saved.id);
  };
  const copy = async (source: Quote) => {
    const saved = await actions.copy(source).catch(() => null);
    if (saved) setSelectedId(saved.id);
  };

  if (quote === null || figures === null || scenarioContext === null) {
    return (
      <Empty description={t('versions.empty')} style={{ padding: 48 }}>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void newQuote()}>
          {t('versions.newQuote')}
        </Button>
      </Empty>
    );
  }

  const editable = isQuoteEditable(quote);
  const statusText = (status: QuoteStatus) => t(`status.${status}`);
  const addTo = (sectionId: string, lines: QuoteLine[]) =>
    saveSections(quote, addLines(quote.sections, sectionId, lines));
  const marginText = format.percent(deal.expectedMarginPct / 100, 2);

  return (
    <Flex vertical gap={16} data-testid="quote-tab">
      <Flex gap={12} wrap align="center">
        <Select
          aria-label={t('versions.label')}
          data-testid="quote-version-select"
          style={{ minWidth: 320, maxWidth: 520 }}
          value={quote.id}
          onChange={(id: string) => setSelectedId(id)}
          labelRender={() => t('versions.option', { version: quote.version, name: quote.name })}
          options={records.quotes.map((version) => ({
            value: version.id,
            label: (
              <Space size={6}>
                <span>
                  {t('versions.option', { version: version.version, name: version.name })}
                </span>
                <Tag color={STATUS_COLORS[version.status]}>{statusText(version.status)}</Tag>
                {version.id === current?.id && <Tag color="purple">{t('versions.current')}</Tag>}
              </Space>
            ),
          }))}
        />
        {quote.id === current?.id && (
          <Tooltip title={t('versions.currentHelp')}>
            <Tag color="purple" data-testid="quote-current" tabIndex={0}>
              {t('versions.current')}
            </Tag>
          </Tooltip>
        )}
        <Tag color={STATUS_COLORS[quote.status]} data-testid="quote-status">
          {statusText(quote.status)}
        </Tag>
        <Space wrap>
          {allowedTransitions(quote.status).map((to) => (
            <Button
              key={to}
              type={to === 'sent' || to === 'accepted' ? 'primary' : 'default'}
              onClick={() => void actions.setStatus(quote, to).catch(() => {})}
            >
              {t(`transition.${to}`)}
            </Button>
          ))}
          <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy(quote)}>
            {t('versions.copy')}
          </Button>
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => void newQuote()}>
            {t('versions.newQuote')}
          </Button>
          <QuoteDocumentActions quote={quote} />
          {editable && (
            <Popconfirm
              title={t('versions.deleteConfirm', { version: quote.version })}
              onConfirm={() =>
                void actions
                  .remove(quote)
                  .then(() => setSelectedId(null))
                  .catch(() => {})
              }
            >
              <Button danger icon={<DeleteOutlined aria-hidden />}>
                {t('versions.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>

      {!editable && (
        <Alert
          type="info"
          showIcon
          data-testid="quote-locked"
          title={t('versions.locked', {
            version: quote.version,
            status:
              format.locale === 'en'
                ? statusText(quote.status).toLowerCase()
                : statusText(quote.status),
          })}
        />
      )}
      {current !== null &&
        (current.currency === deal.value.currency ? (
          <Alert
            type="success"
            data-testid="quote-deal-follows"
            title={t('versions.follows', {
              version: current.version,
              name: current.name,
              value: format.money(deal.value.amountMinor, deal.value.currency),
              margin: marginText,
            })}
          />
        ) : (
          <Alert
            type="warning"
            showIcon
            title={t('versions.otherCurrency', {
              quote: current.currency,
              deal: deal.value.currency,
            })}
          />
        ))}

      {editable && (
        <Space wrap>
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setNameEdit({ section: null })}
          >
            {t('sections.add')}
          </Button>
          <Button
            icon={<ShoppingCartOutlined aria-hidden />}
            disabled={quote.sections.length === 0}
            onClick={() => setAddDialog('book')}
          >
            {t('lines.addFromBook')}
          </Button>
          <Button
            icon={<TeamOutlined aria-hidden />}
            disabled={quote.sections.length === 0}
            onClick={() => setAddDialog('labor')}
          >
            {t('lines.addLabor')}
          </Button>
          <Button
            icon={<WarningOutlined aria-hidden />}
            disabled={quote.sections.length === 0}
            onClick={() => setAddDialog('contingency')}
          >
            {t('lines.addContingency')}
          </Button>
        </Space>
      )}

      {quote.sections.length === 0 ? (
        <Empty description={t('sections.empty')} />
      ) : (
        quote.sections.map((section, index) => (
          <SectionCard
            key={section.id}
            section={section}
            figures={figures.sections[index]}
            editable={editable}
            onAddLine={onAddLine}
            onEditLine={onEditLine}
            onRemoveLine={onRemoveLine}
            onMoveLine={onMoveLine}
            onRename={onRename}
            onRemove={onRemoveSection}
          />
        ))
      )}

      <TotalsPanel quote={quote} figures={figures} rounding={rounding} />
      <DetailsCard
        quote={quote}
        editable={editable}
        onSave={(patch) => actions.update(quote, patch, true)}
      />

      <ScenariosPanel
        quote={quote}
        editable={editable}
        context={scenarioContext}
        dealId={deal.id}
        healthInput={healthInput}
        today={today}
        onSave={(scenarios) => actions.update(quote, { scenarios })}
        onApply={async (scenario) => {
          const saved = await actions.applyScenario(quote, scenario);
          setSelectedId(saved.id);
        }}
      />

      <LineDialog
        line={lineEdit?.line ?? null}
        title={
          lineEdit?.isNew
            ? t('lines.dialog.addTitle', { section: lineEdit.section.name })
            : t('lines.dialog.editTitle')
        }
        currency={quote.currency}
        onClose={() => setLineEdit(null)}
        onSave={(line) =>
          lineEdit?.isNew
            ? addTo(lineEdit.section.id, [line])
            : saveSections(quote, updateLine(quote.sections, line.id, line))
        }
      />
      <NameDialog
        open={nameEdit !== null}
        title={
          nameEdit?.section
            ? t('sections.rename', { name: nameEdit.section.name })
            : t('sections.add')
        }
        label={t('sections.name')}
        initial={
          nameEdit?.section?.name ?? (quote.sections.length === 0 ? t('sections.defaultName') : '')
        }
        requiredMessage={t('sections.nameRequired')}
        onClose={() => setNameEdit(null)}
        onSave={(name) =>
          nameEdit?.section
            ? saveSections(quote, renameSection(quote.sections, nameEdit.section.id, name))
            : saveSections(
                quote,
                addSection(quote.sections, { id: crypto.randomUUID(), name, lines: [] }),
              )
        }
      />
      <PriceBookDialog
        open={addDialog === 'book'}
        sections={quote.sections}
        items={records.priceBook}
        today={today}
        onAdd={addTo}
        onClose={() => setAddDialog(null)}
      />
      <LaborDialog
        open={addDialog === 'labor'}
        sections={quote.sections}
        currency={quote.currency}
        roles={roles}
        onAdd={addTo}
        onClose={() => setAddDialog(null)}
      />
      <ContingencyDialog
        open={addDialog === 'contingency'}
        sections={quote.sections}
        currency={quote.currency}
        risks={records.risks}
        mode={rounding.mode}
        onAdd={addTo}
        onClose={() => setAddDialog(null)}
      />
    </Flex>
  );
}
