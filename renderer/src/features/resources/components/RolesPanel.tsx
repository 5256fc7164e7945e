import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Form, Input, InputNumber, Modal, Table } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { moneyFromMajor, toMajor } from '@shared/domain/money';
import type { Person } from '@shared/domain/person';
import type { Role } from '@shared/domain/role';
import { inLocale } from '@shared/pipeline/labels';
import { useFormat } from '@renderer/i18n/useFormat';
import { useResourceActions } from '@renderer/features/resources/hooks/useResourceActions';

interface RoleFormValues {
  en: string;
  zh: string;
  rate: number | null;
}

interface RolesPanelProps {
  roles: readonly Role[];
  people: readonly Person[];
  /** The currency of a new role's default rate. */
  currency: string;
}

type Editing = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; role: Role };

/** The configurable list of pursuit roles, each with its names and default hourly rate. */
export function RolesPanel({ roles, people, currency }: RolesPanelProps) {
  const { t } = useTranslation('resources');
  const format = useFormat();
  const actions = useResourceActions();
  const [form] = Form.useForm<RoleFormValues>();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [saving, setSaving] = useState(false);
  const editedRole = editing.mode === 'edit' ? editing.role : null;
  const rateCurrency = editedRole?.defaultRate.currency ?? currency;

  useEffect(() => {
    if (editing.mode === 'closed') return;
    form.resetFields();
    form.setFieldsValue(
      editedRole
        ? {
            en: editedRole.name.en,
            zh: editedRole.name.zh,
            rate: toMajor(editedRole.defaultRate),
          }
        : { en: '', zh: '', rate: 0 },
    );
  }, [editing.mode, editedRole, form]);

  const counts = new Map<string, number>();
  for (const person of people) {
    for (const id of person.roleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }

  const submit = async (values: RoleFormValues) => {
    const input = {
      name: { en: values.en.trim(), zh: values.zh.trim() },
      defaultRate: moneyFromMajor(values.rate ?? 0, rateCurrency),
    };
    const label = format.locale === 'zh-CN' ? input.name.zh : input.name.en;
    setSaving(true);
    try {
      if (editedRole) await actions.updateRole(editedRole, input, label);
      else await actions.createRole(input, label);
      setEditing({ mode: 'closed' });
    } catch {
      // Shown by the action; the dialog keeps the values.
    } finally {
      setSaving(false);
    }
  };

  const nameRule = {
    required: true,
    whitespace: true,
    message: t('validation.roleNameRequired'),
  };
  const title = editedRole ? t('roles.editTitle') : t('roles.addTitle');
  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <Button icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
          {t('roles.add')}
        </Button>
      </Flex>
      <Table<Role>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...roles]}
        columns={[
          {
            key: 'name',
            title: t('roles.name'),
            render: (_, role) => inLocale(role.name, format.locale),
          },
          {
            key: 'other',
            title: format.locale === 'zh-CN' ? t('roles.nameEn') : t('roles.nameZh'),
            render: (_, role) => (format.locale === 'zh-CN' ? role.name.en : role.name.zh),
          },
          {
            key: 'rate',
            title: t('roles.defaultRate'),
            align: 'right',
            render: (_, role) =>
              format.money(role.defaultRate.amountMinor, role.defaultRate.currency),
          },
          {
            key: 'people',
            title: t('roles.people'),
            align: 'right',
            render: (_, role) => format.number(counts.get(role.id) ?? 0),
          },
          {
            key: 'edit',
            width: 48,
            render: (_, role) => (
              <Button
                type="text"
                icon={<EditOutlined />}
                aria-label={`${t('roles.edit')} ${inLocale(role.name, format.locale)}`}
                onClick={() => setEditing({ mode: 'edit', role })}
              />
            ),
          },
        ]}
      />
      <Modal
        open={editing.mode !== 'closed'}
        title={title}
        okText={t('personForm.save')}
        cancelText={t('personForm.cancel')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setEditing({ mode: 'closed' })}
        destroyOnHidden
      >
        <Form<RoleFormValues> form={form} layout="vertical" onFinish={submit} aria-label={title}>
          <Form.Item name="en" label={t('roles.nameEn')} rules={[nameRule]}>
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
          <Form.Item name="zh" label={t('roles.nameZh')} rules={[nameRule]}>
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="rate"
            label={`${t('roles.defaultRate')} (${rateCurrency})`}
            rules={[
              {
                required: true,
                type: 'number',
                min: 0,
                max: 100_000_000,
                message: t('validation.rateInvalid'),
              },
            ]}
          >
            <InputNumber style={{ width: '100%' }} precision={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
