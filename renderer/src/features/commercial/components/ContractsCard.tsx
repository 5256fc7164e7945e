import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  FilePdfOutlined,
  EditOutlined,
  PaperClipOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { Contract, ContractStatus } from '@shared/domain/commercial';
import { CONTRACT_FILE_MAX_BYTES, CONTRACT_STATUSES } from '@shared/domain/commercial';
import type { PlanDate } from '@shared/domain/dates';
import type { Deal } from '@shared/domain/deal';
import { minorDigits } from '@shared/domain/money';
import { formatBytes } from '@shared/format/bytes';
import type { ContractFileInput, ContractInput } from '@renderer/db/repositories/commercial';
import { amountText, readAmount } from '@renderer/features/costs/utils/amount';
import { useCommercialActions } from '@renderer/features/commercial/hooks/useCommercialActions';
import {
  base64ToBytes,
  bytesToBase64,
  looksLikePdf,
} from '@renderer/features/commercial/utils/base64';
import { useFormat } from '@renderer/i18n/useFormat';
import { PlanDateInput } from '@renderer/app/components/PlanDateInput';
import { getPlatform } from '@renderer/platform/getPlatform';
import { openPdf } from '@renderer/features/commercial/utils/openPdf';

const STATUS_COLOR: Record<ContractStatus, string> = {
  drafting: 'default',
  legal_review: 'gold',
  sent_for_signature: 'blue',
  signed: 'green',
};

type Editing =
  { readonly open: false } | { readonly open: true; readonly contract: Contract | null };

