import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Skeleton, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { publicationSettingsInputSchema } from '../../../schemas/publication.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { useZodForm } from '../../app/forms/use-zod-form';
import { PageHeader } from '../../app/ui/page-header';

type Settings = { emergencyPhone: string | null; cardFooter: string | null };
const path = '/api/v1/publication-settings';

/** /settings/publication (issue 8 §6): the enterprise's emergency phone and the card footer, printed on every card and board. */
export function PublicationSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = useCanManage();
  const [form] = Form.useForm();
  const zod = useZodForm(form, publicationSettingsInputSchema);
  const settings = useQuery({ queryKey: [path], queryFn: () => api<Settings>(path) });
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ emergencyPhone: settings.data.emergencyPhone ?? '', cardFooter: settings.data.cardFooter ?? '' });
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (input: unknown) => api<Settings>(path, { method: 'PUT', body: input }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [path] });
      await client.invalidateQueries({ queryKey: ['/api/v1/onboarding-checklist'] });
      void message.success(t('common.saved'));
    },
    onError: (error) => zod.showServerErrors(error),
  });
  if (!settings.data) return <Skeleton active />;
  return (
    <div data-testid="publication-settings">
      <PageHeader
        title={t('pubSettings.title')}
        hint={t('pubSettings.hint')}
        extra={
          <Link to="/print/risk-cards">
            <Button icon={<PrinterOutlined />}>{t('pubSettings.printAll')}</Button>
          </Link>
        }
      />
      {save.error && !zod.hasFieldErrors(save.error) && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={save.error.message} />}
      <Card size="small" style={{ maxWidth: 640 }}>
        <Form
          form={form}
          layout="vertical"
          disabled={!canManage}
          onValuesChange={zod.clearChanged}
          onFinish={(values: { emergencyPhone?: string; cardFooter?: string }) =>
            zod.submit({ emergencyPhone: values.emergencyPhone?.trim() || null, cardFooter: values.cardFooter?.trim() || null }, (input) => save.mutate(input))
          }
        >
          <Form.Item name="emergencyPhone" label={t('pubSettings.emergencyPhone')} extra={t('pubSettings.emergencyPhoneHint')}>
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
          <Form.Item name="cardFooter" label={t('pubSettings.cardFooter')} extra={t('pubSettings.cardFooterHint')}>
            <Input maxLength={120} showCount />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="publication-settings-save">
              {t('common.save')}
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
