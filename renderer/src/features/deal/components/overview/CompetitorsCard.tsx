import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Switch,
  Tag,
  Typography,
  theme,
} from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Competitor, Deal } from '@shared/domain/deal';
import { useWorkspaceActions } from '@renderer/features/deal/hooks/useWorkspaceActions';

const NAME_MAX = 120;
const NOTE_MAX = 2_000;
const MAX_COMPETITORS = 50;

const keyOf = (name: string) => name.trim().toLowerCase();

/** Which competitor the dialog edits: a new one, or the one stored under this name. */
type Editing = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; competitor: Competitor };

/** Who else is bidding, whether they hold the contract today, and where they are strong or weak. */
export function CompetitorsCard({ deal }: { deal: Deal }) {
  const { t } = useTranslation('deal');
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const actions = useWorkspaceActions();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });

  const remove = async (competitor: Competitor) => {
    await actions
      .saveDetails(deal, (current) => ({
        competitors: current.competitors.filter((c) => keyOf(c.name) !== keyOf(competitor.name)),
      }))
      .catch(() => {});
  };

  const add = () => {
    if (deal.competitors.length >= MAX_COMPETITORS) {
      void message.error(t('competitors.tooMany', { max: MAX_COMPETITORS }));
      return;
    }
    setEditing({ mode: 'add' });
  };

  return (
    <Card
      title={t('competitors.title')}
      extra={
        <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={add}>
          {t('competitors.add')}
        </Button>
      }
    >
      {deal.competitors.length === 0 ? (
        <Typography.Text type="secondary">{t('competitors.empty')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          {deal.competitors.map((competitor) => (
            <div
              key={keyOf(competitor.name)}
              style={{
                border: `1px solid ${token.colorBorderSecondary}`,
                borderRadius: token.borderRadius,
                padding: '8px 12px',
              }}
            >
              <Flex align="center" gap={8}>
                <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
                  {competitor.name}
                </Typography.Text>
                {competitor.incumbent && <Tag color="gold">{t('competitors.incumbent')}</Tag>}
                <Flex style={{ marginInlineStart: 'auto' }}>
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined aria-hidden />}
                    aria-label={t('competitors.edit', { name: competitor.name })}
                    onClick={() => setEditing({ mode: 'edit', competitor })}
                  />
                  <Popconfirm
                    title={t('competitors.removeConfirm', { name: competitor.name })}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(competitor)}
                  >
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('competitors.remove', { name: competitor.name })}
                    />
                  </Popconfirm>
                </Flex>
              </Flex>
              {(competitor.strengths || competitor.weaknesses) && (
                <Row gutter={16} style={{ marginTop: 4 }}>
                  <Col xs={24} md={12}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('competitors.strengths')}
                    </Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                      {competitor.strengths || '—'}
                    </Typography.Paragraph>
                  </Col>
                  <Col xs={24} md={12}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('competitors.weaknesses')}
                    </Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                      {competitor.weaknesses || '—'}
                    </Typography.Paragraph>
                  </Col>
                </Row>
              )}
            </div>
          ))}
        </Flex>
      )}
      <CompetitorDialog
        deal={deal}
        editing={editing}
        onClose={() => setEditing({ mode: 'closed' })}
      />
    </Card>
  );
}

interface CompetitorDialogProps {
  deal: Deal;
  editing: Editing;
  onClose: () => void;
}

function CompetitorDialog({ deal, editing, onClose }: CompetitorDialogProps) {
  const { t } = useTranslation('deal');
  const actions = useWorkspaceActions();
  const [form] = Form.useForm<Competitor>();
  const [saving, setSaving] = useState(false);
  const original = editing.mode === 'edit' ? editing.competitor : null;
  const title = original
    ? t('competitors.editTitle', { name: original.name })
    : t('competitors.addTitle');

  const submit = async (values: Competitor) => {
    setSaving(true);
    const competitor: Competitor = {
      name: values.name.trim(),
      incumbent: values.incumbent,
      strengths: (values.strengths ?? '').trim(),
      weaknesses: (values.weaknesses ?? '').trim(),
    };
    try {
      await actions.saveDetails(deal, (current) => {
        const at = original
          ? current.competitors.findIndex((c) => keyOf(c.name) === keyOf(original.name))
          : -1;
        return {
          competitors:
            at < 0
              ? [...current.competitors, competitor]
              : current.competitors.map((c, index) => (index === at ? competitor : c)),
        };
      });
      onClose();
    } catch {
      // Shown already; the dialog keeps what was typed.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={editing.mode !== 'closed'}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('competitors.save')}
      cancelText={t('competitors.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<Competitor>
        form={form}
        layout="vertical"
        preserve={false}
        aria-label={title}
        initialValues={original ?? { name: '', incumbent: false, strengths: '', weaknesses: '' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="name"
          label={t('competitors.name')}
          rules={[
            { required: true, whitespace: true, message: t('competitors.nameRequired') },
            { max: NAME_MAX, message: t('competitors.tooLong', { max: NAME_MAX }) },
            {
              validator: async (_rule, value: string | undefined) => {
                const key = keyOf(value ?? '');
                const taken = deal.competitors.some(
                  (c) => keyOf(c.name) === key && (!original || keyOf(original.name) !== key),
                );
                if (key && taken)
                  throw new Error(t('competitors.duplicate', { name: (value ?? '').trim() }));
              },
            },
          ]}
        >
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="incumbent"
          label={t('competitors.incumbent')}
          tooltip={t('competitors.incumbentHelp')}
          valuePropName="checked"
        >
          <Switch aria-label={t('competitors.incumbent')} />
        </Form.Item>
        <Form.Item
          name="strengths"
          label={t('competitors.strengths')}
          rules={[{ max: NOTE_MAX, message: t('competitors.tooLong', { max: NOTE_MAX }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item
          name="weaknesses"
          label={t('competitors.weaknesses')}
          rules={[{ max: NOTE_MAX, message: t('competitors.tooLong', { max: NOTE_MAX }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
