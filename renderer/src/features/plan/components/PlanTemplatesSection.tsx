import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form, Input, Modal, Skeleton, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { PlanTemplate } from '@shared/domain/plan-template';
import { MAX_TEMPLATE_NAME } from '@shared/domain/plan-template';
import { checkTemplateName } from '@shared/plan/saved-template';
import { useSettings } from '@renderer/db/hooks/queries';
import { useFormat } from '@renderer/i18n/useFormat';
import { usePlanTemplateActions } from '@renderer/features/plan/hooks/usePlanTemplateActions';

/** What a template holds, counted for the list. */
function contentsOf(template: PlanTemplate) {
  const milestones = template.steps.filter((step) => step.milestoneKind !== null).length;
  const links = template.steps.reduce((sum, step) => sum + step.after.length, 0);
  return { tasks: template.steps.length - milestones, milestones, links };
}

/**
 * Settings → Plan templates: the plans saved as templates, to rename or delete. A deletion can
 * be undone from its message; plans already started from a template keep what they got.
 */
export default function PlanTemplatesSection() {
  const { t } = useTranslation('plan');
  const format = useFormat();
  const settings = useSettings();
  const actions = usePlanTemplateActions();
  const [renaming, setRenaming] = useState<PlanTemplate | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (settings === undefined) return <Skeleton active paragraph={{ rows: 3 }} />;

  const templates = settings.planTemplates;

  const submitRename = async () => {
    if (renaming === null) return;
    const checked = checkTemplateName(name, templates, MAX_TEMPLATE_NAME, renaming.id);
    if (!checked.ok) return setError(actions.problemText(checked.problem));
    setBusy(true);
    const done = await actions.rename(settings, renaming, checked.name);
    setBusy(false);
    if (done !== null) setRenaming(null);
  };

  const columns: TableColumnsType<PlanTemplate> = [
    {
      key: 'name',
      title: t('templates.columns.name'),
      render: (_, template) => <Typography.Text strong>{template.name}</Typography.Text>,
    },
    {
      key: 'rows',
      title: t('templates.columns.rows'),
      render: (_, template) => t('templates.rows', contentsOf(template)),
    },
    {
      key: 'created',
      title: t('templates.columns.created'),
      render: (_, template) => format.dateTime(template.createdAt),
    },
    {
      key: 'actions',
      title: t('templates.columns.actions'),
      render: (_, template) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<EditOutlined aria-hidden />}
            aria-label={`${t('templates.rename')} ${template.name}`}
            onClick={() => {
              setRenaming(template);
              setName(template.name);
              setError(null);
            }}
          >
            {t('templates.rename')}
          </Button>
          <Button
            size="small"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={`${t('templates.delete')} ${template.name}`}
            onClick={() => void actions.remove(settings, template)}
          >
            {t('templates.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('templates.sectionIntro')}</Typography.Paragraph>
      <Table<PlanTemplate>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={templates}
        locale={{ emptyText: t('templates.none') }}
      />
      <Modal
        open={renaming !== null}
        title={t('templates.rename')}
        okText={t('templates.renameOk')}
        cancelText={t('templates.cancel')}
        confirmLoading={busy}
        onOk={() => void submitRename()}
        onCancel={() => setRenaming(null)}
        destroyOnHidden
      >
        <Form layout="vertical" onFinish={() => void submitRename()}>
          <Form.Item
            label={t('templates.renameLabel', { name: renaming?.name ?? '' })}
            htmlFor="plan-template-rename"
            validateStatus={error === null ? undefined : 'error'}
            help={error}
          >
            <Input
              id="plan-template-rename"
              autoFocus
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                setError(null);
              }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
