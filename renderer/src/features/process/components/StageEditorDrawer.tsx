import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Col,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { GATE_KINDS } from '@shared/domain/gate';
import type { SalesProcessId } from '@shared/domain/ids';
import { MILESTONE_KINDS } from '@shared/domain/milestone';
import type { Stage, StageKind } from '@shared/domain/sales-process';
import { MILESTONE_ANCHORS } from '@shared/domain/sales-process';
import { GATE_KIND_NAMES, inLocale } from '@shared/pipeline/labels';
import {
  checkStage,
  fixedPwin,
  forecastCategoriesFor,
  isClosingKind,
  STAGE_LIMITS,
} from '@shared/pipeline/process-edit';
import type { IssuePath } from '@shared/pipeline/process-edit';
import { useLanguage } from '@renderer/i18n/useLanguage';
import { useProcessActions } from '@renderer/features/process/hooks/useProcessActions';
import { isAt, stageIssueMessage } from '@renderer/features/process/utils/issues';
import type { StageFormValues } from '@renderer/features/process/utils/stageForm';
import {
  formValuesFromStage,
  NEW_CRITERION,
  NEW_TEMPLATE,
  stageInputFromForm,
} from '@renderer/features/process/utils/stageForm';

interface StageEditorDrawerProps {
  /** The stage to edit, or null to add an open stage to `processId`. */
  stage: Stage | null;
  processId: SalesProcessId;
  onClose: () => void;
}

/**
 * Edits one stage: names in both languages, default Pwin, forecast category, the exit-criteria
 * checklist, milestone templates and the gates opened on entry. Every field is judged by the same
 * rules the save applies (`checkStage`), so a message appears next to the field it is about, and
 * a refused save keeps everything typed. Mounted while open, so each opening starts afresh.
 */
