import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Form, Input, Skeleton, Typography } from 'antd';
import type { Settings } from '@shared/domain/settings';
import { useWriteFeedback } from '@renderer/app/hooks/useWriteFeedback';
import { useDatabaseContext } from '@renderer/db/context';
import { useSettings } from '@renderer/db/hooks/queries';
import { updateCompanyHeader } from '@renderer/db/repositories/settings';
import { useDealActions } from '@renderer/features/deals/hooks/useDealActions';

type Values = Pick<Settings, 'companyName' | 'companyAddress'>;

/** The lengths the settings schema allows (`companyName` 200, `companyAddress` 500). */
const MAX = { companyName: 200, companyAddress: 500 } as const;

/**
 * Settings → Company on documents: the company's name and address that head the quote documents
 * (PDF and XLSX). Saved on the settings' revision, with Undo; a refused save keeps what was typed.
 */
export default function CompanySection() {
  const { t } = useTranslation('quoteDocument');
  const settings = useSettings();
  const { db, env } = useDatabaseContext();
  const feedback = useWriteFeedback();
  const { undo } = useDealActions();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);

  const stored = useMemo(
    () =>
      settings === undefined
        ? undefined
        : { companyName: settings.companyName, companyAddress: settings.companyAddress },
    [settings],
  );
  useEffect(() => {
    if (stored === undefined || dirty) return;
    form.setFieldsValue(stored);
  }, [stored, dirty, form]);

  if (settings === undefined) return <Skeleton active paragraph={{ rows: 3 }} />;

  const save = async (values: Values) => {
    setSaving(true);
    try {
      await updateCompanyHeader(db, env, settings.rev, {
        companyName: values.companyName.trim(),
        companyAddress: values.companyAddress.trim(),
      }).catch((error: unknown) => feedback.fail(error));
      feedback.withUndo('company-header', t('company.saved'), undo);
      setDirty(false);
    } catch {
      // Reported above; the form keeps what was typed.
    } finally {
      setSaving(false);
    }
  };

  const lengthRule = (max: number) => ({
    max,
    message: t('company.tooLong', { max }),
  });

  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ flex: '180px' }}
      labelAlign="left"
      labelWrap
      colon={false}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void save(values)}
      aria-label={t('company.title')}
      initialValues={{ companyName: '', companyAddress: '' }}
    >
      <Typography.Paragraph type="secondary">{t('company.intro')}</Typography.Paragraph>
      <Form.Item name="companyName" label={t('company.name')} rules={[lengthRule(MAX.companyName)]}>
        <Input aria-label={t('company.name')} style={{ maxWidth: 480 }} />
      </Form.Item>
      <Form.Item
        name="companyAddress"
        label={t('company.address')}
        extra={t('company.addressHelp')}
        rules={[lengthRule(MAX.companyAddress)]}
      >
        <Input.TextArea
          aria-label={t('company.address')}
          autoSize={{ minRows: 2, maxRows: 4 }}
          style={{ maxWidth: 480 }}
        />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={saving} disabled={!dirty}>
          {t('company.save')}
        </Button>
        <Button
          disabled={!dirty}
          onClick={() => {
            form.resetFields();
            if (stored !== undefined) form.setFieldsValue(stored);
            setDirty(false);
          }}
        >
          {t('company.reset')}
        </Button>
      </Flex>
    </Form>
  );
}
