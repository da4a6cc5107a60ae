import { UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type BulkAccountsResult, staffRoles } from '../../../schemas/accounts.js';
import type { PersonDto } from '../../../schemas/org.js';
import { api } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import type { CredentialSheetState } from './credentials-print-page';

/**
 * 开通账号: logins for the ticked people at once (issue 8 §2), by invitation QR (the person sets a PIN
 * on their phone) or one-time password; the result opens as a printable hand-out sheet.
 */
export function CreateLoginsButton({ selected, onDone }: { selected: PersonDto[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<{ role: string; method: string }>();
  const create = useMutation({
    mutationFn: (body: { personIds: string[]; role: string; method: string }) => api<BulkAccountsResult>('/api/v1/accounts/bulk', { method: 'POST', body }),
    onSuccess: async (result) => {
      setOpen(false);
      onDone();
      await client.invalidateQueries({ queryKey: ['/api/v1/accounts'] });
      if (result.skipped.length) void message.info(t('logins.skipped', { names: result.skipped.map((s) => s.displayName).join('、') }));
      if (result.created.length) {
        void message.success(t('logins.resultTitle', { count: result.created.length }));
        const state: CredentialSheetState = { kind: 'credentials', items: result.created };
        navigate('/print/credentials', { state });
      }
    },
    onError: (error) => void message.error(error.message),
  });
  if (!hasRole(me, ['principal', 'safety_manager'])) return null;
  return (
    <>
      <Button icon={<UserAddOutlined />} disabled={selected.length === 0} title={selected.length === 0 ? t('logins.selectHint') : undefined} onClick={() => setOpen(true)} data-testid="create-logins">
        {t('logins.createButton')}
        {selected.length > 0 && ` (${selected.length})`}
      </Button>
      <Modal
        open={isOpen}
        title={t('logins.createTitle', { count: selected.length })}
        onCancel={() => setOpen(false)}
        okText={t('logins.submit')}
        okButtonProps={{ loading: create.isPending, ...({ 'data-testid': 'create-logins-submit' } as Record<`data-${string}`, string>) }}
        onOk={() => {
          const v = form.getFieldsValue();
          create.mutate({ personIds: selected.map((p) => p.id), role: v.role, method: v.method });
        }}
      >
        <Typography.Paragraph type="secondary">{selected.map((p) => p.name).join('、')}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ role: 'worker', method: 'invitation' }}>
          <Form.Item name="role" label={t('logins.role')}>
            <Select options={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="method" label={t('logins.method')}>
            <Radio.Group>
              <Space direction="vertical">
                <Radio value="invitation">{t('logins.methodInvitation')}</Radio>
                <Radio value="password">{t('logins.methodPassword')}</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
        </Form>
        <Alert type="info" showIcon title={t('logins.showOnce')} />
      </Modal>
    </>
  );
}