export function StageEditorDrawer({ stage, processId, onClose }: StageEditorDrawerProps) {
  const { t } = useTranslation('process');
  const [language] = useLanguage();
  const [form] = Form.useForm<StageFormValues>();
  const actions = useProcessActions();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string[]>([]);
  const kind: StageKind = stage?.kind ?? 'open';
  const closing = isClosingKind(kind);
  const pwinFixedAt = fixedPwin(kind);

  // Taken once when the editor opens: a live update of the stage must not reset what is typed.
  const [initialValues] = useState(() => formValuesFromStage(stage));

  const issues = () =>
    checkStage(stageInputFromForm(form.getFieldsValue(true) as StageFormValues), kind);

  /** A form rule that reports the stage rules' issue for the field at `path`, if any. */
  const rule = (path: IssuePath): Rule => ({
    validator: async () => {
      const issue = issues().find((candidate) => isAt(candidate, path));
      if (issue) throw new Error(stageIssueMessage(issue, t, language));
    },
  });

  const submit = async () => {
    const remaining = issues();
    if (remaining.length > 0) {
      setFormError(remaining.map((issue) => stageIssueMessage(issue, t, language)));
      return;
    }
    setFormError([]);
    setSaving(true);
    try {
      const input = stageInputFromForm(form.getFieldsValue(true) as StageFormValues);
      if (stage) await actions.update({ id: stage.id, rev: stage.rev }, input);
      else await actions.create(processId, input);
      onClose();
    } catch {
      // The action told the user why; the drawer stays open with what was typed.
    } finally {
      setSaving(false);
    }
  };

  const name = stage ? inLocale(stage.name, language) : '';
  const title = stage ? t('editor.editTitle', { name }) : t('editor.createTitle');
  const gateOptions = GATE_KINDS.map((gate) => ({
    value: gate,
    label: inLocale(GATE_KIND_NAMES[gate], language),
  }));

  return (
    <Drawer
      open
      onClose={onClose}
      title={title}
      size={760}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('editor.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {stage ? t('editor.save') : t('editor.create')}
          </Button>
        </Space>
      }
    >
      <Form<StageFormValues>
        form={form}
        initialValues={initialValues}
        layout="vertical"
        onFinish={() => void submit()}
        onFinishFailed={() => setFormError([t('editor.fixErrors')])}
        scrollToFirstError
        aria-label={title}
      >
        {formError.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={formError.length === 1 ? formError[0] : t('editor.fixErrors')}
            description={
              formError.length > 1 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {formError.map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name={['name', 'zh']}
              label={t('editor.nameZh')}
              rules={[rule(['name', 'zh'])]}
            >
              <Input autoComplete="off" lang="zh-CN" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['name', 'en']}
              label={t('editor.nameEn')}
              rules={[rule(['name', 'en'])]}
            >
              <Input autoComplete="off" lang="en" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              label={t('editor.kind')}
              extra={closing ? t('editor.kindClosingHelp') : t('editor.kindOpenHelp')}
            >
              <Tag color={closing ? 'purple' : 'blue'}>{t(`kind.${kind}`)}</Tag>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="defaultPwin"
              label={t('editor.pwin')}
              extra={
                pwinFixedAt === null
                  ? t('editor.pwinHelp')
                  : t('editor.pwinFixed', { value: pwinFixedAt })
              }
              rules={[rule(['defaultPwin'])]}
            >
              <InputNumber
                aria-label={t('editor.pwin')}
                min={0}
                max={100}
                precision={0}
                disabled={pwinFixedAt !== null}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="forecastCategory"
              label={t('editor.forecast')}
              extra={t('editor.forecastHelp')}
              rules={[rule(['forecastCategory'])]}
            >
              <Select
                aria-label={t('editor.forecast')}
                options={forecastCategoriesFor(kind).map((category) => ({
                  value: category,
                  label: t(`forecast.${category}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" style={{ marginTop: 4 }}>
          {t('editor.criteria')}
        </Divider>
        <Typography.Paragraph type="secondary">{t('editor.criteriaHelp')}</Typography.Paragraph>
        <Form.List name="exitCriteria">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.length === 0 && (
                <Typography.Text type="secondary">{t('editor.noCriteria')}</Typography.Text>
              )}
              {fields.map((field, index) => {
                const n = index + 1;
                return (
                  <Flex key={field.key} gap={8} align="start">
                    <Typography.Text type="secondary" style={{ width: 24, lineHeight: '32px' }}>
                      {n}.
                    </Typography.Text>
                    <Form.Item
                      name={[field.name, 'label', 'zh']}
                      rules={[rule(['exitCriteria', index, 'label', 'zh'])]}
                      style={{ flex: 1, marginBottom: 0 }}
                    >
                      <Input
                        aria-label={t('editor.criterionZh', { n })}
                        placeholder={t('field.lang.zh')}
                        autoComplete="off"
                        lang="zh-CN"
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'label', 'en']}
                      rules={[rule(['exitCriteria', index, 'label', 'en'])]}
                      style={{ flex: 1, marginBottom: 0 }}
                    >
                      <Input
                        aria-label={t('editor.criterionEn', { n })}
                        placeholder={t('field.lang.en')}
                        autoComplete="off"
                        lang="en"
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('editor.removeCriterion', { n })}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                );
              })}
              <Button
                type="dashed"
                icon={<PlusOutlined aria-hidden />}
                disabled={fields.length >= STAGE_LIMITS.listItems}
                title={
                  fields.length >= STAGE_LIMITS.listItems
                    ? t('editor.atLimit', { max: STAGE_LIMITS.listItems })
                    : undefined
                }
                onClick={() => add({ ...NEW_CRITERION, label: { ...NEW_CRITERION.label } })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('editor.addCriterion')}
              </Button>
            </Flex>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('editor.templates')}</Divider>
        <Typography.Paragraph type="secondary">{t('editor.templatesHelp')}</Typography.Paragraph>
        <Form.List name="milestoneTemplates">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.length === 0 && (
                <Typography.Text type="secondary">{t('editor.noTemplates')}</Typography.Text>
              )}
              {fields.map((field, index) => {
                const n = index + 1;
                return (
                  <fieldset
                    key={field.key}
                    aria-label={t('editor.templateGroup', { n })}
                    style={{
                      border: '1px solid var(--ant-color-border-secondary)',
                      borderRadius: 8,
                      padding: '12px 12px 0',
                      margin: 0,
                    }}
                  >
                    <Flex gap={8} align="start">
                      <Typography.Text type="secondary" style={{ width: 24, lineHeight: '32px' }}>
                        {n}.
                      </Typography.Text>
                      <Form.Item
                        name={[field.name, 'name', 'zh']}
                        rules={[rule(['milestoneTemplates', index, 'name', 'zh'])]}
                        style={{ flex: 1, marginBottom: 12 }}
                      >
                        <Input
                          aria-label={t('editor.templateZh', { n })}
                          placeholder={t('field.lang.zh')}
                          autoComplete="off"
                          lang="zh-CN"
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'name', 'en']}
                        rules={[rule(['milestoneTemplates', index, 'name', 'en'])]}
                        style={{ flex: 1, marginBottom: 12 }}
                      >
                        <Input
                          aria-label={t('editor.templateEn', { n })}
                          placeholder={t('field.lang.en')}
                          autoComplete="off"
                          lang="en"
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t('editor.removeTemplate', { n })}
                        onClick={() => remove(field.name)}
                      />
                    </Flex>
                    <Flex gap={8} align="start" style={{ paddingInlineStart: 32 }}>
                      <Form.Item
                        name={[field.name, 'kind']}
                        label={t('editor.milestoneKind')}
                        style={{ flex: 1, marginBottom: 12 }}
                      >
                        <Select
                          aria-label={t('editor.templateKind', { n })}
                          options={MILESTONE_KINDS.map((value) => ({
                            value,
                            label: t(`milestoneKind.${value}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'anchor']}
                        label={t('editor.anchor')}
                        style={{ flex: 1, marginBottom: 12 }}
                      >
                        <Select
                          aria-label={t('editor.templateAnchor', { n })}
                          options={MILESTONE_ANCHORS.map((value) => ({
                            value,
                            label: t(`anchor.${value}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'offsetWorkingDays']}
                        label={t('editor.offset')}
                        tooltip={t('editor.offsetHelp')}
                        rules={[rule(['milestoneTemplates', index, 'offsetWorkingDays'])]}
                        style={{ flex: 1, marginBottom: 12 }}
                      >
                        <InputNumber
                          aria-label={t('editor.templateOffset', { n })}
                          precision={0}
                          suffix={t('editor.offsetUnit')}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                      <span style={{ width: 32, flex: 'none' }} />
                    </Flex>
                  </fieldset>
                );
              })}
              <Button
                type="dashed"
                icon={<PlusOutlined aria-hidden />}
                disabled={fields.length >= STAGE_LIMITS.listItems}
                title={
                  fields.length >= STAGE_LIMITS.listItems
                    ? t('editor.atLimit', { max: STAGE_LIMITS.listItems })
                    : undefined
                }
                onClick={() => add({ ...NEW_TEMPLATE, name: { ...NEW_TEMPLATE.name } })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('editor.addTemplate')}
              </Button>
            </Flex>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('editor.gates')}</Divider>
        <Form.Item name="gateKinds" extra={t('editor.gatesHelp')}>
          <Select
            mode="multiple"
            aria-label={t('editor.gates')}
            placeholder={t('editor.gatesPlaceholder')}
            options={gateOptions}
            allowClear
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
