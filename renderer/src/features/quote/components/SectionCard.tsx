import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { Money } from '@shared/domain/money';
import type { QuoteLine, QuoteSection } from '@shared/domain/quote';
import type { LineFigures, SectionFigures } from '@shared/quote/compute';
import { useFormat } from '@renderer/i18n/useFormat';

interface Row {
  readonly line: QuoteLine;
  readonly figures: LineFigures | undefined;
  readonly index: number;
}

interface SectionCardProps {
  section: QuoteSection;
  figures: SectionFigures | undefined;
  editable: boolean;
  onAddLine: (section: QuoteSection) => void;
  onEditLine: (line: QuoteLine) => void;
  onRemoveLine: (line: QuoteLine) => void;
  onMoveLine: (line: QuoteLine, offset: -1 | 1) => void;
  onRename: (section: QuoteSection) => void;
  onRemove: (section: QuoteSection) => void;
}

/**
 * One section of a quote: its lines in a paged table (a quote can hold thousands), each with its
 * figures, and for a draft the commands to add, edit, move and remove lines.
 */
export const SectionCard = memo(function SectionCard({
  section,
  figures,
  editable,
  onAddLine,
  onEditLine,
  onRemoveLine,
  onMoveLine,
  onRename,
  onRemove,
}: SectionCardProps) {
  const { t } = useTranslation('quote');
  const format = useFormat();
  const money = (amount: Money) => format.money(amount.amountMinor, amount.currency);
  const pct = (bp: number) => format.percent(bp / 10_000, bp % 100 === 0 ? 0 : 2);
  const rows = useMemo<Row[]>(
    () => section.lines.map((line, index) => ({ line, figures: figures?.lines[index], index })),
    [section.lines, figures],
  );
  const last = section.lines.length - 1;
  const nameOf = (line: QuoteLine) => line.description || line.code || t('lines.unnamed');

  const columns: TableColumnsType<Row> = [
    {
      key: 'code',
      title: t('lines.columns.code'),
      width: 120,
      render: (_, { line }) => line.code,
    },
    {
      key: 'description',
      title: t('lines.columns.description'),
      render: (_, { line }) => (
        <Space size={6} wrap>
          {line.kind !== 'item' && (
            <Tag color={line.kind === 'contingency' ? 'orange' : 'blue'}>
              {t(`lines.kind.${line.kind}`)}
            </Tag>
          )}
          <span data-testid="quote-line-description">{line.description}</span>
        </Space>
      ),
    },
    {
      key: 'quantity',
      title: t('lines.columns.quantity'),
      align: 'right',
      width: 80,
      render: (_, { line }) => format.number(line.quantity),
    },
    { key: 'unit', title: t('lines.columns.unit'), width: 70, render: (_, { line }) => line.unit },
    {
      key: 'unitCost',
      title: t('lines.columns.unitCost'),
      align: 'right',
      width: 130,
      render: (_, { line }) => money(line.unitCost),
    },
    {
      key: 'unitPrice',
      title: t('lines.columns.unitPrice'),
      align: 'right',
      width: 130,
      render: (_, { line }) => money(line.unitPrice),
    },
    {
      key: 'discount',
      title: t('lines.columns.discount'),
      align: 'right',
      width: 70,
      render: (_, { line }) => pct(line.discountBp),
    },
    {
      key: 'tax',
      title: t('lines.columns.tax'),
      align: 'right',
      width: 70,
      render: (_, { line }) => pct(line.taxRateBp),
    },
    {
      key: 'net',
      title: t('lines.columns.net'),
      align: 'right',
      width: 140,
      render: (_, { figures: line }) => (line ? money(line.net) : null),
    },
    {
      key: 'margin',
      title: t('lines.columns.margin'),
      align: 'right',
      width: 130,
      render: (_, { figures: line }) =>
        line ? (
          <Typography.Text type={line.margin.amountMinor < 0 ? 'danger' : undefined}>
            {money(line.margin)}
          </Typography.Text>
        ) : null,
    },
  ];
  if (editable) {
    columns.push({
      key: 'actions',
      title: t('lines.columns.actions'),
      width: 150,
      render: (_, { line, index }) => {
        const name = nameOf(line);
        return (
          <Space size={0}>
            <Tooltip title={t('lines.edit', { name })}>
              <Button
                type="text"
                size="small"
                icon={<EditOutlined aria-hidden />}
                aria-label={t('lines.edit', { name })}
                onClick={() => onEditLine(line)}
              />
            </Tooltip>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined aria-hidden />}
              aria-label={t('lines.up', { name })}
              disabled={index === 0}
              onClick={() => onMoveLine(line, -1)}
            />
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined aria-hidden />}
              aria-label={t('lines.down', { name })}
              disabled={index === last}
              onClick={() => onMoveLine(line, 1)}
            />
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('lines.remove', { name })}
              onClick={() => onRemoveLine(line)}
            />
          </Space>
        );
      },
    });
  }

  return (
    <Card
      size="small"
      data-testid="quote-section"
      title={
        <Space size={8} wrap>
          <span data-testid="quote-section-name">{section.name}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('sections.lines', { count: section.lines.length })}
          </Typography.Text>
        </Space>
      }
      extra={
        editable && (
          <Space size={4} wrap>
            <Button
              size="small"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => onAddLine(section)}
            >
              {t('lines.add')}
            </Button>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined aria-hidden />}
              aria-label={t('sections.rename', { name: section.name })}
              onClick={() => onRename(section)}
            />
            <Popconfirm
              title={t('sections.removeConfirm', {
                name: section.name,
                count: section.lines.length,
              })}
              onConfirm={() => onRemove(section)}
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('sections.remove', { name: section.name })}
              />
            </Popconfirm>
          </Space>
        )
      }
    >
      <Table<Row>
        size="small"
        rowKey={(row) => row.line.id}
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: t('lines.empty') }}
        pagination={{
          defaultPageSize: 20,
          hideOnSinglePage: true,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
        }}
        scroll={{ x: 1100 }}
      />
    </Card>
  );
});
