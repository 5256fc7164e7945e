import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { DealStatus } from '@shared/domain/deal';
import type { PortfolioRow, PortfolioSort, SortKey } from '@shared/portfolio/rows';
import { totalRows } from '@shared/portfolio/rows';
import { useFormat } from '@renderer/i18n/useFormat';
import type { PortfolioColumn } from '@renderer/features/deals/utils/columns';

const STATUS_COLORS: Record<DealStatus, string> = {
  open: 'processing',
  won: 'success',
  lost: 'error',
  no_bid: 'default',
  cancelled: 'default',
};

const WIDTHS: Record<PortfolioColumn, number> = {
  code: 130,
  name: 260,
  account: 200,
  owner: 110,
  stage: 120,
  status: 100,
  value: 150,
  pwin: 80,
  weighted: 150,
  submissionDue: 130,
  expectedAward: 130,
  nextMilestone: 220,
};

const HEADER_HEIGHT = 40;
const TOTAL_LINE_HEIGHT = 22;

const RIGHT_ALIGNED: readonly PortfolioColumn[] = ['value', 'pwin', 'weighted'];

interface PortfolioTableProps {
  rows: readonly PortfolioRow[];
  columns: readonly PortfolioColumn[];
  sort: PortfolioSort;
  onSort: (sort: PortfolioSort) => void;
  /** Height available to the whole table (header, rows and totals). */
  height: number;
  onEdit: (row: PortfolioRow) => void;
  onDelete: (row: PortfolioRow) => void;
}

/**
 * The portfolio table: virtualised (only the rows on screen are in the DOM, so 2,000 deals scroll
 * smoothly), sorted by the column the user chose, with a totals row per currency.
 */
export function PortfolioTable({
  rows,
  columns,
  sort,
  onSort,
  height,
  onEdit,
  onDelete,
}: PortfolioTableProps) {
  const { t } = useTranslation('deals');
  const format = useFormat();
  const stageLabel = (row: PortfolioRow) =>
    row.stageName ? (format.locale === 'zh-CN' ? row.stageName.zh : row.stageName.en) : '';

  const render: Record<PortfolioColumn, (row: PortfolioRow) => React.ReactNode> = {
    code: (row) => <Typography.Text strong>{row.code}</Typography.Text>,
    name: (row) => (
      <Typography.Link onClick={() => onEdit(row)} ellipsis>
        {row.name}
      </Typography.Link>
    ),
    account: (row) => row.accountName,
    owner: (row) => row.ownerName,
    stage: (row) => stageLabel(row),
    status: (row) => <Tag color={STATUS_COLORS[row.status]}>{t(`status.${row.status}`)}</Tag>,
    value: (row) => format.money(row.value.amountMinor, row.value.currency),
    pwin: (row) => format.percent(row.pwin / 100),
    weighted: (row) => format.money(row.weighted.amountMinor, row.weighted.currency),
    submissionDue: (row) => (row.submissionDue ? format.date(row.submissionDue) : ''),
    expectedAward: (row) => (row.expectedAward ? format.date(row.expectedAward) : ''),
    nextMilestone: (row) =>
      row.nextMilestone ? (
        <span>
          {format.date(row.nextMilestone.date, 'short')} · {row.nextMilestone.name}
        </span>
      ) : (
        ''
      ),
  };

  const tableColumns: TableColumnsType<PortfolioRow> = [
    ...columns.map((column) => ({
      key: column,
      dataIndex: column,
      title: t(`columns.${column}`),
      width: WIDTHS[column],
      ellipsis: true,
      align: RIGHT_ALIGNED.includes(column) ? ('right' as const) : undefined,
      fixed: column === 'code' ? ('left' as const) : undefined,
      sorter: true,
      sortOrder:
        sort.key === column
          ? sort.direction === 'asc'
            ? ('ascend' as const)
            : ('descend' as const)
          : null,
      showSorterTooltip: false,
      render: (_: unknown, row: PortfolioRow) => render[column](row),
    })),
    {
      key: 'actions',
      title: t('columns.actions'),
      width: 96,
      fixed: 'right' as const,
      render: (_: unknown, row: PortfolioRow) => (
        <Space size={0}>
          <Button
            type="text"
            size="small"
            icon={<EditOutlined aria-hidden />}
            aria-label={`${t('actions.edit')} ${row.code}`}
            onClick={() => onEdit(row)}
          />
          <Popconfirm
            title={t('actions.deleteConfirm', { code: row.code })}
            onConfirm={() => onDelete(row)}
            okButtonProps={{ danger: true }}
            okText={t('actions.delete')}
          >
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={`${t('actions.delete')} ${row.code}`}
            />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const totals = useMemo(() => totalRows(rows), [rows]);
  const onChange: TableProps<PortfolioRow>['onChange'] = (_pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = single?.columnKey as SortKey | undefined;
    if (!key) return;
    // A third click would clear antd's sort; the portfolio always keeps one, so it flips instead.
    const direction =
      single?.order === 'descend'
        ? 'desc'
        : single?.order === 'ascend'
          ? 'asc'
          : sort.direction === 'asc'
            ? 'desc'
            : 'asc';
    onSort({ key, direction });
  };

  const totalsIndex = (column: PortfolioColumn) => columns.indexOf(column);
  // The body scrolls within what is left after the header row and the totals row (a line per currency).
  const bodyHeight = Math.max(
    160,
    height - HEADER_HEIGHT - TOTAL_LINE_HEIGHT * Math.max(1, totals.length) - 20,
  );
  const width = columns.reduce((sum, c) => sum + WIDTHS[c], 96);

  return (
    <Table<PortfolioRow>
      rowKey="id"
      size="small"
      virtual
      bordered={false}
      scroll={{ x: width, y: bodyHeight }}
      pagination={false}
      dataSource={rows as PortfolioRow[]}
      columns={tableColumns}
      onChange={onChange}
      onRow={(row) => ({ onDoubleClick: () => onEdit(row) })}
      summary={() => (
        <Table.Summary fixed="bottom">
          <Table.Summary.Row>
            <Table.Summary.Cell
              index={0}
              colSpan={Math.max(1, Math.min(totalsIndex('value'), columns.length))}
            >
              <Typography.Text strong>
                {t('totals.label')} · {t('totals.count', { count: rows.length })}
              </Typography.Text>
            </Table.Summary.Cell>
            {columns.slice(Math.max(1, totalsIndex('value'))).map((column) => (
              <Table.Summary.Cell
                key={column}
                index={columns.indexOf(column)}
                align={RIGHT_ALIGNED.includes(column) ? 'right' : undefined}
              >
                {(column === 'value' || column === 'weighted') && (
                  <Typography.Text strong>
                    {totals.map((total) => (
                      <div key={total.currency}>
                        {format.money(
                          column === 'value' ? total.value : total.weighted,
                          total.currency,
                          { compact: true },
                        )}
                      </div>
                    ))}
                  </Typography.Text>
                )}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={columns.length} />
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
