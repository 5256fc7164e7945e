import { useTranslation } from 'react-i18next';
import { App, Button, Empty, Flex, Popconfirm, Table, Typography } from 'antd';
import { DeleteOutlined, UndoOutlined } from '@ant-design/icons';
import type { Deal } from '@shared/domain/deal';
import { useTrashedDeals } from '@renderer/db/hooks/queries';
import { useFormat } from '@renderer/i18n/useFormat';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';

/** Deleted deals, restorable with everything under them until the trash is emptied. */
export default function TrashPage() {
  const { t } = useTranslation(['trash', 'deals']);
  const format = useFormat();
  const deals = useTrashedDeals();
  const actions = useDealActions();
  const { message } = App.useApp();

  const restore = async (deal: Deal) => {
    await actions.restore(deal);
    message.success(t('trash:restored', { code: deal.code }));
  };
  const empty = async () => {
    const count = await actions.emptyTrash();
    message.success(t('trash:emptied', { count }));
  };

  return (
    <Flex vertical gap={12} style={{ padding: 16 }}>
      <Flex align="center" gap={12}>
        <Typography.Text type="secondary">{t('trash:intro')}</Typography.Text>
        <Popconfirm
          title={t('trash:emptyConfirm', { count: deals?.length ?? 0 })}
          onConfirm={() => void empty().catch(() => {})}
          okButtonProps={{ danger: true }}
          okText={t('trash:emptyTrash')}
          disabled={!deals?.length}
        >
          <Button
            danger
            icon={<DeleteOutlined aria-hidden />}
            disabled={!deals?.length}
            style={{ marginInlineStart: 'auto' }}
          >
            {t('trash:emptyTrash')}
          </Button>
        </Popconfirm>
      </Flex>
      <Table<Deal>
        rowKey="id"
        size="small"
        loading={deals === undefined}
        dataSource={deals ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trash:empty')} />,
        }}
        columns={[
          { key: 'code', title: t('deals:columns.code'), dataIndex: 'code', width: 140 },
          { key: 'name', title: t('deals:columns.name'), dataIndex: 'name', ellipsis: true },
          {
            key: 'value',
            title: t('deals:columns.value'),
            align: 'right',
            width: 160,
            render: (_: unknown, deal: Deal) =>
              format.money(deal.value.amountMinor, deal.value.currency),
          },
          {
            key: 'deletedAt',
            title: t('trash:deletedAt'),
            width: 200,
            render: (_: unknown, deal: Deal) =>
              deal.deletedAt ? format.dateTime(deal.deletedAt) : '',
          },
          {
            key: 'restore',
            width: 120,
            render: (_: unknown, deal: Deal) => (
              <Button
                size="small"
                icon={<UndoOutlined aria-hidden />}
                onClick={() => void restore(deal).catch(() => {})}
                aria-label={`${t('trash:restore')} ${deal.code}`}
              >
                {t('trash:restore')}
              </Button>
            ),
          },
        ]}
      />
    </Flex>
  );
}