/** The deal's contracts with their status, dates, value, renewal and signed copy. */
export function ContractsCard({
  deal,
  contracts,
  allowed,
}: {
  deal: Deal;
  contracts: readonly Contract[];
  allowed: boolean;
}) {
  const { t } = useTranslation('commercial');
  const format = useFormat();
  const actions = useCommercialActions();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing>({ open: false });
  const date = (value: PlanDate | null) => (value === null ? '—' : format.date(value));

  const download = async (contract: Contract) => {
    if (contract.fileId === null) return;
    const file = await actions.readFile(contract.fileId);
    if (file === null) {
      message.error(t('contracts.fileGone'));
      return;
    }
    await getPlatform().saveFile({
      suggestedName: file.name,
      content: base64ToBytes(file.dataBase64),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  };

  const open = async (contract: Contract) => {
    if (contract.fileId === null) return;
    const file = await actions.readFile(contract.fileId);
    if (file === null) {
      message.error(t('contracts.fileGone'));
      return;
    }
    if (!openPdf(base64ToBytes(file.dataBase64))) message.error(t('contracts.openBlocked'));
  };

  return (
    <Card
      title={t('contracts.title')}
      data-testid="contracts"
      extra={
        allowed && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setEditing({ open: true, contract: null })}
          >
            {t('contracts.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {allowed || contracts.length > 0 ? t('contracts.intro') : t('contracts.notYet')}
      </Typography.Paragraph>
      {(allowed || contracts.length > 0) && (
        <Table<Contract>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={[...contracts]}
          scroll={{ x: 900 }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contracts.empty')} />
            ),
          }}
          columns={[
            { key: 'number', title: t('contracts.columns.number'), dataIndex: 'number' },
            {
              key: 'status',
              title: t('contracts.columns.status'),
              width: 130,
              render: (_: unknown, c) => (
                <Tag color={STATUS_COLOR[c.status]}>{t(`contracts.status.${c.status}`)}</Tag>
              ),
            },
            {
              key: 'signed',
              title: t('contracts.columns.signed'),
              width: 120,
              render: (_: unknown, c) => date(c.signedDate),
            },
            {
              key: 'term',
              title: t('contracts.columns.term'),
              width: 220,
              render: (_: unknown, c) =>
                c.startDate === null && c.endDate === null
                  ? '—'
                  : t('contracts.term', { from: date(c.startDate), to: date(c.endDate) }),
            },
            {
              key: 'value',
              title: t('contracts.columns.value'),
              align: 'right',
              width: 140,
              render: (_: unknown, c) =>
                c.value === null ? '—' : format.money(c.value.amountMinor, c.value.currency),
            },
            {
              key: 'renewal',
              title: t('contracts.columns.renewal'),
              width: 120,
              render: (_: unknown, c) => date(c.renewalDate),
            },
            {
              key: 'file',
              title: t('contracts.columns.file'),
              width: 150,
              render: (_: unknown, c) =>
                c.fileId === null ? (
                  t('contracts.noFile')
                ) : (
                  <Space size={4}>
                    <Button
                      size="small"
                      icon={<FilePdfOutlined />}
                      aria-label={t('contracts.open', { name: c.number })}
                      onClick={() => void open(c)}
                    >
                      {t('contracts.openButton')}
                    </Button>
                    <Button
                      size="small"
                      icon={<DownloadOutlined />}
                      aria-label={t('contracts.download', { name: c.number })}
                      onClick={() => void download(c)}
                    />
                  </Space>
                ),
            },
            {
              key: 'actions',
              title: t('contracts.columns.actions'),
              width: 90,
              render: (_: unknown, c) => (
                <Space size={0}>
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('contracts.edit', { number: c.number })}
                    onClick={() => setEditing({ open: true, contract: c })}
                  />
                  <Popconfirm
                    title={t('contracts.removeConfirm', { number: c.number })}
                    onConfirm={() => actions.deleteContract(c).catch(() => undefined)}
                  >
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('contracts.remove', { number: c.number })}
                    />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <ContractModal
        // A new key per opening starts the picked file afresh.
        key={editing.open ? (editing.contract?.id ?? 'new') : 'closed'}
        open={editing.open}
        contract={editing.open ? editing.contract : null}
        currency={deal.value.currency}
        onClose={() => setEditing({ open: false })}
        onSave={(input, file) =>
          editing.open && editing.contract !== null
            ? actions.updateContract(editing.contract, input, file)
            : actions.addContract(deal.id, input, file ?? null)
        }
      />
    </Card>
  );
}

interface Values {
  number: string;
  status: ContractStatus;
  signedDate: PlanDate | null;
  startDate: PlanDate | null;
  endDate: PlanDate | null;
  value: string;
  renewalDate: PlanDate | null;
}

/** The picked file: unchanged (undefined), removed (null) or a new one. */
type FileChoice = undefined | null | ContractFileInput;

/**
 * Adds or edits a contract, with its signed PDF. The file is checked (a PDF, not empty, at most
 * the size Pursuit keeps) when it is picked, with a message naming it; nothing is stored until
 * the contract is saved.
 */
function ContractModal({
  open,
  contract,
  currency,
  onSave,
  onClose,
}: {
  open: boolean;
  contract: Contract | null;
  currency: string;
  onSave: (input: ContractInput, file: FileChoice) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation('commercial');
  const format = useFormat();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [file, setFile] = useState<FileChoice>(undefined);
  const [fileError, setFileError] = useState<string | null>(null);
  const valueCurrency = contract?.value?.currency ?? currency;
  const max = formatBytes(CONTRACT_FILE_MAX_BYTES, format.number);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      contract === null
        ? {
            number: '',
            status: 'drafting',
            signedDate: null,
            startDate: null,
            endDate: null,
            value: '',
            renewalDate: null,
          }
        : {
            number: contract.number,
            status: contract.status,
            signedDate: contract.signedDate,
            startDate: contract.startDate,
            endDate: contract.endDate,
            value: contract.value === null ? '' : amountText(contract.value),
            renewalDate: contract.renewalDate,
          },
    );
  }, [open, contract, form]);

  const read = (text: string) =>
    readAmount(text, valueCurrency, { allowNegative: false, allowZero: true });

  const pick = async () => {
    setFileError(null);
    try {
      const result = await getPlatform().openFile({
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        maxBytes: CONTRACT_FILE_MAX_BYTES,
      });
      if (result.status === 'cancelled') return;
      if (result.status === 'tooLarge') {
        setFileError(
          t('contracts.validation.tooLarge', {
            name: result.name,
            size: formatBytes(result.sizeBytes, format.number),
            max,
          }),
        );
        return;
      }
      if (result.content.length === 0) {
        setFileError(t('contracts.validation.empty', { name: result.name }));
        return;
      }
      if (!looksLikePdf(result.content)) {
        setFileError(t('contracts.validation.notPdf', { name: result.name }));
        return;
      }
      setFile({
        name: result.name.slice(0, 255),
        mimeType: 'application/pdf',
        sizeBytes: result.content.length,
        dataBase64: bytesToBase64(result.content),
      });
    } catch (error) {
      setFileError(
        t('contracts.validation.unreadable', {
          name: 'PDF',
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  };

  const submit = async (values: Values) => {
    const trimmed = values.value.trim();
    const amount = trimmed === '' ? null : read(trimmed);
    if (amount !== null && !amount.ok) return;
    setSaving(true);
    try {
      await onSave(
        {
          number: values.number.trim(),
          status: values.status,
          signedDate: values.signedDate,
          startDate: values.startDate,
          endDate: values.endDate,
          value: amount === null ? null : amount.value,
          renewalDate: values.renewalDate,
        },
        file,
      );
      onClose();
    } catch {
      // Reported by the action; the form keeps what was typed.
    } finally {
      setSaving(false);
    }
  };

  const title =
    contract === null
      ? t('contracts.form.addTitle')
      : t('contracts.form.editTitle', { number: contract.number });
  const attached =
    file === undefined ? (contract?.fileId != null ? 'stored' : null) : file === null ? null : file;
  return (
    <Modal
      open={open}
      title={title}
      okText={t('contracts.form.save')}
      cancelText={t('contracts.form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label={title}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="number"
              label={t('contracts.form.number')}
              rules={[
                { required: true, whitespace: true, message: t('contracts.validation.number') },
                { max: 100, message: t('contracts.validation.tooLong', { max: 100 }) },
              ]}
            >
              <Input aria-label={t('contracts.form.number')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={t('contracts.form.status')}>
              <Select
                aria-label={t('contracts.form.status')}
                options={CONTRACT_STATUSES.map((s) => ({
                  value: s,
                  label: t(`contracts.status.${s}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="signedDate"
              label={t('contracts.form.signedDate')}
              dependencies={['status']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: PlanDate | null | undefined) =>
                    getFieldValue('status') !== 'signed' || value
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('contracts.validation.signedDate'))),
                }),
              ]}
            >
              <PlanDateInput aria-label={t('contracts.form.signedDate')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="value"
              label={t('contracts.form.value', { currency: valueCurrency })}
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    (value ?? '').trim() === '' || read((value ?? '').trim()).ok
                      ? Promise.resolve()
                      : Promise.reject(
                          new Error(
                            t('contracts.validation.amount', {
                              digits: minorDigits(valueCurrency),
                            }),
                          ),
                        ),
                },
              ]}
            >
              <Input
                aria-label={t('contracts.form.value', { currency: valueCurrency })}
                inputMode="decimal"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="startDate" label={t('contracts.form.startDate')}>
              <PlanDateInput aria-label={t('contracts.form.startDate')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="endDate"
              label={t('contracts.form.endDate')}
              dependencies={['startDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, end: PlanDate | null | undefined) => {
                    const start = getFieldValue('startDate') as PlanDate | null;
                    return !start || !end || end >= start
                      ? Promise.resolve()
                      : Promise.reject(
                          new Error(
                            t('contracts.validation.endDate', { start: format.date(start) }),
                          ),
                        );
                  },
                }),
              ]}
            >
              <PlanDateInput aria-label={t('contracts.form.endDate')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="renewalDate" label={t('contracts.form.renewalDate')}>
              <PlanDateInput aria-label={t('contracts.form.renewalDate')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label={t('contracts.form.file')}
          extra={t('contracts.form.fileHelp', { max })}
          validateStatus={fileError === null ? undefined : 'error'}
          help={fileError ?? undefined}
        >
          <Flex gap={8} align="center" wrap>
            <Button icon={<PaperClipOutlined />} onClick={() => void pick()}>
              {attached === null ? t('contracts.form.choose') : t('contracts.form.replace')}
            </Button>
            {attached !== null && (
              <>
                <Typography.Text data-testid="contract-file-name">
                  {attached === 'stored'
                    ? 'PDF'
                    : `${attached.name} (${formatBytes(attached.sizeBytes, format.number)})`}
                </Typography.Text>
                <Button size="small" type="link" danger onClick={() => setFile(null)}>
                  {t('contracts.form.removeFile')}
                </Button>
              </>
            )}
          </Flex>
        </Form.Item>
      </Form>
    </Modal>
  );
}
