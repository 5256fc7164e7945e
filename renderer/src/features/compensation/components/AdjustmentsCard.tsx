import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import type { CommissionPlan } from '@shared/domain/commission';
import type {
  CommissionAdjustmentKind,
  CommissionAdjustmentRecord,
} from '@shared/domain/commission-adjustment';
import { parsePlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import type { DealId, PersonId } from '@shared/domain/ids';
import { moneyFromMajor, negateMoney } from '@shared/domain/money';
import type { Money } from '@shared/domain/money';
import type { Period } from '@shared/domain/period';
import {
  proposeClawback,
  statementAdjustments,
  wonThenClosed,
} from '@shared/compensation/workspace';
import type { CompensationRecords } from '@renderer/db/hooks/compensation';
import { useDealTrails } from '@renderer/db/hooks/compensation';
import { useCompensationActions } from '@renderer/features/compensation/hooks/useCompensationActions';
import { inputPrecision, majorOf, periodLabel } from '@renderer/features/compensation/utils/labels';

interface Props {
  readonly records: CompensationRecords;
  readonly personId: PersonId;
  readonly personName: string;
  readonly plan: CommissionPlan;
  readonly period: Period;
  readonly money: (amount: Money | null) => string;
  readonly dealLabel: (id: string) => string;
}

interface FormValues {
  kind: CommissionAdjustmentKind;
  amount: number | null;
  reason: string;
  dealId: DealId | null;
}

/** The local calendar day of a moment (the trail's times are epoch ms). */
function localDay(epochMs: number) {
  return parsePlanDate(dayjs(epochMs).format('YYYY-MM-DD'));
}

/**
 * A statement's adjustments: the person's credit and payout adjustments of the period, with add,
 * edit and delete, and a proposed clawback for each deal of theirs that was won and then lost or
 * cancelled.
 */
export function AdjustmentsCard({
  records,
  personId,
  personName,
  plan,
  period,
  money,
  dealLabel,
}: Props) {
  const { t } = useTranslation('compensation');
  const actions = useCompensationActions();
  const [form] = Form.useForm<FormValues>();
  const [editing, setEditing] = useState<CommissionAdjustmentRecord | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const rows = statementAdjustments(records.adjustments, personId, period);
  const label = `${personName} ${periodLabel(t, period)}`;
  const currency = plan.currency;

  // Deals the person was credited on (or owns) that are now lost or cancelled: were they won first?
  const closed = useMemo(
    () =>
      records.deals.filter(
        (deal: Deal) =>
          (deal.status === 'lost' || deal.status === 'cancelled') &&
          (deal.ownerId === personId || deal.creditSplits.some((s) => s.personId === personId)),
      ),
    [records.deals, personId],
  );
  const trail = useDealTrails(closed.map((deal) => deal.id));
  const proposals = useMemo(() => {
    if (trail === undefined) return [];
    const wonOn = wonThenClosed(closed, trail, localDay);
    const taken = new Set(rows.filter((r) => r.kind === 'credit').map((r) => r.dealId));
    return closed.flatMap((deal) => {
      const on = wonOn.get(deal.id);
      if (on === undefined || taken.has(deal.id)) return [];
      const proposal = proposeClawback({
        deal,
        wonOn: on,
        personId,
        period,
        basis: plan.basis,
        currency,
        fiscalYearStartMonth: records.settings.fiscalYearStartMonth,
        roundingMode: records.settings.roundingMode,
        reason: t('adjustments.clawbackReason', {
          deal: `${deal.code} ${deal.name}`,
          status: t(`adjustments.statuses.${deal.status as 'lost' | 'cancelled'}`),
        }),
      });
      return proposal === null
        ? []
        : [{ ...proposal, status: deal.status as 'lost' | 'cancelled' }];
    });
  }, [trail, closed, rows, personId, period, plan.basis, currency, records.settings, t]);

  const open = (row: CommissionAdjustmentRecord | 'new', values?: Partial<FormValues>) => {
    setEditing(row);
    form.setFieldsValue(
      row === 'new'
        ? { kind: 'payout', amount: null, reason: '', dealId: null, ...values }
        : {
            kind: row.kind,
            amount: majorOf(row.amount),
            reason: row.reason,
            dealId: row.dealId,
          },
    );
  };

  const save = async () => {
    const values = await form.validateFields();
    if (values.amount === null || editing === null) return;
    const input = {
      personId,
      period: editing === 'new' ? period : editing.period,
      kind: values.kind,
      amount: moneyFromMajor(values.amount, currency, records.settings.roundingMode),
      reason: values.reason.trim(),
      dealId: values.dealId ?? null,
    };
    setSaving(true);
    try {
      if (editing === 'new') await actions.createAdjustment(input, label);
      else await actions.updateAdjustment(editing, input, label);
      setEditing(null);
    } catch {
      // The failure was reported; the form keeps what was typed.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('adjustments.title')}
      extra={
        <Button
          className="statement-no-print"
          size="small"
          icon={<PlusOutlined />}
          onClick={() => open('new')}
        >
          {t('adjustments.add')}
        </Button>
      }
    >
      <Flex vertical gap={8}>
        {proposals.map((proposal) => (
          <Alert
            key={proposal.dealId}
            className="statement-no-print"
            type="info"
            showIcon
            icon={<RollbackOutlined />}
            message={t('adjustments.proposal', {
              deal: proposal.dealId === null ? '' : dealLabel(proposal.dealId),
              // The adjustment is negative; the sentence says how much is taken back.
              amount: money(negateMoney(proposal.amount)),
              status: t(`adjustments.statuses.${proposal.status}`),
            })}
            action={
              <Button
                size="small"
                onClick={() =>
                  open('new', {
                    kind: 'credit',
                    amount: majorOf(proposal.amount),
                    reason: proposal.reason,
                    dealId: proposal.dealId,
                  })
                }
              >
                {t('adjustments.clawback')}
              </Button>
            }
          />
        ))}
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          data-testid="statement-adjustments"
          locale={{ emptyText: t('adjustments.empty') }}
          dataSource={rows}
          columns={[
            {
              key: 'kind',
              title: t('adjustments.kind'),
              render: (_: unknown, row) => (
                <Tag color={row.kind === 'credit' ? 'orange' : 'cyan'}>
                  {t(`adjustments.kinds.${row.kind}`)}
                </Tag>
              ),
            },
            {
              key: 'reason',
              title: t('adjustments.reason'),
              render: (_: unknown, row) => (
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{row.reason}</Typography.Text>
              ),
            },
            {
              key: 'deal',
              title: t('adjustments.deal'),
              render: (_: unknown, row) => (row.dealId === null ? '—' : dealLabel(row.dealId)),
            },
            {
              key: 'period',
              title: t('adjustments.period'),
              render: (_: unknown, row) => periodLabel(t, row.period),
            },
            {
              key: 'amount',
              title: t('adjustments.amount'),
              align: 'right',
              render: (_: unknown, row) => money(row.amount),
            },
            {
              key: 'actions',
              className: 'statement-no-print',
              width: 90,
              render: (_: unknown, row) => (
                <Flex gap={4}>
                  <Button
                    size="small"
                    type="text"
                    icon={<EditOutlined />}
                    aria-label={t('adjustments.edit')}
                    onClick={() => open(row)}
                  />
                  <Popconfirm
                    title={t('adjustments.deleteConfirm')}
                    onConfirm={() => void actions.deleteAdjustment(row, label).catch(() => {})}
                  >
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('adjustments.delete')}
                    />
                  </Popconfirm>
                </Flex>
              ),
            },
          ]}
        />
      </Flex>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('adjustments.addTitle') : t('adjustments.editTitle')}
        okText={t('planForm.save')}
        cancelText={t('planForm.cancel')}
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" name="adjustment">
          <Form.Item name="kind" label={t('adjustments.kind')} extra={t('adjustments.kindHelp')}>
            <Segmented
              options={(['credit', 'payout'] as const).map((kind) => ({
                value: kind,
                label: t(`adjustments.kinds.${kind}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="amount"
            label={t('adjustments.amountLabel', { currency })}
            extra={t('adjustments.amountHelp')}
            rules={[
              { required: true, message: t('adjustments.amountRequired') },
              {
                validator: (_, value: number | null) =>
                  value === 0
                    ? Promise.reject(new Error(t('adjustments.amountZero')))
                    : Promise.resolve(),
              },
            ]}
          >
            <InputNumber style={{ width: '100%' }} precision={inputPrecision(currency)} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('adjustments.reason')}
            rules={[{ required: true, whitespace: true, message: t('adjustments.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2_000} />
          </Form.Item>
          <Form.Item name="dealId" label={t('adjustments.dealOptional')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={records.deals.map((deal) => ({
                value: deal.id,
                label: `${deal.code} ${deal.name}`,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
